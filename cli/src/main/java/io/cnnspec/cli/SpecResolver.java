package io.cnnspec.cli;

import io.cnnspec.text.SpecBytes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns what the user typed into a spec's text: {@code -} is standard input, a path (it has a slash
 * or ends in {@code .cnn}) is a file, a bare name is a zoo network (or, failing that, an existing
 * file of that name). Every way this can fail is an {@link InputException} with a message meant for
 * a person, never a stack trace.
 */
final class SpecResolver {

  static final String STDIN_ORIGIN = "<stdin>";

  /**
   * A spec's text and where it came from.
   *
   * @param origin how diagnostics name it: the path as typed, {@code <stdin>}, {@code zoo:vgg16}
   * @param text the spec, decoded by {@link SpecBytes}
   */
  record Spec(String origin, String text) {}

  private final Io io;
  private final Zoo zoo;

  SpecResolver(Io io, Zoo zoo) {
    this.io = io;
    this.zoo = zoo;
  }

  Spec resolve(String arg) throws InputException {
    if (arg.equals("-")) {
      return stdin();
    }
    if (arg.isBlank()) {
      throw new InputException("an empty name is neither a file nor a zoo network; "
          + "give a .cnn file, a zoo name (see 'cnnspec zoo') or - for standard input");
    }
    if (looksLikePath(arg)) {
      return file(arg);
    }
    var entry = zoo.find(arg);
    if (entry.isPresent()) {
      return new Spec(entry.get().origin(), entry.get().text());
    }
    Path path = pathOrNull(arg);
    if (path != null && Files.isRegularFile(path)) {
      return file(arg);
    }
    throw new InputException(unknownName(arg));
  }

  /** A slash, a backslash on Windows, or a {@code .cnn} ending: the user means a file. */
  static boolean looksLikePath(String arg) {
    return arg.indexOf('/') >= 0
        || arg.indexOf(File.separatorChar) >= 0
        || arg.toLowerCase(Locale.ROOT).endsWith(".cnn")
        || arg.startsWith(".")
        || arg.startsWith("~");
  }

  private String unknownName(String arg) {
    StringBuilder message = new StringBuilder("'").append(arg).append("' is not a zoo network, nor a file");
    List<String> close = zoo.suggestions(arg);
    if (!close.isEmpty()) {
      message.append("; did you mean ").append(orList(close)).append('?');
    }
    message.append("\n    hint: 'cnnspec zoo' lists the bundled networks; a file path needs .cnn or a slash, e.g. ./")
        .append(arg);
    return message.toString();
  }

  private static String orList(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private Spec stdin() throws InputException {
    byte[] bytes;
    try {
      bytes = io.stdin(SpecBytes.MAX_BYTES);
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + reason(e));
    }
    try {
      return new Spec(STDIN_ORIGIN, SpecBytes.decode(SpecBytes.checkSize(bytes)));
    } catch (SpecBytes.Unreadable e) {
      throw new InputException("standard input " + e.getMessage());
    }
  }

  private static Path pathOrNull(String arg) {
    try {
      return Path.of(arg);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Spec file(String arg) throws InputException {
    Path path = pathOrNull(arg);
    if (path == null) {
      throw new InputException("cannot read " + arg + ": not a valid file name");
    }
    if (Files.isDirectory(path)) {
      throw new InputException(arg + " is a directory; give the .cnn files in it, e.g. " + example(arg));
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new Spec(arg, SpecBytes.read(in));
    } catch (SpecBytes.Unreadable e) {
      throw new InputException(arg + " " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new InputException("cannot read " + arg + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("cannot read " + arg + ": permission denied");
    } catch (IOException e) {
      throw new InputException("cannot read " + arg + ": " + reason(e));
    }
  }

  private static String example(String dir) {
    return (dir.endsWith("/") ? dir : dir + "/") + "*.cnn";
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
