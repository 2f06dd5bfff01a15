package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;

/** Networks built by hand, with figures worked out on paper, so the reports are tested alone. */
final class TestNetworks {

  private TestNetworks() {}

  static LayerInfo layer(String name, String kind, String spec, int depth, int branch, Shape in, Shape out,
      long params, long nonTrainable, long macs, long activations, long rf, double jump) {
    return new LayerInfo(name, kind, spec, depth, branch, in, out, params, nonTrainable, macs, activations, rf, jump);
  }

  /**
   * {@code network Tiny : 8x8x3 -> 10  conv3-8 relu res { conv3-8 bn | id } maxpool fc10}.
   * conv1: 3*3*3*8 + 8 = 224 params, 216*8*64 = 13,824 MACs; conv2: 3*3*8*8 + 8 = 584 params,
   * 576*64 = 36,864 MACs; bn2: 16 + 16 statistics; fc1: 128*10 + 10 = 1,290 params, 1,280 MACs.
   * Activations: input 192 + conv1 512 + res1 512 + conv2 512 + bn2 512 + pool1 128 + fc1 10 = 2,378.
   */
  static NetworkInfo tiny() {
    Shape in = Shape.of(8, 8, 3);
    Shape map = Shape.of(8, 8, 8);
    Shape pooled = Shape.of(4, 4, 8);
    List<LayerInfo> layers = List.of(
        layer("conv1", "conv", "conv3-8", 0, 0, in, map, 224, 0, 13_824, 512, 3, 1),
        layer("relu1", "relu", "relu", 0, 0, map, map, 0, 0, 0, 0, 3, 1),
        layer("res1", "res", "res", 0, 0, map, map, 0, 0, 0, 512, 5, 1),
        layer("conv2", "conv", "conv3-8", 1, 1, map, map, 584, 0, 36_864, 512, 5, 1),
        layer("bn2", "bn", "bn", 1, 1, map, map, 16, 16, 0, 512, 5, 1),
        layer("id1", "id", "id", 1, 2, map, map, 0, 0, 0, 0, 3, 1),
        layer("pool1", "maxpool", "maxpool", 0, 0, map, pooled, 0, 0, 0, 128, 6, 2),
        layer("fc1", "fc", "fc10", 0, 0, pooled, Shape.vector(10), 1_290, 0, 1_280, 10, 12, 2));
    return new NetworkInfo("Tiny", in, Shape.vector(10), layers, 2_114, 2_114, 16, 51_968, 2_378);
  }

  /** VGG-16's totals on a single stand-in layer: the reports only carry totals, they never add rows. */
  static NetworkInfo vgg16Totals() {
    Shape in = Shape.of(224, 224, 3);
    List<LayerInfo> layers = List.of(
        layer("fc1", "fc", "fc4096", 0, 0, Shape.of(7, 7, 512), Shape.vector(4096),
            102_764_544, 0, 102_760_448, 4096, 212, 32));
    return new NetworkInfo("Vgg16", in, Shape.vector(1000), layers,
        138_357_544, 138_357_544, 0, 15_470_264_320L, 15_237_608);
  }

  /** Totals only, for memory arithmetic. */
  static NetworkInfo totals(Shape input, long params, long nonTrainable, long activations) {
    return new NetworkInfo("T", input, Shape.vector(1), List.of(), params, params, nonTrainable, 0, activations);
  }
}
