package io.cnnspec.export;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.analysis.Padding;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.model.SideOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a network as a PyTorch module: Python source importing only {@code torch}. See
 * {@link Export#pytorch} for what the module looks like and what it does not carry.
 */
final class PyTorchWriter {

  private static final Pattern SLOT = Pattern.compile(Body.OPEN + "([^" + Body.CLOSE + "]*)" + Body.CLOSE);
  private static final Pattern CONV_DEFAULTS = Pattern.compile(", (?:stride=1|padding=0)(?=[,)])");
  /** Python's keywords and the module's own names ({@code x}, {@code F}, {@code nn}, {@code torch}). */
  private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "x", "F", "nn", "torch");

  /**
   * The public members of an {@code nn.Module} in torch 1.13, which an attribute must not shadow
   * ({@code self.double = nn.Conv2d(...)} breaks the module): {@code sorted(n for n in
   * dir(torch.nn.Module()) if not n.startswith('_'))} run with torch 1.13.0, an instance's so that
   * {@code training} is in. Private and dunder members ({@code _modules}, {@code __call__}) are
   * guarded by their leading underscore. FrameworkCheckTest checks the list against the installed torch.
   */
  static final Set<String> MODULE_MEMBERS = Set.of("T_destination", "add_module", "apply", "bfloat16", "buffers",
      "children", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr", "float", "forward", "get_buffer",
      "get_extra_state", "get_parameter", "get_submodule", "half", "ipu", "load_state_dict", "modules",
      "named_buffers", "named_children", "named_modules", "named_parameters", "parameters", "register_backward_hook",
      "register_buffer", "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
      "register_load_state_dict_post_hook", "register_module", "register_parameter", "requires_grad_",
      "set_extra_state", "share_memory", "state_dict", "to", "to_empty", "train", "training", "type", "xpu",
      "zero_grad");

  /** Activation functions without parameters, PyTorch's defaults, applied to {x}. */
  private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("relu", "F.relu({x})"),
      Map.entry("relu6", "F.relu6({x})"), Map.entry("sigmoid", "torch.sigmoid({x})"),
      Map.entry("tanh", "torch.tanh({x})"), Map.entry("gelu", "F.gelu({x})"),
      Map.entry("softmax", "F.softmax({x}, dim=1)"), Map.entry("silu", "F.silu({x})"), Map.entry("swish", "F.silu({x})"),
      Map.entry("hswish", "F.hardswish({x})"), Map.entry("hsigmoid", "F.hardsigmoid({x})"),
      Map.entry("elu", "F.elu({x})"), Map.entry("selu", "F.selu({x})"), Map.entry("celu", "F.celu({x})"),
      Map.entry("mish", "F.mish({x})"), Map.entry("softplus", "F.softplus({x})"),
      Map.entry("hardtanh", "F.hardtanh({x})"), Map.entry("logsoftmax", "F.log_softmax({x}, dim=1)"));

  /** A class written for the calls of one def that share a text. */
  private static final class PyClass {
    final String name;
    final String template;
    final List<Body> bodies = new ArrayList<>();
    final List<Node.Call> calls = new ArrayList<>();
    /** slot name to the parameter (or literal) it resolves to. */
    final Map<String, String> resolved = new LinkedHashMap<>();
    final List<String> parameters = new ArrayList<>();
    String text;

    PyClass(String name, String template) {
      this.name = name;
      this.template = template;
    }
  }

  private final NetworkInfo network;
  private final Map<Node.Call, PyClass> classOf = new IdentityHashMap<>();
  private final Map<Node.Call, Body> bodyOf = new IdentityHashMap<>();
  private final List<PyClass> classes = new ArrayList<>();
  private final Map<String, Integer> classNames = new LinkedHashMap<>();

  private PyTorchWriter(NetworkInfo network) {
    this.network = network;
  }

  static String write(NetworkInfo network, List<Node> top) {
    return new PyTorchWriter(network).module(top);
  }

  private String module(List<Node> top) {
    // the network's class and the module's own names are taken: a def 'block' in network Block is Block2
    String networkClass = identifier(network.name());
    classNames.put(networkClass, 1);
    classNames.put("F", 1);
    TreeMap<Integer, List<Node.Call>> byHeight = new TreeMap<>();
    collect(top, byHeight);
    for (List<Node.Call> calls : byHeight.values()) {
      Map<String, PyClass> groups = new LinkedHashMap<>();
      for (Node.Call call : calls) {
        Body body = new Body(call.prefix());
        body.slot("in_channels", NetworkTree.inputOf(call.body()).channels());
        String out = sequence(call.body(), "x", "x", body);
        if (!body.sideOutputs.isEmpty()) {
          throw new ExportException("the def '" + call.block().def() + "' (" + call.block().text() + ") holds a side "
              + "output, which this PyTorch exporter returns only from the network's own forward; write the side { } "
              + "at the top level of the network (outside defs), or export to ONNX, which takes it anywhere.");
        }
        body.forward.add("return " + out);
        bodyOf.put(call, body);
        String def = call.block().def();
        String key = def + "\n" + body.template();
        PyClass cls = groups.computeIfAbsent(key, k -> newClass(className(def), body.template()));
        cls.bodies.add(body);
        cls.calls.add(call);
        classOf.put(call, cls);
      }
      for (PyClass cls : groups.values()) {
        finish(cls, "The def '" + cls.calls.get(0).block().def() + "', for " + (cls.calls.size() == 1 ? "its call "
            : "its " + cls.calls.size() + " calls ") + calls(cls) + ".");
      }
    }
    Body main = new Body("");
    String out = sequence(top, "x", "x", main);
    if (main.sideOutputs.isEmpty()) {
      main.forward.add("return " + out);
    } else {
      // the main output first, then each side output in row order (NetworkInfo.sideOutputs())
      main.forward.add("return " + out + ", " + String.join(", ", main.sideOutputs));
    }
    PyClass net = newClass(networkClass, main.template());
    net.bodies.add(main);
    finish(net, docstring());

    StringBuilder text = new StringBuilder();
    text.append("\"\"\"").append(network.name()).append(", exported from its cnnspec spec by 'cnnspec export'.\n\n")
        .append("Tensors are NCHW. \"same\" padding is TensorFlow's: an output of ceil(n / stride), the odd pixel of\n")
        .append("padding at the bottom/right, written as an explicit F.pad where it is not symmetric. fc layers\n")
        .append("flatten NCHW, so their weights are laid out unlike a Keras model's (the count is the same).\n")
        .append("Weights are PyTorch's default initialisation; dropout acts as written (only in training).\n\"\"\"\n\n")
        .append("import torch\nfrom torch import nn\nimport torch.nn.functional as F\n");
    for (PyClass cls : classes) {
      text.append("\n\n").append(cls.text);
    }
    return text.toString();
  }

  /** The calls a class serves, as written: bottleneck_id (x12), or fire(16, 64) (x2), fire(32, 128). */
  private static String calls(PyClass cls) {
    Map<String, Integer> texts = new LinkedHashMap<>();
    for (Node.Call call : cls.calls) {
      texts.merge(call.block().text(), 1, Integer::sum);
    }
    List<String> listed = new ArrayList<>();
    texts.forEach((text, count) -> listed.add(count == 1 ? text : text + " (x" + count + ")"));
    return listed.size() > 8 ? String.join(", ", listed.subList(0, 8)) + " and " + (listed.size() - 8) + " more"
        : String.join(", ", listed);
  }

  private String docstring() {
    String doc = String.format(Locale.ROOT, "%s: %s -> %s (HxWxC; tensors here are NCHW).%n%n"
            + "cnnspec's totals: %,d params (sum(p.numel() for p in model.parameters())), %,d batch-norm running "
            + "values (mean and variance), %,d MACs (convolutions and linear layers, one sample%s).",
        network.name(), network.input(), network.output(), network.params(), network.nonTrainableParams(),
        network.macs(), network.sideOutputs().isEmpty() ? "" : ", main output");
    if (network.sideOutputs().isEmpty()) {
      return doc;
    }
    List<String> names = new ArrayList<>(List.of("output"));
    List<String> each = new ArrayList<>();
    for (SideOutput side : network.sideOutputs()) {
      names.add(side.name());
      each.add(String.format(Locale.ROOT, "%s %s (%,d MACs)", side.name(), side.shape(), side.macs()));
    }
    return doc + String.format(Locale.ROOT, "%n%nforward returns a tuple (%s): the main output, then the side "
        + "outputs, which it always computes: %s; %,d MACs in all.", String.join(", ", names),
        String.join(", ", each), network.allMacs());
  }

  private PyClass newClass(String name, String template) {
    PyClass cls = new PyClass(name, template);
    classes.add(cls);
    return cls;
  }

  private String className(String def) {
    StringBuilder name = new StringBuilder();
    for (String part : def.split("_")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String base = identifier(name.toString());
    int n = classNames.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + n;
  }

  /** Calls by nesting height, so a class is complete before a call of it is written. */
  private static int collect(List<Node> nodes, TreeMap<Integer, List<Node.Call>> byHeight) {
    int height = -1;
    for (Node node : nodes) {
      if (node instanceof Node.Call call) {
        int h = collect(call.body(), byHeight) + 1;
        byHeight.computeIfAbsent(h, k -> new ArrayList<>()).add(call);
        height = Math.max(height, h);
      } else if (node instanceof Node.Repeat repeat) {
        height = Math.max(height, collect(new ArrayList<Node>(repeat.turns()), byHeight));
      } else if (node instanceof Node.Merge merge) {
        for (List<Node> branch : merge.branches()) {
          height = Math.max(height, collect(branch, byHeight));
        }
      }
    }
    return height;
  }

  /**
   * Resolves the slots of a class: a value every call shares is written in; one that differs is a
   * constructor parameter (one per distinct list of values, named for its first use).
   */
  private void finish(PyClass cls, String doc) {
    samePadding(cls);
    // a slot no line reads (in_channels, there to name the parameters that share its values) is no parameter
    Set<String> read = new HashSet<>();
    Matcher used = SLOT.matcher(cls.bodies.get(0).template());
    while (used.find()) {
      read.add(used.group(1));
    }
    Map<List<String>, String> parameterOf = new LinkedHashMap<>();
    Set<String> readParameters = new HashSet<>();
    for (String slot : cls.bodies.get(0).slots.keySet()) {
      List<String> values = new ArrayList<>();
      for (Body body : cls.bodies) {
        values.add(body.slots.get(slot));
      }
      if (values.stream().distinct().count() == 1) {
        cls.resolved.put(slot, values.get(0));
      } else {
        String parameter = parameterOf.computeIfAbsent(values, v -> slot);
        if (parameter.equals(slot)) {
          cls.parameters.add(slot);
        }
        cls.resolved.put(slot, parameter);
        if (read.contains(slot)) {
          readParameters.add(parameter);
        }
      }
    }
    cls.parameters.retainAll(readParameters);
    StringBuilder text = new StringBuilder("class ").append(cls.name).append("(nn.Module):\n");
    text.append("    \"\"\"").append(wrap(doc, "    ")).append("\"\"\"\n\n");
    text.append("    def __init__(self");
    for (String parameter : cls.parameters) {
      text.append(", ").append(parameter);
    }
    text.append("):\n        super().__init__()\n");
    Body body = cls.bodies.get(0);
    for (String line : body.init) {
      text.append("        ").append(withoutDefaults(resolve(line, cls, ""))).append('\n');
    }
    // a parameter the forward pass reads (a padding, a slope) is kept on the module
    List<String> kept = new ArrayList<>();
    for (String line : body.forward) {
      Matcher m = SLOT.matcher(line);
      while (m.find()) {
        String parameter = cls.resolved.get(m.group(1));
        if (cls.parameters.contains(parameter) && !kept.contains(parameter)) {
          kept.add(parameter);
          text.append("        self.").append(parameter).append(" = ").append(parameter).append('\n');
        }
      }
    }
    text.append("\n    def forward(self, x):\n");
    for (String line : body.forward) {
      text.append("        ").append(resolve(line, cls, "self.")).append('\n');
    }
    cls.text = text.toString();
  }

  /** The docstring's text, its paragraphs wrapped at 100 columns. */
  private static String wrap(String doc, String indent) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : doc.split("\n\n")) {
      StringBuilder out = new StringBuilder();
      int column = indent.length() + (paragraphs.isEmpty() ? 3 : 0);
      for (String word : paragraph.split(" ")) {
        if (out.length() > 0 && column + word.length() + 1 > 100) {
          out.append('\n').append(indent);
          column = indent.length();
        } else if (out.length() > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      paragraphs.add(out.toString());
    }
    return String.join("\n\n" + indent, paragraphs);
  }

  /** A convolution's stride 1 and padding 0 are PyTorch's defaults, left out as a person would. */
  private static String withoutDefaults(String line) {
    if (!line.contains("nn.Conv2d(") && !line.contains("nn.ConvTranspose2d(")) {
      return line; // pooling's stride defaults to its kernel, so there it stays
    }
    return CONV_DEFAULTS.matcher(line).replaceAll("");
  }

  private static String resolve(String line, PyClass cls, String parameterOwner) {
    Matcher m = SLOT.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = cls.resolved.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(cls.parameters.contains(value) ? parameterOwner + value : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The arguments a call passes to its class's constructor. */
  private String arguments(Node.Call call, Body outer, String attr) {
    PyClass cls = classOf.get(call);
    Body body = bodyOf.get(call);
    List<String> args = new ArrayList<>();
    for (String parameter : cls.parameters) {
      args.add(parameter + "=" + outer.slot(attr + "_" + parameter, body.slots.get(parameter)));
    }
    return cls.name + "(" + String.join(", ", args) + ")";
  }

  // ---------------------------------------------------------------- forward code

  /** Writes {@code nodes} reading {@code in}; the first statement assigns {@code out}. Returns the result's variable. */
  private String sequence(List<Node> nodes, String in, String out, Body b) {
    String current = in;
    for (Node node : nodes) {
      if (node instanceof Node.Layer layer) {
        layer(layer, current, out, b);
      } else if (node instanceof Node.Merge merge) {
        merge(merge, current, out, b);
      } else if (node instanceof Node.Call call) {
        String attr = b.attribute(call.scope());
        b.init.add("self." + attr + " = " + arguments(call, b, attr));
        b.forward.add(out + " = self." + attr + "(" + current + ")");
      } else {
        Node.Repeat repeat = (Node.Repeat) node;
        String attr = b.attribute(repeat.turns().get(0).scope() + "_x" + repeat.turns().size());
        b.init.add("self." + attr + " = nn.Sequential(");
        for (int i = 0; i < repeat.turns().size(); i++) {
          Node.Call turn = repeat.turns().get(i);
          b.init.add("    " + arguments(turn, b, identifier(turn.scope()))
              + (i + 1 < repeat.turns().size() ? "," : ""));
        }
        b.init.add(")");
        b.forward.add(out + " = self." + attr + "(" + current + ")");
      }
      current = out;
    }
    return current;
  }

  private void merge(Node.Merge merge, String in, String out, Body b) {
    if (merge.info().kind().equals("side")) {
      // the branch's result is an extra output; the flow goes on with the input, unchanged
      List<Node> branch = merge.branches().get(0);
      String result = b.variable();
      // listed before its branch is written, so that a side nested in it comes after it, as in
      // NetworkInfo.sideOutputs() (row order: a merge row before its branches)
      b.sideOutputs.add(result);
      if (branch.isEmpty()) {
        b.forward.add(result + " = " + in + "  # " + identifier(relativeName(merge.info(), b))); // the map here, kept from what follows
      } else {
        sequence(branch, in, result, b);
      }
      if (!in.equals(out)) {
        b.forward.add(out + " = " + in);
      }
      return;
    }
    String kind = merge.info().kind();
    String comment = "  # " + identifier(relativeName(merge.info(), b));
    int count = merge.branches().size();
    List<String> inputs = java.util.Collections.nCopies(count, in);
    if (kind.equals("chunk")) {
      // equal consecutive slices of the channels, one per branch (the analysis checked n divides them)
      String slices = b.variable();
      b.forward.add(slices + " = torch.chunk(" + in + ", " + count + ", dim=1)" + comment);
      inputs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        inputs.add(slices + "[" + i + "]");
      }
    }
    List<String> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Node> branch = merge.branches().get(i);
      results.add(branch.isEmpty() ? inputs.get(i) : sequence(branch, inputs.get(i), b.variable(), b));
    }
    switch (kind) {
      case "cat", "chunk" -> b.forward.add(out + " = torch.cat([" + String.join(", ", results) + "], dim=1)" + comment);
      case "mul" -> {
        // mul { gate } scales its input, mul { map | gate } its first branch's result
        String map = results.size() == 2 ? results.get(0) : in;
        String g = results.get(results.size() - 1);
        if (NetworkTree.vectorGate(merge)) {
          g = g + "[:, :, None, None]"; // a vector of C gates each channel over height and width
        }
        b.forward.add(out + " = " + map + " * " + g + comment);
      }
      default -> b.forward.add(out + " = " + String.join(" + ", results) + comment);
    }
  }

  /** A row's name within the class (a labelled group's name kept: stage_1.conv1). */
  private static String relativeName(LayerInfo info, Body b) {
    String name = info.name();
    return name.startsWith(b.prefix) ? name.substring(b.prefix.length()) : name;
  }

  private void layer(Node.Layer node, String in, String out, Body b) {
    LayerInfo info = node.info();
    LayerOp op = node.op();
    String a = b.attribute(relativeName(info, b)); // stage_1_conv1
    Shape input = info.input();
    String self = "self." + a;
    if (op instanceof LayerOp.Conv conv) {
      String pad = padding(a, input, conv.kh(), conv.kw(), conv.strideH(), conv.strideW(), conv.dilation(), conv.padding(), "0", b);
      b.init.add(self + " = nn.Conv2d(" + convArgs(a, input.channels(), conv.channels(), conv.kh(), conv.kw(),
          conv.strideH(), conv.strideW(), conv.dilation(), conv.groups(), conv.bias(), b, pad) + ")");
      b.forward.add(out + " = " + self + "(" + padded(a, in, conv.padding()) + ")");
    } else if (op instanceof LayerOp.Depthwise dw) {
      long cout = dw.channels() == null ? input.channels() * dw.multiplier() : dw.channels();
      String pad = padding(a, input, dw.kh(), dw.kw(), dw.strideH(), dw.strideW(), dw.dilation(), dw.padding(), "0", b);
      b.init.add(self + " = nn.Conv2d(" + convArgs(a, input.channels(), cout, dw.kh(), dw.kw(), dw.strideH(), dw.strideW(),
          dw.dilation(), -1, dw.bias(), b, pad) + ")  # depthwise");
      b.forward.add(out + " = " + self + "(" + padded(a, in, dw.padding()) + ")");
    } else if (op instanceof LayerOp.Separable sep) {
      String pad = padding(a, input, sep.kh(), sep.kw(), sep.strideH(), sep.strideW(), sep.dilation(), sep.padding(), "0", b);
      b.init.add(self + " = nn.Sequential(  # separable: depthwise, then pointwise");
      long middle = input.channels() * sep.multiplier(); // the depth multiplier's filters per input channel
      b.init.add("    nn.Conv2d(" + convArgs(a + "_depthwise", input.channels(), middle, sep.kh(), sep.kw(),
          sep.strideH(), sep.strideW(), sep.dilation(), -1, false, b, pad) + "),");
      b.init.add("    nn.Conv2d(" + b.slot(a + "_pointwise_in_channels", middle) + ", "
          + b.slot(a + "_out_channels", sep.channels()) + ", kernel_size=1" + (sep.bias() ? "" : ", bias=False") + "),");
      b.init.add(")");
      b.forward.add(out + " = " + self + "(" + padded(a, in, sep.padding()) + ")");
    } else if (op instanceof LayerOp.Deconv de) {
      deconv(node, de, a, in, out, b);
    } else if (op instanceof LayerOp.Dense fc) {
      String x = in;
      if (!input.vector()) {
        b.forward.add(out + " = torch.flatten(" + in + ", 1)  # NCHW order");
        x = out;
      }
      b.init.add(self + " = nn.Linear(" + b.slot(a + "_in_features", input.size()) + ", "
          + b.slot(a + "_out_features", fc.units()) + (fc.bias() ? "" : ", bias=False") + ")");
      b.forward.add(out + " = " + self + "(" + x + ")");
    } else if (op instanceof LayerOp.Pool pool) {
      pool(node, pool, a, in, out, b);
    } else if (op instanceof LayerOp.GlobalPool global) {
      String f = global.kind().equals("gap") ? "adaptive_avg_pool2d" : "adaptive_max_pool2d";
      b.forward.add(out + " = F." + f + "(" + in + ", 1)  # " + a);
    } else if (op instanceof LayerOp.AdaptivePool adaptive) {
      String cls = adaptive.kind().startsWith("adaptiveavg") ? "nn.AdaptiveAvgPool2d" : "nn.AdaptiveMaxPool2d";
      b.init.add(self + " = " + cls + "(" + b.slot(a + "_output_size",
          "(" + adaptive.height() + ", " + adaptive.width() + ")") + ")");
      b.forward.add(out + " = " + self + "(" + in + ")");
    } else if (op instanceof LayerOp.Norm norm) {
      norm(norm, info, a, in, out, b);
    } else if (op instanceof LayerOp.PerChannel per) {
      if (per.kind().equals("prelu")) {
        b.init.add(self + " = nn.PReLU(" + b.slot(a + "_num_parameters", input.channels()) + ")");
        b.forward.add(out + " = " + self + "(" + in + ")");
      } else if (per.kind().equals("l2norm")) {
        // torchvision ssd300_vgg16's: scale_weight * F.normalize(x), the scale initialised to 20
        b.init.add(self + " = nn.Parameter(torch.full((" + b.slot(a + "_channels", input.channels())
            + ",), 20.0))  # L2 normalization's scale");
        b.forward.add(out + " = F.normalize(" + in + ", dim=1) * " + self + (input.vector() ? "" : "[:, None, None]"));
      } else {
        b.init.add(self + " = nn.Parameter(torch.ones(" + b.slot(a + "_channels", input.channels()) + "))  # layer scale");
        b.forward.add(out + " = " + in + " * " + self + (input.vector() ? "" : "[:, None, None]"));
      }
    } else if (op instanceof LayerOp.Upsample up) {
      boolean bilinear = info.spec().contains("bilinear");
      b.init.add(self + " = nn.Upsample(scale_factor=" + b.slot(a + "_scale_factor", up.factor())
          + (bilinear ? ", mode='bilinear', align_corners=False" : ", mode='nearest'") + ")");
      b.forward.add(out + " = " + self + "(" + in + ")");
    } else if (op instanceof LayerOp.PixelShuffle shuffle) {
      b.init.add(self + " = nn.PixelShuffle(" + b.slot(a + "_upscale_factor", shuffle.factor()) + ")");
      b.forward.add(out + " = " + self + "(" + in + ")");
    } else if (op instanceof LayerOp.PadChannels padded) {
      // zero channels half before, half after (the odd one after), on the channel axis of NCHW or NC
      long before = (padded.channels() - input.channels()) / 2;
      long after = padded.channels() - input.channels() - before;
      String pad = input.vector() ? "(" + before + ", " + after + ")" : pads(0, 0, 0, 0).replace(")", ", " + before + ", " + after + ")");
      b.forward.add(out + " = F.pad(" + in + ", " + b.slot(a + "_pad", pad) + ")  # " + a + ", zero channels");
    } else if (op instanceof LayerOp.Resize resize) {
      boolean bilinear = info.spec().contains("bilinear");
      b.forward.add(out + " = F.interpolate(" + in + ", size=" + b.slot(a + "_size",
          "(" + resize.height() + ", " + resize.width() + ")")
          + (bilinear ? ", mode='bilinear', align_corners=False" : ", mode='nearest'") + ")  # " + a);
    } else if (op instanceof LayerOp.Crop crop) {
      long top = (input.height() - crop.height()) / 2;
      long left = (input.width() - crop.width()) / 2;
      b.forward.add(out + " = " + in + "[:, :, " + b.slot(a + "_top", top) + ":" + b.slot(a + "_bottom",
          top + crop.height()) + ", " + b.slot(a + "_left", left) + ":" + b.slot(a + "_right", left + crop.width())
          + "]  # " + a + ", centre crop");
    } else if (op instanceof LayerOp.ChannelShuffle shuffle) {
      // ShuffleNet's: view as (G, C/G), transpose, flatten back
      b.forward.add(out + " = " + in + ".unflatten(1, (" + b.slot(a + "_groups", shuffle.groups()) + ", -1))"
          + ".transpose(1, 2).flatten(1, 2)  # " + a + ", channel shuffle");
    } else if (op instanceof LayerOp.ZeroPad zero) {
      b.forward.add(out + " = F.pad(" + in + ", " + b.slot(a + "_pad", pads(zero.pixels(), zero.pixels(),
          zero.pixels(), zero.pixels())) + ")  # " + a);
    } else if (op instanceof LayerOp.Flatten) {
      b.forward.add(out + " = torch.flatten(" + in + ", 1)  # " + a + ", NCHW order");
    } else if (op instanceof LayerOp.Elementwise e) {
      elementwise(e.kind(), info, a, in, out, b);
    } else {
      throw new ExportException("layer " + info.name() + " (" + info.spec() + ") has no PyTorch form in this "
          + "exporter; export a spec without it.");
    }
  }

  private void elementwise(String kind, LayerInfo info, String a, String in, String out, Body b) {
    String function = FUNCTIONS.get(kind);
    String call = function != null ? function.replace("{x}", in) : switch (kind) {
      case "stochasticdepth" -> null; // torchvision's StochasticDepth is the identity at inference
      case "lrelu" -> "F.leaky_relu(" + in + ", " + b.slot(a + "_negative_slope", NetworkTree.number(info.spec(), "0.01")) + ")";
      case "id", "identity" -> null;
      case "dropout" -> {
        b.init.add("self." + a + " = nn.Dropout(" + b.slot(a + "_p", NetworkTree.number(info.spec(), "0.5")) + ")");
        yield "self." + a + "(" + in + ")";
      }
      case "lrn" -> {
        // AlexNet's constants (Krizhevsky et al. 2012, Section 3.3): n = 5, alpha = 1e-4, beta = 0.75, k = 2
        b.init.add("self." + a + " = nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=2.0)");
        yield "self." + a + "(" + in + ")";
      }
      default -> throw new ExportException("layer " + info.name() + " (" + info.spec() + ") has no PyTorch form "
          + "in this exporter; export a spec without it.");
    };
    if (call == null) {
      if (!in.equals(out)) {
        b.forward.add(out + " = " + in + "  # " + a);
      }
      return;
    }
    b.forward.add(out + " = " + call);
  }


  private void norm(LayerOp.Norm norm, LayerInfo info, String a, String in, String out, Body b) {
    long c = info.input().channels();
    boolean map = !info.input().vector();
    boolean affine = norm.scale() && norm.center();
    boolean partial = norm.scale() != norm.center();
    String self = "self." + a;
    String affineArg = switch (norm.kind()) {
      case "ln" -> affine ? "" : ", elementwise_affine=False";
      default -> affine ? "" : ", affine=False";
    };
    switch (norm.kind()) {
      case "bn" -> {
        b.init.add(self + " = nn.BatchNorm" + (map ? "2d" : "1d") + "(" + b.slot(a + "_num_features", c) + affineArg + ")");
        b.forward.add(out + " = " + self + "(" + in + ")");
      }
      case "instancenorm" -> {
        b.init.add(self + " = nn.InstanceNorm2d(" + b.slot(a + "_num_features", c) + (affine ? ", affine=True" : "") + ")");
        b.forward.add(out + " = " + self + "(" + in + ")");
      }
      case "gn" -> {
        b.init.add(self + " = nn.GroupNorm(" + b.slot(a + "_num_groups", norm.groups()) + ", "
            + b.slot(a + "_num_channels", c) + affineArg + ")");
        b.forward.add(out + " = " + self + "(" + in + ")");
      }
      default -> {
        b.init.add(self + " = nn.LayerNorm(" + b.slot(a + "_normalized_shape", c) + affineArg + ")");
        b.forward.add(out + " = " + (map ? self + "(" + in + ".permute(0, 2, 3, 1)).permute(0, 3, 1, 2)"
            + "  # over the channels at each position" : self + "(" + in + ")"));
      }
    }
    if (partial) {
      // only one of scale (gamma) and shift (beta) is learned: PyTorch's norms take both or neither
      String name = self + (norm.scale() ? "_weight" : "_bias");
      b.init.add(name + " = nn.Parameter(torch." + (norm.scale() ? "ones" : "zeros") + "("
          + b.slot(a + "_num_features", c) + "))");
      String v = map ? name + "[:, None, None]" : name;
      b.forward.add(out + " = " + out + (norm.scale() ? " * " : " + ") + v);
    }
  }

  /**
   * The {@code padding=} argument of a window layer. "same" is decided per class (see
   * {@link #samePadding}), so it is a marker here: the layer's own padding when every call pads
   * symmetrically, else 0 and an explicit {@code F.pad} before it.
   */
  private static String padding(String a, Shape in, long kh, long kw, long strideH, long strideW, long dilation,
      Padding padding, String value, Body b) {
    if (padding instanceof Padding.Explicit explicit) {
      return b.slot(a + "_padding", pair(explicit.height(), explicit.width()));
    }
    SamePadding h = SamePadding.window(in.height(), kh, strideH, dilation);
    SamePadding w = SamePadding.window(in.width(), kw, strideW, dilation);
    String symmetric = !h.symmetric() || !w.symmetric() ? null
        : h.before() == w.before() ? Long.toString(h.before()) : "(" + h.before() + ", " + w.before() + ")";
    b.samePadding.put(a, new Body.Same(symmetric, pads(w.before(), w.after(), h.before(), h.after()), value));
    return Body.OPEN + "!" + a + Body.CLOSE;
  }

  /** The input of a window layer, {@code in}, or a marker for the F.pad its "same" padding may need. */
  private static String padded(String a, String in, Padding padding) {
    return padding instanceof Padding.Same ? Body.OPEN + "?" + a + "|" + in + Body.CLOSE : in;
  }

  /**
   * Resolves the "same" markers of a class: symmetric padding in every call is the layer's own
   * {@code padding=}; otherwise every call pads explicitly, as TensorFlow does (odd pixel last).
   */
  private static void samePadding(PyClass cls) {
    Body first = cls.bodies.get(0);
    Map<String, String> init = new LinkedHashMap<>();
    Map<String, Boolean> symmetric = new LinkedHashMap<>();
    for (String a : first.samePadding.keySet()) {
      boolean all = cls.bodies.stream().allMatch(body -> body.samePadding.get(a).symmetric() != null);
      symmetric.put(a, all);
      for (Body body : cls.bodies) {
        Body.Same same = body.samePadding.get(a);
        if (all) {
          body.slot(a + "_padding", same.symmetric());
        } else {
          body.slot(a + "_pad", same.pads());
        }
      }
      init.put(a, all ? Body.OPEN + a + "_padding" + Body.CLOSE : "0");
    }
    Pattern marker = Pattern.compile(Body.OPEN + "([!?])([^|" + Body.CLOSE + "]*)(?:\\|([^" + Body.CLOSE + "]*))?"
        + Body.CLOSE);
    for (List<String> lines : List.of(first.init, first.forward)) {
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = marker.matcher(lines.get(i));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String a = m.group(2);
          String text;
          if (m.group(1).equals("!")) {
            text = init.get(a);
          } else if (symmetric.get(a)) {
            text = m.group(3);
          } else {
            String value = first.samePadding.get(a).value();
            if (value == null) {
              throw new ExportException("layer " + a + " of " + cls.name + " is an average pooling with asymmetric "
                  + "\"same\" padding, which PyTorch's AvgPool2d cannot leave out of the average; write explicit "
                  + "padding (pN) or valid.");
            }
            text = "F.pad(" + m.group(3) + ", " + Body.OPEN + a + "_pad" + Body.CLOSE
                + (value.equals("0") ? "" : ", value=" + value) + ")";
          }
          m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        lines.set(i, out.toString());
      }
    }
  }

  private static String pads(long left, long right, long top, long bottom) {
    return "(" + left + ", " + right + ", " + top + ", " + bottom + ")";
  }

  private static String convArgs(String a, long cin, long cout, long kh, long kw, long strideH, long strideW,
      long dilation,
      long groups, boolean bias, Body b, String padding) {
    StringBuilder s = new StringBuilder();
    s.append(b.slot(a + "_in_channels", cin)).append(", ").append(b.slot(a + "_out_channels", cout))
        .append(", kernel_size=").append(b.slot(a + "_kernel_size", kh == kw ? Long.toString(kh) : "(" + kh + ", " + kw + ")"))
        .append(", stride=").append(b.slot(a + "_stride", pair(strideH, strideW)))
        .append(", padding=").append(padding);
    if (dilation != 1) {
      s.append(", dilation=").append(b.slot(a + "_dilation", dilation));
    }
    if (groups == -1) {
      s.append(", groups=").append(b.slot(a + "_in_channels", cin));
    } else if (groups != 1) {
      s.append(", groups=").append(b.slot(a + "_groups", groups));
    }
    if (!bias) {
      s.append(", bias=False");
    }
    return s.toString();
  }

  private void pool(Node.Layer node, LayerOp.Pool pool, String a, String in, String out, Body b) {
    Shape input = node.info().input();
    boolean max = pool.kind().equals("maxpool");
    if (!max && pool.dilation() != 1) {
      throw new ExportException("layer " + node.info().name() + " (" + node.info().spec() + ") is an average "
          + "pooling with dilation, which PyTorch does not have; write it without dN.");
    }
    // max pooling pads with -inf, which never wins; an average cannot leave zeros out (null: refused)
    String pad = padding(a, input, pool.kh(), pool.kw(), pool.strideH(), pool.strideW(), pool.dilation(),
        pool.padding(),
        max ? "float('-inf')" : null, b);
    StringBuilder s = new StringBuilder(max ? "nn.MaxPool2d(" : "nn.AvgPool2d(");
    s.append("kernel_size=").append(b.slot(a + "_kernel_size", pool.kh() == pool.kw() ? Long.toString(pool.kh())
        : "(" + pool.kh() + ", " + pool.kw() + ")"));
    s.append(", stride=").append(b.slot(a + "_stride", pair(pool.strideH(), pool.strideW())));
    s.append(", padding=").append(pad);
    if (pool.dilation() != 1) {
      s.append(", dilation=").append(b.slot(a + "_dilation", pool.dilation()));
    }
    if (pool.ceil()) {
      s.append(", ceil_mode=True");
    }
    if (!max && pool.padding() instanceof Padding.Same) {
      s.append(", count_include_pad=False"); // TensorFlow's "same" averages only the input's pixels
    }
    b.init.add("self." + a + " = " + s + ")");
    b.forward.add(out + " = self." + a + "(" + padded(a, in, pool.padding()) + ")");
  }

  private void deconv(Node.Layer node, LayerOp.Deconv de, String a, String in, String out, Body b) {
    Shape input = node.info().input();
    Deconv h = Deconv.of(de.kh(), de.strideH(), de.dilation(), de.padding().along(true), de.outputPadding());
    Deconv w = Deconv.of(de.kw(), de.strideW(), de.dilation(), de.padding().along(false), de.outputPadding());
    StringBuilder s = new StringBuilder("nn.ConvTranspose2d(");
    s.append(b.slot(a + "_in_channels", input.channels())).append(", ").append(b.slot(a + "_out_channels", de.channels()))
        .append(", kernel_size=").append(b.slot(a + "_kernel_size", de.kh() == de.kw() ? Long.toString(de.kh())
            : "(" + de.kh() + ", " + de.kw() + ")"))
        .append(", stride=").append(b.slot(a + "_stride", pair(de.strideH(), de.strideW())))
        .append(", padding=").append(b.slot(a + "_padding", pair(h.padding(), w.padding())));
    if (h.outputPadding() != 0 || w.outputPadding() != 0) {
      s.append(", output_padding=").append(b.slot(a + "_output_padding", pair(h.outputPadding(), w.outputPadding())));
    }
    if (de.groups() != 1) {
      s.append(", groups=").append(b.slot(a + "_groups", de.groups()));
    }
    if (de.dilation() != 1) {
      s.append(", dilation=").append(b.slot(a + "_dilation", de.dilation()));
    }
    if (!de.bias()) {
      s.append(", bias=False");
    }
    b.init.add("self." + a + " = " + s + ")");
    b.forward.add(out + " = self." + a + "(" + in + ")");
    if (h.crop() != 0 || w.crop() != 0) {
      // "same" with an odd overlap: one row/column more than n s, cut at the bottom/right
      b.forward.add(out + " = " + out + "[:, :, :" + (h.crop() != 0 ? "-1" : "") + ", :"
          + (w.crop() != 0 ? "-1" : "") + "]");
    }
  }

  private static String pair(long h, long w) {
    return h == w ? Long.toString(h) : "(" + h + ", " + w + ")";
  }

  /**
   * A transposed convolution's padding in PyTorch's terms. Its output is (n-1)s - 2p + d(k-1) + 1
   * + output_padding; "same" asks for n s, so the kernel's overlap T = d(k-1) + 1 - s is cut:
   * T/2 on each side, and for an odd T one more row at the end, as TensorFlow crops (the
   * transpose of its convolution, which pads the odd pixel at the end). A negative T (a kernel
   * shorter than the stride) is added back as output padding. The spec's own output padding
   * ({@code outpad}) is added on top: pixels at the bottom/right of the output, as PyTorch adds them.
   */
  record Deconv(long padding, long outputPadding, long crop) {
    /** Along one axis: kernel k, stride s, dilation d, that axis's padding, the spec's output padding. */
    static Deconv of(long k, long s, long d, Padding padding, long outputPadding) {
      if (padding instanceof Padding.Explicit explicit) {
        return new Deconv(explicit.height(), outputPadding, 0);
      }
      long overlap = d * (k - 1) + 1 - s;
      if (overlap < 0) {
        return new Deconv(0, -overlap + outputPadding, 0);
      }
      return new Deconv(overlap / 2, outputPadding, overlap % 2);
    }
  }

  /**
   * A Python identifier for a spec name: other characters become '_'; keywords, nn.Module's members
   * and names with a leading '_' (nn.Module's private and dunder members, {@code _modules}) get a
   * trailing '_'.
   */
  static String identifier(String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      s.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
    }
    if (s.length() == 0 || Character.isDigit(s.charAt(0))) {
      s.insert(0, '_');
    }
    String id = s.toString();
    return KEYWORDS.contains(id) || MODULE_MEMBERS.contains(id) || id.startsWith("_") ? id + "_" : id;
  }
}
