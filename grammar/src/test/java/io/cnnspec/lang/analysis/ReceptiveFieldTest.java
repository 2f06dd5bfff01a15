package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Receptive fields against the VGG paper (two 3x3 convs see 5x5, three see 7x7) and Araujo et al. 2019. */
class ReceptiveFieldTest {

  private static final Window CONV3 = Window.of(3, 3, 1, 1);
  private static final Window POOL2 = Window.of(2, 2, 2, 1);

  @Test
  void stackedConvolutionsGrowByTheirKernels() {
    ReceptiveField two = ReceptiveField.INPUT.through(CONV3).through(CONV3);
    assertEquals(5, two.size());
    assertEquals(7, two.through(CONV3).size());
  }

  @Test
  void poolingMultipliesTheJump() {
    // VGG16 up to pool1: conv3 conv3 pool2 sees 6 pixels, outputs 2 apart
    ReceptiveField pool1 = ReceptiveField.INPUT.through(CONV3).through(CONV3).through(POOL2);
    assertEquals(6, pool1.size());
    assertEquals(2.0, pool1.jump());
    // then a 3x3 conv adds 2 x jump: 10
    assertEquals(10, pool1.through(CONV3).size());
  }

  @Test
  void vgg16ConvFiveThreeSees196Pixels() {
    // Araujo, Norris and Sim, "Computing Receptive Fields of Convolutional Neural Networks" (Distill 2019): VGG16 conv5_3 = 196
    ReceptiveField rf = ReceptiveField.INPUT;
    int[] convs = {2, 2, 3, 3, 3};
    for (int stage = 0; stage < convs.length; stage++) {
      for (int i = 0; i < convs[stage]; i++) {
        rf = rf.through(CONV3);
      }
      if (stage < convs.length - 1) {
        rf = rf.through(POOL2);
      }
    }
    assertEquals(196, rf.size());
    assertEquals(16.0, rf.jump());
  }

  @Test
  void mergesTakeTheLargerAndHugeFieldsAreNotExact() {
    ReceptiveField small = ReceptiveField.INPUT.through(CONV3);
    ReceptiveField large = small.through(CONV3);
    assertEquals(large.size(), small.max(large).size());
    assertEquals(ReceptiveField.INPUT, ReceptiveField.INPUT.through(null));
    ReceptiveField far = ReceptiveField.INPUT;
    for (int i = 0; i < 4; i++) {
      far = far.through(Window.of(3, 3, 1_000_000_000L, 1));
    }
    assertTrue(ReceptiveField.INPUT.exact());
    assertFalse(far.through(CONV3).exact());
  }
}
