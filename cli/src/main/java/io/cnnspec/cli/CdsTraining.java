package io.cnnspec.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's training run for the class data sharing archive, not part of the command: runs the
 * command lines people run most, in one JVM, output discarded, so that the classes they load can be
 * listed ({@code -XX:DumpLoadedClassList}) and archived ({@code -Xshare:dump}), see cli/pom.xml.
 * Besides the summaries (the HTML one included) and a drawing, it runs the zoo listing (which
 * compiles every bundled network, so every layer kind the language has), the help, a usage error
 * and specs with errors, since a class the archive lacks is read from the jar and verified on every
 * start, picocli's (Java 5 class files) with the slow old verifier.
 *
 * <p>With a path argument it writes there the real path and the version of the Java home it ran on:
 * the archive is valid for that JVM only, and the {@code cnnspec} launcher uses it only with that
 * JVM.
 */
public final class CdsTraining {

  /** A spec with a syntax error and a shape error, for the diagnostics' path. */
  private static final String BAD_SPEC =
      "network Bad : 224x224x3\n  conv3-64 relux\n  res { conv3-128/2 bn relu }\n  fc10\n";

  private static final String[][] COMMANDS = {
    {"summary", "vgg16"},
    {"summary", "resnet50", "--format", "json"},
    {"summary", "densenet121", "--format", "markdown", "--depth", "1"},
    {"summary", "inception_v3", "--format", "csv", "--batch", "8", "--dtype", "fp16", "--optimizer", "adam"},
    {"summary", "mobilenet_v2", "--totals-only", "--input", "160x160x3"},
    {"draw", "resnet50"},
    {"summary", "vgg16", "--format", "html"},
    {"check", "-"},
    {"zoo"},
    {"zoo", "vgg16"},
    {"--help"},
    {"help", "summary"},
    {"--version"},
    {"summary", "vgg16", "--batch", "0"},
    {"summary", "vgg61"},
    {"sumary", "vgg16"},
  };

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    for (String[] command : COMMANDS) {
      Main.run(command, nowhere, nowhere, new ByteArrayInputStream(BAD_SPEC.getBytes(StandardCharsets.UTF_8)));
    }
    if (args.length > 0) {
      Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
      String version = System.getProperty("java.runtime.version");
      Files.writeString(Path.of(args[0]), javaHome + "\n" + version + "\n", StandardCharsets.UTF_8);
    }
  }
}
