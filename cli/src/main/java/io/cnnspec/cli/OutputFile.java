package io.cnnspec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -o FILE}: where a command writes its report or picture instead of standard output. */
final class OutputFile {

  private final OptionSpec option;

  OutputFile(String what) {
    option = OptionSpec.builder("-o", "--output")
        .paramLabel("FILE")
        .type(String.class)
        .description("Write " + what + " to FILE (UTF-8, replaced if it exists) instead of standard output.")
        .build();
  }

  OptionSpec option() {
    return option;
  }

  /** Writes {@code text} where the option says; a file that cannot be written is a usage error. */
  int write(Io io, String text) {
    String file = option.getValue();
    if (file == null) {
      io.out().print(text);
      return Main.OK;
    }
    try {
      Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
      return Main.OK;
    } catch (IOException | InvalidPathException e) {
      io.err().println("cnnspec: error: cannot write " + file + ": " + reason(e));
      return Main.USAGE;
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "its directory does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
