package io.cnnspec.lang.vocabulary;

import java.util.Arrays;
import java.util.Collection;

/**
 * "Did you mean": the closest known word by edit distance, when it is close enough to help. The one
 * place the project measures how near a misspelling is to a known word.
 *
 * <p>Bounded in cost: a suggestion is only made within a distance of 3, so each comparison fills a
 * band of at most 7 cells per character of three rolling rows and stops as soon as a row has
 * nothing within the bound. A full matrix for a 30,000-character name and a near miss took
 * gigabytes.
 */
public final class Suggestions {

  /** The largest distance a suggestion is made at. */
  private static final int MAX_SUGGESTED = 3;

  private Suggestions() {}

  /** The candidate nearest to {@code word}, or null when none is within a third of its length. */
  public static String closest(String word, Collection<String> candidates) {
    int allowed = Math.max(1, Math.min(MAX_SUGGESTED, (word.length() + 2) / 3));
    String best = null;
    int bestDistance = allowed + 1;
    for (String candidate : candidates) {
      int distance = distance(word, candidate, allowed);
      // ties go to the first in alphabetical order: the candidates may come from an unordered set
      if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= allowed ? best : null;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps, each 1. */
  public static int distance(String a, String b) {
    return distance(a, b, MAX_SUGGESTED);
  }

  /**
   * Optimal string alignment distance (each edit and swap 1) when it is at most {@code max};
   * otherwise some number above {@code max}. Costs O(length x max) time and O(length) memory.
   */
  static int distance(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int far = max + 1;
    int[] older = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = Math.min(j, far);
    }
    Arrays.fill(older, far);
    for (int i = 1; i <= n; i++) {
      Arrays.fill(current, far);
      current[0] = Math.min(i, far);
      int from = Math.max(1, i - max);
      int to = Math.min(m, i + max);
      int rowMin = current[0];
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, older[j - 2] + 1);
        }
        current[j] = Math.min(d, far);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > max) {
        return far;
      }
      int[] spare = older;
      older = previous;
      previous = current;
      current = spare;
    }
    return previous[m];
  }

  /**
   * Optimal string alignment distance with an insertion, deletion or substitution costing
   * {@code edit} and a swap of adjacent characters {@code swap}: a swap may be made cheaper, since
   * "vgg61" for vgg16 is a likelier slip than for vgg11. Three rolling rows: O(length) memory.
   */
  public static int distance(String a, String b, int edit, int swap) {
    int m = b.length();
    int[] older = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = edit * j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = edit * i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : edit;
        current[j] = Math.min(Math.min(previous[j] + edit, current[j - 1] + edit), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], older[j - 2] + swap);
        }
      }
      int[] spare = older;
      older = previous;
      previous = current;
      current = spare;
    }
    return previous[m];
  }
}
