package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worst specs of at most 64 KB known (issue 13), each answered by {@code cnnspec check} in a
 * JVM of 256 MB heap, the launcher's collector and compiler: a network, or positioned errors, and
 * never "out of memory". The heap bound is the forked JVM's {@code -Xmx}; the CPU bound (2 s) is a
 * measured row in bench/README.md ("Bounds on hostile specs"), not asserted here. Runs in the
 * package phase with the other *JarIT tests.
 */
class HostileSpecJarIT {

  private static final Path JAR = Path.of(System.getProperty("cnnspec.jar", "target/cnnspec.jar"));
  private static final Pattern POSITIONED = Pattern.compile("(?m)^\\S+\\.cnn:\\d+:\\d+: error: ");
  private static final String LONG_LABEL = "a".repeat(127);

  @TempDir Path dir;

  /** A worst case: its name, its text, and whether it is a network (else errors). */
  record Hostile(String name, String text, boolean network) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Hostile> worstCases() {
    StringBuilder calls = new StringBuilder("network Calls : 8x8x3\ndef k63 { relu }\n");
    for (int i = 62; i >= 1; i--) {
      calls.append("def k").append(i).append(" { k").append(i + 1).append(" }\n");
    }
    StringBuilder doubling = new StringBuilder("network Chain : 8x8x3\ndef blk40 { relu }\n");
    for (int i = 39; i >= 0; i--) {
      doubling.append("def blk").append(i).append(" { blk").append(i + 1).append(" blk").append(i + 1).append(" }\n");
    }
    String groups = "relu";
    for (int i = 0; i < 60; i++) {
      groups = "( " + groups + " ) @g" + i;
    }
    String longDef = "b".repeat(128);
    String nearMiss = "b".repeat(64) + "c" + "b".repeat(63);
    return Stream.of(
        new Hostile("layers-to-the-limit", "network N : 8x8x3\nrelu x99999\n", true),
        new Hostile("calls-to-the-limit", "network N : 8x8x3\ndef b { relu }\nb x99999\n", true),
        // every row a new op, shape and text, and a long name for each turn: the costliest row
        new Hostile("distinct-rows", "network N : 1x1x3\ndef b { conv1-{in+1} }\nb x99999 @" + LONG_LABEL + "\n", true),
        new Hostile("past-the-limit", "network N : 8x8x3\nrelu x100001\n", false),
        new Hostile("call-chain-blocks", calls + "k1 x99999\n", false),
        new Hostile("labelled-group-nest", "network N : 8x8x3\n( " + groups + " ) x99999\n", false),
        new Hostile("doubling-chain", doubling + "blk0\n", false),
        new Hostile("near-misses", "network N : 8x8x3\ndef " + longDef + " { relu }\n"
            + (nearMiss + " ").repeat(60_000 / (nearMiss.length() + 1)) + "\n", false),
        new Hostile("words-64k", "network N : 8x8x3\n" + "relu ".repeat(13_000) + "\n", true));
  }

  @ParameterizedTest
  @MethodSource("worstCases")
  void answeredInA256MegabyteHeap(Hostile hostile) throws Exception {
    byte[] text = hostile.text().getBytes(StandardCharsets.UTF_8);
    assertTrue(text.length <= 64 * 1024, hostile.name() + " is " + text.length + " bytes");
    Path file = dir.resolve(hostile.name() + ".cnn");
    Files.write(file, text);

    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "check", file.toString());
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    process.getOutputStream().close();
    // a hang guard for a loaded build machine, not a speed test
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "no answer: " + hostile.name());
    String stderr = new String(err.get(), StandardCharsets.UTF_8);
    String stdout = new String(out.get(), StandardCharsets.UTF_8);

    assertFalse(stderr.contains("out of memory"), stderr);
    assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
    if (hostile.network()) {
      assertEquals(0, process.exitValue(), stdout + stderr);
      assertEquals("", stderr);
    } else {
      assertEquals(1, process.exitValue(), stdout + stderr);
      assertTrue(POSITIONED.matcher(stderr).find(), stderr);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
