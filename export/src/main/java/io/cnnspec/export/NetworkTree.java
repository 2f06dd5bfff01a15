package io.cnnspec.export;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds the tree of {@link Node}s from a network's rows, ops and blocks. Rows carry depth and
 * branch number; a branch written empty (the identity) leaves no row, so its place is found from
 * the gaps in the branch numbers and, for a trailing one of {@code cat}, from the channels the
 * merge adds up to.
 */
final class NetworkTree {

  private static final Pattern GLUED_NUMBER = Pattern.compile("(?:dropout|lrelu)(\\d*(?:\\.\\d+)?)");

  private final List<LayerInfo> rows;
  private final List<LayerOp> ops;
  private final List<Integer> branchCounts;
  private final List<Block>[] blocksAt;

  @SuppressWarnings("unchecked")
  private NetworkTree(NetworkInfo network, List<LayerOp> ops, List<Integer> branchCounts) {
    this.rows = network.layers();
    this.ops = ops;
    this.branchCounts = branchCounts;
    this.blocksAt = new List[rows.size() + 1];
    for (Block block : network.blocks()) {
      if (blocksAt[block.firstRow()] == null) {
        blocksAt[block.firstRow()] = new ArrayList<>();
      }
      blocksAt[block.firstRow()].add(block); // outer before inner, as NetworkInfo gives them
    }
  }

  /**
   * The top-level sequence of {@code network}; {@code ops} holds one op per row, null for merges,
   * and {@code branchCounts} each merge row's branches as written (an empty branch has no rows).
   */
  static List<Node> of(NetworkInfo network, List<LayerOp> ops, List<Integer> branchCounts) {
    if (ops.size() != network.layers().size() || branchCounts.size() != network.layers().size()) {
      throw new IllegalArgumentException("the compilation carries " + ops.size() + " ops and " + branchCounts.size()
          + " branch counts for " + network.layers().size() + " rows; export needs a compilation from CnnSpec.compile");
    }
    NetworkTree tree = new NetworkTree(network, ops, branchCounts);
    return tree.sequence(0, network.layers().size(), 0, 0, "", "");
  }

  /**
   * Rows [from, to) at {@code depth}; {@code skip} blocks at {@code from} were opened already.
   * {@code scope} is the enclosing call's prefix of row names, {@code names} the whole prefix here,
   * which labelled groups and branches inside that call extend ({@code stage.}, {@code g.}).
   */
  private List<Node> sequence(int from, int to, int depth, int skip, String scope, String names) {
    List<Node> nodes = new ArrayList<>();
    int row = from;
    int skipHere = skip;
    while (row < to) {
      Block block = blockAt(row, to, depth, skipHere);
      if (block != null) {
        int opened = indexIn(row, block) + 1;
        nodes.addAll(block(block, opened, scope, names));
        row = block.endRow();
        skipHere = 0;
        continue;
      }
      skipHere = 0;
      LayerInfo info = rows.get(row);
      if (!info.isMerge()) {
        nodes.add(new Node.Layer(info, ops.get(row)));
        row++;
        continue;
      }
      int end = row + 1;
      while (end < to && rows.get(end).depth() > depth) {
        end++;
      }
      nodes.add(merge(row, end, depth, scope, names));
      row = end;
    }
    return nodes;
  }

  /** A call as one node; a repetition of calls as one node; any other repetition in line. */
  private List<Node> block(Block block, int opened, String scope, String names) {
    int depth = block.depth();
    if (block.kind() == Block.Kind.CALL) {
      // a call's rows are named in one scope of their own (blk1, or its label) under the names here;
      // relative to the enclosing call that is g.blk1 inside a labelled group @g
      String own = names.substring(scope.length()) + scopeOf(rows.get(block.firstRow()).name(), names);
      String inner = scope + own + ".";
      return List.of(new Node.Call(block, own, inner,
          sequence(block.firstRow(), block.endRow(), depth, opened, inner, inner)));
    }
    if (block.kind() == Block.Kind.GROUP) {
      // a labelled group only names its rows (text "@stem", "@reduce_1"): its rows stand in line
      String label = block.text().substring(1);
      return sequence(block.firstRow(), block.endRow(), depth, opened, scope, names + label + ".");
    }
    List<Node> body = sequence(block.firstRow(), block.endRow(), depth, opened, scope, names);
    List<Node.Call> turns = new ArrayList<>();
    for (Node node : body) {
      if (node instanceof Node.Call call) {
        turns.add(call);
      }
    }
    if (turns.size() == body.size() && turns.size() > 1) {
      return List.of(new Node.Repeat(block, turns));
    }
    // a repeated layer or group (conv3-64x2, res { ... } x2): its turns stand in line, as expanded
    return body;
  }

