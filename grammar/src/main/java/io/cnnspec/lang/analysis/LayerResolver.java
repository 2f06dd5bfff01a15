package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import java.math.BigDecimal;
import io.cnnspec.lang.vocabulary.LayerWord;
import io.cnnspec.lang.vocabulary.Modifier;
import io.cnnspec.lang.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a written layer ({@code conv11-96/4 valid}) becomes a {@link LayerOp}: the word's entry in
 * the vocabulary ({@link LayerWord}) says its form and the modifiers it takes; here its numbers
 * are checked and the op is built. Every rule about what a word accepts lives here or in the
 * table, so the error for a misuse is written once.
 */
final class LayerResolver {

  private LayerResolver() {}

  /**
   * A modifier after evaluation: {@code p1} is ("p", 1, null), {@code p1x0} is ("p", 1, 0) (height,
   * then width), {@code valid} is ("valid", null, null).
   */
  record Mod(String word, Long number, Long width) {
    Mod(String word, Long number) {
      this(word, number, null);
    }

    String text() {
      return number == null ? word : width == null ? word + number : word + number + "x" + width;
    }

    // written out, as for the analyser's cache keys, which compare these: no bootstrap on first use
    @Override
    public boolean equals(Object other) {
      return other instanceof Mod m && word.equals(m.word) && java.util.Objects.equals(number, m.number)
          && java.util.Objects.equals(width, m.width);
    }

    @Override
    public int hashCode() {
      return (word.hashCode() * 31 + java.util.Objects.hashCode(number)) * 31 + java.util.Objects.hashCode(width);
    }
  }

  /** Where a bare crop or resize takes its size from: known only where it stands, so the walk gives it. */
  enum SizeFrom {
    /** A bare {@code crop}: the HxW of the other branches of the merge it ends a branch of. */
    MERGE,
    /** A bare {@code resize}: the HxW where the nearest enclosing branch began. */
    BRANCH_START,
    /** {@code resize input}: the network's input HxW. */
    INPUT
  }

  /** A bare crop or resize, its modifiers checked: the walk makes it a {@link LayerOp.Crop} or {@link LayerOp.Resize}. */
  record Relative(LayerWord word, SizeFrom from) {}

  /**
   * The written layer as a crop or resize without a size ({@code crop}, {@code resize bilinear},
   * {@code resize input}), after checking what it is given; null when it is anything else.
   */
  static Relative relative(String word, Long channels, Long stride, Long strideWidth, List<Mod> mods)
      throws SpecException {
    Vocabulary.Read read = Vocabulary.layer(word);
    if (read == null || read.word() != LayerWord.CROP && read.word() != LayerWord.RESIZE) {
      return null;
    }
    Modifiers m = new Modifiers(word, mods, read.word());
    if (read.first() != null) {
      if (m.has("input")) {
        throw new SpecException(DiagnosticCode.TWO_SIZES, "resize is given two sizes",
            "'" + word + " input' names its output size twice", "write " + word + " or resize input");
      }
      return null;
    }
    noStride(word, stride, strideWidth);
    noChannels(word, channels);
    m.check();
    SizeFrom from = read.word() == LayerWord.CROP ? SizeFrom.MERGE : m.has("input") ? SizeFrom.INPUT : SizeFrom.BRANCH_START;
    return new Relative(read.word(), from);
  }

