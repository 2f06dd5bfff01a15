package io.cnnspec.lang.vocabulary;

import java.util.Collection;

/**
 * "Did you mean": the closest known word by edit distance, when it is close enough to help. The one
 * place the project measures how near a misspelling is to a known word.
 */
public final class Suggestions {

  private Suggestions() {}

  /** The candidate nearest to {@code word}, or null when none is within a third of its length. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      // ties go to the first in alphabetical order: the candidates may come from an unordered set
      if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, (word.length() + 2) / 3));
    return bestDistance <= allowed ? best : null;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps, each 1. */
  public static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return Integer.MAX_VALUE / 2;
    }
    return distance(a, b, 1, 1);
  }

  /**
   * Optimal string alignment distance with an insertion, deletion or substitution costing
   * {@code edit} and a swap of adjacent characters {@code swap}: a swap may be made cheaper, since
   * "vgg61" for vgg16 is a likelier slip than for vgg11.
   */
  public static int distance(String a, String b, int edit, int swap) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = edit * i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = edit * j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : edit;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + edit, d[i][j - 1] + edit), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + swap);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
