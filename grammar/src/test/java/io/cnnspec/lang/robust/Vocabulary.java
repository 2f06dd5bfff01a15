package io.cnnspec.lang.robust;

import java.util.List;
import java.util.SplittableRandom;

/** The pieces random inputs are made of: the language's words and forms, and what it must refuse. */
final class Vocabulary {

  private Vocabulary() {}

  static final List<String> HEADERS = List.of(
      "network N : 224x224x3\n", "network N : 32x32x3 -> 10\n", "network Net : 784 -> 10\n",
      "network N : 8x8x1\n", "network N : 1x1x1\n", "network Big : 4096x4096x64\n", "network N : 1000000000\n",
      "network N : 1000000000x1000000000x1000000000\n", "network N : 224x224x3000\n", "network N : 1000000000x1x1\n");

  static final List<String> LAYERS = List.of(
      "conv3-64", "conv3-64x2", "conv1-16", "conv1x7-128", "conv7x1-32", "conv11-96/4", "conv3-128/2", "conv5-256",
      "dwconv3", "dwconv3/2", "dwconv3-64", "sepconv3-128", "sepconv5-32/2", "deconv4-256/2", "deconv2-16/2",
      "fc10", "fc-4096", "FC-4096", "fc1000", "fc4096", "maxpool", "pool", "maxpool3/2", "avgpool2", "avgpool3/1",
      "gap", "gmp", "adaptiveavgpool6", "adaptiveavgpool1x1", "adaptivemaxpool7", "bn", "ln", "gn4", "gn32",
      "scale", "upsample2", "zeropad1", "zeropad0", "prelu", "relu", "relu6", "lrelu", "lrelu0.2", "sigmoid", "tanh",
      "silu", "swish", "hswish", "hsigmoid", "gelu", "softmax", "soft-max", "lrn", "dropout", "dropout0.5",
      "flatten", "id", "identity", "batchnorm", "layernorm", "elu", "selu", "celu", "mish", "softplus", "hardtanh",
      "logsoftmax", "instancenorm", "pixelshuffle2", "pixelshuffle3", "padchannels-64", "stochasticdepth0.2",
      "deconv3-16/2", "crop2", "chunk2", "crop", "resize", "l2norm", "split2", "channelshuffle2", "resize7", "resize1x1000000000", "pixelshuffle1000000000",
      // numbers at the edges, where sizes and counts overflow
      "zeropad99999999999999999999", "zeropad4611686018427387904", "adaptiveavgpool1000000000", "upsample1000000000",
      "conv1-1/1000000000", "fc1000000000", "conv1000000000-1", "maxpool1000000000", "gn1000000000",
      "dropout0.99999999999999999999", "conv3-2147483647");

  static final List<String> MODIFIERS = List.of(
      "p1", "p0", "p2", "valid", "same", "g2", "g32", "d2", "nobias", "bias", "ceil", "nearest", "bilinear",
      "noscale", "nocenter", "dm2", "dm0", "outpad1", "outpad0", "affine", "input");

  static final List<String> KEYWORDS = List.of(
      "network", "def", "option", "expect", "nobias", "bias", "params", "macs", "trainable", "nontrainable",
      "activations", "flops", "allmacs", "in", "cat", "add", "res", "mul", "side", "chunk", "x", "->", ":");

  static final List<String> PUNCTUATION = List.of(
      "{", "}", "(", ")", "|", ",", "=", "-", "+", "*", "/", "@", "@a", "@stem", "#", "x2", "x0", "x1000",
      "x{n}", "x{2}", "->", ":");

  static final List<String> NUMBERS = List.of(
      "0", "1", "2", "3", "7", "64", "1_000", "224x224x3", "-1", "99999999999999999999", "9223372036854775807",
      "9223372036854775808", "2147483647", "2147483648", "1000000000", "1000000001", "4294967296", "00", "1__0");

  static final List<String> CALLS = List.of(
      "f()", "f(1)", "f(1, 2)", "f(", "block", "fire(16, 64)", "g(in)", "h(-1)", "f(99999999999999999999)",
      "relu(", "f(1 2)");

  static final List<String> DEFS = List.of(
      "def f { relu }\n", "def f(c) { conv3-{c} bn relu }\n", "def f(c, s = 1) { conv3-{c}/{s} }\n",
      "def block { res { conv3-{in} bn } }\n", "def fire(s, e) { conv1-{s} relu cat { conv1-{e} | conv3-{e} } }\n",
      "def g(c) { f(c) f(c) }\n", "def h(c) { conv1-{c*c*c*c} }\n", "def f { f }\n", "def relu { id }\n",
      "def f() { }\n", "def e { }\n");

  static final List<String> STATEMENTS = List.of(
      "option nobias\n", "option bias\n", "option foo\n", "expect params 138_357_544\n", "expect macs 0\n",
      "expect activations 99999999999999999999\n", "expect foo 1\n");

  /** Characters that must be refused with a clean, positioned error. */
  static final List<String> HOSTILE = List.of(
      "\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\u200b",
      "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udc00",
      "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\u00e9", "\u0131", "\u212a", "\u017f",
      "\u0645", "\u4e2d", "\u0301", "\r", "\t", "\f", "\u000b", "\\", "\"", "'", "`", "$", "%", "&", ";", "!", "?",
      "~", "^", "[", "]", "<", ">", ".", "\udb40\udc01");

  static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", " ", "  ", "\n", "\n", "\r\n", "\t", "");

  static String anyToken(SplittableRandom random) {
    int kind = random.nextInt(100);
    List<String> from = kind < 35 ? LAYERS : kind < 47 ? MODIFIERS : kind < 57 ? KEYWORDS : kind < 75 ? PUNCTUATION
        : kind < 85 ? NUMBERS : kind < 92 ? CALLS : kind < 97 ? HOSTILE : DEFS;
    return Generator.pick(random, from);
  }

  /** A number for a mutation: mostly ordinary, often an edge of what a count or an int holds. */
  static String number(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> "0";
      case 1 -> "-" + (1 + random.nextInt(100));
      case 2 -> "99999999999999999999";
      case 3 -> Generator.pick(random, List.of("2147483647", "2147483648", "4294967296", "9223372036854775807"));
      case 4 -> Generator.pick(random, List.of("1000000000", "1000000001", "100000", "65536"));
      default -> String.valueOf(1 + random.nextInt(random.nextBoolean() ? 8 : 5000));
    };
  }
}