  /**
   * Resolves a written layer: null when {@code word} is no layer word, or a crop or resize without
   * a size, which {@link #relative} reads instead. {@code channels} and
   * {@code stride} are null when not written, {@code strideWidth} unless the stride is written per
   * axis ({@code /2x1}: stride 2, width 1); {@code convBiasDefault} is false under
   * {@code option nobias} (for convolutions only).
   */
  static LayerOp resolve(String word, Long channels, Long stride, Long strideWidth, List<Mod> mods,
      boolean convBiasDefault) throws SpecException {
    Vocabulary.Read read = Vocabulary.layer(word);
    if (read == null) {
      return null;
    }
    LayerWord entry = read.word();
    Modifiers m = new Modifiers(word, mods, entry);
    if (entry.form() == LayerWord.Form.WINDOW) {
      String kind = entry.word();
      boolean pooling = entry == LayerWord.MAXPOOL || entry == LayerWord.AVGPOOL;
      long kh = read.first() == null ? (pooling ? 2 : -1) : positive(read.first(), "kernel size", word);
      if (kh < 0) {
        throw new SpecException(DiagnosticCode.MISSING_KERNEL_SIZE, "missing kernel size", "'" + word + "' needs a kernel size",
            "write it after the word, e.g. " + kind + "3-64");
      }
      long kw = read.second() == null ? kh : positive(read.second(), "kernel width", word);
      if (pooling) {
        noChannels(word, channels);
        m.check();
        // a pool's stride is its window, per axis (PyTorch's stride=None, Keras's strides=None):
        // maxpool1x2 strides 1 down and 2 across
        long sh = stride == null ? (read.first() == null ? 2 : kh) : stride;
        long sw = stride == null ? (read.first() == null ? 2 : kw) : strideWidth == null ? stride : strideWidth;
        return new LayerOp.Pool(kind, kh, kw, sh, sw, m.padding(Padding.VALID), m.number("d", 1), m.has("ceil"));
      }
      long s = stride == null ? 1 : stride;
      long sw = strideWidth == null ? s : strideWidth;
      Long c = switch (entry) {
        case CONV, SEPCONV, DECONV -> requireChannels(word, channels, entry.example());
        default -> channels;
      };
      m.check();
      if (entry == LayerWord.DWCONV && c != null && m.has("dm")) {
        throw new SpecException(DiagnosticCode.TWO_SIZES, "depthwise conv is given two sizes",
            "'" + word + "-" + c + " dm" + m.number("dm", 1) + "' names its output channels twice",
            "write " + word + " dm" + m.number("dm", 1) + " (a multiple of the input) or " + word + "-" + c);
      }
      return switch (entry) {
        case CONV -> new LayerOp.Conv(kh, kw, c, s, sw, m.padding(Padding.SAME), m.number("g", 1), m.number("d", 1),
            m.bias(convBiasDefault));
        case DWCONV -> new LayerOp.Depthwise(kh, kw, c, s, sw, m.padding(Padding.SAME), m.number("d", 1),
            m.bias(convBiasDefault), m.number("dm", 1));
        case SEPCONV -> new LayerOp.Separable(kh, kw, c, s, sw, m.padding(Padding.SAME), m.number("d", 1),
            m.bias(convBiasDefault), m.number("dm", 1));
        default -> new LayerOp.Deconv(kh, kw, c, s, sw, m.padding(Padding.VALID), m.number("g", 1), m.number("d", 1),
            m.bias(convBiasDefault), m.number("outpad", 0));
      };
    }
    if ((entry == LayerWord.CROP || entry == LayerWord.RESIZE) && read.first() == null) {
      // its size depends on where it stands: relative() and the walk
      return null;
    }
    noStride(word, stride, strideWidth);
    if (entry == LayerWord.PADCHANNELS) {
      long c = requireChannels(word, channels, entry.example());
      m.check();
      return new LayerOp.PadChannels(c);
    }
    if (entry.form() == LayerWord.Form.DENSE) {
      if (read.first() != null && channels != null) {
        throw new SpecException(DiagnosticCode.TWO_SIZES, "fc is given two sizes", "'" + word + "-" + channels + "' names its size twice",
            "write fc" + read.first() + " or fc-" + channels);
      }
      long units = read.first() != null ? positive(read.first(), "fc size", word)
          : requireChannels(word, channels, "fc4096 or fc-4096");
      m.check();
      return new LayerOp.Dense(units, m.bias(true));
    }
    noChannels(word, channels);
    m.check();
    return switch (entry) {
      case ADAPTIVEAVGPOOL, ADAPTIVEMAXPOOL -> {
        long h = positive(read.first(), "output size", word);
        long w = read.second() == null ? h : positive(read.second(), "output width", word);
        yield new LayerOp.AdaptivePool(entry.word(), h, w);
      }
      case GN -> new LayerOp.Norm("gn", positive(read.first(), "group count", word), !m.has("noscale"), !m.has("nocenter"));
      case UPSAMPLE -> new LayerOp.Upsample(positive(read.first(), "upsampling factor", word));
      case RESIZE, CROP -> {
        long h = positive(read.first(), "output size", word);
        long w = read.second() == null ? h : positive(read.second(), "output width", word);
        yield entry == LayerWord.CROP ? new LayerOp.Crop(h, w) : new LayerOp.Resize(h, w);
      }
      case CHANNELSHUFFLE -> new LayerOp.ChannelShuffle(positive(read.first(), "group count", word));
      // zeropad0 pads nothing and is allowed; otherwise bounded like every number, since a
      // number past 64 bits threw NumberFormatException and a huge one wrapped the size
      case ZEROPAD -> new LayerOp.ZeroPad(read.first().matches("0+") ? 0 : positive(read.first(), "padding", word));
      case DROPOUT, LRELU, STOCHASTICDEPTH -> {
        String value = read.first();
        if (!value.isEmpty() && !value.equals(".")) {
          // exactly, not as a double: 0.99999999999999999999 rounds to 1.0 and was refused as >= 1
          BigDecimal p = new BigDecimal(value.startsWith(".") ? "0" + value : value);
          if (entry != LayerWord.LRELU && p.compareTo(BigDecimal.ONE) >= 0) {
            throw new SpecException(DiagnosticCode.PROBABILITY_OUT_OF_RANGE, entry.word() + " probability out of range",
                "'" + word + "' drops " + value + " of its input", "give a probability below 1, e.g. " + entry.word() + "0.2");
          }
        }
        // stochastic depth is the identity at inference, and dropout too: in place, nothing counted
        yield new LayerOp.Elementwise(entry.word(), false);
      }
      case BN, LN -> new LayerOp.Norm(entry.word(), 0, !m.has("noscale"), !m.has("nocenter"));
      case INSTANCENORM -> new LayerOp.Norm("instancenorm", 0, m.has("affine"), m.has("affine"));
      case PIXELSHUFFLE -> new LayerOp.PixelShuffle(positive(read.first(), "upscale factor", word));
      case POOL -> new LayerOp.Pool("maxpool", 2, 2, 2, 2, Padding.VALID, 1, false);
      case SCALE -> new LayerOp.PerChannel("scale", true);
      case L2NORM -> new LayerOp.PerChannel("l2norm", true);
      case PRELU -> new LayerOp.PerChannel("prelu", false);
      case GAP, GMP -> new LayerOp.GlobalPool(entry.word());
      case FLATTEN -> new LayerOp.Flatten();
      case LRN -> new LayerOp.Elementwise("lrn", true);
      case RELU, RELU6, SIGMOID, TANH, SILU, HSWISH, HSIGMOID, GELU, SOFTMAX, LOGSOFTMAX, ELU, SELU, CELU, MISH,
          SOFTPLUS, HARDTANH, ID -> new LayerOp.Elementwise(entry.word(), false);
      case CONV, DWCONV, SEPCONV, DECONV, MAXPOOL, AVGPOOL, FC, PADCHANNELS -> throw new IllegalStateException("resolved above: " + entry);
    };
  }

