package io.cnnspec.text;

/**
 * Where a spec's lines end: at an LF (Unix), a CRLF (Windows) and a CR alone (classic Mac OS), as
 * editors and {@link String#lines()} see them. ANTLR's lexer counts lines at LF only, so a file of
 * CR-only lines was one line to it; the compiler reads the text through {@link #lineFeeds}.
 */
public final class LineEnds {

  private LineEnds() {}

  /**
   * Whether a char (or byte) {@code c} followed by {@code next} ends a line: an LF, or a CR not
   * followed by an LF (a CRLF ends at its LF).
   *
   * @param next the following char or byte, or -1 at the end of the text
   */
  public static boolean endsLine(int c, int next) {
    return c == '\n' || c == '\r' && next != '\n';
  }

  /** Whether the char at {@code index} of {@code text} ends a line, as {@link #endsLine(int, int)}. */
  public static boolean endsLine(CharSequence text, int index) {
    return endsLine(text.charAt(index), index + 1 < text.length() ? text.charAt(index + 1) : -1);
  }

  /**
   * {@code text} with each CR that ends a line alone made an LF; a CRLF stays as it is. The text
   * keeps its length, so an offset or a column in it is the same in the result; {@code text}
   * itself when it has no such CR.
   */
  public static String lineFeeds(String text) {
    int first = text.indexOf('\r');
    while (first >= 0 && !endsLine(text, first)) {
      first = text.indexOf('\r', first + 1);
    }
    if (first < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      if (chars[i] == '\r' && endsLine(chars[i], i + 1 < chars.length ? chars[i + 1] : -1)) {
        chars[i] = '\n';
      }
    }
    return new String(chars);
  }
}
