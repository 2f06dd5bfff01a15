package io.cnnspec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.Network;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar, as the README's plain {@code javac} use takes it: one jar on the
 * processor path, the runtime on the class path, nothing else. Runs after the shade plugin (package
 * phase), in processes of their own so that nothing of this build's class path helps.
 */
class ProcessorJarIT {

  private static final Path JAR = Path.of(System.getProperty("cnnspec.processor.jar", "target/cnnspec-processor.jar"));

  @TempDir Path dir;

  @Test
  void antlrAndJavapoetAreRelocatedAndNothingNamesTheOriginals() throws IOException {
    List<String> unrelocated = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String required : new String[] {
          "META-INF/services/javax.annotation.processing.Processor",
          "META-INF/gradle/incremental.annotation.processors",
          "io/cnnspec/processor/NetworkProcessor.class",
          "io/cnnspec/processor/shaded/antlr/Parser.class",
          "io/cnnspec/processor/shaded/javapoet/JavaFile.class",
          "io/cnnspec/lang/CnnSpec.class",
          "io/cnnspec/model/NetworkInfo.class",
          "io/cnnspec/zoo/index.txt",
          "io/cnnspec/zoo/resnet50.cnn"}) {
        assertNotNull(jar.getEntry(required), required + " is not in " + JAR);
      }
      for (JarEntry entry : jar.stream().toList()) {
        if (entry.getName().startsWith("org/") || entry.getName().startsWith("com/")) {
          unrelocated.add(entry.getName());
        } else if (entry.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(entry)) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (constants.contains("org/antlr/") || constants.contains("com/palantir/")) {
              unrelocated.add(entry.getName() + " names an unrelocated class");
            }
          }
        }
      }
    }
    assertEquals(List.of(), unrelocated);
  }

  @Test
  void plainJavacWithOnlyTheJarAndTheRuntimeGeneratesAndTheClassesRun() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/main/java/demo"));
    Path cnn = Files.createDirectories(dir.resolve("src/main/cnn"));
    Files.writeString(cnn.resolve("tiny.cnn"), "network Tiny : 8x8x3\n  conv3-4 relu gap fc10\n");
    Files.writeString(src.resolve("Specs.java"), """
        package demo;

        import io.cnnspec.Network;

        @Network(name = "Mlp", input = "784", value = "fc100 relu fc10")
        @Network(file = "tiny.cnn")
        @Network(file = "zoo:resnet50")
        public final class Specs {
          public static void main(String[] args) {
            System.out.println(Mlp.PARAMS + " " + Tiny.PARAMS + " " + ResNet50.PARAMS);
          }
        }
        """);
    String runtime = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String javaHome = System.getProperty("java.home");
    // the README's command, run in the project's directory, with this build's jars for the ones it names
    List<String> command = new ArrayList<>();
    for (String word : readmeJavacCommand().split(" +")) {
      command.add(word.equals("javac") ? javaHome + "/bin/javac"
          : word.matches("cnnspec-processor-.*\\.jar") ? JAR.toAbsolutePath().toString()
          : word.matches("cnnspec-runtime-.*\\.jar") ? runtime
          : word);
    }
    Run javac = run(command, dir);
    assertEquals(0, javac.exit, javac.output);
    assertEquals("", javac.output.strip());
    Path out = dir.resolve("classes");
    Run java = run(List.of(javaHome + "/bin/java", "-cp", out + File.pathSeparator + runtime, "demo.Specs"), dir);
    assertEquals(0, java.exit, java.output);
    // Mlp: 784*100+100 + 100*10+10; Tiny: 3*3*3*4+4 + 4*10+10; ResNet50: torchvision's 25,557,032
    assertEquals("79510 162 25557032", java.output.strip());
  }

  private record Run(int exit, String output) {}

  /** The README's plain javac command, one line of its "Build integration" section. */
  private static String readmeJavacCommand() throws IOException {
    Path readme = Path.of(System.getProperty("cnnspec.readme", "../README.md"));
    List<String> commands = Files.readAllLines(readme).stream().filter(line -> line.startsWith("javac -processorpath ")).toList();
    assertEquals(1, commands.size(), "one plain javac command in " + readme);
    String command = commands.get(0);
    assertTrue(command.contains(" -classpath cnnspec-runtime-") && command.contains(" src/main/java/demo/Specs.java")
        && command.contains(" -Acnnspec.path=src/main/cnn ") && command.contains(" -d classes "), command);
    return command;
  }

  private static Run run(List<String> command, Path directory) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "did not finish: " + command);
    return new Run(process.exitValue(), output);
  }
}
