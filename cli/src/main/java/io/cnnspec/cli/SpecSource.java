package io.cnnspec.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
final class SpecSource {

  /** The largest spec read, far above any written-out network (a million layers is about 20 MB). */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  static final String STDIN_ORIGIN = "<stdin>";

  /**
   * A spec's text and where it came from.
   *
   * @param origin how diagnostics name it: the path as typed, {@code <stdin>}, {@code zoo:vgg16}
   * @param text the spec, UTF-8 decoded, without a byte order mark
   */
  record Spec(String origin, String text) {}

  private final Io io;
  private final Zoo zoo;

  SpecSource(Io io, Zoo zoo) {
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
      bytes = io.stdin(MAX_BYTES);
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new InputException("standard input is too large for a spec (over " + MAX_BYTES / (1024 * 1024) + " MiB)");
    }
    return new Spec(STDIN_ORIGIN, decode(bytes, "standard input"));
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
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new InputException("cannot read " + arg + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("cannot read " + arg + ": permission denied");
    } catch (IOException e) {
      throw new InputException("cannot read " + arg + ": " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new InputException(arg + " is too large for a spec (over " + MAX_BYTES / (1024 * 1024) + " MiB)");
    }
    return new Spec(arg, decode(bytes, arg));
  }

  private static String example(String dir) {
    return (dir.endsWith("/") ? dir : dir + "/") + "*.cnn";
  }

  /** Strict UTF-8: a NUL byte or a malformed sequence means this is no spec. */
  static String decode(byte[] bytes, String what) throws InputException {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InputException(what + " is not a text file (cnnspec specs are UTF-8 text)");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more UTF-16 units than it has bytes
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InputException(what + " is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at "
          + lineAndColumn(bytes, in.position()));
    }
    out.flip();
    return stripBom(out.toString());
  }

  /** {@code line L, byte B}, 1-based, of the byte at {@code offset}. */
  private static String lineAndColumn(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", byte " + (offset - lineStart + 1);
  }

  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
