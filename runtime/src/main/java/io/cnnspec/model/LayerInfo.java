package io.cnnspec.model;

import java.util.Objects;

/**
 * One row of a network's analysis: a layer, or a branch merge ({@code cat}, {@code add},
 * {@code res}, {@code mul}) whose branches follow it one level deeper.
 *
 * @param name unique within the network, e.g. {@code conv1}, {@code pool2}, or a user's {@code @name}
 * @param kind the layer's kind, e.g. {@code conv}, {@code maxpool}, {@code fc}, {@code res}
 * @param spec the layer in the language, with defs and repetition expanded, e.g. {@code conv3-64/2 p1}
 * @param depth 0 at the top level, one more inside each branch
 * @param branch the 1-based branch of the enclosing merge this row belongs to, 0 at the top level
 * @param params learnable parameters (weights, biases, batch norm's gamma and beta)
 * @param nonTrainableParams state that is not learned (batch norm running mean and variance)
 * @param macs multiply-accumulates (convolutions and fully connected layers only)
 * @param activations output values this layer stores for the backward pass, 0 for in-place layers
 * @param receptiveField receptive field size, in input pixels, of one output value
 * @param jump distance, in input pixels, between neighbouring output values
 */
public record LayerInfo(
    String name,
    String kind,
    String spec,
    int depth,
    int branch,
    Shape input,
    Shape output,
    long params,
    long nonTrainableParams,
    long macs,
    long activations,
    long receptiveField,
    double jump) {

  public LayerInfo {
    check(name, 0, kind, spec, input, output, params, nonTrainableParams, macs, activations, receptiveField);
  }

  /**
   * What a row must satisfy, for rows made here and rows stored by {@link LayerTable}; the name is
   * {@code nameBase} followed by {@code nameNumber} when that is positive.
   */
  static void check(String nameBase, int nameNumber, String kind, String spec, Shape input, Shape output, long params,
      long nonTrainableParams, long macs, long activations, long receptiveField) {
    Objects.requireNonNull(nameBase, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (params < 0 || nonTrainableParams < 0 || macs < 0 || activations < 0 || receptiveField < 0) {
      throw new IllegalArgumentException("negative count in layer " + (nameNumber > 0 ? nameBase + nameNumber : nameBase));
    }
  }

  /**
   * True for the row of a branch merge, or of a side output ({@code side}, whose one branch ends in
   * an extra output of the network): the branches are the rows that follow, one level deeper.
   */
  public boolean isMerge() {
    return switch (kind) {
      case "cat", "add", "res", "mul", "side", "chunk" -> true;
      default -> false;
    };
  }

  /** Multiply-accumulates times two, the figure papers call FLOPs. */
  public long flops() {
    return Math.multiplyExact(macs, 2);
  }
}
