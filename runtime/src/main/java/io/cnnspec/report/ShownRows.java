package io.cnnspec.report;

import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows a report shows down to a nesting level, as torchinfo's {@code depth} does: the network
 * is a tree whose inner nodes are the merges (their branches one level down) and the blocks of
 * {@link NetworkInfo#blocks()} (def calls, repetitions, labelled groups; each turn of a repeated
 * call is a call of its own); the top level is level 0. A node at the last level shown stands for
 * everything under it: its row carries the sums of its rows' params, non-trainable params, MACs and
 * activations, so the rows shown always add up to the network's totals. An open block has no row
 * of its own (its rows follow), an open merge keeps its own.
 *
 * <p>A collapsed merge reads {@code res { ... }}; a collapsed block is named after its scope
 * ({@code basic_down1}), or its first and last turns for a repetition ({@code basic1..basic2}),
 * with the block's text as its spec ({@code basic x2}) and {@code call}, {@code repeat} or
 * {@code group} as its kind. Its output, receptive field and jump are those of its last row at its
 * own depth, the row the block's output comes from.
 */
final class ShownRows {

  /** A row shown, standing for the network's rows [first, end). */
  record Shown(LayerInfo row, int first, int end) {}

  private final List<LayerInfo> rows;
  private final List<Block> blocks;
  private final int maxLevel;
  private final List<Shown> out = new ArrayList<>();
  private int nextBlock;

  private ShownRows(NetworkInfo network, int maxLevel) {
    this.rows = network.layers();
    this.blocks = network.blocks();
    this.maxLevel = maxLevel;
  }

  /** The rows {@code selection} shows of {@code network}, in row order. */
  static List<Shown> of(Rows selection, NetworkInfo network) {
    if (selection instanceof Rows.ToDepth toDepth) {
      return toLevel(network, toDepth.depth());
    }
    if (selection instanceof Rows.None) {
      return List.of();
    }
    List<Shown> every = new ArrayList<>(network.layers().size());
    for (int i = 0; i < network.layers().size(); i++) {
      every.add(new Shown(network.layers().get(i), i, i + 1));
    }
    return every;
  }

  /** The rows of {@code network} shown down to {@code maxLevel}, in row order. */
  static List<Shown> toLevel(NetworkInfo network, int maxLevel) {
    ShownRows shown = new ShownRows(network, maxLevel);
    shown.walk(0, shown.rows.size(), 0, "");
    return shown.out;
  }

  /** Rows [from, to) at {@code level}, named within {@code prefix} (the scope around them, with its dot). */
  private void walk(int from, int to, int level, String prefix) {
    int i = from;
    while (i < to) {
      LayerInfo row = rows.get(i);
      Block block = blockAt(i, to, row.depth());
      if (block != null) {
        String name = blockName(block, prefix);
        if (level >= maxLevel) {
          out.add(new Shown(collapsed(block, name), block.firstRow(), block.endRow()));
          skipBlocksBefore(block.endRow());
        } else {
          boolean scoped = block.kind() != Block.Kind.REPEAT;
          walk(block.firstRow(), block.endRow(), level + 1, scoped ? name + "." : prefix);
        }
        i = block.endRow();
        continue;
      }
      int end = LayerInfo.subtreeEnd(rows, i, to);
      if (end > i + 1 && level >= maxLevel) {
        out.add(new Shown(sum(row.name(), row.kind(), row.kind() + " { ... }", i, end, i), i, end));
        skipBlocksBefore(end);
      } else {
        out.add(new Shown(row, i, i + 1));
        if (end > i + 1) {
          // a labelled merge is a scope: its branches' rows are named inside it
          String inner = rows.get(i + 1).name().startsWith(row.name() + ".") ? row.name() + "." : prefix;
          walk(i + 1, end, level + 1, inner);
        }
      }
      i = end;
    }
  }

  /** The next block when it starts at row {@code row}, inside [.., to) and at the row's depth; else null. */
  private Block blockAt(int row, int to, int depth) {
    skipBlocksBefore(row);
    if (nextBlock < blocks.size()) {
      Block block = blocks.get(nextBlock);
      if (block.firstRow() == row && block.endRow() <= to && block.depth() == depth) {
        nextBlock++;
        return block;
      }
    }
    return null;
  }

  /** Blocks are outer before inner, in row order: those starting before {@code row} are behind the walk. */
  private void skipBlocksBefore(int row) {
    while (nextBlock < blocks.size() && blocks.get(nextBlock).firstRow() < row) {
      nextBlock++;
    }
  }

  private String blockName(Block block, String prefix) {
    String first = segment(rows.get(block.firstRow()).name(), prefix);
    if (block.kind() != Block.Kind.REPEAT) {
      return prefix + first;
    }
    return prefix + first + ".." + segment(rows.get(block.endRow() - 1).name(), prefix);
  }

  /** The part of a row's name that names its element in the scope {@code prefix}. */
  private static String segment(String name, String prefix) {
    String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private LayerInfo collapsed(Block block, String name) {
    int last = block.firstRow();
    for (int r = block.firstRow(); r < block.endRow(); r++) {
      if (rows.get(r).depth() == block.depth()) {
        last = r;
      }
    }
    return sum(name, block.kind().name().toLowerCase(Locale.ROOT), block.text(), block.firstRow(), block.endRow(), last);
  }

  /** A row for [first, end) with its summed counts, and the input of the first row and the rest of {@code last}. */
  private LayerInfo sum(String name, String kind, String spec, int first, int end, int last) {
    long params = 0;
    long nonTrainable = 0;
    long macs = 0;
    long activations = 0;
    for (int r = first; r < end; r++) {
      LayerInfo row = rows.get(r);
      params = Math.addExact(params, row.params());
      nonTrainable = Math.addExact(nonTrainable, row.nonTrainableParams());
      macs = Math.addExact(macs, row.macs());
      activations = Math.addExact(activations, row.activations());
    }
    LayerInfo head = rows.get(first);
    LayerInfo tail = rows.get(last);
    return new LayerInfo(name, kind, spec, head.depth(), head.branch(), head.input(), tail.output(), params, nonTrainable,
        macs, activations, tail.receptiveField(), tail.jump());
  }
}
