package io.cnnspec.lang.vocabulary;

import static io.cnnspec.lang.vocabulary.Modifier.AFFINE;
import static io.cnnspec.lang.vocabulary.Modifier.BIAS;
import static io.cnnspec.lang.vocabulary.Modifier.BILINEAR;
import static io.cnnspec.lang.vocabulary.Modifier.CEIL;
import static io.cnnspec.lang.vocabulary.Modifier.D;
import static io.cnnspec.lang.vocabulary.Modifier.DM;
import static io.cnnspec.lang.vocabulary.Modifier.G;
import static io.cnnspec.lang.vocabulary.Modifier.INPUT;
import static io.cnnspec.lang.vocabulary.Modifier.NEAREST;
import static io.cnnspec.lang.vocabulary.Modifier.NOBIAS;
import static io.cnnspec.lang.vocabulary.Modifier.NOCENTER;
import static io.cnnspec.lang.vocabulary.Modifier.NOSCALE;
import static io.cnnspec.lang.vocabulary.Modifier.OUTPAD;
import static io.cnnspec.lang.vocabulary.Modifier.P;
import static io.cnnspec.lang.vocabulary.Modifier.SAME;
import static io.cnnspec.lang.vocabulary.Modifier.VALID;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every layer word: its spellings (the first is its name), its form (what may be glued to it), and
 * the modifiers it accepts, in the order its errors list them. How each becomes a
 * {@code LayerOp} is the analysis' {@code LayerResolver}, a switch over these entries that the
 * compiler checks is complete. docs/language.md's layer and modifier tables are checked against
 * this one (VocabularyDocTest).
 */
public enum LayerWord {
  CONV(Form.WINDOW, List.of("conv"), P, VALID, SAME, G, D, NOBIAS, BIAS),
  DWCONV(Form.WINDOW, List.of("dwconv"), P, VALID, SAME, D, DM, NOBIAS, BIAS),
  SEPCONV(Form.WINDOW, List.of("sepconv"), P, VALID, SAME, D, DM, NOBIAS, BIAS),
  DECONV(Form.WINDOW, List.of("deconv"), P, VALID, SAME, G, D, OUTPAD, NOBIAS, BIAS),
  MAXPOOL(Form.WINDOW, List.of("maxpool"), P, VALID, SAME, CEIL, D),
  AVGPOOL(Form.WINDOW, List.of("avgpool"), P, VALID, SAME, CEIL, D),
  FC(Form.DENSE, List.of("fc"), NOBIAS, BIAS),
  ADAPTIVEAVGPOOL(Form.ADAPTIVE, List.of("adaptiveavgpool")),
  ADAPTIVEMAXPOOL(Form.ADAPTIVE, List.of("adaptivemaxpool")),
  GN(Form.COUNTED, List.of("gn"), NOSCALE, NOCENTER),
  UPSAMPLE(Form.COUNTED, List.of("upsample"), NEAREST, BILINEAR),
  /**
   * U-Net's copy and crop: the centre HxW of the input; bare, at the end of a merge's branch, to
   * the HxW of the merge's other branches.
   */
  CROP(Form.SIZE, List.of("crop")),
  /**
   * PyTorch {@code interpolate(size=(H, W))}: to a given size, whatever the input's; bare, to the
   * HxW where the enclosing branch began, or with {@code input} to the network's input HxW.
   */
  RESIZE(Form.SIZE, List.of("resize"), NEAREST, BILINEAR, INPUT),
  /** ShuffleNet's channel shuffle with G groups: a permutation of the channels. */
  CHANNELSHUFFLE(Form.COUNTED, List.of("channelshuffle")),
  ZEROPAD(Form.COUNTED, List.of("zeropad")),
  /** ESPCN's sub-pixel convolution, PyTorch {@code PixelShuffle(r)}: HxWx(C·r²) to rH x rW x C. */
  PIXELSHUFFLE(Form.COUNTED, List.of("pixelshuffle")),
  DROPOUT(Form.PROBABILITY, List.of("dropout")),
  /** torchvision's {@code StochasticDepth(p)}: drops a residual branch in training, the identity at inference. */
  STOCHASTICDEPTH(Form.PROBABILITY, List.of("stochasticdepth")),
  LRELU(Form.PROBABILITY, List.of("lrelu")),
  RELU(Form.PLAIN, List.of("relu")),
  RELU6(Form.PLAIN, List.of("relu6")),
  SIGMOID(Form.PLAIN, List.of("sigmoid")),
  TANH(Form.PLAIN, List.of("tanh")),
  SILU(Form.PLAIN, List.of("silu", "swish")),
  HSWISH(Form.PLAIN, List.of("hswish")),
  HSIGMOID(Form.PLAIN, List.of("hsigmoid")),
  GELU(Form.PLAIN, List.of("gelu")),
  SOFTMAX(Form.PLAIN, List.of("softmax")),
  LOGSOFTMAX(Form.PLAIN, List.of("logsoftmax")),
  ELU(Form.PLAIN, List.of("elu")),
  SELU(Form.PLAIN, List.of("selu")),
  CELU(Form.PLAIN, List.of("celu")),
  MISH(Form.PLAIN, List.of("mish")),
  SOFTPLUS(Form.PLAIN, List.of("softplus")),
  HARDTANH(Form.PLAIN, List.of("hardtanh")),
  ID(Form.PLAIN, List.of("id", "identity")),
  LRN(Form.PLAIN, List.of("lrn")),
  FLATTEN(Form.PLAIN, List.of("flatten")),
  BN(Form.PLAIN, List.of("bn", "batchnorm"), NOSCALE, NOCENTER),
  LN(Form.PLAIN, List.of("ln", "layernorm"), NOSCALE, NOCENTER),
  /** PyTorch {@code InstanceNorm2d}: by default (affine=False) nothing learned and no running statistics. */
  INSTANCENORM(Form.PLAIN, List.of("instancenorm"), AFFINE),
  /** Zeros appended as channels, half before and half after: the CIFAR ResNets' parameter-free shortcut (option A). */
  PADCHANNELS(Form.PLAIN, List.of("padchannels")),
  SCALE(Form.PLAIN, List.of("scale")),
  /** SSD's L2 normalization over the channels with a learned scale per channel (Liu et al. 2016; torchvision's ssd300_vgg16). */
  L2NORM(Form.PLAIN, List.of("l2norm")),
  PRELU(Form.PLAIN, List.of("prelu")),
  GAP(Form.PLAIN, List.of("gap")),
  GMP(Form.PLAIN, List.of("gmp")),
  /** The VGG paper's "maxpool": 2x2, stride 2, nothing more to say. */
  POOL(Form.PLAIN, List.of("pool"));

