package io.cnnspec.lang.diagnostics;

/**
 * Bounds that keep a hostile or mistaken spec from exhausting time or memory. The defaults are far
 * above any published network: the largest of the zoo, DenseNet-201, has 804 rows, ResNet-152 514,
 * and the 1,202-layer CIFAR ResNet of He et al. (2015, "Deep Residual Learning for Image
 * Recognition", section 4.2) written out with its batch norms and ReLUs would be about 4,200.
 *
 * <p>The default of 100,000 layers is what a 64 KB spec can expand to and still be answered within
 * 2 s of CPU and a 256 MB heap, with room, when every row differs from the others ({@code def b {
 * conv1-{in+1} } b x99999 @long_name}: a new op, shape and text per row, about 230 bytes kept
 * and 7 µs of CPU a row, about 1 s for the whole command); the first measure of it, at 250,000
 * rows, took 2.4 s (bench/README.md, "Bounds on hostile specs"). Larger networks take a larger
 * limit and a larger heap.
 *
 * @param maxLayers layers after expansion of repetition and defs; def calls, repetitions and
 *     labelled groups after expansion are held to it too, as nested defs make many per layer
 * @param maxNesting depth of nested groups, branches and parentheses in the text
 * @param maxCallDepth depth of def calls within def calls
 * @param maxErrors errors reported per spec before the rest are only counted
 */
public record Limits(int maxLayers, int maxNesting, int maxCallDepth, int maxErrors) {

  public static final Limits DEFAULT = new Limits(100_000, 64, 64, 100);

  /** The largest number a layer may carry (kernel, channels, stride, repetition, an input dimension...). */
  public static final long MAX_NUMBER = 1_000_000_000L;

  /**
   * Operations an expression may nest. The parser reads 1+1+...+1 in a loop, but the tree it builds
   * is as deep as the expression is long, and the AST builder and the evaluation recurse on it: a
   * long one overflowed the stack. Real expressions ({4*c}, {in*t}) nest a handful.
   */
  public static final int MAX_EXPRESSION_DEPTH = 256;

  /**
   * Characters in a name the spec gives: a def, a parameter, an {@code @name}. Row names join the
   * names of the scopes around them ({@code stage1.block2.conv1}), so with the call depth this
   * bounds every row name ((64 + 64) x 130 characters is far below the 65,535 bytes of a class file's
   * string constant), and with it the cost of "did you mean". A class name is held to it too: the
   * file {@code Name$Layer.class} must fit in a file name of 255 bytes.
   */
  public static final int MAX_NAME_LENGTH = 128;

  public Limits {
    if (maxLayers < 1 || maxNesting < 1 || maxCallDepth < 1 || maxErrors < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public Limits withMaxLayers(int value) {
    return new Limits(value, maxNesting, maxCallDepth, maxErrors);
  }

  public Limits withMaxErrors(int value) {
    return new Limits(maxLayers, maxNesting, maxCallDepth, value);
  }
}
