package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.vocabulary.FrameworkWords;
import io.cnnspec.lang.vocabulary.LayerWord;
import io.cnnspec.lang.vocabulary.MissingOperation;
import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.model.Shape;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Expr;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Layer resolution for one walk, remembered: networks repeat the same few layers on the same few
 * shapes, and resolving a word (regexes) and applying it cost more than the rest of the walk, so
 * both are kept per written form and per (op, input). Also what to say of a word that is no layer.
 */
final class LayerResolutions {


  /**
   * Entries each cache holds before it is emptied. Real networks have a few hundred distinct
   * layers; a spec whose every row differs ({@code def b { conv1-{in+1} } b x1000000}) kept about
   * 600 bytes of cache per row alive, more than the row itself, and ran out of a 256 MB heap. A
   * cache emptied now and then costs such a spec only the resolutions it would have paid anyway.
   */
  static final int MAX_CACHED = 4_096;

  private final Reporter.Source source;
  private final boolean convBias;
  private final Map<Written, Resolved> resolved = new HashMap<>();
  private final Map<Applied, Outcome> outcomes = new HashMap<>();
  private final Map<LayerOp, LayerOp> sizedOps = new HashMap<>();
  // the resolutions of layers with plain numbers inside groups, branches and defs, by element; see plain()
  private final Map<Element.Layer, Resolved> plainReads = new IdentityHashMap<>();

  /** @param convBias whether convolutions have a bias unless told otherwise ({@code option nobias} says no) */
  LayerResolutions(Reporter.Source source, boolean convBias) {
    this.source = source;
    this.convBias = convBias;
  }

