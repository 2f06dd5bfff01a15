package io.cnnspec.lang.diagnostics;

import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.text.LineEnds;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one compilation. Every stage reports through it, so each problem has
 * the same shape: a position, a title, the specifics and a hint. Past {@link Limits#maxErrors()}
 * errors are only counted, and one closing diagnostic says how many were left out.
 */
public final class Reporter {

  private static final int LINE_WINDOW = 120;

  private final String origin;
  private final int maxErrors;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  // A repeated layer or def call meets the same problem on every repetition; it is said once, with
  // the calls of the first time it was met.
  private final java.util.Set<String> said = new java.util.HashSet<>();
  private final List<String> saidInOrder = new ArrayList<>();
  private int errors;
  private int suppressed;

  public Reporter(String origin, int maxErrors) {
    this.origin = origin == null || origin.isBlank() ? "<spec>" : clean(origin);
    this.maxErrors = maxErrors;
  }

  /** A reporter for positions in one text, sharing this compilation's list and error count. */
  public Source source(Diagnostic.Part part, String text) {
    return new Source(part, text == null ? "" : text);
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public List<Diagnostic> diagnostics() {
    if (suppressed == 0) {
      return List.copyOf(diagnostics);
    }
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    Diagnostic last = diagnostics.get(diagnostics.size() - 1);
    all.add(new Diagnostic(Diagnostic.Severity.ERROR, DiagnosticCode.TOO_MANY_ERRORS.id(), origin, last.part(), last.line(), last.column(), 1,
        suppressed + " more error" + (suppressed == 1 ? "" : "s") + " not shown",
        "only the first " + maxErrors + " errors of a spec are reported",
        "fix these and compile again", "", 1));
    return List.copyOf(all);
  }

  /** What has been reported up to a point, to go back to with {@link #rollBack}. */
  public record Mark(int diagnostics, int errors, int suppressed, int said) {}

  public Mark mark() {
    return new Mark(diagnostics.size(), errors, suppressed, saidInOrder.size());
  }

  /**
   * Forgets everything reported since {@code mark}: work that was started over (a fast parse that
   * gave up) must not leave its diagnostics behind, or stop the new attempt's from being said.
   */
  public void rollBack(Mark mark) {
    diagnostics.subList(mark.diagnostics(), diagnostics.size()).clear();
    List<String> keys = saidInOrder.subList(mark.said(), saidInOrder.size());
    keys.forEach(said::remove);
    keys.clear();
    errors = mark.errors();
    suppressed = mark.suppressed();
  }

  /** The positions of one text: the spec, or an annotation's name or input. */
  public final class Source {
    private final Diagnostic.Part part;
    private final String text;
    private int[] lineStarts;
    // The def calls the walk is inside, outermost first; as deep as Limits.maxCallDepth at most.
    private final List<Diagnostic.CallSite> calls = new ArrayList<>();

    private Source(Diagnostic.Part part, String text) {
      this.part = part;
      this.text = text;
    }

    public void error(DiagnosticCode code, Position pos, String title, String detail, String hint) {
      report(Diagnostic.Severity.ERROR, code, pos, title, detail, hint);
    }

    public void warning(DiagnosticCode code, Position pos, String title, String detail, String hint) {
      report(Diagnostic.Severity.WARNING, code, pos, title, detail, hint);
    }

    public boolean hasErrors() {
      return Reporter.this.hasErrors();
    }

    /**
     * Enters a def call written at {@code pos}: until the matching {@link #leaveCall}, every
     * diagnostic names it (and the calls around it) as where its def was called.
     */
    public void enterCall(String def, Position pos) {
      calls.add(new Diagnostic.CallSite(def, pos.line(), pos.column()));
    }

    /** Leaves the innermost call {@link #enterCall} entered. */
    public void leaveCall() {
      calls.remove(calls.size() - 1);
    }

    public int errorCount() {
      return errors;
    }

    public Mark mark() {
      return Reporter.this.mark();
    }

    public void rollBack(Mark mark) {
      Reporter.this.rollBack(mark);
    }

    private void report(Diagnostic.Severity severity, DiagnosticCode code, Position pos, String title, String detail, String hint) {
      String key = part + ":" + pos.line() + ":" + pos.column() + ":" + title + ":" + detail;
      if (said.contains(key)) {
        return;
      }
      if (severity == Diagnostic.Severity.ERROR) {
        errors++;
        if (errors > maxErrors) {
          suppressed++;
          return;
        }
      }
      said.add(key);
      saidInOrder.add(key);
      String line = lineText(pos.line());
      int column = charColumn(line, pos.column());
      int start = column - 1;
      int from = 0;
      String prefix = "";
      if (line.length() > LINE_WINDOW) {
        from = Math.max(0, start - LINE_WINDOW / 2);
        prefix = from > 0 ? "..." : "";
        line = line.substring(from, Math.min(line.length(), from + LINE_WINDOW)) + (from + LINE_WINDOW < line.length() ? "..." : "");
      }
      String shown = prefix + printable(line);
      int sourceColumn = prefix.length() + (start - from) + 1;
      diagnostics.add(new Diagnostic(severity, code.id(), origin, part, pos.line(), column, pos.length(),
          clean(title), clean(detail), clean(hint), shown, sourceColumn, callChain(),
          Math.max(0, calls.size() - Diagnostic.MAX_CALLS)));
    }

    /** The innermost {@link Diagnostic#MAX_CALLS} calls, innermost first. */
    private List<Diagnostic.CallSite> callChain() {
      if (calls.isEmpty()) {
        return List.of();
      }
      List<Diagnostic.CallSite> chain = new ArrayList<>(Math.min(calls.size(), Diagnostic.MAX_CALLS));
      for (int i = calls.size() - 1; i >= 0 && chain.size() < Diagnostic.MAX_CALLS; i--) {
        chain.add(calls.get(i));
      }
      return chain;
    }

    private String lineText(int line) {
      if (lineStarts == null) {
        lineStarts = lineStarts(text);
      }
      if (line < 1 || line > lineStarts.length) {
        return "";
      }
      int begin = lineStarts[line - 1];
      int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
      if (end > begin && text.charAt(end - 1) == '\r') {
        end--;
      }
      return text.substring(begin, Math.max(begin, end));
    }
  }

  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (LineEnds.endsLine(text, i)) {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (LineEnds.endsLine(text, i)) {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }

  /**
   * The column in UTF-16 chars, as Java strings, editors and the caret line count, of a column in
   * code points, as ANTLR counts: after an emoji the two differ, and the caret pointed one short.
   */
  private static int charColumn(String line, int codePointColumn) {
    int codePoints = line.codePointCount(0, line.length());
    return codePointColumn > codePoints ? line.length() + 1 : line.offsetByCodePoints(0, codePointColumn - 1) + 1;
  }

  /**
   * The source line with every character that would not show as itself (controls, format
   * characters such as a byte order mark or a right-to-left override, line separators, a lone
   * surrogate) replaced by one ? per char, so the caret stays under its column.
   */
  private static String printable(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int chars = Character.charCount(codePoint);
      if (codePoint != '\t' && !visible(codePoint)) {
        out.append("?".repeat(chars));
      } else {
        out.appendCodePoint(codePoint);
      }
      i += chars;
    }
    return out.toString();
  }

  /** Past this, a message keeps its two ends: it may quote a word a megabyte long, or list 100,000 defs. */
  private static final int MESSAGE_LIMIT = 400;

  /** Message text, which quotes the user's words, with invisible characters written as U+XXXX. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MESSAGE_LIMIT) {
      int head = MESSAGE_LIMIT / 2;
      int tail = text.length() - MESSAGE_LIMIT / 2;
      // never cut between the two chars of a surrogate pair
      head -= Character.isLowSurrogate(text.charAt(head)) ? 1 : 0;
      tail += Character.isLowSurrogate(text.charAt(tail)) ? 1 : 0;
      text = text.substring(0, head) + "..." + text.substring(tail);
    }
    if (text.codePoints().allMatch(Reporter::visible)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (visible(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format(java.util.Locale.ROOT, "U+%04X", c));
      }
    });
    return out.toString();
  }

  private static boolean visible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
