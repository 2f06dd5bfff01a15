package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary: which words are layers, which are modifiers, and how a written layer
 * ({@code conv11-96/4 valid}) resolves to a {@link LayerOp}. Every rule about what a word accepts
 * lives here, so the error for a misuse is written once.
 */
public final class LayerWords {

  private LayerWords() {}

  /** A modifier after evaluation: {@code p1} is ("p", 1), {@code valid} is ("valid", null). */
  public record Mod(String word, Long number) {
    String text() {
      return number == null ? word : word + number;
    }

    // written out, as for the analyser's cache keys, which compare these: no bootstrap on first use
    @Override
    public boolean equals(Object other) {
      return other instanceof Mod m && word.equals(m.word) && java.util.Objects.equals(number, m.number);
    }

    @Override
    public int hashCode() {
      return word.hashCode() * 31 + java.util.Objects.hashCode(number);
    }
  }

  private static final Pattern WINDOW = Pattern.compile("(conv|dwconv|sepconv|deconv|maxpool|avgpool)(\\d+)?(?:x(\\d+))?");
  private static final Pattern FC = Pattern.compile("fc(\\d+)?");
  private static final Pattern ADAPTIVE = Pattern.compile("(adaptiveavgpool|adaptivemaxpool)(\\d+)(?:x(\\d+))?");
  private static final Pattern COUNTED = Pattern.compile("(gn|upsample|zeropad)(\\d+)");
  private static final Pattern PROBABILITY = Pattern.compile("(dropout|lrelu)((?:\\d+)?(?:\\.\\d+)?)");
  // Asked of every word the parser reads, so a set and a digit scan rather than a regex's matcher.
  private static final Set<String> MODIFIER_WORDS =
      Set.of("valid", "same", "nobias", "bias", "ceil", "nearest", "bilinear", "noscale", "nocenter");
  private static final Pattern STEM = Pattern.compile("([a-z_]+?)([0-9].*)?");

  private static final Map<String, String> PLAIN = new LinkedHashMap<>();

  static {
    for (String activation : List.of("relu", "relu6", "sigmoid", "tanh", "silu", "hswish", "hsigmoid", "gelu",
        "softmax", "id")) {
      PLAIN.put(activation, activation);
    }
    PLAIN.put("swish", "silu");
    PLAIN.put("identity", "id");
    PLAIN.put("lrn", "lrn");
    PLAIN.put("flatten", "flatten");
    PLAIN.put("bn", "bn");
    PLAIN.put("batchnorm", "bn");
    PLAIN.put("ln", "ln");
    PLAIN.put("layernorm", "ln");
    PLAIN.put("scale", "scale");
    PLAIN.put("prelu", "prelu");
    PLAIN.put("gap", "gap");
    PLAIN.put("gmp", "gmp");
    PLAIN.put("pool", "maxpool");
  }

  /** Every layer word stem, for "did you mean" and to keep def names from shadowing them. */
  public static final Set<String> STEMS = Set.copyOf(stems());

  private static List<String> stems() {
    List<String> stems = new ArrayList<>(PLAIN.keySet());
    stems.addAll(List.of("conv", "dwconv", "sepconv", "deconv", "maxpool", "avgpool", "fc", "adaptiveavgpool",
        "adaptivemaxpool", "gn", "upsample", "zeropad", "dropout", "lrelu"));
    return stems;
  }

  /** Lower case, and hyphens between letters dropped: {@code Soft-Max} is {@code softmax}. */
  public static String normalize(String word) {
    return word.toLowerCase(Locale.ROOT).replace("-", "");
  }

  /** Whether a word (with a substituted number when {@code numbered}) is a modifier like p1 or valid. */
  public static boolean isModifier(String word, boolean numbered) {
    if (numbered) {
      return word.equals("p") || word.equals("g") || word.equals("d");
    }
    return MODIFIER_WORDS.contains(word) || word.length() > 1 && "pgd".indexOf(word.charAt(0)) >= 0 && digitsFrom(word, 1);
  }

