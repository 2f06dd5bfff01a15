package io.cnnspec.picture;

import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.model.SideOutput;
import java.util.ArrayList;
import java.util.List;

/** Networks built by hand for the drawing tests; figures are only carried, never checked here. */
final class Nets {

  static final Shape IN = Shape.of(8, 8, 3);
  static final Shape MAP = Shape.of(8, 8, 8);

  private Nets() {}

  static LayerInfo row(String name, String kind, String spec, int depth, int branch, Shape in, Shape out,
      long params) {
    return new LayerInfo(name, kind, spec, depth, branch, in, out, params, 0, params * 64, out.size(), 3, 1);
  }

  /**
   * {@code conv3-8 relu res { conv3-8 bn | id } maxpool fc10}: rows 0 to 7, the residual at row 2
   * with branches {conv2, bn2} and {id1}.
   */
  static List<LayerInfo> tinyRows() {
    Shape pooled = Shape.of(4, 4, 8);
    return List.of(
        row("conv1", "conv", "conv3-8", 0, 0, IN, MAP, 224),
        row("relu1", "relu", "relu", 0, 0, MAP, MAP, 0),
        row("res1", "res", "res", 0, 0, MAP, MAP, 0),
        row("conv2", "conv", "conv3-8", 1, 1, MAP, MAP, 584),
        row("bn2", "bn", "bn", 1, 1, MAP, MAP, 16),
        row("id1", "id", "id", 1, 2, MAP, MAP, 0),
        row("pool1", "maxpool", "maxpool", 0, 0, MAP, pooled, 0),
        row("fc1", "fc", "fc10", 0, 0, pooled, Shape.vector(10), 1_290));
  }

  static NetworkInfo network(String name, List<LayerInfo> rows, List<Block> blocks) {
    return network(name, rows, blocks, List.of());
  }

  static NetworkInfo network(String name, List<LayerInfo> rows, List<Block> blocks, List<SideOutput> sideOutputs) {
    long params = 0;
    long macs = 0;
    for (int i = 0; i < rows.size(); i++) {
      params += rows.get(i).params();
      int row = i;
      // as the analysis counts: the network's MACs are the main output's, without the side branches
      if (sideOutputs.stream().noneMatch(side -> side.row() <= row && row < side.endRow())) {
        macs += rows.get(i).macs();
      }
    }
    Shape out = rows.isEmpty() ? IN : rows.get(rows.size() - 1).output();
    return new NetworkInfo(name, IN, out, rows, params, params, 0, macs, 1_000, blocks, sideOutputs);
  }

  static NetworkInfo tiny() {
    return network("Tiny", tinyRows(), List.of());
  }

  /**
   * {@code conv3-8 side { gap fc10 } @aux1 relu gap fc10}: the side row at row 1, its branch rows 2
   * and 3, the main path going on at row 4.
   */
  static NetworkInfo withSideOutput() {
    Shape pooled = Shape.of(1, 1, 8);
    List<LayerInfo> rows = List.of(
        row("conv1", "conv", "conv3-8", 0, 0, IN, MAP, 224),
        row("aux1", "side", "side", 0, 0, MAP, MAP, 0),
        row("aux1.gap1", "gap", "gap", 1, 1, MAP, pooled, 0),
        row("aux1.fc1", "fc", "fc10", 1, 1, pooled, Shape.vector(10), 90),
        row("relu1", "relu", "relu", 0, 0, MAP, MAP, 0),
        row("gap1", "gap", "gap", 0, 0, MAP, pooled, 0),
        row("fc1", "fc", "fc10", 0, 0, pooled, Shape.vector(10), 90));
    return network("Aux", rows, List.of(), List.of(new SideOutput("aux1", Shape.vector(10), 1, 4, 90 * 64)));
  }

  /** {@code count} convolutions in a row, as a flat 1,000-layer spec would give. */
  static NetworkInfo chain(int count) {
    List<LayerInfo> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row("conv" + (i + 1), "conv", "conv3-8", 0, 0, MAP, MAP, 584));
    }
    return network("Chain", rows, List.of());
  }
}
