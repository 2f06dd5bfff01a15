package io.cnnspec.lang.vocabulary;

import java.util.List;
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
  private static final Map<String, LayerWord> LAYERS = Map.ofEntries(
      Map.entry("dense", LayerWord.FC), Map.entry("linear", LayerWord.FC),
      Map.entry("globalavgpool", LayerWord.GAP), Map.entry("globalaveragepool", LayerWord.GAP),
      Map.entry("globalaveragepooling", LayerWord.GAP), Map.entry("globalaveragepooling2d", LayerWord.GAP),
      Map.entry("globalavgpool2d", LayerWord.GAP),
      Map.entry("globalmaxpool", LayerWord.GMP), Map.entry("globalmaxpooling", LayerWord.GMP),
      Map.entry("globalmaxpooling2d", LayerWord.GMP), Map.entry("globalmaxpool2d", LayerWord.GMP),
      Map.entry("batchnorm2d", LayerWord.BN), Map.entry("batchnormalization", LayerWord.BN),
      Map.entry("maxpool2d", LayerWord.MAXPOOL), Map.entry("maxpooling2d", LayerWord.MAXPOOL),
      Map.entry("avgpool2d", LayerWord.AVGPOOL), Map.entry("averagepooling2d", LayerWord.AVGPOOL),
      Map.entry("convtranspose2d", LayerWord.DECONV), Map.entry("conv2dtranspose", LayerWord.DECONV),
      Map.entry("dropout2d", LayerWord.DROPOUT), Map.entry("leakyrelu", LayerWord.LRELU));

  /** PyTorch nn module names written as a call ({@code Conv2d(3, 64, 3)}): what they take, in order. */
  public enum Module {
    /** {@code Conv2d(in, out, kernel_size, stride, padding)}. */
    CONV2D("conv2d", "inchannels", "outchannels", "kernelsize", "stride", "padding"),
    /** {@code Linear(in, out)}. */
    LINEAR("linear", "infeatures", "outfeatures"),
    /** {@code MaxPool2d(kernel_size, stride, padding)}. */
    MAXPOOL2D("maxpool2d", "kernelsize", "stride", "padding"),
    /** {@code AvgPool2d(kernel_size, stride, padding)}. */
    AVGPOOL2D("avgpool2d", "kernelsize", "stride", "padding"),
    /** {@code BatchNorm2d(num_features)}: the channels come from the input. */
    BATCHNORM2D("batchnorm2d", "numfeatures");

    private final String name;
    private final List<String> parameters;

    Module(String name, String... parameters) {
      this.name = name;
      this.parameters = List.of(parameters);
    }

    /**
     * Where the keyword argument {@code keyword} ({@code kernel_size}, any case) goes among the
     * positional ones the hint reads, or -1 for one it does not ({@code bias}, {@code groups}).
     */
    public int position(String keyword) {
      return parameters.indexOf(normalize(keyword));
    }

    /** The title of the error for a call of {@code name}, as written. */
    public static String title(String name) {
      return "'" + name + "(...)' is PyTorch's module, not cnnspec";
    }

    /** Why a call of {@code name}, as written, is refused. */
    public static String detail(String name) {
      return "it reads as a call of a def named " + name + ", and cnnspec writes this layer as a word instead;"
          + " a layer's input channels come from the layer before";
    }

    /**
     * "write conv3-64 valid, as cnnspec writes Conv2d(3, 64, 3)": the module called with
     * {@code numbers}, its positional arguments (null when they are not all plain numbers), as a
     * cnnspec layer with PyTorch's defaults (padding 0, a pool's stride its window), so that the
     * hint describes the same layer; a plain example when the numbers are too few to say it.
     */
    public String hint(List<Long> numbers) {
      return switch (this) {
        // Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)
        case CONV2D -> given(numbers, 1) && given(numbers, 2)
            ? "write " + window("conv" + numbers.get(2) + "-" + numbers.get(1), numbers.get(2), numbers, 3) + ", which is this Conv2d in cnnspec"
            : "write a conv with its kernel size and output channels, e.g. conv3-64 (cnnspec pads it by 1 unless told valid)";
        // Linear(in_features, out_features)
        case LINEAR -> given(numbers, 1) && numbers.size() == 2
            ? "write fc" + numbers.get(1) + ", which is this Linear in cnnspec"
            : "write fc with its output size glued to it, e.g. fc4096";
        // MaxPool2d(kernel_size, stride=kernel_size, padding=0), AvgPool2d the same
        case MAXPOOL2D, AVGPOOL2D -> {
          String word = this == MAXPOOL2D ? "maxpool" : "avgpool";
          yield given(numbers, 0)
              ? "write " + window(word + numbers.get(0), numbers.get(0), numbers, 1) + ", which is this "
                  + (this == MAXPOOL2D ? "MaxPool2d" : "AvgPool2d") + " in cnnspec"
              : "write " + word + "3/2 or " + word + " (2x2, stride 2)";
        }
        case BATCHNORM2D -> "write bn: its channels come from the layer before";
      };
    }

    /**
     * Whether {@code numbers} are all known (null where one was not given) and at most the module's
     * arguments, and the one at {@code index} is given and above 0.
     */
    private boolean given(List<Long> numbers, int index) {
      return numbers != null && numbers.size() <= parameters.size() && numbers.stream().allMatch(n -> n == null || n >= 0)
          && numbers.size() > index && numbers.get(index) != null && numbers.get(index) > 0;
    }

    /**
     * {@code head} with the stride and padding at {@code from} and after it in {@code numbers}
     * (null or missing when not given): a conv's stride defaults to 1 and a pool's to its window,
     * padding to 0 in both, which cnnspec writes as {@code valid} for a conv (whose own default
     * pads by K/2) and leaves unsaid for a pool.
     */
    private static String window(String head, long kernel, List<Long> numbers, int from) {
      boolean conv = head.startsWith("conv");
      Long stride = numbers.size() > from ? numbers.get(from) : null;
      Long padding = numbers.size() > from + 1 ? numbers.get(from + 1) : null;
      StringBuilder out = new StringBuilder(head);
      if (stride != null && stride > 0 && (conv ? stride != 1 : stride != kernel)) {
        out.append('/').append(stride);
      }
      if (padding != null && padding > 0) {
        out.append(" p").append(padding);
      } else if (conv && kernel > 1) {
        out.append(" valid");
      }
      return out.toString();
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
    LayerWord meant = LAYERS.get(normalized);
    if (meant != null) {
      return meant.word();
    }
    meant = LAYERS.get(normalized.substring(0, digits));
    return meant == null ? null : meant.word() + normalized.substring(digits);
  }
}
