package io.cnnspec.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one way cnnspec turns the bytes of a {@code .cnn} file (or standard input) into a spec's
 * text, for the command line and the annotation processor alike: at most {@link #MAX_BYTES}, strict
 * UTF-8 (a malformed sequence or a NUL byte means this is no spec, rather than text silently
 * altered), and a leading byte order mark, which some editors write, dropped.
 */
public final class SpecBytes {

  /**
   * The largest spec read: far above any written-out network within the layer limit (100,000
   * layers written out, one a line with a comment, are about 3 MB; a million, 6 MB), a guard
   * against reading a huge file by mistake. The bytes, their string and the parser's buffer are
   * alive at once, so this bounds the heap a file takes before a layer is looked at: a 50 MB file
   * of {@code relu} words needed more than a 256 MB heap to reach the layer limit.
   */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  /**
   * Why bytes are no spec. The message completes a sentence whose subject names the input, e.g.
   * {@code "vgg16.cnn " + e.getMessage()}: {@code is too large for a spec (over 64 MiB)}, or
   * {@code is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at line 2, byte 7}.
   */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong, for callers that tell the cases apart (a processor's message code). */
    public enum Reason {
      TOO_LARGE,
      NOT_TEXT,
      INVALID_UTF8
    }

    private final Reason reason;

    Unreadable(Reason reason, String predicate) {
      super(predicate);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  private SpecBytes() {}

  /**
   * Reads {@code in} to its end and decodes it; the stream is not closed.
   *
   * @throws Unreadable when there are more than {@link #MAX_BYTES} bytes, or they are not UTF-8 text
   * @throws IOException when reading fails
   */
  public static String read(InputStream in) throws IOException, Unreadable {
    return decode(checkSize(in.readNBytes(MAX_BYTES + 1)));
  }

  /**
   * {@code bytes} unchanged when there are at most {@link #MAX_BYTES}; for a caller that read
   * {@code MAX_BYTES + 1} itself.
   *
   * @throws Unreadable when there are more
   */
  public static byte[] checkSize(byte[] bytes) throws Unreadable {
    if (bytes.length > MAX_BYTES) {
      throw new Unreadable(Unreadable.Reason.TOO_LARGE,
          "is too large for a spec (over " + MAX_BYTES / (1024 * 1024) + " MiB)");
    }
    return bytes;
  }

  /**
   * Strict UTF-8 without a byte order mark.
   *
   * @throws Unreadable naming the line and the byte within it (both 1-based) of a malformed
   *     sequence, or when there is a NUL byte (a binary file)
   */
  public static String decode(byte[] bytes) throws Unreadable {
    for (byte b : bytes) {
      if (b == 0) {
        throw new Unreadable(Unreadable.Reason.NOT_TEXT, "is not a text file (cnnspec specs are UTF-8 text)");
      }
    }
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      // the common case, and a compact string: no UTF-16 copy of a 50 MB file on the way
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // Validated through a small window rather than into one buffer as long as the file (a char
    // per byte, twice the file), then decoded by String, which is exact for valid UTF-8.
    CharBuffer window = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      window.clear();
      result = decoder.decode(in, window, true);
    } while (result.isOverflow());
    if (!result.isError()) {
      do {
        window.clear();
        result = decoder.flush(window);
      } while (result.isOverflow());
    }
    if (result.isError()) {
      throw new Unreadable(Unreadable.Reason.INVALID_UTF8,
          "is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at " + lineAndByte(bytes, in.position()));
    }
    return stripBom(new String(bytes, StandardCharsets.UTF_8));
  }

  /** {@code text} without a leading byte order mark (U+FEFF). */
  public static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** {@code line L, byte B}, 1-based, of the byte at {@code offset}; lines end as {@link LineEnds} says. */
  static String lineAndByte(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (LineEnds.endsLine(bytes[i], i + 1 < bytes.length ? bytes[i + 1] : -1)) {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", byte " + (offset - lineStart + 1);
  }
}
