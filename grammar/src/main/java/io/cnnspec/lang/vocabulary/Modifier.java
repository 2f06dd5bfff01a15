package io.cnnspec.lang.vocabulary;

/**
 * Every modifier word: written after a layer ({@code conv3-64 p1 nobias}), folded into it by the
 * parser and checked against what that layer accepts ({@link LayerWord#modifiers()}).
 */
public enum Modifier {
  /** {@code p1}, or per axis {@code p1x0} (height, then width). */
  P("p", true, "padding", true),
  VALID("valid", false, "padding"),
  SAME("same", false, "padding"),
  G("g", true, "g"),
  D("d", true, "d"),
  /** Keras's {@code depth_multiplier}: filters per input channel of a depthwise or separable conv. */
  DM("dm", true, "depth multiplier"),
  /** PyTorch's {@code output_padding}: pixels added to one side of a transposed convolution's output. */
  OUTPAD("outpad", true, "output padding"),
  NOBIAS("nobias", false, "bias"),
  BIAS("bias", false, "bias"),
  CEIL("ceil", false, "ceil"),
  NEAREST("nearest", false, "mode"),
  BILINEAR("bilinear", false, "mode"),
  NOSCALE("noscale", false, "noscale"),
  NOCENTER("nocenter", false, "nocenter"),
  /** Instance normalization with a learned scale and shift (PyTorch {@code affine=True}). */
  AFFINE("affine", false, "affine"),
  /** {@code resize input}: to the network's input height and width (FCN's {@code interpolate(size=input)}). */
  INPUT("input", false, "size");

  private final String word;
  private final boolean numbered;
  private final String family;
  private final boolean perAxis;

  Modifier(String word, boolean numbered, String family) {
    this(word, numbered, family, false);
  }

  Modifier(String word, boolean numbered, String family, boolean perAxis) {
    this.word = word;
    this.numbered = numbered;
    this.family = family;
    this.perAxis = perAxis;
  }

  /** Whether its glued number may be a pair, height then width: {@code p1x0}. */
  public boolean perAxis() {
    return perAxis;
  }

  /** The word as written, without its number: {@code p}, {@code valid}. */
  public String word() {
    return word;
  }

  /** Whether it takes a number glued on ({@code p1}, {@code g32}) or substituted ({@code p{k}}). */
  public boolean numbered() {
    return numbered;
  }

  /** Modifiers of one family exclude each other on a layer: padding, bias, mode, or the word itself. */
  public String family() {
    return family;
  }
}
