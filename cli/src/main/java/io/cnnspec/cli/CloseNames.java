package io.cnnspec.cli;

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
   * swap of adjacent characters 1, since "vgg61" for vgg16 is a likelier slip than for vgg11.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = 2 * i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = 2 * j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 2, d[i][j - 1] + 2), d[i - 1][j - 1] + 2 * cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
