package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the branch structure of a layer list as torchinfo-style tree marks, two characters per
 * depth. A branch's first row gets {@code ├─} ({@code └─} for the merge's last branch); the rest of
 * that branch continues under it without a mark, so each mark is where a new branch starts:
 *
 * <pre>
 * res1
 * ├─conv2
 * │ bn2
 * └─id1
 * </pre>
 *
 * Two linear passes, since expanded DenseNets and the like run to thousands of rows.
 */
final class LayerTree {

  private static final int NONE = Integer.MIN_VALUE;

  private LayerTree() {}

  /** One prefix per layer, in order; {@code ""} at the top level. */
  static String[] prefixes(List<LayerInfo> layers) {
    int n = layers.size();
    int maxDepth = 0;
    for (LayerInfo layer : layers) {
      maxDepth = Math.max(maxDepth, layer.depth());
    }
    boolean[] starts = branchStarts(layers, maxDepth);

    // Walking backwards, moreBranches[level] says whether a branch at that level still starts
    // below the current row before its merge ends, which decides ├─ over └─ and │ over blank.
    boolean[] moreBranches = new boolean[maxDepth + 2];
    String[] prefixes = new String[n];
    for (int i = n - 1; i >= 0; i--) {
      int depth = Math.max(layers.get(i).depth(), 0);
      StringBuilder prefix = new StringBuilder(2 * depth);
      for (int level = 1; level <= depth; level++) {
        if (level == depth && starts[i]) {
          prefix.append(moreBranches[level] ? "├─" : "└─");
        } else {
          prefix.append(moreBranches[level] ? "│ " : "  ");
        }
      }
      prefixes[i] = prefix.toString();
      Arrays.fill(moreBranches, depth + 1, moreBranches.length, false);
      if (starts[i]) {
        moreBranches[depth] = true;
      }
    }
    return prefixes;
  }

  /**
   * Row i opens a branch when it directly follows its merge, or when the previous row at its depth
   * belongs to another branch of the same merge.
   */
  private static boolean[] branchStarts(List<LayerInfo> layers, int maxDepth) {
    int[] branchAt = new int[maxDepth + 2];
    Arrays.fill(branchAt, NONE);
    boolean[] starts = new boolean[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      LayerInfo row = layers.get(i);
      int depth = Math.max(row.depth(), 0);
      starts[i] = depth > 0 && branchAt[depth] != row.branch();
      branchAt[depth] = row.branch();
      Arrays.fill(branchAt, depth + 1, branchAt.length, NONE);
    }
    return starts;
  }
}