  private static boolean digitsFrom(String word, int start) {
    for (int i = start; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a def may take this name: not a layer word, modifier or anything that reads as one. */
  public static boolean isReserved(String name) {
    String word = normalize(name);
    return isModifier(word, false) || isLayerWord(word) || word.equals("p") || word.equals("g") || word.equals("d");
  }

  static boolean isLayerWord(String word) {
    return PLAIN.containsKey(word) || WINDOW.matcher(word).matches() || FC.matcher(word).matches()
        || ADAPTIVE.matcher(word).matches() || COUNTED.matcher(word).matches()
        || PROBABILITY.matcher(word).matches();
  }

  /** The closest layer word or def to an unknown word, keeping its numbers: convv3 gives conv3. */
  static String suggest(String word, Collection<String> defs) {
    Matcher m = STEM.matcher(word);
    String stem = m.matches() ? m.group(1) : word;
    String rest = m.matches() && m.group(2) != null ? m.group(2) : "";
    List<String> candidates = new ArrayList<>(STEMS);
    candidates.addAll(defs);
    String near = Suggestions.closest(stem, candidates);
    if (near == null) {
      near = Suggestions.closest(word, candidates);
      return near;
    }
    String full = defs.contains(near) ? near : near + rest;
    // the stem is right and what follows it is wrong (gap3): "did you mean gap3?" would repeat it
    return full.equals(word) ? near : full;
  }

  /**
   * Resolves a written layer. {@code channels} and {@code stride} are null when not written;
   * {@code defaultBias} is false under {@code option nobias} (for convolutions only).
   */
  static LayerOp resolve(String word, Long channels, Long stride, List<Mod> mods, boolean convBiasDefault)
      throws SpecException {
    if (!isLayerWord(word)) {
      return null;
    }
    Modifiers m = new Modifiers(word, mods);
    Matcher window = WINDOW.matcher(word);
    if (window.matches()) {
      String kind = window.group(1);
      boolean pooling = kind.endsWith("pool");
      long kh = window.group(2) == null ? (pooling ? 2 : -1) : positive(window.group(2), "kernel size", word);
      if (kh < 0) {
        throw new SpecException(DiagnosticCode.MISSING_KERNEL_SIZE, "missing kernel size", "'" + word + "' needs a kernel size",
            "write it after the word, e.g. " + kind + "3-64");
      }
      long kw = window.group(3) == null ? kh : positive(window.group(3), "kernel width", word);
      if (pooling) {
        noChannels(word, channels);
        m.allow("p", "valid", "same", "ceil", "d");
        long s = stride == null ? (window.group(2) == null ? 2 : kh) : stride;
        return new LayerOp.Pool(kind, kh, kw, s, m.padding(Padding.VALID), m.number("d", 1), m.has("ceil"));
      }
      long s = stride == null ? 1 : stride;
      switch (kind) {
        case "conv" -> {
          long c = requireChannels(word, channels, "conv3-64");
          m.allow("p", "valid", "same", "g", "d", "nobias", "bias");
          return new LayerOp.Conv(kh, kw, c, s, m.padding(Padding.SAME), m.number("g", 1), m.number("d", 1),
              m.bias(convBiasDefault));
        }
        case "dwconv" -> {
          m.allow("p", "valid", "same", "d", "nobias", "bias");
          return new LayerOp.Depthwise(kh, kw, channels, s, m.padding(Padding.SAME), m.number("d", 1),
              m.bias(convBiasDefault));
        }
        case "sepconv" -> {
          long c = requireChannels(word, channels, "sepconv3-128");
          m.allow("p", "valid", "same", "d", "nobias", "bias");
          return new LayerOp.Separable(kh, kw, c, s, m.padding(Padding.SAME), m.number("d", 1),
              m.bias(convBiasDefault));
        }
        default -> {
          long c = requireChannels(word, channels, "deconv4-256/2");
          m.allow("p", "valid", "same", "g", "d", "nobias", "bias");
          return new LayerOp.Deconv(kh, kw, c, s, m.padding(Padding.VALID), m.number("g", 1), m.number("d", 1),
              m.bias(convBiasDefault));
        }
      }
    }
    noStride(word, stride);
    Matcher fc = FC.matcher(word);
    if (fc.matches()) {
      if (fc.group(1) != null && channels != null) {
        throw new SpecException(DiagnosticCode.TWO_SIZES, "fc is given two sizes", "'" + word + "-" + channels + "' names its size twice",
            "write fc" + fc.group(1) + " or fc-" + channels);
      }
      long units = fc.group(1) != null ? positive(fc.group(1), "fc size", word)
          : requireChannels(word, channels, "fc4096 or fc-4096");
      m.allow("nobias", "bias");
      return new LayerOp.Dense(units, m.bias(true));
    }
    noChannels(word, channels);
    Matcher adaptive = ADAPTIVE.matcher(word);
    if (adaptive.matches()) {
      m.allow();
      long h = positive(adaptive.group(2), "output size", word);
      long w = adaptive.group(3) == null ? h : positive(adaptive.group(3), "output width", word);
      return new LayerOp.AdaptivePool(adaptive.group(1), h, w);
    }
    Matcher counted = COUNTED.matcher(word);
    if (counted.matches()) {
      String kind = counted.group(1);
      switch (kind) {
        case "gn" -> {
          m.allow("noscale", "nocenter");
          return new LayerOp.Norm("gn", positive(counted.group(2), "group count", word), !m.has("noscale"),
              !m.has("nocenter"));
        }
        case "upsample" -> {
          m.allow("nearest", "bilinear");
          return new LayerOp.Upsample(positive(counted.group(2), "upsampling factor", word));
        }
        default -> {
          m.allow();
          // zeropad0 pads nothing and is allowed; otherwise bounded like every number, since a
          // number past 64 bits threw NumberFormatException and a huge one wrapped the size
          long pixels = counted.group(2).matches("0+") ? 0 : positive(counted.group(2), "padding", word);
          return new LayerOp.ZeroPad(pixels);
        }
      }
    }
    Matcher probability = PROBABILITY.matcher(word);
    if (probability.matches()) {
      m.allow();
      String value = probability.group(2);
      if (!value.isEmpty() && !value.equals(".")) {
        // exactly, not as a double: 0.99999999999999999999 rounds to 1.0 and was refused as >= 1
        BigDecimal p = new BigDecimal(value.startsWith(".") ? "0" + value : value);
        if (probability.group(1).equals("dropout") && p.compareTo(BigDecimal.ONE) >= 0) {
          throw new SpecException(DiagnosticCode.PROBABILITY_OUT_OF_RANGE, "dropout probability out of range", "'" + word + "' drops " + value + " of its input",
              "give a probability below 1, e.g. dropout0.5");
        }
      }
      return new LayerOp.Elementwise(probability.group(1), false);
    }
    String kind = PLAIN.get(word);
    if (kind == null) {
      return null;
    }
    if (kind.equals("bn") || kind.equals("ln")) {
      m.allow("noscale", "nocenter");
      return new LayerOp.Norm(kind, 0, !m.has("noscale"), !m.has("nocenter"));
    }
    m.allow();
    return switch (kind) {
      case "maxpool" -> new LayerOp.Pool("maxpool", 2, 2, 2, Padding.VALID, 1, false);
      case "scale" -> new LayerOp.PerChannel("scale", true);
      case "prelu" -> new LayerOp.PerChannel("prelu", false);
      case "gap", "gmp" -> new LayerOp.GlobalPool(kind);
      case "flatten" -> new LayerOp.Flatten();
      case "lrn" -> new LayerOp.Elementwise("lrn", true);
      default -> new LayerOp.Elementwise(kind, false);
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
          "a " + what + " must be at least 1");
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

  private static void noStride(String word, Long stride) throws SpecException {
    if (stride != null) {
      throw new SpecException(DiagnosticCode.UNEXPECTED_STRIDE, "unexpected stride", "'" + word + "' has no stride",
          "remove /" + stride + "; strides belong to convolutions and pooling");
    }
  }

  /** The modifiers written after one layer, checked against what that layer accepts. */
  private static final class Modifiers {
    private final String word;
    private final List<Mod> mods;

    Modifiers(String word, List<Mod> mods) {
      this.word = word;
      this.mods = mods;
    }

    void allow(String... accepted) throws SpecException {
      List<String> ok = List.of(accepted);
      List<String> seen = new ArrayList<>();
      for (Mod mod : mods) {
        if (!ok.contains(mod.word())) {
          throw new SpecException(DiagnosticCode.MODIFIER_NOT_APPLICABLE, "modifier '" + mod.text() + "' does not apply here",
              "'" + word + "' " + (ok.isEmpty() ? "takes no modifiers" : "accepts " + String.join(", ", ok)),
              "remove '" + mod.text() + "'");
        }
        String family = switch (mod.word()) {
          case "p", "valid", "same" -> "padding";
          case "nobias", "bias" -> "bias";
          case "nearest", "bilinear" -> "mode";
          case "noscale", "nocenter" -> mod.word();
          default -> mod.word();
        };
        if (seen.contains(family)) {
          throw new SpecException(DiagnosticCode.CONFLICTING_MODIFIERS, "conflicting modifiers", "'" + word + "' is given its " + family + " twice",
              "keep one of them");
        }
        seen.add(family);
        if (mod.number() != null && (mod.word().equals("g") || mod.word().equals("d")) && mod.number() < 1) {
          throw new SpecException(DiagnosticCode.NON_POSITIVE_NUMBER, "non-positive " + (mod.word().equals("g") ? "group count" : "dilation"),
              "'" + mod.text() + "' must be at least 1", "use " + mod.word() + "1 or more");
        }
        if (mod.number() != null && mod.number() > Limits.MAX_NUMBER) {
          throw new SpecException(DiagnosticCode.ABSURD_NUMBER, "absurd modifier", "'" + mod.text() + "' is far past any real network",
              "check the number");
        }
      }
    }

    boolean has(String modifier) {
      return mods.stream().anyMatch(m -> m.word().equals(modifier));
    }

    long number(String modifier, long fallback) {
      return mods.stream().filter(m -> m.word().equals(modifier)).map(Mod::number).findFirst().orElse(fallback);
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
            return new Padding.Explicit(Math.toIntExact(mod.number()));
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
