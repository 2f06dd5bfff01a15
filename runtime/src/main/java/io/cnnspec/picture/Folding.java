package io.cnnspec.picture;

/**
 * How much of a network a diagram draws box by box.
 *
 * @param blocks fold each outermost def call, repetition and labelled group into one box (where the
 *     network knows them, see {@link io.cnnspec.model.NetworkInfo#blocks()})
 * @param maxDepth the deepest branch level drawn layer by layer; a merge whose branches lie deeper
 *     is one box. {@link Integer#MAX_VALUE} draws every layer.
 */
public record Folding(boolean blocks, int maxDepth) {

  /** Blocks folded, every branch drawn: what {@code cnnspec draw} does by default. */
  public static final Folding BLOCKS = new Folding(true, Integer.MAX_VALUE);

  /** Every layer its own box. */
  public static final Folding NONE = new Folding(false, Integer.MAX_VALUE);

  public Folding {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("depth must be 0 or more, not " + maxDepth);
    }
  }

  /** No blocks folded, and only rows at most {@code maxDepth} branches deep, as {@code summary --depth}. */
  public static Folding depth(int maxDepth) {
    return new Folding(false, maxDepth);
  }
}
