package io.cnnspec.cli;

import io.cnnspec.lang.vocabulary.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for the zoo's names: names within a small edit distance, or that start with what
 * was typed. (The language's own suggestions for layer words and defs are the grammar's.)
 */
final class CloseNames {

  private CloseNames() {}

  static List<String> closest(String typed, List<String> names, int max) {
    if (typed.length() > 100) {
      return List.of(); // nobody mistypes a name that long; and the distance is quadratic
    }
    String key = typed.toLowerCase(Locale.ROOT);
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String name : names) {
      String candidate = name.toLowerCase(Locale.ROOT);
      int distance = distance(key, candidate);
      int allowed = 2 * Math.max(1, Math.min(3, key.length() / 3));
      if (distance <= allowed) {
        scored.add(new Scored(name, distance));
      } else if (key.length() >= 2 && (candidate.startsWith(key) || key.startsWith(candidate))) {
        // "resnet" -> resnet18, resnet34, ...: a prefix is a good guess however far in edits
        scored.add(new Scored(name, allowed + 2));
      } else if (key.length() >= 3 && candidate.contains(key)) {
        scored.add(new Scored(name, allowed + 4));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name, Zoo::compareNames));
    return scored.stream().limit(max).map(Scored::name).toList();
  }

  /**
   * Optimal string alignment distance, doubled: insertions, deletions and substitutions cost 2, a
   * swap of adjacent characters 1, since "vgg61" for vgg16 is a likelier slip than for vgg11. The
   * language's one edit distance, weighted so.
   */
  static int distance(String a, String b) {
    return Suggestions.distance(a, b, 2, 1);
  }
}