  private static long positive(String digits, String what, String word) throws SpecException {
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (value < 1) {
      throw new SpecException(DiagnosticCode.NON_POSITIVE_NUMBER, "non-positive " + what, "'" + word + "' has " + what + " " + value,
          ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what + " must be at least 1");
    }
    if (value > Limits.MAX_NUMBER) {
      throw new SpecException(DiagnosticCode.ABSURD_NUMBER, "absurd " + what, "'" + word + "' has " + what + " " + digits,
          "numbers in a layer are at most " + String.format(Locale.ROOT, "%,d", Limits.MAX_NUMBER));
    }
    return value;
  }

  private static long requireChannels(String word, Long channels, String example) throws SpecException {
    if (channels == null) {
      throw new SpecException(DiagnosticCode.MISSING_CHANNELS, "missing channel count", "'" + word + "' needs the number of its outputs",
          "write it after a hyphen, e.g. " + example);
    }
    return channels;
  }

  private static void noChannels(String word, Long channels) throws SpecException {
    if (channels != null) {
      throw new SpecException(DiagnosticCode.UNEXPECTED_CHANNELS, "unexpected channel count", "'" + word + "' keeps its input's channels and takes no -" + channels,
          "remove -" + channels);
    }
  }

  private static void noStride(String word, Long stride, Long strideWidth) throws SpecException {
    if (stride != null) {
      String written = strideWidth == null ? "/" + stride : "/" + stride + "x" + strideWidth;
      throw new SpecException(DiagnosticCode.UNEXPECTED_STRIDE, "unexpected stride", "'" + word + "' has no stride",
          "remove " + written + "; strides belong to convolutions and pooling");
    }
  }

