package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.model.Shape;

/**
 * A layer with its word resolved and its numbers evaluated: what it computes, independent of how
 * it was written. {@link #apply} gives the output shape and figures for an input, with exact
 * arithmetic ({@link ArithmeticException} on overflow).
 */
public sealed interface LayerOp {

  /** The kind reported in {@code LayerInfo.kind()}: conv, maxpool, fc, relu... */
  String kind();

  /** The stem of generated names: conv1, pool2, fc3. */
  default String baseName() {
    return kind();
  }

  Outcome apply(Shape in, String spec) throws SpecException;

  static Shape requireSpatial(Shape in, String spec) throws SpecException {
    if (in.vector()) {
      throw new SpecException(DiagnosticCode.SPATIAL_AFTER_FLATTEN, "a spatial layer after flatten",
          spec + " needs a HxWxC input but gets a flat vector of " + in.channels()
              + " (flattened by an earlier fc or flatten)",
          "move it before the fc/flatten, or use fc layers from here on");
    }
    return in;
  }

  /** Convolution, plain or grouped: K_h K_w C_in/g C_out weights (+ C_out bias). */
  record Conv(long kh, long kw, long channels, long strideH, long strideW, Padding padding, long groups, long dilation,
      boolean bias) implements LayerOp {
    @Override
    public String kind() {
      return "conv";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      long cin = in.channels();
      checkGroups(spec, cin, channels, groups);
      Shape out = Sizes.windowed(in, kh, kw, strideH, strideW, dilation, padding, false, channels, spec);
      long perFilter = Math.multiplyExact(Math.multiplyExact(kh, kw), cin / groups);
      long weights = Math.multiplyExact(perFilter, channels);
      long params = bias ? Math.addExact(weights, channels) : weights;
      long macs = Math.multiplyExact(weights, (long) out.height() * out.width());
      return new Outcome(out, params, 0, macs, true, Window.of(kh, kw, strideH, strideW, dilation));
    }
  }

  /**
   * Depthwise convolution: one K x K filter per input channel, or {@code multiplier} of them
   * (Keras's {@code depth_multiplier}); {@code channels}, when written, is the output channel count
   * instead (a whole multiple of the input's).
   */
  record Depthwise(long kh, long kw, Long channels, long strideH, long strideW, Padding padding, long dilation,
      boolean bias, long multiplier) implements LayerOp {
    @Override
    public String kind() {
      return "dwconv";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      long cin = in.channels();
      long cout = channels == null ? Math.multiplyExact(cin, multiplier) : channels;
      if (cout % cin != 0) {
        throw new SpecException(DiagnosticCode.DEPTHWISE_CHANNELS, "depthwise channels do not fit",
            spec + " asks for " + cout + " channels from " + cin + "; a depthwise conv gives a whole multiple of its input",
            "drop the channel count (dwconv3 keeps " + cin + ") or use a multiple of " + cin);
      }
      // a grouped convolution with one group per input channel: the same weights, MACs and window
      return new Conv(kh, kw, cout, strideH, strideW, padding, cin, dilation, bias).apply(in, spec);
    }
  }

  /**
   * Keras SeparableConv2D: depthwise K x K without bias ({@code multiplier} filters per input
   * channel, Keras's {@code depth_multiplier}), then pointwise 1x1 to C (+C bias).
   */
  record Separable(long kh, long kw, long channels, long strideH, long strideW, Padding padding, long dilation,
      boolean bias, long multiplier) implements LayerOp {
    @Override
    public String kind() {
      return "sepconv";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      // a depthwise convolution without bias, then a pointwise 1x1 one: the sum of the two
      long cin = in.channels();
      Outcome depthwise = new Conv(kh, kw, Math.multiplyExact(cin, multiplier), strideH, strideW, padding, cin, dilation,
          false).apply(in, spec);
      Outcome pointwise = new Conv(1, 1, channels, 1, 1, Padding.VALID, 1, 1, bias).apply(depthwise.output(), spec);
      return new Outcome(pointwise.output(), Math.addExact(depthwise.params(), pointwise.params()), 0,
          Math.addExact(depthwise.macs(), pointwise.macs()), true, depthwise.window());
    }
  }

