package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Header;
import io.cnnspec.model.Shape;
import java.util.List;

/** A network's input as written (the header's, an annotation's or a command line's) checked and made a shape. */
public final class InputShape {

  private InputShape() {}

  /**
   * The shape (HxWxC, or a vector of one number), or null after reporting a dimension outside
   * 1 to {@link Limits#MAX_NUMBER}, or a size past a 64-bit count.
   */
  public static Shape of(Header.ShapeLiteral literal, Reporter.Source source) {
    for (long dim : literal.dims()) {
      if (dim < 1 || dim > Limits.MAX_NUMBER) {
        source.error(DiagnosticCode.INVALID_INPUT_SIZE, literal.pos(), dim < 1 ? "non-positive input size" : "absurd input size",
            "the input has a dimension of " + dim, "every dimension is between 1 and 1,000,000,000");
        return null;
      }
    }
    List<Long> d = literal.dims();
    if (d.size() == 3 && !Sizes.countable(d.get(0), d.get(1), d.get(2))) {
      source.error(DiagnosticCode.INVALID_INPUT_SIZE, literal.pos(), "absurd input size",
          "the input has " + d.get(0) + "x" + d.get(1) + "x" + d.get(2) + " values, more than a 64-bit count holds",
          "no real network takes an input this large; check the numbers");
      return null;
    }
    return d.size() == 1 ? Shape.vector(d.get(0).intValue())
        : Shape.of(d.get(0).intValue(), d.get(1).intValue(), d.get(2).intValue());
  }

  /**
   * The hint for an input that looks written channels first, PyTorch's order ({@code 1x28x28},
   * {@code 3x224x224}: at most 4 "high" and at least 8 in the other two), or null. Such an input
   * fails later, where padding would be the wrong fix.
   */
  public static String channelsFirstHint(Shape input) {
    if (input == null || input.vector() || input.height() > 4 || input.width() < 8 || input.channels() < 8) {
      return null;
    }
    return "cnnspec reads the input as height x width x channels, so " + input + " is " + input.height()
        + " pixel" + (input.height() == 1 ? "" : "s") + " high with " + input.channels() + " channels; if "
        + input.height() + " is the channel count (PyTorch's CxHxW), write the input as "
        + input.width() + "x" + input.channels() + "x" + input.height();
  }

  /**
   * The square image of 1 or 3 channels that {@code values} values make, as HxWxC: 784 is
   * 28x28x1 (MNIST), 3072 is 32x32x3 (CIFAR-10); null when there is none.
   */
  public static String squareImage(long values) {
    for (long channels : new long[] {1, 3}) {
      if (values % channels == 0) {
        long side = (long) Math.sqrt((double) (values / channels));
        for (long s = Math.max(1, side - 1); s <= side + 1; s++) {
          if (s * s == values / channels) {
            return s + "x" + s + "x" + channels;
          }
        }
      }
    }
    return null;
  }
}
