package io.cnnspec.lang.diagnostics;

/** Where a node starts in its text: 1-based line and column, and how many characters it spans. */
public record Position(int line, int column, int length) {

  public static final Position START = new Position(1, 1, 1);

  public Position {
    line = Math.max(1, line);
    column = Math.max(1, column);
    length = Math.max(1, length);
  }
}
