package io.cnnspec.picture;

import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.model.SideOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a network out as a series-parallel drawing, without a general graph layout engine: the rows
 * are already a tree (a merge row precedes its branches, one level deeper), so a sequence stacks its
 * items in one column and a merge puts its branches side by side above the merge's own box. Sizes
 * are measured bottom up, then positions handed top down; every box keeps to its own column and
 * band, so no two boxes overlap. A side output ({@code side { ... }}) is no merge: its branch stands
 * to the right of the main line, which passes straight on, and ends in an output box named for the
 * side output, with no line back. Linear in the rows.
 */
public final class DiagramLayout {

  // A monospace font at 12 px advances 7.2 px a character (DejaVu Sans Mono, Menlo, Consolas: 0.6 em).
  static final int FONT_SIZE = 12;
  private static final int PAD_X = 10;
  private static final int MIN_WIDTH = 64;
  private static final int TWO_LINES = 40;
  private static final int ONE_LINE = 22;
  /** Between two items of a column: room for an arrow. */
  private static final int V_GAP = 18;
  /** Between two branches side by side. */
  private static final int H_GAP = 24;
  /** Above the branches: the line that splits to them. */
  private static final int SPLIT = 14;
  /** Below the branches: the line that joins them, then an arrow into the merge. */
  private static final int JOIN = 22;
  /** The width of a shortcut drawn as a bare line ({@code res} or {@code mul} with one branch). */
  private static final int LANE = 16;

  private final List<LayerInfo> rows;
  private final long totalParams;
  private final Folding folding;
  private final Block[] blockAt;
  private final SideOutput[] sideAt;
  private final List<Diagram.Box> boxes = new ArrayList<>();
  private final List<Diagram.Edge> edges = new ArrayList<>();
  private int leaves;

  private DiagramLayout(NetworkInfo network, Folding folding) {
    this.rows = network.layers();
    this.totalParams = network.params();
    this.folding = folding;
    this.blockAt = new Block[rows.size()];
    this.sideAt = new SideOutput[rows.size()];
    for (SideOutput side : network.sideOutputs()) {
      sideAt[side.row()] = side;
    }
    if (folding.blocks()) {
      // outer before inner: the first block listed at a row is the outermost one starting there
      for (Block block : network.blocks()) {
        if (blockAt[block.firstRow()] == null) {
          blockAt[block.firstRow()] = block;
        }
      }
    }
  }

  /**
   * The most boxes a diagram holds. A picture taller than about five million pixels shows nothing
   * anyone can read, and refusing early keeps the memory of a written-out million-layer spec's
   * drawing bounded; such a spec still draws folded when it was written as a repetition.
   */
  public static final int MAX_BOXES = 100_000;

  /**
   * Lays out {@code network}, folded as {@code folding} says.
   *
   * @throws IllegalArgumentException if the drawing would hold more than {@link #MAX_BOXES} boxes;
   *     the message says so and how to fold it
   */
  public static Diagram layout(NetworkInfo network, Folding folding) {
    DiagramLayout layout = new DiagramLayout(network, folding);
    Column top = layout.column(0, network.layers().size(), 0);
    top.place(layout, 0, 0, top.width);
    return new Diagram(top.width, top.height, layout.boxes, layout.edges);
  }

  // ---------------------------------------------------------------- the tree

  /** Rows [from, to), all at depth {@code depth} or deeper, as a column of items. */
  private Column column(int from, int to, int depth) {
    List<Item> items = new ArrayList<>();
    int i = from;
    while (i < to) {
      LayerInfo row = rows.get(i);
      Block block = blockAt[i];
      if (block != null && block.depth() == row.depth() && block.endRow() <= to && row.depth() == depth) {
        items.add(folded(block));
        i = block.endRow();
        continue;
      }
      int end = LayerInfo.subtreeEnd(rows, i, to);
      if (sideAt[i] != null) {
        items.add(side(i, end));
      } else if (end == i + 1) {
        items.add(leaf(i));
      } else if (row.depth() + 1 > folding.maxDepth()) {
        items.add(collapsed(i, end));
      } else {
        items.add(merge(i, end));
      }
      i = end;
    }
    return new Column(items);
  }

