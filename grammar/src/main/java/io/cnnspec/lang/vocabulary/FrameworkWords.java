package io.cnnspec.lang.vocabulary;

import java.util.Map;

/**
 * PyTorch's and Keras's names for layers and layer arguments that people write out of habit, and
 * the cnnspec word each stands for: {@code dense10} is {@code fc10}, {@code globalavgpool} is
 * {@code gap}, {@code Conv2d(3, 64, 3)} is {@code conv3-64}, {@code groups2} is the modifier
 * {@code g2}. They are no typos, so they get the word itself rather than the nearest spelling.
 */
public final class FrameworkWords {

  private FrameworkWords() {}

  /**
   * Layer names (normalized: lower case, no hyphens; underscores dropped) and the cnnspec word
   * they name, which keeps a number written after the name ({@code dense10}, {@code linear10}).
   */
  private static final Map<String, String> LAYERS = Map.ofEntries(
      Map.entry("dense", "fc"), Map.entry("linear", "fc"),
      Map.entry("globalavgpool", "gap"), Map.entry("globalaveragepool", "gap"),
      Map.entry("globalaveragepooling", "gap"), Map.entry("globalaveragepooling2d", "gap"),
      Map.entry("globalavgpool2d", "gap"),
      Map.entry("globalmaxpool", "gmp"), Map.entry("globalmaxpooling", "gmp"),
      Map.entry("globalmaxpooling2d", "gmp"), Map.entry("globalmaxpool2d", "gmp"),
      Map.entry("batchnorm2d", "bn"), Map.entry("batchnormalization", "bn"),
      Map.entry("maxpool2d", "maxpool"), Map.entry("maxpooling2d", "maxpool"),
      Map.entry("avgpool2d", "avgpool"), Map.entry("averagepooling2d", "avgpool"),
      Map.entry("convtranspose2d", "deconv"), Map.entry("conv2dtranspose", "deconv"),
      Map.entry("dropout2d", "dropout"), Map.entry("leakyrelu", "lrelu"));

  /** PyTorch nn module names written as a call ({@code Conv2d(3, 64, 3)}): what they take, in order. */
  public enum Module {
    /** {@code Conv2d(in, out, kernel_size, stride, padding)}. */
    CONV2D("conv2d"),
    /** {@code Linear(in, out)}. */
    LINEAR("linear"),
    /** {@code MaxPool2d(kernel_size, stride, padding)}. */
    MAXPOOL2D("maxpool2d"),
    /** {@code AvgPool2d(kernel_size, stride, padding)}. */
    AVGPOOL2D("avgpool2d"),
    /** {@code BatchNorm2d(num_features)}: the channels come from the input. */
    BATCHNORM2D("batchnorm2d");

    private final String name;

    Module(String name) {
      this.name = name;
    }

    /** The module {@code name} (as written, any case) names, or null. */
    public static Module of(String name) {
      String normalized = normalize(name);
      for (Module module : values()) {
        if (module.name.equals(normalized)) {
          return module;
        }
      }
      return null;
    }
  }

  /** {@code word} lower case, without hyphens and underscores: {@code Global_Avg-Pool} is {@code globalavgpool}. */
  private static String normalize(String word) {
    return Vocabulary.normalize(word).replace("_", "");
  }

  /**
   * The cnnspec word for a framework's layer name, with the number written after it kept
   * ({@code dense10} gives {@code fc10}); null when {@code word} is no such name.
   */
  public static String layer(String word) {
    String normalized = normalize(word);
    int digits = normalized.length();
    while (digits > 0 && Character.isDigit(normalized.charAt(digits - 1))) {
      digits--;
    }
    String meant = LAYERS.get(normalized);
    if (meant != null) {
      return meant;
    }
    meant = LAYERS.get(normalized.substring(0, digits));
    return meant == null ? null : meant + normalized.substring(digits);
  }
}
