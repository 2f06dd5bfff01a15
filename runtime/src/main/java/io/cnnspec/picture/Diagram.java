package io.cnnspec.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A network laid out for drawing, in pixels, y growing downwards: boxes in execution order, top to
 * bottom, with branches side by side, and the lines between them. Every row of the network belongs
 * to exactly one box. Coordinates are integers, so drawing it twice gives the same bytes.
 *
 * @param width the extent of all boxes and lines, from x = 0
 * @param height the extent from y = 0
 */
public record Diagram(int width, int height, List<Box> boxes, List<Edge> edges) {

  public Diagram {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
  }

  /**
   * For each of the network's {@code rowCount} rows, the index in {@link #boxes()} of the box that
   * holds it.
   *
   * @throws IllegalStateException if a row is in no box or in two, which a layout never makes
   */
  public int[] boxOfRow(int rowCount) {
    int[] boxOf = new int[rowCount];
    Arrays.fill(boxOf, -1);
    for (int k = 0; k < boxes.size(); k++) {
      Box box = boxes.get(k);
      for (int row = box.firstRow(); row < box.endRow(); row++) {
        if (boxOf[row] != -1) {
          throw new IllegalStateException("row " + row + " is in boxes " + boxOf[row] + " and " + k);
        }
        boxOf[row] = k;
      }
    }
    for (int row = 0; row < rowCount; row++) {
      if (boxOf[row] == -1) {
        throw new IllegalStateException("row " + row + " is in no box");
      }
    }
    return boxOf;
  }

  /**
   * The pairs of boxes that share area, as text, found by a sweep down the y axis: empty for every
   * layout {@link DiagramLayout} makes. For tests and for checking a drawing by hand.
   */
  public List<String> overlaps() {
    List<Box> byTop = new ArrayList<>(boxes);
    byTop.sort(Comparator.comparingInt(Box::y));
    List<String> found = new ArrayList<>();
    for (int i = 0; i < byTop.size(); i++) {
      Box a = byTop.get(i);
      for (int j = i + 1; j < byTop.size() && byTop.get(j).y() < a.y() + a.height(); j++) {
        if (a.overlaps(byTop.get(j))) {
          found.add(a + " and " + byTop.get(j));
        }
      }
    }
    return found;
  }

  /**
   * One box: a layer, a merge, a folded block or a merge folded with its branches.
   *
   * @param firstRow the first row of the network it stands for
   * @param endRow one past its last row
   * @param lines the text, one or two lines: the layer as written, then its output shape and params
   * @param params the learnable parameters of all its rows
   * @param macs the multiply-accumulates of all its rows
   */
  public record Box(int x, int y, int width, int height, KindColor color, List<String> lines, int firstRow,
      int endRow, long params, long macs) {

    public Box {
      lines = List.copyOf(lines);
    }

    /** Whether this box and {@code other} share any area (touching edges do not count). */
    public boolean overlaps(Box other) {
      return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
    }
  }

  /**
   * A line through {@code points} (x, y pairs), with an arrow head at its end when it enters a box.
   */
  public record Edge(int[] points, boolean arrow) {

    public Edge {
      if (points.length < 4 || points.length % 2 != 0) {
        throw new IllegalArgumentException("an edge needs two or more points");
      }
      points = points.clone();
    }

    @Override
    public int[] points() {
      return points.clone();
    }
  }
}