  private Leaf leaf(int i) {
    LayerInfo row = rows.get(i);
    boolean plain = row.params() == 0 && row.output().equals(row.input()) && !row.isMerge();
    List<String> lines = plain ? List.of(row.spec()) : List.of(row.spec(), figures(row.output(), row.params()));
    return counted(new Leaf(i, i + 1, lines, KindColor.of(row.kind()), row.params(), row.macs()));
  }

  private Leaf folded(Block block) {
    return span(block.firstRow(), block.endRow(), block.text(), KindColor.BLOCK);
  }

  /** A merge drawn as one box with its branches, e.g. {@code cat {4}}. */
  private Leaf collapsed(int merge, int end) {
    LayerInfo row = rows.get(merge);
    return span(merge, end, row.spec() + " {" + branchStarts(merge, end).size() + "}", KindColor.of(row.kind()));
  }

  private Leaf span(int first, int end, String text, KindColor color) {
    long params = 0;
    long macs = 0;
    // the span's output: that of its last row at its own level (a merge's row holds the merged shape)
    int depth = rows.get(first).depth();
    Shape output = rows.get(first).output();
    for (int i = first; i < end; i++) {
      LayerInfo row = rows.get(i);
      params += row.params();
      macs += row.macs();
      if (row.depth() == depth) {
        output = row.output();
      }
    }
    return counted(new Leaf(first, end, List.of(text, figures(output, params)), color, params, macs));
  }

  private Item merge(int merge, int end) {
    LayerInfo row = rows.get(merge);
    List<Integer> starts = branchStarts(merge, end);
    List<Column> branches = new ArrayList<>();
    for (int b = 0; b < starts.size(); b++) {
      int branchEnd = b + 1 < starts.size() ? starts.get(b + 1) : end;
      branches.add(column(starts.get(b), branchEnd, row.depth() + 1));
    }
    // res { A } and mul { A }: the other operand is the input itself, a line beside the branch
    boolean shortcut = branches.size() == 1 && (row.kind().equals("res") || row.kind().equals("mul"));
    String sign = switch (row.kind()) {
      case "res", "add" -> "+";
      case "mul" -> "×";
      default -> "";
    };
    String label = sign.isEmpty() ? row.spec() : row.spec() + " " + sign;
    Leaf box = counted(new Leaf(merge, merge + 1, List.of(label, figures(row.output(), row.params())),
        KindColor.MERGE, row.params(), row.macs()));
    return new Merge(branches, shortcut, box);
  }

  /**
   * A side output: its branch beside the main line, then its output box, which holds the side row
   * and reads like {@code aux1 output 1000}. Below the depth drawn, the box holds the branch too.
   */
  private Item side(int row, int end) {
    SideOutput side = sideAt[row];
    String label = side.name() + " output " + side.shape();
    if (end == row + 1 || rows.get(row).depth() + 1 > folding.maxDepth()) {
      long params = 0;
      long macs = 0;
      for (int i = row; i < end; i++) {
        params += rows.get(i).params();
        macs += rows.get(i).macs();
      }
      List<String> lines = params == 0 ? List.of(label) : List.of(label, paramsFigure(params));
      return new Side(null, counted(new Leaf(row, end, lines, KindColor.SIDE_OUTPUT, params, macs)));
    }
    Column branch = column(row + 1, end, rows.get(row).depth() + 1);
    LayerInfo sideRow = rows.get(row);
    return new Side(branch,
        counted(new Leaf(row, row + 1, List.of(label), KindColor.SIDE_OUTPUT, sideRow.params(), sideRow.macs())));
  }

