package io.cnnspec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The accessors a generated Layer enum inherits, on an enum written the way the processor writes one. */
class LayerConstantTest {

  enum Layer implements LayerConstant {
    CONV1("conv1", "conv", "conv3-8/2 p1", 1, 2, "8x8x3", "4x4x8", 224L, 0L, 3_456L, 128L, 3L, 2.0),
    BN1("bn1", "bn", "bn", 1, 2, "4x4x8", "4x4x8", 16L, 16L, 0L, 128L, 3L, 2.0);

    private final LayerInfo info;

    Layer(String layerName, String kind, String spec, int depth, int branch, String input,
        String output, long params, long nonTrainableParams, long macs, long activations,
        long receptiveField, double jump) {
      this.info = new LayerInfo(layerName, kind, spec, depth, branch, Shape.parse(input), Shape.parse(output),
          params, nonTrainableParams, macs, activations, receptiveField, jump);
    }

    @Override
    public LayerInfo info() {
      return info;
    }
  }

  @Test
  void everyAccessorReadsTheInfo() {
    LayerConstant conv = Layer.CONV1;
    assertEquals("conv1", conv.layerName());
    assertEquals("conv", conv.kind());
    assertEquals("conv3-8/2 p1", conv.spec());
    assertEquals(1, conv.depth());
    assertEquals(2, conv.branch());
    assertEquals(Shape.of(8, 8, 3), conv.input());
    assertEquals(Shape.of(4, 4, 8), conv.output());
    assertEquals(224L, conv.params());
    assertEquals(0L, conv.nonTrainableParams());
    assertEquals(3_456L, conv.macs());
    assertEquals(128L, conv.activations());
    assertEquals(3L, conv.receptiveField());
    assertEquals(2.0, conv.jump());
    assertEquals(16L, Layer.BN1.nonTrainableParams());
  }

  @Test
  void layerNameIsTheSpecsNameAndNameTheJavaOne() {
    assertEquals("BN1", Layer.BN1.name());
    assertEquals("bn1", Layer.BN1.layerName());
  }

  @Test
  void infosListsTheRowsInOrder() {
    assertEquals(List.of(Layer.CONV1.info(), Layer.BN1.info()), LayerConstant.infos(Layer.values()));
    assertEquals(List.of(), LayerConstant.infos());
  }
}
