package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.model.Shape;
import org.junit.jupiter.api.Test;

/** Output sizes against torch.nn's documented formulas and torchvision's published models. */
class SizesTest {

  @Test
  void convolutionAndPoolingFollowPyTorch() {
    // AlexNet conv1 (torchvision): 224, k11, s4, p2 -> 55
    assertEquals(55, Sizes.windowOutput(224, 11, 4, 1, new Padding.Explicit(2), false));
    // ResNet stem: conv 7/2 p3 224 -> 112, maxpool 3/2 p1 112 -> 56
    assertEquals(112, Sizes.windowOutput(224, 7, 2, 1, new Padding.Explicit(3), false));
    assertEquals(56, Sizes.windowOutput(112, 3, 2, 1, new Padding.Explicit(1), false));
    // GoogLeNet's ceil_mode pools: 112 -> 56 and 56 -> 28 (floor would give 55 and 27)
    assertEquals(56, Sizes.windowOutput(112, 3, 2, 1, Padding.VALID, true));
    assertEquals(28, Sizes.windowOutput(56, 3, 2, 1, Padding.VALID, true));
    assertEquals(27, Sizes.windowOutput(56, 3, 2, 1, Padding.VALID, false));
    // dilation 2 on a 3x3 spans 5: 32 -> 28 without padding
    assertEquals(28, Sizes.windowOutput(32, 3, 1, 2, Padding.VALID, false));
    // TensorFlow's "same": ceil(n / s)
    assertEquals(38, Sizes.windowOutput(75, 3, 2, 1, Padding.SAME, false));
    assertEquals(0, Sizes.windowOutput(2, 3, 1, 1, Padding.VALID, false), "the window does not fit");
  }

  @Test
  void ceilModeKeepsAWindowThatOverhangsASmallInput() {
    // PyTorch 1.13 MaxPool2d/AvgPool2d(ceil_mode=True) on zero input (docs: ground truth of issue 12)
    assertEquals(1, Sizes.windowOutput(2, 3, 2, 1, Padding.VALID, true), "2x2, maxpool3/2 ceil -> 1x1");
    assertEquals(1, Sizes.windowOutput(1, 2, 2, 1, Padding.VALID, true), "1x1, maxpool2/2 ceil -> 1x1");
    assertEquals(1, Sizes.windowOutput(3, 4, 3, 1, Padding.VALID, true), "3x3, maxpool4/3 ceil -> 1x1");
    // without ceil the same windows do not fit
    assertEquals(0, Sizes.windowOutput(2, 3, 2, 1, Padding.VALID, false));
    assertEquals(0, Sizes.windowOutput(1, 2, 2, 1, Padding.VALID, false));
    // and with ceil a window that starts past the input does not count: 1, k3, s2 gives nothing
    assertEquals(0, Sizes.windowOutput(1, 4, 2, 1, Padding.VALID, true));
  }

  @Test
  void transposedConvolution() {
    // ConvTranspose2d(k4, s2, p1): (7 - 1) * 2 - 2 + 3 + 1 = 14, the DCGAN doubling
    assertEquals(14, Sizes.transposedOutput(7, 4, 2, 1, new Padding.Explicit(1)));
    assertEquals(14, Sizes.transposedOutput(7, 3, 2, 1, Padding.SAME));
  }

  @Test
  void sizesThatCannotBeCountedAreErrors() throws SpecException {
    assertEquals(Shape.of(3, 4, 5), Sizes.spatial(3, 4, 5, "x"));
    assertEquals("size-reaches-zero", assertThrows(SpecException.class, () -> Sizes.spatial(0, 4, 5, "x")).code().id());
    assertEquals("size-too-large",
        assertThrows(SpecException.class, () -> Sizes.spatial(3, 4, 3_000_000_000L, "x")).code().id());
    assertTrue(Sizes.countable(100_000, 100_000, 100_000));
    assertFalse(Sizes.countable(3_000_000, 3_000_000, 3_000_000));
    assertEquals(3, Sizes.ceilDiv(5, 2));
  }
}
