package io.cnnspec.lang.diagnostics;

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
    int sourceColumn) {

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
  }

  /** What is wrong, without position or hint: {@code title: detail}. */
  public String message() {
    return detail.isEmpty() ? title : title + ": " + detail;
  }

  /**
   * One sentence with the spec position inside, as the annotation processor reports it:
   * {@code residual branches disagree at 3:5: the main path ...; give the shortcut a projection}.
   */
  public String positionedMessage() {
    StringBuilder out = new StringBuilder(title).append(" at ").append(line).append(':').append(column);
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
   * the caret lines, then the hint.
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
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