  private Leaf counted(Leaf leaf) {
    if (++leaves > MAX_BOXES) {
      throw new IllegalArgumentException("the diagram would hold more than " + MAX_BOXES + " boxes ("
          + rows.size() + " layers), too many to read; fold its blocks, or draw fewer branch levels");
    }
    return leaf;
  }

  /** Where each branch of the merge at row {@code merge} starts: its rows one level deeper, by branch number. */
  private List<Integer> branchStarts(int merge, int end) {
    int depth = rows.get(merge).depth() + 1;
    List<Integer> starts = new ArrayList<>();
    int branch = Integer.MIN_VALUE;
    for (int i = merge + 1; i < end; i++) {
      LayerInfo row = rows.get(i);
      if (row.depth() == depth && row.branch() != branch) {
        starts.add(i);
        branch = row.branch();
      }
    }
    return starts;
  }

  /** The second line: the output shape, the params, and their share of all params from 1% up. */
  private String figures(Shape output, long params) {
    return params == 0 ? output.toString() : output + " · " + paramsFigure(params);
  }

  /** The params, and their share of all params from 1% up. */
  private String paramsFigure(long params) {
    String text = Counts.compact(params, 3) + " params";
    return params * 100.0 >= totalParams ? text + " · " + Counts.percent(params, totalParams) : text;
  }

  /** The width of {@code text} in the diagram's font, in pixels, rounded up. */
  static int textWidth(String text) {
    return (text.codePointCount(0, text.length()) * 36 + 4) / 5;
  }

  private static int even(int value) {
    return value + (value & 1);
  }

  // ---------------------------------------------------------------- measure and place

  /** Part of the tree; its size is known once built, its place once {@link #place}d. */
  private abstract static class Item {
    int width;
    int height;

    /** Puts the item at (x, y), centred in a column {@code columnWidth} wide. */
    abstract void place(DiagramLayout out, int x, int y, int columnWidth);
  }

  private static final class Leaf extends Item {
    final int firstRow;
    final int endRow;
    final List<String> lines;
    final KindColor color;
    final long params;
    final long macs;

    Leaf(int firstRow, int endRow, List<String> lines, KindColor color, long params, long macs) {
      this.firstRow = firstRow;
      this.endRow = endRow;
      this.lines = lines;
      this.color = color;
      this.params = params;
      this.macs = macs;
      int text = 0;
      for (String line : lines) {
        text = Math.max(text, textWidth(line));
      }
      // even widths, so that every centre is a whole pixel
      width = even(Math.max(MIN_WIDTH, text + 2 * PAD_X));
      height = lines.size() == 1 ? ONE_LINE : TWO_LINES;
    }

    @Override
    void place(DiagramLayout out, int x, int y, int columnWidth) {
      int left = x + (columnWidth - width) / 2;
      out.boxes.add(new Diagram.Box(left, y, width, height, color, lines, firstRow, endRow, params, macs));
    }
  }

  /** Items one below the other, centred on one vertical line, joined by arrows. */
  private static final class Column extends Item {
    final List<Item> items;

    Column(List<Item> items) {
      this.items = items;
      for (Item item : items) {
        width = Math.max(width, item.width);
        height += item.height;
      }
      height += V_GAP * Math.max(0, items.size() - 1);
    }

