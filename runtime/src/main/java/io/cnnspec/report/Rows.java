package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import java.util.List;

/**
 * Which layer rows a report shows: all of them, those down to a branch depth (torchinfo's
 * {@code depth}), or none. The totals and the memory estimate always cover the whole network,
 * whichever rows are shown.
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
   * The rows at most {@code depth} branches deep; 0 keeps the top level only.
   *
   * @throws IllegalArgumentException if {@code depth} is negative
   */
  static Rows toDepth(int depth) {
    return new ToDepth(depth);
  }

  /** The rows of {@code layers} this selection shows, in order; {@code layers} itself for {@link #ALL}. */
  List<LayerInfo> select(List<LayerInfo> layers);

  /** Every row. */
  record All() implements Rows {
    @Override
    public List<LayerInfo> select(List<LayerInfo> layers) {
      return layers;
    }
  }

  /** The rows whose {@link LayerInfo#depth()} is at most {@code depth}. */
  record ToDepth(int depth) implements Rows {
    public ToDepth {
      if (depth < 0) {
        throw new IllegalArgumentException("row depth must be 0 or more, not " + depth);
      }
    }

    @Override
    public List<LayerInfo> select(List<LayerInfo> layers) {
      return layers.stream().filter(layer -> layer.depth() <= depth).toList();
    }
  }

  /** No row. */
  record None() implements Rows {
    @Override
    public List<LayerInfo> select(List<LayerInfo> layers) {
      return List.of();
    }
  }
}
