package io.cnnspec.lang.analysis;

/** Thrown to stop the walk when continuing could only cost time: a limit was passed (and reported). */
final class Abort extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Abort() {
    super(null, null, false, false);
  }
}
