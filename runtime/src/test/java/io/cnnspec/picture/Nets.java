package io.cnnspec.picture;

import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
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
    long params = 0;
    long macs = 0;
    for (LayerInfo row : rows) {
      params += row.params();
      macs += row.macs();
    }
    Shape out = rows.isEmpty() ? IN : rows.get(rows.size() - 1).output();
    return new NetworkInfo(name, IN, out, rows, params, params, 0, macs, 1_000, blocks);
  }

  static NetworkInfo tiny() {
    return network("Tiny", tinyRows(), List.of());
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
