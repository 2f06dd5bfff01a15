package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;

/**
 * Which layer rows a report shows: all of them, those down to a nesting level (torchinfo's
 * {@code depth}, where a row that stands for what it hides carries its totals), or none. The
 * totals and the memory estimate always cover the whole network, whichever rows are shown.
 */
public sealed interface Rows {

  /** Every row, the default. */
  Rows ALL = new All();

  /**
   * No rows: the totals only. The text table then leaves out its column headings too; the Markdown
   * table keeps its heading row, CSV its header record and JSON an empty {@code "layers"} array.
   */
  Rows NONE = new None();

  /**
   * The rows down to nesting level {@code depth}, where branches and blocks (def calls,
   * repetitions, labelled groups) each nest one level; 0 keeps the top level only, each merge and
   * block there as one row with the totals of everything it holds. cnnspec's level 0 is
   * torchinfo's depth 1 (its depth 0 is the model itself).
   *
   * @throws IllegalArgumentException if {@code depth} is negative
   */
  static Rows toDepth(int depth) {
    return new ToDepth(depth);
  }

  /**
   * The rows of {@code network} this selection shows, in order: {@code network.layers()} itself for
   * {@link #ALL}; for {@link #toDepth}, a row that stands for a collapsed merge or block carries
   * the sums of the params, non-trainable params, MACs and activations of the rows it hides, so
   * the rows shown add up to the rows' totals.
   */
  default List<LayerInfo> select(NetworkInfo network) {
    return this instanceof All ? network.layers() : ShownRows.of(this, network).stream().map(ShownRows.Shown::row).toList();
  }

  /** Every row. */
  record All() implements Rows {}

  /** The rows down to nesting level {@code depth}, collapsed below it; see {@link Rows#toDepth}. */
  record ToDepth(int depth) implements Rows {
    public ToDepth {
      if (depth < 0) {
        throw new IllegalArgumentException("row depth must be 0 or more, not " + depth);
      }
    }
  }

  /** No row. */
  record None() implements Rows {}
}
