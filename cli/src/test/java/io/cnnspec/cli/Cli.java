package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command in-process, as {@code Main.run}, with captured streams. */
final class Cli {

  record Result(int exit, String out, String err) {

    /** Fails when standard error shows a Java stack trace or exception name. */
    Result noStackTrace() {
      assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("at io.cnnspec"),
          () -> "stack trace on stderr:\n" + err);
      assertFalse(out.contains("\tat ") || out.contains("Exception"), () -> "stack trace on stdout:\n" + out);
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return runWithStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static Result runWithStdin(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args, o, e, stdin);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