  private Node merge(int row, int end, int depth, String scope, String names) {
    LayerInfo info = rows.get(row);
    // a labelled branch (res { ... } @r) is a scope: its rows are r.conv1, ...; an unlabelled one's
    // rows are named in the enclosing scope
    String inner = row + 1 < end && rows.get(row + 1).name().startsWith(info.name() + ".") ? info.name() + "." : names;
    List<List<Node>> branches = new ArrayList<>();
    int start = row + 1;
    while (start < end) {
      int branch = rows.get(start).branch();
      int stop = start + 1;
      while (stop < end && !(rows.get(stop).depth() == depth + 1 && rows.get(stop).branch() != branch)) {
        stop++;
      }
      while (branches.size() < branch - 1) {
        branches.add(List.of()); // an empty branch before this one: the identity
      }
      branches.add(sequence(start, stop, depth + 1, 0, scope, inner));
      start = stop;
    }
    // empty branches after the last one with rows (add { A | }) leave no trace in the rows: the
    // analysis counts the branches as written
    while (branches.size() < branchCounts.get(row)) {
      branches.add(List.of());
    }
    if (branches.isEmpty() || info.kind().equals("res") && branches.size() == 1) {
      branches.add(List.of()); // res { A } is add { A | id }; a merge of empty branches alone
    }
    return new Node.Merge(info, branches);
  }

  /** The shape a non-empty sequence ends in. */
  static Shape outputOf(List<Node> nodes) {
    Node last = nodes.get(nodes.size() - 1);
    if (last instanceof Node.Layer layer) {
      return layer.info().output();
    } else if (last instanceof Node.Merge merge) {
      return merge.info().output();
    } else if (last instanceof Node.Call call) {
      return outputOf(call.body());
    }
    List<Node.Call> turns = ((Node.Repeat) last).turns();
    return outputOf(turns.get(turns.size() - 1).body());
  }

  /**
   * True for a {@code mul} on a map whose gate (its last branch) is a vector of C: it scales each
   * channel over H and W. The map is the input, or the first of two branches: the mul's output.
   */
  static boolean vectorGate(Node.Merge merge) {
    List<Node> gate = merge.branches().get(merge.branches().size() - 1);
    return merge.info().kind().equals("mul") && !merge.info().output().vector() && !gate.isEmpty()
        && outputOf(gate).vector();
  }

  /**
   * The number glued to a dropout or leaky ReLU word in a row's spec ({@code dropout0.2} gives
   * "0.2"), which the op does not keep, or {@code fallback} when none is written.
   */
  static String number(String spec, String fallback) {
    Matcher m = GLUED_NUMBER.matcher(spec.toLowerCase(Locale.ROOT));
    return m.find() && !m.group(1).isEmpty() ? m.group(1) : fallback;
  }

  /** The shape a non-empty sequence starts from. */
  static Shape inputOf(List<Node> nodes) {
    Node first = nodes.get(0);
    if (first instanceof Node.Layer layer) {
      return layer.info().input();
    } else if (first instanceof Node.Merge merge) {
      return merge.info().input();
    } else if (first instanceof Node.Call call) {
      return inputOf(call.body());
    }
    return inputOf(((Node.Repeat) first).turns().get(0).body());
  }

  private Block blockAt(int row, int to, int depth, int skip) {
    List<Block> here = blocksAt[row];
    if (here == null) {
      return null;
    }
    for (int i = skip; i < here.size(); i++) {
      Block block = here.get(i);
      if (block.depth() == depth && block.endRow() <= to) {
        return block;
      }
    }
    return null;
  }

  private int indexIn(int row, Block block) {
    return blocksAt[row].indexOf(block);
  }

  /** The first name component of {@code rowName} under {@code scope}: {@code fire2} of {@code fire2.conv1}. */
  private static String scopeOf(String rowName, String scope) {
    String rest = rowName.startsWith(scope) ? rowName.substring(scope.length()) : rowName;
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
