package io.cnnspec.lang.analysis;

import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.lang.vocabulary.FrameworkWords;
import java.util.ArrayList;
import java.util.List;

/**
 * The cnnspec layer for a PyTorch module written as a call, {@code Conv2d(3, 64, 3)}: its
 * positional arguments, when they are plain numbers, become the layer's numbers with PyTorch's
 * defaults (padding 0, a pool's stride its window), so the hint describes the same layer.
 */
final class FrameworkModules {

  private FrameworkModules() {}

  /**
   * "write conv3-64 valid ..." for {@code module} called with {@code args}; a plain example when
   * the arguments are not all numbers or too few to say the layer.
   */
  static String hint(FrameworkWords.Module module, List<Expr> args) {
    List<Long> numbers = new ArrayList<>();
    for (Expr arg : args) {
      if (!(arg instanceof Expr.Literal literal) || literal.value() < 0) {
        numbers = null;
        break;
      }
      numbers.add(literal.value());
    }
    return switch (module) {
      // Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)
      case CONV2D -> numbers != null && numbers.size() >= 3 && numbers.size() <= 5 && numbers.get(1) > 0 && numbers.get(2) > 0
          ? "write " + window("conv" + numbers.get(2) + "-" + numbers.get(1), numbers.get(2), numbers, 3)
              + ", as cnnspec writes Conv2d(" + joined(numbers) + ")"
          : "write a conv with its kernel size and output channels, e.g. conv3-64 (cnnspec pads it by 1 unless told valid)";
      // Linear(in_features, out_features)
      case LINEAR -> numbers != null && numbers.size() == 2 && numbers.get(1) > 0
          ? "write fc" + numbers.get(1) + ", as cnnspec writes Linear(" + joined(numbers) + ")"
          : "write fc with its output size glued to it, e.g. fc4096";
      // MaxPool2d(kernel_size, stride=kernel_size, padding=0), AvgPool2d the same
      case MAXPOOL2D, AVGPOOL2D -> {
        String word = module == FrameworkWords.Module.MAXPOOL2D ? "maxpool" : "avgpool";
        yield numbers != null && numbers.size() >= 1 && numbers.size() <= 3 && numbers.get(0) > 0
            ? "write " + window(word + numbers.get(0), numbers.get(0), numbers, 1) + ", as cnnspec writes "
                + (word.equals("maxpool") ? "MaxPool2d(" : "AvgPool2d(") + joined(numbers) + ")"
            : "write " + word + "3/2 or " + word + " (2x2, stride 2)";
      }
      case BATCHNORM2D -> "write bn: its channels come from the layer before";
    };
  }

  /**
   * {@code head} with the stride and padding that follow position {@code from} of {@code numbers}:
   * a conv's stride defaults to 1 and a pool's to its window, padding to 0 in both, which cnnspec
   * writes as {@code valid} for a conv (whose own default pads by K/2) and says nothing for a pool.
   */
  private static String window(String head, long kernel, List<Long> numbers, int from) {
    boolean conv = head.startsWith("conv");
    Long stride = numbers.size() > from ? numbers.get(from) : null;
    long padding = numbers.size() > from + 1 ? numbers.get(from + 1) : 0;
    StringBuilder out = new StringBuilder(head);
    if (stride != null && stride > 0 && (conv ? stride != 1 : stride != kernel)) {
      out.append('/').append(stride);
    }
    if (padding > 0) {
      out.append(" p").append(padding);
    } else if (conv && kernel > 1) {
      out.append(" valid");
    }
    return out.toString();
  }

  private static String joined(List<Long> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }
}
