package io.cnnspec.lang.diagnostics;

/**
 * A problem in the spec found while resolving or analysing one layer, where the position is not
 * known; the walk reports it at that layer's position ({@link #report}). It carries the four parts
 * of every diagnostic.
 */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final DiagnosticCode code;
  private final String title;
  private final String detail;
  private final String hint;

  public SpecException(DiagnosticCode code, String title, String detail, String hint) {
    super(title, null, false, false);
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.hint = hint;
  }

  public DiagnosticCode code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public String hint() {
    return hint;
  }

  /** Reports this problem at {@code pos}. */
  public void report(Reporter.Source source, Position pos) {
    source.error(code, pos, title, detail, hint);
  }
}
