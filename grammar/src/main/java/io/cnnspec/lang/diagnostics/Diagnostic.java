package io.cnnspec.lang.diagnostics;

import java.util.List;
import java.util.Objects;

/**
 * A problem found in a spec, with where it is and what would fix it.
 *
 * @param severity error or warning
 * @param code the stable kebab-case code of the problem ({@code shape-mismatch}), one of
 *     {@link DiagnosticCode}'s ids for the language's own diagnostics; tools match on it, not on the title
 * @param origin where the text came from: a file name, or a description such as {@code Vgg16Spec @Network}
 * @param part which text the position refers to: the spec itself, or the annotation's name or input
 * @param line 1-based line in that text
 * @param column 1-based column in that line
 * @param length characters the problem spans (at least 1), for the caret line
 * @param title what is wrong, a short phrase: {@code residual branches disagree}
 * @param detail the specifics, may be empty: {@code the main path ends in 28x28x128 but ...}
 * @param hint what would fix it, may be empty: {@code give the shortcut a projection, e.g. ...}
 * @param sourceLine the text of the line the position is on (a window of it when the line is
 *     long, control characters shown as {@code ?}), for the caret display
 * @param sourceColumn the 1-based column of the position within {@code sourceLine}
 * @param calls for a problem inside a def's body, the def calls that led there, innermost first
 *     (as javac names the instantiation of a generic); empty outside defs. At most
 *     {@link #MAX_CALLS} are kept
 * @param moreCalls how many calls further out were left out of {@code calls}
 */
public record Diagnostic(
    Severity severity,
    String code,
    String origin,
    Part part,
    int line,
    int column,
    int length,
    String title,
    String detail,
    String hint,
    String sourceLine,
    int sourceColumn,
    List<CallSite> calls,
    int moreCalls) {

  /**
   * Calls a diagnostic names at most. Calls nest up to {@link Limits#maxCallDepth()} deep; past the
   * innermost few, the chain says only how many more there are, so a diagnostic stays small.
   */
  public static final int MAX_CALLS = 8;

  /**
   * One def call on the way to a problem: the def called and where the call is written (1-based
   * line and column in the spec).
   */
  public record CallSite(String def, int line, int column) {
    public CallSite {
      Objects.requireNonNull(def, "def");
    }

    /** {@code in blk, called at 2:20}. */
    @Override
    public String toString() {
      return "in " + def + ", called at " + line + ":" + column;
    }
  }

  /** A diagnostic outside any def call. */
  public Diagnostic(Severity severity, String code, String origin, Part part, int line, int column, int length,
      String title, String detail, String hint, String sourceLine, int sourceColumn) {
    this(severity, code, origin, part, line, column, length, title, detail, hint, sourceLine, sourceColumn,
        List.of(), 0);
  }

  public enum Severity {
    ERROR,
    WARNING;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The text a diagnostic's position refers to; for an annotation, the member that holds it. */
  public enum Part {
    SPEC,
    NAME,
    INPUT
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(title, "title");
    detail = detail == null ? "" : detail;
    hint = hint == null ? "" : hint;
    sourceLine = sourceLine == null ? "" : sourceLine;
    line = Math.max(1, line);
    column = Math.max(1, column);
    length = Math.max(1, length);
    sourceColumn = Math.max(1, sourceColumn);
    calls = calls == null ? List.of() : List.copyOf(calls);
    moreCalls = Math.max(0, moreCalls);
  }

  /**
   * The calls that led to the problem, innermost first, in one line:
   * {@code in blk, called at 2:20; in stage, called at 5:3}, then how many more were left out;
   * empty outside defs.
   */
  public String callChain() {
    StringBuilder out = new StringBuilder();
    for (CallSite call : calls) {
      out.append(out.length() == 0 ? "" : "; ").append(call);
    }
    if (moreCalls > 0) {
      out.append("; and ").append(moreCalls).append(" more call").append(moreCalls == 1 ? "" : "s").append(" around those");
    }
    return out.toString();
  }

  /** What is wrong, without position or hint: {@code title: detail}. */
  public String message() {
    return detail.isEmpty() ? title : title + ": " + detail;
  }

  /**
   * One sentence with the spec position inside, as the annotation processor reports it:
   * {@code residual branches disagree at 3:5: the main path ...; give the shortcut a projection};
   * inside a def, the calls follow the position: {@code size reaches zero at 1:11 (in blk, called
   * at 2:37): ...}.
   */
  public String positionedMessage() {
    StringBuilder out = new StringBuilder(title).append(" at ").append(line).append(':').append(column);
    if (!calls.isEmpty()) {
      out.append(" (").append(callChain()).append(')');
    }
    if (!detail.isEmpty()) {
      out.append(": ").append(detail);
    }
    if (!hint.isEmpty()) {
      out.append("; ").append(hint);
    }
    return out.toString();
  }

  /**
   * The source line and a caret line under the spot, each indented by four spaces; empty when the
   * source line is unknown. Tabs are kept so the caret lines up in a terminal.
   */
  public String caret() {
    if (sourceLine.isEmpty()) {
      return "";
    }
    StringBuilder marker = new StringBuilder("    ");
    int start = Math.min(sourceColumn - 1, sourceLine.length());
    for (int i = 0; i < start; i++) {
      marker.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
    }
    int span = Math.max(1, Math.min(length, sourceLine.length() - start));
    marker.append("^".repeat(span));
    return "    " + sourceLine + "\n" + marker;
  }

  /**
   * The compiler-style form the command line prints: {@code origin:line:col: error: message},
   * the caret lines, the hint, then inside a def one line per call that led there, innermost
   * first, {@code origin:line:col: note: in blk, called here}, and how many more were left out.
   */
  public String format() {
    StringBuilder out = new StringBuilder()
        .append(origin).append(':').append(line).append(':').append(column).append(": ")
        .append(severity).append(": ").append(message());
    String caret = caret();
    if (!caret.isEmpty()) {
      out.append('\n').append(caret);
    }
    if (!hint.isEmpty()) {
      out.append("\n    hint: ").append(hint);
    }
    for (CallSite call : calls) {
      out.append('\n').append(origin).append(':').append(call.line()).append(':').append(call.column())
          .append(": note: in ").append(call.def()).append(", called here");
    }
    if (moreCalls > 0) {
      out.append('\n').append(origin).append(": note: and ").append(moreCalls).append(" more call")
          .append(moreCalls == 1 ? "" : "s").append(" around those, not shown");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