  /**
   * Transposed convolution; MACs count the input positions, as each input scatters a kernel.
   * {@code outputPadding} is PyTorch's {@code output_padding}: pixels added to the bottom and right
   * of the output (8x8x4, {@code deconv3-4/2 outpad1}: 18x18x4), smaller than the stride or the
   * dilation on each axis.
   */
  record Deconv(long kh, long kw, long channels, long strideH, long strideW, Padding padding, long groups,
      long dilation, boolean bias, long outputPadding) implements LayerOp {
    @Override
    public String kind() {
      return "deconv";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      long cin = in.channels();
      checkGroups(spec, cin, channels, groups);
      long stride = Math.min(strideH, strideW);
      if (outputPadding >= stride && outputPadding >= dilation) {
        throw new SpecException(DiagnosticCode.OUTPUT_PADDING_TOO_LARGE, "output padding too large",
            spec + " adds " + outputPadding + " output pixels with stride " + stride + " and dilation " + dilation,
            "output padding must be smaller than the stride or the dilation on each axis (PyTorch refuses more); use"
                + " outpad" + (Math.max(stride, dilation) - 1));
      }
      Shape out = Sizes.spatial(
          Math.addExact(Sizes.transposedOutput(in.height(), kh, strideH, dilation, padding.along(true)), outputPadding),
          Math.addExact(Sizes.transposedOutput(in.width(), kw, strideW, dilation, padding.along(false)), outputPadding),
          channels, spec);
      long weights = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(kh, kw), cin / groups), channels);
      long params = bias ? Math.addExact(weights, channels) : weights;
      long macs = Math.multiplyExact(weights, (long) in.height() * in.width());
      long reachH = Sizes.ceilDiv(kh, strideH);
      long reachW = Sizes.ceilDiv(kw, strideW);
      return new Outcome(out, params, 0, macs, true,
          new Window(reachH, reachW, 1.0 / strideH, 1.0 / strideW, dilation));
    }
  }

  /** Fully connected; a spatial input is flattened first. */
  record Dense(long units, boolean bias) implements LayerOp {
    @Override
    public String kind() {
      return "fc";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      long weights = Math.multiplyExact(in.size(), units);
      long params = bias ? Math.addExact(weights, units) : weights;
      Window window = in.vector() ? null : Window.of(in.height(), in.width(), 1, 1);
      return new Outcome(Sizes.vector(units, spec), params, 0, weights, true, window);
    }
  }

  /** Max or average pooling over a window. */
  record Pool(String kind, long kh, long kw, long strideH, long strideW, Padding padding, long dilation, boolean ceil)
      implements LayerOp {
    @Override
    public String baseName() {
      return "pool";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      if (padding instanceof Padding.Explicit p && (2 * p.height() > kh || 2 * p.width() > kw)) {
        String pads = p.height() == p.width() ? String.valueOf(p.height()) : p.height() + "x" + p.width();
        String fix = kh == kw ? String.valueOf(kh / 2) : kh / 2 + "x" + kw / 2;
        throw new SpecException(DiagnosticCode.PADDING_TOO_LARGE, "pooling padding too large",
            spec + " pads " + pads + " on each side of a " + kh + "x" + kw + " window",
            "padding may be at most half the window (PyTorch refuses more); use p" + fix);
      }
      Shape out = Sizes.windowed(in, kh, kw, strideH, strideW, dilation, padding, ceil, in.channels(), spec);
      return new Outcome(out, 0, 0, 0, true, Window.of(kh, kw, strideH, strideW, dilation));
    }
  }

  /** Global average or max pooling to 1x1xC. */
  record GlobalPool(String kind) implements LayerOp {
    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      return new Outcome(Shape.of(1, 1, in.channels()), 0, 0, 0, true, Window.of(in.height(), in.width(), 1, 1));
    }
  }

  /** PyTorch's adaptive pooling to a fixed output size. */
  record AdaptivePool(String kind, long height, long width) implements LayerOp {
    @Override
    public String baseName() {
      return "adaptivepool";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      Shape out = Sizes.spatial(height, width, in.channels(), spec);
      long kh = Sizes.ceilDiv(in.height(), height);
      long kw = Sizes.ceilDiv(in.width(), width);
      double sh = Math.max(1, in.height() / height);
      double sw = Math.max(1, in.width() / width);
      return new Outcome(out, 0, 0, 0, true, new Window(kh, kw, sh, sw, 1));
    }
  }

  /**
   * bn, ln, gn, instancenorm: 2C learnable (scale and shift, either dropped by Keras's scale=False
   * or center=False; instance norm has both only when affine, PyTorch's default being neither);
   * batch norm also keeps 2C running statistics whatever is learned.
   */
  record Norm(String kind, long groups, boolean scale, boolean center) implements LayerOp {
    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      if (kind.equals("instancenorm")) {
        requireSpatial(in, spec);
      }
      long c = in.channels();
      if (groups > 0 && c % groups != 0) {
        throw new SpecException(DiagnosticCode.GROUPS_DO_NOT_DIVIDE, "groups do not divide the channels",
            spec + " splits " + c + " channels into " + groups + " groups",
            "use a group count that divides " + c + ", e.g. gn" + largestDivisorAtMost(c, groups));
      }
      long learnable = Math.multiplyExact((scale ? 1 : 0) + (center ? 1 : 0), c);
      long running = kind.equals("bn") ? Math.multiplyExact(2, c) : 0;
      return new Outcome(in, learnable, running, 0, true, null);
    }
  }

  /**
   * A learnable value per channel: ConvNeXt's layer scale, PReLU's slopes (in place), or SSD's
   * L2 normalization ({@code l2norm}: x / ||x|| over the channels at each position, times the scale).
   */
  record PerChannel(String kind, boolean stored) implements LayerOp {
    @Override
    public Outcome apply(Shape in, String spec) {
      return new Outcome(in, in.channels(), 0, 0, stored, null);
    }
  }

  /** Nearest or bilinear upsampling by an integer factor. */
  record Upsample(long factor) implements LayerOp {
    @Override
    public String kind() {
      return "upsample";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      return scaledUp(in, factor, in.channels(), spec);
    }
  }

  /**
   * PyTorch {@code PixelShuffle(r)} (ESPCN's sub-pixel convolution, Shi et al. 2016): HxWx(C·r²)
   * to rH x rW x C, moving values without computing; C·r² must be a whole multiple of r².
   */
  record PixelShuffle(long factor) implements LayerOp {
    @Override
    public String kind() {
      return "pixelshuffle";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      long blocks = Math.multiplyExact(factor, factor);
      if (in.channels() % blocks != 0) {
        throw new SpecException(DiagnosticCode.CHANNELS_DO_NOT_DIVIDE, "channels do not divide",
            spec + " spreads each " + blocks + " channels over a " + factor + "x" + factor + " block, but gets "
                + in.channels() + " channels",
            "end the layer before it with a multiple of " + blocks + " channels (C·" + blocks + " for C out)");
      }
      return scaledUp(in, factor, in.channels() / blocks, spec);
    }
  }

  /**
   * Zero channels appended to reach {@code channels}, half before and half after the input's (an
   * odd one after): the parameter-free shortcut of the CIFAR ResNets, He et al. 2016 option A,
   * {@code F.pad(x, (0, 0, 0, 0, p, p))}.
   */
  record PadChannels(long channels) implements LayerOp {
    @Override
    public String kind() {
      return "padchannels";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      if (channels < in.channels()) {
        throw new SpecException(DiagnosticCode.UNEXPECTED_CHANNELS, "fewer channels than the input",
            spec + " pads to " + channels + " channels but gets " + in.channels(),
            "pad to at least " + in.channels() + " channels, or use conv1-" + channels + " to reduce them");
      }
      Shape out = in.vector() ? Sizes.vector(channels, spec) : Sizes.spatial(in.height(), in.width(), channels, spec);
      return new Outcome(out, 0, 0, 0, true, null);
    }
  }

  /**
   * Resizing to a given size, PyTorch's {@code interpolate(size=(H, W))} (nearest or bilinear):
   * to HxWxC whatever the input's height and width.
   */
  record Resize(long height, long width) implements LayerOp {
    @Override
    public String kind() {
      return "resize";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      Shape out = Sizes.spatial(height, width, in.channels(), spec);
      // one output steps (input size / output size) input pixels, as upsampling by N steps 1/N
      return new Outcome(out, 0, 0, 0, true,
          new Window(1, 1, (double) in.height() / height, (double) in.width() / width, 1));
    }
  }

  /**
   * Centre cropping to HxW (U-Net's "copy and crop", Ronneberger et al. 2015): the middle of the
   * map, an odd pixel left over going to the top and left ({@code d = (n - h) / 2} cut before).
   */
  record Crop(long height, long width) implements LayerOp {
    @Override
    public String kind() {
      return "crop";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      if (height > in.height() || width > in.width()) {
        throw new SpecException(DiagnosticCode.CROP_TOO_LARGE, "crop larger than its input",
            spec + " keeps " + height + "x" + width + " of a " + in.height() + "x" + in.width() + " map",
            "crop to at most " + in.height() + "x" + in.width() + ", or resize" + height + "x" + width + " to scale");
      }
      return new Outcome(Sizes.spatial(height, width, in.channels(), spec), 0, 0, 0, true, null);
    }
  }

  /**
   * ShuffleNet's channel shuffle (Zhang et al. 2018, PyTorch: view as G x C/G, transpose, flatten):
   * the channels reordered, the shape kept; a copy, so its output is stored.
   */
  record ChannelShuffle(long groups) implements LayerOp {
    @Override
    public String kind() {
      return "channelshuffle";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      if (in.channels() % groups != 0) {
        throw new SpecException(DiagnosticCode.GROUPS_DO_NOT_DIVIDE, "groups do not divide the channels",
            spec + " shuffles " + in.channels() + " channels in " + groups + " groups",
            "use a group count that divides " + in.channels() + ", e.g. channelshuffle"
                + largestDivisorAtMost(in.channels(), groups));
      }
      return new Outcome(in, 0, 0, 0, true, null);
    }
  }

  /** Zeros on each side. */
  record ZeroPad(long pixels) implements LayerOp {
    @Override
    public String kind() {
      return "zeropad";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      requireSpatial(in, spec);
      Shape out = Sizes.spatial(in.height() + 2 * pixels, in.width() + 2 * pixels, in.channels(), spec);
      return new Outcome(out, 0, 0, 0, true, null);
    }
  }

  /**
   * Shape-preserving layers without parameters. Activation functions, dropout and the identity run
   * in place; lrn stores its output.
   */
  record Elementwise(String kind, boolean stored) implements LayerOp {
    @Override
    public Outcome apply(Shape in, String spec) {
      return new Outcome(in, 0, 0, 0, stored, null);
    }
  }

  /** To a vector of H x W x C. */
  record Flatten() implements LayerOp {
    @Override
    public String kind() {
      return "flatten";
    }

    @Override
    public Outcome apply(Shape in, String spec) throws SpecException {
      return new Outcome(Sizes.vector(in.size(), spec), 0, 0, 0, false, null);
    }
  }

  /** A parameter-free map {@code factor} times as high and wide, with {@code channels}; each output steps 1/factor input pixels. */
  private static Outcome scaledUp(Shape in, long factor, long channels, String spec) throws SpecException {
    Shape out = Sizes.spatial(Math.multiplyExact((long) in.height(), factor),
        Math.multiplyExact((long) in.width(), factor), channels, spec);
    return new Outcome(out, 0, 0, 0, true, new Window(1, 1, 1.0 / factor, 1.0 / factor, 1));
  }

  private static void checkGroups(String spec, long cin, long cout, long groups) throws SpecException {
    if (cin % groups != 0 || cout % groups != 0) {
      String which = cin % groups != 0 ? "its " + cin + " input channels" : "its " + cout + " output channels";
      throw new SpecException(DiagnosticCode.GROUPS_DO_NOT_DIVIDE, "groups do not divide the channels",
          spec + " has " + groups + " groups, which do not divide " + which,
          "use a group count that divides both " + cin + " and " + cout
              + ", e.g. g" + largestDivisorAtMost(gcd(cin, cout), groups));
    }
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static long largestDivisorAtMost(long n, long limit) {
    for (long g = Math.min(n, limit); g > 1; g--) {
      if (n % g == 0) {
        return g;
      }
    }
    return 1;
  }
}