  /** What may be glued to a word: its numbers. The groups are the numbers, null or empty when left out. */
  public enum Form {
    /** {@code conv3}, {@code conv1x7}, {@code maxpool}: an optional kernel, square or KxJ; takes -C and /S. */
    // the width only after a height: maxpoolx2 is two maxpools, not a ?x2 window
    WINDOW("(?:(\\d+)(?:x(\\d+))?)?"),
    /** {@code fc4096} or {@code fc} (then {@code fc-4096}). */
    DENSE("(\\d+)?"),
    /** {@code adaptiveavgpool6}, {@code adaptiveavgpool6x7}: an output size. */
    ADAPTIVE("(\\d+)(?:x(\\d+))?"),
    /** {@code crop}, {@code crop64}, {@code resize7x9}: an optional output size, square or HxW. */
    SIZE("(?:(\\d+)(?:x(\\d+))?)?"),
    /** {@code gn32}, {@code upsample2}, {@code zeropad1}: one count. */
    COUNTED("(\\d+)"),
    /** {@code dropout}, {@code dropout0.5}, {@code lrelu.1}: an optional decimal. */
    PROBABILITY("((?:\\d+)?(?:\\.\\d+)?)"),
    /** The word alone. */
    PLAIN("");

    private final Pattern glued;

    Form(String glued) {
      this.glued = Pattern.compile(glued);
    }

    /** What the number glued to a word of this form is, for errors: "output size", "count". */
    public String number() {
      return switch (this) {
        case WINDOW -> "kernel size";
        case DENSE -> "size";
        case ADAPTIVE, SIZE -> "output size";
        case COUNTED -> "count";
        case PROBABILITY -> "probability";
        case PLAIN -> "number";
      };
    }

    Pattern glued() {
      return glued;
    }
  }

  private final Form form;
  private final List<String> spellings;
  private final List<Modifier> modifiers;

  LayerWord(Form form, List<String> spellings, Modifier... modifiers) {
    this.form = form;
    this.spellings = spellings;
    this.modifiers = List.of(modifiers);
  }

  public Form form() {
    return form;
  }

  /** Lower case, without hyphens; the first is the word's own name, the others say the same. */
  public List<String> spellings() {
    return spellings;
  }

  /** The word's own name: {@code conv}, {@code silu} (also spelled {@code swish}). */
  public String word() {
    return spellings.get(0);
  }

  /** The modifiers it accepts, in the order a misuse's error lists them. */
  public List<Modifier> modifiers() {
    return modifiers;
  }

  /**
   * The shortest text that compiles as this word on a usual HxWxC map (32x32x8 and larger), for
   * hints: the word itself, or the word with the numbers it cannot go without. The bare crop and
   * resize depend on where they stand, so their hints come from the errors that place them.
   */
  public String example() {
    return switch (this) {
      case CONV -> "conv3-64";
      case SEPCONV -> "sepconv3-128";
      case DECONV -> "deconv4-256/2";
      case DWCONV -> "dwconv3";
      case FC -> "fc4096";
      case PADCHANNELS -> "padchannels-32";
      case ADAPTIVEAVGPOOL, ADAPTIVEMAXPOOL -> word() + "7";
      case GN -> "gn2";
      case UPSAMPLE, CHANNELSHUFFLE, PIXELSHUFFLE -> word() + "2";
      case ZEROPAD -> "zeropad1";
      default -> word();
    };
  }

  public boolean accepts(Modifier modifier) {
    return modifiers.contains(modifier);
  }
}
