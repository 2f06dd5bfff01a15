package io.cnnspec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -o FILE}: where summary, draw and export write their report, picture or model instead of
 * standard output. One class, so all three refuse an empty name and word a file they cannot write
 * the same way.
 */
final class OutputFile {

  private final OptionSpec option;

  /** {@code what} completes "Write ... to FILE", e.g. {@code "the report (UTF-8)"}. */
  OutputFile(String what) {
    option = OptionSpec.builder("-o", "--output")
        .paramLabel("FILE")
        .type(String.class)
        .converters(OutputFile::fileName)
        .description("Write " + what + " to FILE (replaced if it exists) instead of standard output.")
        .build();
  }

  OptionSpec option() {
    return option;
  }

  /**
   * An empty name is a usage error while the command line is read, before the spec is compiled:
   * as a path it is the current directory, and writing it failed with "Is a directory".
   */
  private static String fileName(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException(
          "the file name is empty; give a file to write, or leave out -o to write to standard output");
    }
    return value;
  }

  /** Writes {@code text} as UTF-8 where the option says; see {@link #write(Io, byte[])}. */
  int write(Io io, String text) {
    return write(io, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to the file the option names, or to standard output without it.
   *
   * @return {@link Main#OK}, or {@link Main#USAGE} after saying on standard error why the file
   *     cannot be written (its directory does not exist, permission denied, the system's reason)
   */
  int write(Io io, byte[] bytes) {
    String file = option.getValue();
    if (file == null) {
      io.out().write(bytes, 0, bytes.length);
      return Main.OK;
    }
    try {
      Files.write(Path.of(file), bytes);
      return Main.OK;
    } catch (IOException | InvalidPathException e) {
      io.err().println("cnnspec: error: cannot write " + file + ": " + reason(e));
      return Main.USAGE;
    }
  }

  /** Why, in words: the system's reason without the file name it repeats, never the bare name alone. */
  static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "its directory does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f) {
      // a FileSystemException's message is the file name, then the reason when the system gave one
      return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
    }
    if (e instanceof InvalidPathException p) {
      return "not a valid file name (" + p.getReason() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
