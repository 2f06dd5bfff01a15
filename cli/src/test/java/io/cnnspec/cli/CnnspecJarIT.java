package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built artifacts in a real process: {@code cli/target/cnnspec.jar} with {@code java -jar}, and
 * the {@code cnnspec} launcher script. Runs in the package phase, after the shade plugin (see
 * cli/pom.xml); each test starts a JVM or two, so they are few.
 */
class CnnspecJarIT {

  private static final Path JAR = Path.of(System.getProperty("cnnspec.jar", "target/cnnspec.jar"));
  private static final Path LAUNCHER = Path.of(System.getProperty("cnnspec.launcher", "../cnnspec"));

  record Run(int exit, String out, String err) {}

  private static Run exec(List<String> command, String stdin) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Run jar(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return exec(command, stdin);
  }

  @Test
  void theJarIsSelfContained() throws IOException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      var manifest = jar.getManifest().getMainAttributes();
      assertEquals("io.cnnspec.cli.Main", manifest.getValue("Main-Class"));
      assertEquals(VersionProvider.version(), manifest.getValue("Implementation-Version"));
      for (String cls : new String[] {"picocli/CommandLine.class", "io/cnnspec/report/JsonWriter.class",
          "org/antlr/v4/runtime/Lexer.class", "io/cnnspec/lang/CnnSpec.class", "io/cnnspec/model/NetworkInfo.class",
          "io/cnnspec/report/Reports.class", "io/cnnspec/zoo/index.txt", "io/cnnspec/zoo/vgg16.cnn"}) {
        assertNotNull(jar.getEntry(cls), cls);
      }
      for (Zoo.Entry entry : Zoo.bundled().entries()) {
        assertNotNull(jar.getEntry("io/cnnspec/zoo/" + entry.fileName()), entry.fileName());
      }
      assertNull(jar.getEntry("module-info.class"));
      assertFalse(jar.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
      assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("com/fasterxml/jackson/")),
          "Jackson is for tests only: the runtime writes the JSON");
    }
  }

  @Test
  void summaryOfTheZoo() throws Exception {
    Run r = jar(null, "summary", "vgg16");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("138,357,544"), r.out());
    assertTrue(r.out().contains("FLOPs (2 x MACs):"), r.out());
  }

  @Test
  void errorsOnStdinWithoutStackTrace() throws Exception {
    Run r = jar(Specs.BAD, "check", "-");
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("<stdin>:3:16: error: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void treeMarksAreUtf8WhateverTheLocale() throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=ISO-8859-1", "-jar", JAR.toString(), "summary", "resnet18", "--depth", "2");
    Run r = exec(command, null);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("├─"), r.out());
  }

  @Test
  void launcherScript(@TempDir Path dir) throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
    Run version = exec(List.of(LAUNCHER.toString(), "--version"), null);
    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("cnnspec " + VersionProvider.version() + "\n"), version.out());

    Run usage = exec(List.of(LAUNCHER.toString(), "summary", "--batch", "0", "vgg16"), null);
    assertEquals(2, usage.exit(), usage.err());

    // a checkout that is not built yet: the script says how to build, exit 2
    Path copy = Files.copy(LAUNCHER, dir.resolve("cnnspec"));
    copy.toFile().setExecutable(true);
    Run unbuilt = exec(List.of(copy.toString(), "zoo"), null);
    assertEquals(2, unbuilt.exit());
    assertEquals("", unbuilt.out());
    assertTrue(unbuilt.err().contains("mvn -B -q install -DskipTests"), unbuilt.err());

    // through a symlink, as from ~/bin
    Path link = Files.createSymbolicLink(dir.resolve("link"), LAUNCHER.toAbsolutePath());
    Run linked = exec(List.of(link.toString(), "zoo", "vgg16"), null);
    assertEquals(0, linked.exit(), linked.err());
    assertTrue(linked.out().contains("network Vgg16"), linked.out());
    Files.delete(link);
  }
}
