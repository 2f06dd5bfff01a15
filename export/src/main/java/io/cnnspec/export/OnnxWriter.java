package io.cnnspec.export;

import com.google.protobuf.ByteString;
import io.cnnspec.export.onnx.OnnxProto.AttributeProto;
import io.cnnspec.export.onnx.OnnxProto.GraphProto;
import io.cnnspec.export.onnx.OnnxProto.ModelProto;
import io.cnnspec.export.onnx.OnnxProto.NodeProto;
import io.cnnspec.export.onnx.OnnxProto.OperatorSetIdProto;
import io.cnnspec.export.onnx.OnnxProto.TensorProto;
import io.cnnspec.export.onnx.OnnxProto.TensorShapeProto;
import io.cnnspec.export.onnx.OnnxProto.TypeProto;
import io.cnnspec.export.onnx.OnnxProto.ValueInfoProto;
import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.analysis.Padding;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.model.SideOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a network as an ONNX graph; see {@link Export#onnx}. */
final class OnnxWriter {

  /** ONNX 1.12's opset, the newest its checker knows; GroupNormalization (opset 18) is composed. */
  static final int OPSET = 17;
  static final int IR_VERSION = 8;
  private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
  private static final int INT64 = TensorProto.DataType.INT64_VALUE;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Export.Weights weights;

  private OnnxWriter(Export.Weights weights) {
    this.weights = weights;
  }

  static ModelProto write(NetworkInfo network, List<Node> top, Export.Weights weights) {
    OnnxWriter w = new OnnxWriter(weights);
    w.graph.setName(network.name());
    w.graph.addInput(valueInfo("input", dims(network.input())));
    String out = w.sequence(top, "input");
    w.graph.addNode(node("Identity", "output", List.of(out), "output"));
    w.graph.addOutput(valueInfo("output", dims(network.output())));
    for (SideOutput side : network.sideOutputs()) {
      // each side output under its row's name, after the main output, in row order
      if (side.name().equals("input") || side.name().equals("output")) {
        throw new ExportException("the side output '" + side.name() + "' has a name the ONNX model gives its own "
            + "input or output; rename it (side { ... } @" + side.name() + "_head).");
      }
      w.graph.addOutput(valueInfo(side.name(), dims(side.shape())));
    }
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("cnnspec")
        .setDocString(String.format(Locale.ROOT, "%s: %s -> %s (HxWxC; tensors are NCHW). cnnspec's totals: "
                + "%d params, %d batch-norm running values, %d MACs (main output), %d with the side outputs.",
            network.name(), network.input(), network.output(), network.params(), network.nonTrainableParams(),
            network.macs(), network.allMacs()))
        .setGraph(w.graph)
        .build();
  }

  private String sequence(List<Node> nodes, String in) {
    String current = in;
    for (Node node : nodes) {
      if (node instanceof Node.Layer layer) {
        current = layer(layer.info(), layer.op(), current);
      } else if (node instanceof Node.Merge merge) {
        current = merge(merge, current);
      } else if (node instanceof Node.Call call) {
        current = sequence(call.body(), current);
      } else {
        for (Node.Call turn : ((Node.Repeat) node).turns()) {
          current = sequence(turn.body(), current);
        }
      }
    }
    return current;
  }

  private String merge(Node.Merge merge, String in) {
    String name = merge.info().name();
    if (merge.info().kind().equals("side")) {
      // the branch's result is the graph output named for the row; the flow goes on with the input
      List<Node> branch = merge.branches().get(0);
      graph.addNode(node("Identity", name, List.of(branch.isEmpty() ? in : sequence(branch, in)), name));
      return in;
    }
    List<String> inputs = branchInputs(merge, in);
    List<String> results = new ArrayList<>();
    for (int i = 0; i < merge.branches().size(); i++) {
      List<Node> branch = merge.branches().get(i);
      results.add(branch.isEmpty() ? inputs.get(i) : sequence(branch, inputs.get(i)));
    }
    switch (merge.info().kind()) {
      case "cat", "chunk" -> graph.addNode(node("Concat", name, results, name).addAttribute(attr("axis", 1)));
      case "mul" -> {
        // mul { gate } scales its input, mul { map | gate } its first branch's result
        String map = results.size() == 2 ? results.get(0) : in;
        String gate = results.get(results.size() - 1);
        if (NetworkTree.vectorGate(merge)) {
          String reshaped = name + ".gate";
          graph.addNode(node("Unsqueeze", name + ".unsqueeze", List.of(gate, ints(name + ".axes", 2, 3)), reshaped));
          gate = reshaped;
        }
        graph.addNode(node("Mul", name, List.of(map, gate), name));
      }
      default -> {
        String sum = results.get(0);
        for (int i = 1; i < results.size(); i++) {
          String out = i + 1 == results.size() ? name : name + ".sum" + i;
          graph.addNode(node("Add", i + 1 == results.size() ? name : out, List.of(sum, results.get(i)), out));
          sum = out;
        }
        if (results.size() == 1) {
          graph.addNode(node("Identity", name, List.of(sum), name));
        }
      }
    }
    return name;
  }

  /**
   * What each branch of {@code merge} reads: the merge's input, or for {@code chunk} its equal
   * slices along the channels (Split without sizes splits equally, as {@code x.chunk(n, dim=1)}
   * does when n divides the channels, which the analysis checked).
   */
  private List<String> branchInputs(Node.Merge merge, String in) {
    int count = merge.branches().size();
    if (!merge.info().kind().equals("chunk")) {
      return java.util.Collections.nCopies(count, in);
    }
    String name = merge.info().name();
    NodeProto.Builder split = NodeProto.newBuilder().setOpType("Split").setName(name + ".split").addInput(in)
        .addAttribute(attr("axis", 1));
    List<String> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slices.add(name + ".slice" + (i + 1));
      split.addOutput(slices.get(i));
    }
    graph.addNode(split);
    return slices;
  }

  private String layer(LayerInfo info, LayerOp op, String in) {
    String n = info.name();
    Shape input = info.input();
    if (op instanceof LayerOp.Conv c) {
      conv(n, in, n, input, c.kh(), c.kw(), input.channels(), c.channels(), c.strideH(), c.strideW(), c.padding(), c.groups(),
          c.dilation(), c.bias());
    } else if (op instanceof LayerOp.Depthwise d) {
      long cout = d.channels() == null ? input.channels() * d.multiplier() : d.channels();
      conv(n, in, n, input, d.kh(), d.kw(), input.channels(), cout, d.strideH(), d.strideW(), d.padding(), input.channels(),
          d.dilation(), d.bias());
    } else if (op instanceof LayerOp.Separable s) {
      long middle = input.channels() * s.multiplier(); // the depth multiplier's filters per input channel
      conv(n + ".depthwise", in, n + ".depthwise", input, s.kh(), s.kw(), input.channels(), middle,
          s.strideH(), s.strideW(), s.padding(), input.channels(), s.dilation(), false);
      conv(n + ".pointwise", n + ".depthwise", n, info.output(), 1, 1, middle, s.channels(), 1, 1,
          Padding.VALID, 1, 1, s.bias());
    } else if (op instanceof LayerOp.Deconv d) {
      deconv(n, in, input, d);
    } else if (op instanceof LayerOp.Dense fc) {
      String x = in;
      if (!input.vector()) {
        graph.addNode(node("Flatten", n + ".flatten", List.of(in), n + ".flatten").addAttribute(attr("axis", 1)));
        x = n + ".flatten";
      }
      List<String> inputs = new ArrayList<>(List.of(x, param(n + ".weight", fc.units(), input.size())));
      if (fc.bias()) {
        inputs.add(param(n + ".bias", fc.units()));
      }
      graph.addNode(node("Gemm", n, inputs, n).addAttribute(attr("transB", 1)));
    } else if (op instanceof LayerOp.Pool p) {
      pool(info, p, in);
    } else if (op instanceof LayerOp.GlobalPool g) {
      graph.addNode(node(g.kind().equals("gap") ? "GlobalAveragePool" : "GlobalMaxPool", n, List.of(in), n));
    } else if (op instanceof LayerOp.AdaptivePool a) {
      adaptive(info, a, in);
    } else if (op instanceof LayerOp.Norm norm) {
      norm(info, norm, in);
    } else if (op instanceof LayerOp.PerChannel p && p.kind().equals("l2norm")) {
      // SSD's L2Norm: x / ||x|| over the channels at each position, times a learned scale per channel
      String normalized = n + ".normalized";
      graph.addNode(node("LpNormalization", n + ".normalize", List.of(in), normalized)
          .addAttribute(attr("axis", 1)).addAttribute(attr("p", 2)));
      graph.addNode(node("Mul", n, List.of(normalized, param(n + ".scale", perChannel(input))), n));
    } else if (op instanceof LayerOp.PerChannel p) {
      String slope = param(n + (p.kind().equals("prelu") ? ".weight" : ".scale"), perChannel(input));
      graph.addNode(node(p.kind().equals("prelu") ? "PRelu" : "Mul", n, List.of(in, slope), n));
    } else if (op instanceof LayerOp.Upsample u) {
      String scales = floats(n + ".scales", 1, 1, u.factor(), u.factor());
      graph.addNode(interpolation(node("Resize", n, List.of(in, "", scales), n), info.spec().contains("bilinear")));
    } else if (op instanceof LayerOp.PixelShuffle shuffle) {
      // DepthToSpace's CRD order is PyTorch's PixelShuffle (channel c*r*r + i*r + j to c at (i, j))
      graph.addNode(node("DepthToSpace", n, List.of(in), n).addAttribute(attr("blocksize", shuffle.factor()))
          .addAttribute(attr("mode", "CRD")));
    } else if (op instanceof LayerOp.PadChannels padded) {
      long before = (padded.channels() - input.channels()) / 2;
      long after = padded.channels() - input.channels() - before;
      long[] pads = input.vector() ? new long[] {0, before, 0, after} : new long[] {0, before, 0, 0, 0, after, 0, 0};
      graph.addNode(node("Pad", n, List.of(in, ints(n + ".pads", pads)), n));
    } else if (op instanceof LayerOp.Resize r) {
      String sizes = ints(n + ".sizes", 1, input.channels(), r.height(), r.width());
      graph.addNode(interpolation(node("Resize", n, List.of(in, "", "", sizes), n), info.spec().contains("bilinear")));
    } else if (op instanceof LayerOp.Crop c) {
      long top = (input.height() - c.height()) / 2;
      long left = (input.width() - c.width()) / 2;
      graph.addNode(node("Slice", n, List.of(in, ints(n + ".starts", top, left),
          ints(n + ".ends", top + c.height(), left + c.width()), ints(n + ".axes", 2, 3)), n));
    } else if (op instanceof LayerOp.ChannelShuffle shuffle) {
      long g = shuffle.groups();
      long c = input.channels();
      long[] split = input.vector() ? new long[] {0, g, c / g} : new long[] {0, g, c / g, input.height(), input.width()};
      long[] perm = input.vector() ? new long[] {0, 2, 1} : new long[] {0, 2, 1, 3, 4};
      long[] back = input.vector() ? new long[] {0, c} : new long[] {0, c, input.height(), input.width()};
      graph.addNode(node("Reshape", n + ".split", List.of(in, ints(n + ".split_shape", split)), n + ".split"));
      graph.addNode(node("Transpose", n + ".transpose", List.of(n + ".split"), n + ".transpose")
          .addAttribute(attrs("perm", perm)));
      graph.addNode(node("Reshape", n, List.of(n + ".transpose", ints(n + ".shape", back)), n));
    } else if (op instanceof LayerOp.ZeroPad z) {
      long p = z.pixels();
      graph.addNode(node("Pad", n, List.of(in, ints(n + ".pads", 0, 0, p, p, 0, 0, p, p)), n));
    } else if (op instanceof LayerOp.Flatten) {
      graph.addNode(node("Flatten", n, List.of(in), n).addAttribute(attr("axis", 1)));
    } else if (op instanceof LayerOp.Elementwise e) {
      elementwise(info, e.kind(), in);
    } else {
      throw new ExportException("layer " + n + " (" + info.spec() + ") has no ONNX form in this exporter; "
          + "export a spec without it.");
    }
    return n;
  }

  /** PyTorch's interpolation as Resize attributes: bilinear with align_corners=False, or nearest. */
  private static NodeProto.Builder interpolation(NodeProto.Builder resize, boolean bilinear) {
    resize.addAttribute(attr("mode", bilinear ? "linear" : "nearest"));
    if (bilinear) {
      return resize.addAttribute(attr("coordinate_transformation_mode", "half_pixel")); // align_corners=False
    }
    return resize.addAttribute(attr("coordinate_transformation_mode", "asymmetric"))
        .addAttribute(attr("nearest_mode", "floor")); // PyTorch's nearest: floor(dst * in / out)
  }

  private void elementwise(LayerInfo info, String kind, String in) {
    String n = info.name();
    NodeProto.Builder node = switch (kind) {
      case "relu" -> node("Relu", n, List.of(in), n);
      case "relu6" -> node("Clip", n, List.of(in, scalar(n + ".min", 0), scalar(n + ".max", 6)), n);
      case "sigmoid" -> node("Sigmoid", n, List.of(in), n);
      case "tanh" -> node("Tanh", n, List.of(in), n);
      case "softmax" -> node("Softmax", n, List.of(in), n).addAttribute(attr("axis", 1));
      case "hswish" -> node("HardSwish", n, List.of(in), n);
      case "hsigmoid" -> node("HardSigmoid", n, List.of(in), n)
          .addAttribute(floatAttr("alpha", 1f / 6)).addAttribute(floatAttr("beta", 0.5f)); // PyTorch's hardsigmoid
      case "lrelu" -> node("LeakyRelu", n, List.of(in), n)
          .addAttribute(floatAttr("alpha", Float.parseFloat(NetworkTree.number(info.spec(), "0.01"))));
      case "lrn" -> node("LRN", n, List.of(in), n).addAttribute(attr("size", 5)).addAttribute(floatAttr("alpha", 1e-4f))
          .addAttribute(floatAttr("beta", 0.75f)).addAttribute(floatAttr("bias", 2f));
      case "dropout" -> node("Dropout", n, List.of(in, scalar(n + ".ratio", Float.parseFloat(NetworkTree.number(info.spec(),
          "0.5")))), n);
      case "id", "identity" -> node("Identity", n, List.of(in), n);
      case "stochasticdepth" -> node("Identity", n, List.of(in), n); // torchvision's StochasticDepth at inference
      case "elu" -> node("Elu", n, List.of(in), n).addAttribute(floatAttr("alpha", 1f));
      case "selu" -> node("Selu", n, List.of(in), n); // ONNX's default alpha and gamma are PyTorch's constants
      case "celu" -> node("Celu", n, List.of(in), n).addAttribute(floatAttr("alpha", 1f));
      case "softplus" -> node("Softplus", n, List.of(in), n);
      case "hardtanh" -> node("Clip", n, List.of(in, scalar(n + ".min", -1), scalar(n + ".max", 1)), n);
      case "logsoftmax" -> node("LogSoftmax", n, List.of(in), n).addAttribute(attr("axis", 1));
      case "mish" -> {
        // opset 17 has no Mish: x tanh(softplus(x))
        graph.addNode(node("Softplus", n + ".softplus", List.of(in), n + ".softplus"));
        graph.addNode(node("Tanh", n + ".tanh", List.of(n + ".softplus"), n + ".tanh"));
        yield node("Mul", n, List.of(in, n + ".tanh"), n);
      }
      case "silu", "swish" -> {
        graph.addNode(node("Sigmoid", n + ".sigmoid", List.of(in), n + ".sigmoid"));
        yield node("Mul", n, List.of(in, n + ".sigmoid"), n);
      }
      case "gelu" -> {
        // opset 17 has no Gelu: x/2 (1 + erf(x / sqrt 2))
        graph.addNode(node("Div", n + ".div", List.of(in, scalar(n + ".sqrt2", (float) Math.sqrt(2))), n + ".div"));
        graph.addNode(node("Erf", n + ".erf", List.of(n + ".div"), n + ".erf"));
        graph.addNode(node("Add", n + ".add", List.of(n + ".erf", scalar(n + ".one", 1)), n + ".add"));
        graph.addNode(node("Mul", n + ".mul", List.of(in, n + ".add"), n + ".mul"));
        yield node("Mul", n, List.of(n + ".mul", scalar(n + ".half", 0.5f)), n);
      }
      default -> throw new ExportException("layer " + n + " (" + info.spec() + ") has no ONNX form in this "
          + "exporter; export a spec without it.");
    };
    graph.addNode(node);
  }


  private void conv(String n, String in, String out, Shape input, long kh, long kw, long cin, long cout, long strideH,
      long strideW, Padding padding, long groups, long dilation, boolean bias) {
    List<String> inputs = new ArrayList<>(List.of(in, param(n + ".weight", cout, cin / groups, kh, kw)));
    if (bias) {
      inputs.add(param(n + ".bias", cout));
    }
    graph.addNode(node("Conv", n, inputs, out)
        .addAttribute(attrs("kernel_shape", kh, kw))
        .addAttribute(attrs("strides", strideH, strideW))
        .addAttribute(attrs("dilations", dilation, dilation))
        .addAttribute(attr("group", groups))
        .addAttribute(attrs("pads", pads(input, kh, kw, strideH, strideW, dilation, padding))));
  }

  /** ONNX pads: top, left, bottom, right. */
  private static long[] pads(Shape input, long kh, long kw, long strideH, long strideW, long dilation,
      Padding padding) {
    if (padding instanceof Padding.Explicit e) {
      return new long[] {e.height(), e.width(), e.height(), e.width()};
    }
    SamePadding h = SamePadding.window(input.height(), kh, strideH, dilation);
    SamePadding w = SamePadding.window(input.width(), kw, strideW, dilation);
    return new long[] {h.before(), w.before(), h.after(), w.after()};
  }

  private void deconv(String n, String in, Shape input, LayerOp.Deconv d) {
    List<String> inputs = new ArrayList<>(List.of(in,
        param(n + ".weight", input.channels(), d.channels() / d.groups(), d.kh(), d.kw())));
    if (d.bias()) {
      inputs.add(param(n + ".bias", d.channels()));
    }
    // the same arithmetic as PyTorch's; the row PyTorch crops at the end is ONNX's end padding
    PyTorchWriter.Deconv h = PyTorchWriter.Deconv.of(d.kh(), d.strideH(), d.dilation(), d.padding().along(true),
        d.outputPadding());
    PyTorchWriter.Deconv w = PyTorchWriter.Deconv.of(d.kw(), d.strideW(), d.dilation(), d.padding().along(false),
        d.outputPadding());
    long[] pads = {h.padding(), w.padding(), h.padding() + h.crop(), w.padding() + w.crop()};
    long[] outputPadding = {h.outputPadding(), w.outputPadding()};
    graph.addNode(node("ConvTranspose", n, inputs, n)
        .addAttribute(attrs("kernel_shape", d.kh(), d.kw()))
        .addAttribute(attrs("strides", d.strideH(), d.strideW()))
        .addAttribute(attrs("dilations", d.dilation(), d.dilation()))
        .addAttribute(attr("group", d.groups()))
        .addAttribute(attrs("pads", pads))
        .addAttribute(attrs("output_padding", outputPadding)));
  }

  private void pool(LayerInfo info, LayerOp.Pool p, String in) {
    String n = info.name();
    boolean max = p.kind().equals("maxpool");
    long[] pads = pads(info.input(), p.kh(), p.kw(), p.strideH(), p.strideW(), p.dilation(), p.padding());
    NodeProto.Builder node = node(max ? "MaxPool" : "AveragePool", n, List.of(in), n)
        .addAttribute(attrs("kernel_shape", p.kh(), p.kw()))
        .addAttribute(attrs("strides", p.strideH(), p.strideW()))
        .addAttribute(attrs("pads", pads))
        .addAttribute(attr("ceil_mode", p.ceil() ? ceilMode(info, p, pads) : 0));
    if (max) {
      node.addAttribute(attrs("dilations", p.dilation(), p.dilation()));
    } else if (p.dilation() != 1) {
      throw new ExportException("layer " + n + " (" + info.spec() + ") is an average pooling with dilation, "
          + "which ONNX's AveragePool (opset 17) does not have; write it without dN.");
    } else {
      // explicit padding counts as PyTorch's default; TensorFlow's "same" averages only the input
      node.addAttribute(attr("count_include_pad", p.padding() instanceof Padding.Same ? 0 : 1));
    }
    graph.addNode(node);
  }

  /**
   * ONNX's ceil_mode for a pooling written with {@code ceil}. PyTorch drops a last window that
   * would start in the end padding (so 5 rows, 2/2 p1 give 3, not 4); ONNX's ceil mode keeps it,
   * and its floor mode gives PyTorch's size then. One flag serves both axes: an axis that needs
   * ceil next to one that needs floor has no ONNX form.
   */
  private static long ceilMode(LayerInfo info, LayerOp.Pool p, long[] pads) {
    Shape in = info.input();
    Shape out = info.output();
    boolean ceilH = out.height() == pooled(in.height(), pads[0] + pads[2], p.kh(), p.strideH(), p.dilation(), true);
    boolean ceilW = out.width() == pooled(in.width(), pads[1] + pads[3], p.kw(), p.strideW(), p.dilation(), true);
    boolean floorH = out.height() == pooled(in.height(), pads[0] + pads[2], p.kh(), p.strideH(), p.dilation(), false);
    boolean floorW = out.width() == pooled(in.width(), pads[1] + pads[3], p.kw(), p.strideW(), p.dilation(), false);
    if (ceilH && ceilW) {
      return 1;
    } else if (floorH && floorW) {
      return 0;
    }
    throw new ExportException("layer " + info.name() + " (" + info.spec() + ") rounds up on one axis and, by "
        + "PyTorch's rule on its last window, down on the other, which ONNX's one ceil_mode cannot say; pad it so "
        + "the last window starts inside the input on both axes, or drop ceil.");
  }

  /** ONNX's pooled size: (n + pads - d(k - 1) - 1) / s + 1, rounded down or up. */
  private static long pooled(long n, long pads, long k, long s, long d, boolean ceil) {
    long span = n + pads - d * (k - 1) - 1;
    return (ceil ? -Math.floorDiv(-span, s) : Math.floorDiv(span, s)) + 1;
  }

  private void adaptive(LayerInfo info, LayerOp.AdaptivePool a, String in) {
    Shape input = info.input();
    String n = info.name();
    boolean avg = a.kind().startsWith("adaptiveavg");
    if (input.height() % a.height() != 0 || input.width() % a.width() != 0) {
      // PyTorch's windows, [floor(i n / m), ceil((i + 1) n / m)), overlap unevenly: no one pooling does them.
      // A window is a rectangle, so its mean (max) is the mean (max) over the height of those over the width.
      String rows = adaptiveAxis(n + ".h", in, 2, input.height(), a.height(), avg);
      String cols = adaptiveAxis(n + ".w", rows, 3, input.width(), a.width(), avg);
      graph.addNode(node("Identity", n, List.of(cols), n));
      return;
    }
    long kh = input.height() / a.height();
    long kw = input.width() / a.width();
    graph.addNode(node(avg ? "AveragePool" : "MaxPool", n, List.of(in), n)
        .addAttribute(attrs("kernel_shape", kh, kw)).addAttribute(attrs("strides", kh, kw)));
  }

  /** Adaptive pooling of {@code in} along one axis from {@code size} to {@code out}: a slice and reduction per output. */
  private String adaptiveAxis(String n, String in, long axis, long size, long out, boolean avg) {
    List<String> parts = new ArrayList<>();
    for (long i = 0; i < out; i++) {
      long start = i * size / out;
      long end = -Math.floorDiv(-(i + 1) * size, out);
      String slice = n + i + ".slice";
      graph.addNode(node("Slice", slice, List.of(in, ints(slice + ".starts", start), ints(slice + ".ends", end),
          ints(slice + ".axes", axis)), slice));
      String reduced = n + i;
      graph.addNode(node(avg ? "ReduceMean" : "ReduceMax", reduced, List.of(slice), reduced)
          .addAttribute(attrs("axes", axis)).addAttribute(attr("keepdims", 1)));
      parts.add(reduced);
    }
    graph.addNode(node("Concat", n, parts, n).addAttribute(attr("axis", axis)));
    return n;
  }

  private void norm(LayerInfo info, LayerOp.Norm norm, String in) {
    String n = info.name();
    Shape input = info.input();
    long c = input.channels();
    String scale = norm.scale() ? param(n + ".weight", c) : constant(n + ".ones", 1f, c);
    String bias = norm.center() ? param(n + ".bias", c) : constant(n + ".zeros", 0f, c);
    switch (norm.kind()) {
      case "bn" -> {
        String x = in;
        if (input.vector()) {
          graph.addNode(node("Unsqueeze", n + ".unsqueeze", List.of(in, ints(n + ".axes", 2)), n + ".3d"));
          x = n + ".3d";
        }
        graph.addNode(node("BatchNormalization", n, List.of(x, scale, bias, param(n + ".running_mean", c),
            param(n + ".running_var", c)), input.vector() ? n + ".bn" : n).addAttribute(floatAttr("epsilon", 1e-5f)));
        if (input.vector()) {
          graph.addNode(node("Squeeze", n + ".squeeze", List.of(n + ".bn", ints(n + ".saxes", 2)), n));
        }
      }
      case "instancenorm" -> graph.addNode(node("InstanceNormalization", n, List.of(in, scale, bias), n)
          .addAttribute(floatAttr("epsilon", 1e-5f)));
      case "ln" -> {
        if (input.vector()) {
          graph.addNode(node("LayerNormalization", n, List.of(in, scale, bias), n).addAttribute(attr("axis", -1)));
        } else {
          graph.addNode(node("Transpose", n + ".nhwc", List.of(in), n + ".nhwc").addAttribute(attrs("perm", 0, 2, 3, 1)));
          graph.addNode(node("LayerNormalization", n + ".ln", List.of(n + ".nhwc", scale, bias), n + ".ln")
              .addAttribute(attr("axis", -1)));
          graph.addNode(node("Transpose", n, List.of(n + ".ln"), n).addAttribute(attrs("perm", 0, 3, 1, 2)));
        }
      }
      default -> {
        // GroupNormalization is opset 18: normalise each group as an instance, then scale and shift per channel
        long g = norm.groups();
        graph.addNode(node("Reshape", n + ".groups", List.of(in, ints(n + ".gshape", 0, g, -1)), n + ".groups"));
        graph.addNode(node("InstanceNormalization", n + ".norm", List.of(n + ".groups", constant(n + ".gones", 1f, g),
            constant(n + ".gzeros", 0f, g)), n + ".norm").addAttribute(floatAttr("epsilon", 1e-5f)));
        long[] shape = input.vector() ? new long[] {0, c} : new long[] {0, c, input.height(), input.width()};
        graph.addNode(node("Reshape", n + ".back", List.of(n + ".norm", ints(n + ".shape", shape)), n + ".back"));
        graph.addNode(node("Mul", n + ".scale", List.of(n + ".back", reshaped(scale, input)), n + ".scaled"));
        graph.addNode(node("Add", n, List.of(n + ".scaled", reshaped(bias, input)), n));
      }
    }
  }

  /** A per-channel vector as C x 1 x 1, to broadcast over a map. */
  private String reshaped(String vector, Shape input) {
    if (input.vector()) {
      return vector;
    }
    String out = vector + ".c11";
    graph.addNode(node("Unsqueeze", out, List.of(vector, ints(out + ".axes", 1, 2)), out));
    return out;
  }

  private static long[] perChannel(Shape input) {
    return input.vector() ? new long[] {input.channels()} : new long[] {input.channels(), 1, 1};
  }

  // ---------------------------------------------------------------- tensors

  /** A learned tensor: a graph input (weights NONE) or a zero-filled initializer (ZEROS). */
  private String param(String name, long... dims) {
    if (weights == Export.Weights.NONE) {
      graph.addInput(valueInfo(name, dims));
    } else {
      long count = 1;
      for (long d : dims) {
        count = Math.multiplyExact(count, d);
      }
      if (count > Integer.MAX_VALUE / 4) {
        throw new ExportException("the tensor " + name + " holds " + count + " values, more than one ONNX file "
            + "can carry as zeros; export with --weights none.");
      }
      graph.addInitializer(tensor(name, FLOAT, dims).setRawData(ByteString.copyFrom(new byte[(int) count * 4])));
    }
    return name;
  }

  private String constant(String name, float value, long count) {
    TensorProto.Builder t = tensor(name, FLOAT, count);
    for (long i = 0; i < count; i++) {
      t.addFloatData(value);
    }
    graph.addInitializer(t);
    return name;
  }

  private String scalar(String name, float value) {
    graph.addInitializer(tensor(name, FLOAT).addFloatData(value));
    return name;
  }

  private String floats(String name, float... values) {
    TensorProto.Builder t = tensor(name, FLOAT, values.length);
    for (float v : values) {
      t.addFloatData(v);
    }
    graph.addInitializer(t);
    return name;
  }

  private String ints(String name, long... values) {
    TensorProto.Builder t = tensor(name, INT64, values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
    return name;
  }

  private static TensorProto.Builder tensor(String name, int type, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : dims) {
      t.addDims(d);
    }
    return t;
  }

  private static long[] dims(Shape shape) {
    return shape.vector() ? new long[] {1, shape.channels()}
        : new long[] {1, shape.channels(), shape.height(), shape.width()};
  }

  private static ValueInfoProto valueInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape)))
        .build();
  }

  private static NodeProto.Builder node(String op, String name, List<String> inputs, String output) {
    return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
  }

  private static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  private static AttributeProto attrs(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  private static AttributeProto floatAttr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  private static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }
}
