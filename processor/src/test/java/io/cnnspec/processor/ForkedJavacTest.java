package io.cnnspec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor in a real javac with a small heap, as a build runs it: specs that once took
 * gigabytes (issue 13) are answered with errors in 256 MB, javac does not crash, and the other
 * networks of the compilation are still generated. Not a timed test: what it checks is that the
 * heap suffices and what javac says.
 */
class ForkedJavacTest {

  @TempDir Path dir;

  @Test
  void hostileSpecsAreErrorsInAJavacOf256Megabytes() throws IOException, InterruptedException {
    StringBuilder chain = new StringBuilder("def blk40 { relu } ");
    for (int i = 39; i >= 0; i--) {
      chain.append("def blk").append(i).append(" { blk").append(i + 1).append(" blk").append(i + 1).append(" } ");
    }
    // 63 defs that each call the next once, and 60 nested labelled groups: 63 and 60 blocks a layer
    StringBuilder calls = new StringBuilder("def k63 { relu } ");
    for (int i = 62; i >= 1; i--) {
      calls.append("def k").append(i).append(" { k").append(i + 1).append(" } ");
    }
    String groups = "relu";
    for (int i = 0; i < 60; i++) {
      groups = "( " + groups + " ) @g" + i;
    }
    String source = "package demo;\n\nimport io.cnnspec.Network;\n"
        + "@Network(name = \"Big\", input = \"8x8x3\", value = \"def b { relu } b x1000000\")\n"
        + "@Network(name = \"Chain\", input = \"8x8x3\", value = \"" + chain + "blk0\")\n"
        + "@Network(name = \"Named\", input = \"8x8x3\", value = \"def " + "b".repeat(30_000) + " { relu } relu\")\n"
        + "@Network(name = \"Calls\", input = \"8x8x3\", value = \"" + calls + "k1 x999\")\n"
        + "@Network(name = \"Groups\", input = \"8x8x3\", value = \"( " + groups + " ) x999\")\n"
        + "@Network(name = \"Distinct\", input = \"1x1x3\", value = \"def b { conv1-{in+1} } b x99999 @"
        + "a".repeat(127) + "\")\n"
        + "@Network(name = \"Fine\", input = \"8x8x3\", value = \"conv3-4 pool fc10\")\n"
        + "class Specs {}\n";
    Path file = Files.createDirectories(dir.resolve("src/demo")).resolve("Specs.java");
    Files.writeString(file, source);
    Path out = Files.createDirectories(dir.resolve("out"));
    Path generated = Files.createDirectories(dir.resolve("generated"));

    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(javac.toString(), "-J-Xmx256m", "-J-XX:+UseSerialGC",
        "-cp", classpath(), "-processor", NetworkProcessor.class.getName(), "-d", out.toString(), "-s", generated.toString(), file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();

    assertEquals(1, exit, output); // errors; 3 or 4 is javac's crash, "system error" or "abnormal"
    assertFalse(output.contains("uncaught exception"), output);
    assertFalse(output.contains("OutOfMemoryError"), output);
    assertEquals(5, count(output, "[cnnspec:too-many-layers]"), output);
    assertEquals(1, count(output, "[cnnspec:name-too-long]"), output);
    // javac writes no class file after errors, but the processor did generate the good network
    assertTrue(Files.isRegularFile(generated.resolve("demo/Fine.java")), output);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  /** The processor's classes and what they need, from where this JVM loaded them. */
  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(NetworkProcessor.class, io.cnnspec.lang.CnnSpec.class, io.cnnspec.model.NetworkInfo.class,
        org.antlr.v4.runtime.Lexer.class, com.palantir.javapoet.JavaFile.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