  /** A layer as written, after evaluation: what its resolution depends on. */
  // equals and hashCode of these cache keys are written out: a record's generated ones are bound
  // on first use by a bootstrap that cost about 45 ms of every command's start
  record Written(String word, Long channels, Long stride, Long strideWidth, List<LayerResolver.Mod> mods) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Written w && word.equals(w.word) && Objects.equals(channels, w.channels)
          && Objects.equals(stride, w.stride) && Objects.equals(strideWidth, w.strideWidth) && mods.equals(w.mods);
    }

    @Override
    public int hashCode() {
      return (((word.hashCode() * 31 + Objects.hashCode(channels)) * 31 + Objects.hashCode(stride)) * 31
          + Objects.hashCode(strideWidth)) * 31 + mods.hashCode();
    }
  }

  /**
   * A word's resolution: the op (null when the word is no layer), or the error that resolving it
   * gives, and the layer's text as rows show it, shared by every row written the same way; for a
   * crop or resize without a size, no op but {@code relative}, which the walk sizes where it stands;
   * and the layer as written (equal to every one it answers for: the cache's key).
   */
  record Resolved(LayerOp op, SpecException error, String spec, LayerResolver.Relative relative, Written written) {}

  /** An op (unique per written form: ops come out of the resolution cache) on an input. */
  private record Applied(LayerOp op, Shape input) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Applied a && op == a.op && input.equals(a.input);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(op) * 31 + input.hashCode();
    }
  }

  Resolved resolve(Written written) {
    Resolved resolution = resolved.get(written);
    if (resolution == null) {
      String spec = specText(written.word(), written.channels(), written.stride(), written.strideWidth(), written.mods());
      try {
        LayerResolver.Relative relative = LayerResolver.relative(written.word(), written.channels(), written.stride(),
            written.strideWidth(), written.mods());
        resolution = relative != null ? new Resolved(null, null, spec, relative, written)
            : new Resolved(LayerResolver.resolve(written.word(), written.channels(), written.stride(),
                written.strideWidth(), written.mods(), convBias), null, spec, null, written);
      } catch (SpecException e) {
        resolution = new Resolved(null, e, spec, null, written);
      }
      putBounded(resolved, written, resolution);
    }
    return resolution;
  }

  /**
   * The resolution remembered for {@code layer} by {@link #rememberPlain}, or null. A layer whose
   * numbers are all written as numbers reads the same wherever it stands, and one inside a group,
   * branch or def is walked many times: remembering it by its element spares the evaluation, the
   * key and the look-up of {@link #resolve} on every turn (bench/README.md, "Plain layers read once").
   */
  Resolved plain(Element.Layer layer) {
    return plainReads.get(layer);
  }

  /** Remembers {@code resolution} (without an error) for {@code layer} when its numbers are all plain numbers. */
  void rememberPlain(Element.Layer layer, Resolved resolution) {
    if (plainNumbers(layer)) {
      putBounded(plainReads, layer, resolution);
    }
  }

  /** Whether every number of {@code layer} (its word's, channels, strides, modifiers') is written as a number. */
  private static boolean plainNumbers(Element.Layer layer) {
    if (!plain(layer.wordNumber()) || !plain(layer.channels()) || !plain(layer.stride()) || !plain(layer.strideWidth())) {
      return false;
    }
    for (Element.Modifier modifier : layer.modifiers()) {
      if (!plain(modifier.number())) {
        return false;
      }
    }
    return true;
  }

  private static boolean plain(Expr number) {
    return number == null || number instanceof Expr.Literal;
  }

  /** Puts into one of the caches, emptied first when it holds {@link #MAX_CACHED} entries. */
  private static <K, V> void putBounded(Map<K, V> cache, K key, V value) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, value);
  }

  /**
   * The crop or resize that {@code relative} is where its size is {@code target}'s height and
   * width: one op per size, as the cache of {@link #apply} and the row ops count on.
   */
  LayerOp sized(LayerResolver.Relative relative, Shape target) {
    LayerOp op = relative.word() == LayerWord.CROP ? new LayerOp.Crop(target.height(), target.width())
        : new LayerOp.Resize(target.height(), target.width());
    LayerOp known = sizedOps.putIfAbsent(op, op);
    return known != null ? known : op;
  }

  /** {@code op} applied to {@code input}; {@code spec} names the layer in errors. */
  Outcome apply(LayerOp op, Shape input, String spec) throws SpecException {
    Applied applied = new Applied(op, input);
    Outcome outcome = outcomes.get(applied);
    if (outcome == null) {
      outcome = op.apply(input, spec);
      putBounded(outcomes, applied, outcome);
    }
    return outcome;
  }

  /**
   * Reports {@code word}, which is no layer word, at {@code pos} with the nearest word or def (that
   * compiles with the {@code channels} written after it, or null), and
   * returns the word to carry on with (so that one typo does not hide the errors after it), or null.
   */
  String unknown(String word, Long channels, Position pos, List<String> defNames) {
    MissingOperation missing = Vocabulary.missing(word);
    if (missing != null) {
      source.error(DiagnosticCode.UNSUPPORTED_OPERATION, pos, "unsupported operation '" + word + "'",
          missing.reason(), missing.hint());
      return null;
    }
    String framework = FrameworkWords.layer(word);
    if (framework != null) {
      String fixed = compiling(framework, channels, List.of());
      source.error(DiagnosticCode.UNKNOWN_LAYER, pos, "unknown layer '" + word + "'",
          "'" + word + "' is a PyTorch or Keras name; cnnspec's word for it is " + Vocabulary.layer(
              fixed.replaceAll("[-/ ].*", "")).word().word(), "write " + fixed);
      return fixed.replaceAll("[-/ ].*", "");
    }
    String hyphenated = channelsAfterUnderscore(word);
    if (hyphenated != null) {
      source.error(DiagnosticCode.UNKNOWN_LAYER, pos, "unknown layer '" + word + "'",
          "a layer's channel count follows a hyphen, not an underscore", "write " + hyphenated);
      return null;
    }
    LayerWord bare = Vocabulary.withoutNumber(word);
    if (bare != null) {
      source.error(DiagnosticCode.MISSING_NUMBER, pos, "missing " + bare.form().number(),
          "'" + word + "' needs its " + bare.form().number() + " glued to it", "write it after the word, e.g. " + bare.example());
      return null;
    }
    String near = Vocabulary.suggest(word, defNames);
    source.error(DiagnosticCode.UNKNOWN_LAYER, pos, "unknown layer '" + word + "'", "",
        near != null ? "did you mean " + compiling(near, channels, defNames) + "?" : "see the layer table in docs/language.md");
    return near;
  }

  /**
   * {@code near} as a hint names it: a def or a word that compiles with the {@code channels}
   * written after it as it is, else the word's example with the numbers it needs (conv gives
   * conv3-64), since "did you mean conv?" led to one error more.
   */
  private static String compiling(String near, Long channels, List<String> defNames) {
    if (defNames.contains(near) || resolves(near, channels)) {
      return near;
    }
    Vocabulary.Read read = Vocabulary.layer(near);
    return read == null ? near : read.word().example();
  }

  /** Whether {@code word} with {@code channels} after it is a layer that resolves without an error. */
  private static boolean resolves(String word, Long channels) {
    try {
      return LayerResolver.resolve(word, channels, null, null, List.of(), true) != null;
    } catch (SpecException e) {
      return false;
    }
  }

  /**
   * {@code conv3_64} written for {@code conv3-64}: the word before the last underscore with the
   * digits after it as its channels, when that is a layer; else null.
   */
  private static String channelsAfterUnderscore(String word) {
    int underscore = word.lastIndexOf('_');
    String digits = word.substring(underscore + 1);
    if (underscore < 1 || digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    String stem = word.substring(0, underscore);
    return resolves(stem, Long.parseLong(digits)) ? stem + "-" + digits : null;
  }

  /**
   * What {@code word} written with the rest would give on {@code input}, uncached and unreported
   * (it is a guess after an error); null when that fails too.
   */
  Outcome guess(String word, Long channels, Long stride, Long strideWidth, List<LayerResolver.Mod> mods,
      Shape input) {
    try {
      LayerOp op = LayerResolver.resolve(word, channels, stride, strideWidth, mods, convBias);
      return op == null ? null : op.apply(input, word);
    } catch (SpecException | ArithmeticException e) {
      return null;
    }
  }

  private static String specText(String word, Long channels, Long stride, Long strideWidth,
      List<LayerResolver.Mod> mods) {
    StringBuilder out = new StringBuilder(word);
    if (channels != null) {
      out.append('-').append(channels);
    }
    if (stride != null) {
      out.append('/').append(stride);
      if (strideWidth != null) {
        out.append('x').append(strideWidth);
      }
    }
    for (LayerResolver.Mod mod : mods) {
      out.append(' ').append(mod.text());
    }
    return out.toString();
  }
}
