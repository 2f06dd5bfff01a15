package io.cnnspec.model;

import java.util.Objects;

/**
 * A span of a network's rows that one written element expanded to: a def call, a repeated layer,
 * group or call, or a labelled group. Blocks nest like the text they come from: a repetition
 * {@code bottleneck(64) x3} is one {@link Kind#REPEAT} block holding three {@link Kind#CALL}
 * blocks, one per turn. Drawings fold a block into one box and exports turn a def's calls into
 * submodules; the rows inside remain the source of every figure.
 *
 * @param kind what was written
 * @param text the element as it reads folded, e.g. {@code bottleneck(64, 2)}, {@code conv3-64 x2},
 *     {@code (conv3-64 relu) x2}, {@code @stage1}
 * @param def for a {@link Kind#CALL}, the def's name; otherwise null
 * @param firstRow index in {@link NetworkInfo#layers()} of the first row the element produced
 * @param endRow index one past its last row ({@code endRow > firstRow})
 * @param depth the branch depth of the element's rows, as {@link LayerInfo#depth()}
 */
public record Block(Kind kind, String text, String def, int firstRow, int endRow, int depth) {

  /** What kind of element a block was written as. */
  public enum Kind {
    /** One call of a def, with or without arguments. */
    CALL,
    /** A repeated element ({@code xN} with N of at least 2): the span of all its turns. */
    REPEAT,
    /** A labelled group ({@code (conv3-64 relu) @stem}) or a labelled def call's scope. */
    GROUP
  }

  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (firstRow < 0 || endRow <= firstRow || depth < 0) {
      throw new IllegalArgumentException("bad block rows " + firstRow + ".." + endRow + " at depth " + depth);
    }
    if ((kind == Kind.CALL) != (def != null)) {
      throw new IllegalArgumentException("a def name goes with a CALL block, and only there");
    }
  }

  /** Rows the block spans. */
  public int rowCount() {
    return endRow - firstRow;
  }
}