  /** The modifiers written after one layer, checked against what that layer accepts. */
  private static final class Modifiers {
    private final String word;
    private final List<Mod> mods;
    private final LayerWord entry;

    Modifiers(String word, List<Mod> mods, LayerWord entry) {
      this.word = word;
      this.mods = mods;
      this.entry = entry;
    }

    void check() throws SpecException {
      if (mods.isEmpty()) {
        return; // the common case, and no list made for it: a spec whose rows all differ resolves each
      }
      List<String> ok = entry.modifiers().stream().map(Modifier::word).toList();
      List<String> seen = new ArrayList<>();
      for (Mod mod : mods) {
        if (!ok.contains(mod.word())) {
          throw new SpecException(DiagnosticCode.MODIFIER_NOT_APPLICABLE, "modifier '" + mod.text() + "' does not apply here",
              "'" + word + "' " + (ok.isEmpty() ? "takes no modifiers" : "accepts " + String.join(", ", ok)),
              "remove '" + mod.text() + "'");
        }
        String family = entry.modifiers().get(ok.indexOf(mod.word())).family();
        if (seen.contains(family)) {
          throw new SpecException(DiagnosticCode.CONFLICTING_MODIFIERS, "conflicting modifiers", "'" + word + "' is given its " + family + " twice",
              "keep one of them");
        }
        seen.add(family);
        if (mod.number() != null && !mod.word().equals("p") && !mod.word().equals("outpad") && mod.number() < 1) {
          throw new SpecException(DiagnosticCode.NON_POSITIVE_NUMBER, "non-positive " + switch (mod.word()) {
                case "g" -> "group count";
                case "dm" -> "depth multiplier";
                default -> "dilation";
              },
              "'" + mod.text() + "' must be at least 1", "use " + mod.word() + "1 or more");
        }
        if (mod.number() != null && (mod.number() > Limits.MAX_NUMBER
            || mod.width() != null && mod.width() > Limits.MAX_NUMBER)) {
          throw new SpecException(DiagnosticCode.ABSURD_NUMBER, "absurd modifier", "'" + mod.text() + "' is far past any real network",
              "check the number");
        }
      }
    }

    boolean has(String modifier) {
      for (Mod mod : mods) {
        if (mod.word().equals(modifier)) {
          return true;
        }
      }
      return false;
    }

    // loops rather than streams: resolution runs once per distinct layer, which is every row of
    // some specs, and the streams were most of what it allocated
    long number(String modifier, long fallback) {
      for (Mod mod : mods) {
        if (mod.word().equals(modifier)) {
          return mod.number();
        }
      }
      return fallback;
    }

    Padding padding(Padding fallback) {
      for (Mod mod : mods) {
        switch (mod.word()) {
          case "same" -> {
            return Padding.SAME;
          }
          case "valid" -> {
            return Padding.VALID;
          }
          case "p" -> {
            int height = Math.toIntExact(mod.number());
            return new Padding.Explicit(height, mod.width() == null ? height : Math.toIntExact(mod.width()));
          }
          default -> {
          }
        }
      }
      return fallback;
    }

    boolean bias(boolean fallback) {
      return has("bias") || (!has("nobias") && fallback);
    }
  }
}
