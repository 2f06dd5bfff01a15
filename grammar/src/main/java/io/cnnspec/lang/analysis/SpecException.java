package io.cnnspec.lang.analysis;

/**
 * A problem in the spec found while resolving or analysing one layer; the analyzer reports it at
 * that layer's position. It carries the three parts of every diagnostic.
 */
final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String title;
  private final String detail;
  private final String hint;

  SpecException(String title, String detail, String hint) {
    super(title, null, false, false);
    this.title = title;
    this.detail = detail;
    this.hint = hint;
  }

  String title() {
    return title;
  }

  String detail() {
    return detail;
  }

  String hint() {
    return hint;
  }
}
