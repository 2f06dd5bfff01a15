package io.cnnspec.picture;

/**
 * The colour of a box, by what its layer does; the legend lists these in this order. Fills are
 * light so the black text stays readable, strokes the same hue darker.
 */
public enum KindColor {
  CONVOLUTION("convolution", "#dbeafe", "#2563eb"),
  FULLY_CONNECTED("fully connected", "#ede9fe", "#7c3aed"),
  POOLING("pooling", "#ffedd5", "#ea580c"),
  NORMALIZATION("normalization", "#fef9c3", "#a16207"),
  ACTIVATION("activation", "#dcfce7", "#16a34a"),
  RESHAPING("resize, crop, reshape", "#fae8ff", "#a21caf"),
  MERGE("merge", "#fee2e2", "#dc2626"),
  SIDE_OUTPUT("side output", "#e2e8f0", "#0f172a"),
  BLOCK("folded block", "#ccfbf1", "#0f766e"),
  OTHER("other", "#f3f4f6", "#4b5563");

  private final String label;
  private final String fill;
  private final String stroke;

  KindColor(String label, String fill, String stroke) {
    this.label = label;
    this.fill = fill;
    this.stroke = stroke;
  }

  /** What the legend calls it. */
  public String label() {
    return label;
  }

  /** The box's fill, {@code #rrggbb}. */
  public String fill() {
    return fill;
  }

  /** The box's outline, {@code #rrggbb}. */
  public String stroke() {
    return stroke;
  }

  /**
   * The colour of a row of {@code kind}, a {@link io.cnnspec.model.LayerInfo#kind()} such as
   * {@code conv}, {@code maxpool} or {@code res}; kinds it does not know are {@link #OTHER}, as are
   * those that change nothing drawn at inference ({@code dropout}, {@code stochasticdepth}, {@code id})
   * and layer scale ({@code scale}).
   */
  public static KindColor of(String kind) {
    return switch (kind) {
      case "conv", "dwconv", "sepconv", "deconv" -> CONVOLUTION;
      case "fc" -> FULLY_CONNECTED;
      case "maxpool", "avgpool", "adaptiveavgpool", "adaptivemaxpool", "gap", "gmp" -> POOLING;
      case "bn", "ln", "gn", "instancenorm", "lrn", "l2norm" -> NORMALIZATION;
      case "relu", "relu6", "lrelu", "prelu", "elu", "selu", "celu", "gelu", "silu", "mish", "softplus", "hardtanh",
          "sigmoid", "tanh", "hswish", "hsigmoid", "softmax", "logsoftmax" -> ACTIVATION;
      case "upsample", "resize", "pixelshuffle", "crop", "zeropad", "padchannels", "channelshuffle", "flatten" ->
          RESHAPING;
      case "cat", "add", "res", "mul", "chunk" -> MERGE;
      case "side" -> SIDE_OUTPUT;
      default -> OTHER;
    };
  }
}
