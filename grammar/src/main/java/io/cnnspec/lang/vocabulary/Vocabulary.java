package io.cnnspec.lang.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about words, all answered from the two tables, {@link LayerWord} and {@link Modifier}:
 * which words are layers or modifiers, which names a def may not take, and "did you mean".
 */
public final class Vocabulary {

  private Vocabulary() {}

  /** A layer word as read: its entry and the numbers glued to it, null (or empty) when left out. */
  public record Read(LayerWord word, String first, String second) {}

  private static final Map<String, LayerWord> PLAIN = new HashMap<>();
  private static final List<LayerWord> GLUED = new ArrayList<>();
  // Asked of every word the parser reads, so maps and a digit scan rather than a regex's matcher.
  private static final Map<String, Modifier> MODIFIERS = new HashMap<>();
  private static final List<Modifier> NUMBERED = new ArrayList<>();
  private static final List<String> SPELLINGS = new ArrayList<>();
  private static final Pattern STEM = Pattern.compile("([a-z_]+?)([0-9].*)?");

  static {
    for (LayerWord word : LayerWord.values()) {
      SPELLINGS.addAll(word.spellings());
      if (word.form() == LayerWord.Form.PLAIN) {
        word.spellings().forEach(spelling -> PLAIN.put(spelling, word));
      } else {
        GLUED.add(word);
      }
    }
    for (Modifier modifier : Modifier.values()) {
      if (modifier.numbered()) {
        NUMBERED.add(modifier);
      } else {
        MODIFIERS.put(modifier.word(), modifier);
      }
    }
  }

  /** Lower case, and hyphens between letters dropped: {@code Soft-Max} is {@code softmax}. */
  public static String normalize(String word) {
    return word.toLowerCase(Locale.ROOT).replace("-", "");
  }

  /** The layer word {@code word} (normalized) is, with its glued numbers; null when it is none. */
  public static Read layer(String word) {
    LayerWord plain = PLAIN.get(word);
    if (plain != null) {
      return new Read(plain, null, null);
    }
    for (LayerWord glued : GLUED) {
      String stem = glued.word();
      if (word.startsWith(stem)) {
        Matcher numbers = glued.form().glued().matcher(word.substring(stem.length()));
        if (numbers.matches()) {
          return new Read(glued, numbers.group(1), numbers.groupCount() > 1 ? numbers.group(2) : null);
        }
      }
    }
    return null;
  }

  /**
   * The layer word that {@code word} (normalized) is the bare stem of when that word cannot go
   * without a number glued to it ({@code adaptiveavgpool}, {@code gn}, {@code zeropad}), or null.
   */
  public static LayerWord withoutNumber(String word) {
    for (LayerWord glued : GLUED) {
      if (glued.spellings().contains(word) && !glued.form().glued().matcher("").matches()) {
        return glued;
      }
    }
    return null;
  }

  public static boolean isLayerWord(String word) {
    return layer(word) != null;
  }

  /** Whether a word (with a substituted number when {@code numbered}) is a modifier like p1 or valid. */
  public static boolean isModifier(String word, boolean numbered) {
    if (numbered) {
      return numberedModifier(word) != null;
    }
    return MODIFIERS.containsKey(word) || gluedNumber(word) != null;
  }

  /**
   * The numbered modifier {@code word} is with its number glued on ({@code p1} is {@link Modifier#P}),
   * or null. A modifier that is {@link Modifier#perAxis() per axis} also takes a pair, {@code p1x0}.
   */
  public static Modifier gluedNumber(String word) {
    // asked of every word the parser reads: most layer words (bn, relu) do not end in a digit
    if (word.isEmpty() || !digitsFrom(word, word.length() - 1)) {
      return null;
    }
    for (Modifier modifier : NUMBERED) {
      String stem = modifier.word();
      if (word.length() > stem.length() && word.startsWith(stem)
          && (digitsFrom(word, stem.length()) || modifier.perAxis() && pairFrom(word, stem.length()))) {
        return modifier;
      }
    }
    return null;
  }

  /** Digits, an x, digits: the glued pair of a per-axis modifier. */
  private static boolean pairFrom(String word, int start) {
    int x = word.indexOf('x', start);
    return x > start && x < word.length() - 1 && digitsFrom(word.substring(0, x), start) && digitsFrom(word, x + 1);
  }

  private static Modifier numberedModifier(String word) {
    for (Modifier modifier : NUMBERED) {
      if (modifier.word().equals(word)) {
        return modifier;
      }
    }
    return null;
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

  /**
   * Where a repetition glued to a word starts: {@code relux2}, {@code fc10x2}, {@code dropout0.5x2}
   * and {@code conv3x3x2} are a layer word and {@code x2}, as {@code conv3-64x2} is; -1 when the
   * word is not one. An {@code xN} that the word's own form reads as a pair ({@code conv1x7},
   * {@code adaptiveavgpool6x7}, {@code p1x0}) is part of the word (docs/language.md, "A trailing xN").
   */
  public static int gluedRepetition(String word) {
    int end = word.length();
    int digits = end;
    while (digits > 0 && word.charAt(digits - 1) >= '0' && word.charAt(digits - 1) <= '9') {
      digits--;
    }
    int x = digits - 1;
    if (digits == end || x < 1 || word.charAt(x) != 'x' || isLayerWord(word) || isModifier(word, false)) {
      return -1;
    }
    String stem = word.substring(0, x);
    return isLayerWord(stem) || isModifier(stem, false) ? x : -1;
  }

  /** Whether a def may not take this name: a layer word, a modifier or anything that reads as one. */
  public static boolean isReserved(String name) {
    String word = normalize(name);
    return isModifier(word, false) || isLayerWord(word) || numberedModifier(word) != null || gluedRepetition(word) >= 0;
  }

  /** Every spelling of every layer word, for "did you mean" and the docs' check. */
  public static List<String> spellings() {
    return List.copyOf(SPELLINGS);
  }

  /**
   * The operation the language lacks that {@code word} (normalized) names, with or without glued
   * numbers ({@code crop2}, {@code stochastic0.2}), or null.
   */
  public static MissingOperation missing(String word) {
    String stem = word.replaceAll("[0-9._x]+$", "");
    for (MissingOperation operation : MissingOperation.values()) {
      if (operation.words().contains(stem)) {
        return operation;
      }
    }
    return null;
  }

  /** The closest layer word or def to an unknown word, keeping its numbers: convv3 gives conv3. */
  public static String suggest(String word, Collection<String> defs) {
    Matcher m = STEM.matcher(word);
    String stem = m.matches() ? m.group(1) : word;
    String rest = m.matches() && m.group(2) != null ? m.group(2) : "";
    List<String> candidates = new ArrayList<>(SPELLINGS);
    candidates.addAll(defs);
    String near = Suggestions.closest(stem, candidates);
    if (near == null) {
      near = Suggestions.closest(word, candidates);
      return near;
    }
    String full = defs.contains(near) ? near : near + rest;
    // the stem is right and what follows it is wrong (gap3): "did you mean gap3?" would repeat it;
    // and a hint is only ever valid text: rleu2 gives relu, not relu2, which is no word either
    return full.equals(word) || !defs.contains(near) && !isLayerWord(full) ? near : full;
  }
}