    @Override
    void place(DiagramLayout out, int x, int y, int columnWidth) {
      int left = x + (columnWidth - width) / 2;
      int centre = left + width / 2;
      int top = y;
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        if (i > 0) {
          out.edges.add(new Diagram.Edge(new int[] {centre, top - V_GAP, centre, top}, item instanceof Leaf));
        }
        item.place(out, left, top, width);
        top += item.height + V_GAP;
      }
    }
  }

  /**
   * A merge: a line splitting to the branches side by side (and to a bare shortcut line on the
   * right, for a residual or gate with one branch), their ends joined, an arrow into the merge's box.
   */
  private static final class Merge extends Item {
    final List<Column> branches;
    final boolean shortcut;
    final Leaf box;
    final int branchesWidth;
    final int branchesHeight;

    Merge(List<Column> branches, boolean shortcut, Leaf box) {
      this.branches = branches;
      this.shortcut = shortcut;
      this.box = box;
      int w = 0;
      int h = 0;
      for (Column branch : branches) {
        w += branch.width;
        h = Math.max(h, branch.height);
      }
      w += H_GAP * (branches.size() - 1);
      if (shortcut) {
        // the shortcut on the right and an equal margin on the left keep the branch on the centre line
        w += 2 * (H_GAP + LANE);
      }
      branchesWidth = w;
      branchesHeight = h;
      width = Math.max(w, box.width);
      height = SPLIT + h + JOIN + box.height;
    }

    @Override
    void place(DiagramLayout out, int x, int y, int columnWidth) {
      int left = x + (columnWidth - width) / 2;
      int centre = left + width / 2;
      int branchTop = y + SPLIT;
      int joinY = branchTop + branchesHeight + JOIN / 2;
      int boxTop = branchTop + branchesHeight + JOIN;
      int bx = centre - branchesWidth / 2 + (shortcut ? H_GAP + LANE : 0);
      for (Column branch : branches) {
        int branchCentre = bx + branch.width / 2;
        boolean arrow = !branch.items.isEmpty() && branch.items.get(0) instanceof Leaf;
        out.edges.add(new Diagram.Edge(new int[] {centre, y, branchCentre, y, branchCentre, branchTop}, arrow));
        branch.place(out, bx, branchTop, branch.width);
        out.edges.add(new Diagram.Edge(
            new int[] {branchCentre, branchTop + branch.height, branchCentre, joinY, centre, joinY}, false));
        bx += branch.width + H_GAP;
      }
      if (shortcut) {
        int lane = bx + LANE / 2;
        out.edges.add(new Diagram.Edge(new int[] {centre, y, lane, y, lane, joinY, centre, joinY}, false));
      }
      out.edges.add(new Diagram.Edge(new int[] {centre, joinY, centre, boxTop}, true));
      box.place(out, left, boxTop, width);
    }
  }

  /**
   * A side output: the main line straight through, and a lane to its right (an equal margin on the
   * left keeps the main line on the column's centre) with the branch and, below it, the output box.
   */
  private static final class Side extends Item {
    final Column branch;
    final Leaf box;
    final int laneWidth;

    /** {@code branch} null: the box alone stands for the side output, branch and all. */
    Side(Column branch, Leaf box) {
      this.branch = branch;
      this.box = box;
      laneWidth = Math.max(branch == null ? 0 : branch.width, box.width);
      width = 2 * (H_GAP + laneWidth);
      height = SPLIT + (branch == null ? 0 : branch.height + V_GAP) + box.height;
    }

    @Override
    void place(DiagramLayout out, int x, int y, int columnWidth) {
      int centre = x + (columnWidth - width) / 2 + width / 2;
      int laneLeft = centre + H_GAP;
      int laneCentre = laneLeft + laneWidth / 2;
      // the main path passes on unchanged: one line through, no join
      out.edges.add(new Diagram.Edge(new int[] {centre, y, centre, y + height}, false));
      int top = y + SPLIT;
      boolean arrow = branch == null || (!branch.items.isEmpty() && branch.items.get(0) instanceof Leaf);
      out.edges.add(new Diagram.Edge(new int[] {centre, y, laneCentre, y, laneCentre, top}, arrow));
      if (branch != null) {
        branch.place(out, laneLeft, top, laneWidth);
        int bottom = top + branch.height;
        out.edges.add(new Diagram.Edge(new int[] {laneCentre, bottom, laneCentre, bottom + V_GAP}, true));
        top = bottom + V_GAP;
      }
      box.place(out, laneLeft, top, laneWidth);
    }
  }
}
