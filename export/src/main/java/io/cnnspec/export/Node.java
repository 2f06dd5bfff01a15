package io.cnnspec.export;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import java.util.List;

/**
 * The network as a tree, rebuilt from the analysis's rows (execution order, a merge row before
 * its branches) and blocks (def calls and repetitions as row spans): what the exporters walk.
 */
sealed interface Node {

  /** One layer row and its resolved op. */
  record Layer(LayerInfo info, LayerOp op) implements Node {}

  /**
   * A merge row ({@code cat}, {@code add}, {@code res}, {@code mul}) and its branches in order; an
   * empty branch is the identity, as the language defines it.
   */
  record Merge(LayerInfo info, List<List<Node>> branches) implements Node {}

  /**
   * One call of a def; {@code scope} is the name its rows are prefixed with ({@code fire2},
   * {@code mixed_5b}, {@code g.blk1} inside a labelled group {@code @g}), relative to the enclosing
   * call's scope; {@code prefix} the whole prefix of its
   * rows' names ({@code relu_se_block1.se1.}).
   */
  record Call(Block block, String scope, String prefix, List<Node> body) implements Node {}

  /** A repeated element whose turns are all def calls. */
  record Repeat(Block block, List<Call> turns) implements Node {}
}
