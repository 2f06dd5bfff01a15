package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

  private static final NetworkInfo VGG16 = TestNetworks.vgg16Totals();

  @Test
  void vgg16ForwardInFp32IsFiftyEightMebibytes() {
    MemoryEstimate memory = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT);
    assertEquals(60_950_432L, memory.forwardBytes()); // 15,237,608 x 4
    assertEquals("58.1", Figures.mebibytes(memory.forwardBytes()));
    assertEquals(121_900_864L, memory.forwardBackwardBytes());
    assertEquals(602_112L, memory.inputBytes()); // 224 x 224 x 3 x 4
    assertEquals(553_430_176L, memory.paramsBytes()); // 138,357,544 x 4
    assertEquals(121_900_864L + 553_430_176L, memory.totalBytes());
  }

  @Test
  void batchMultipliesActivationsButNotParameters() {
    MemoryEstimate memory = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withBatch(8));
    assertEquals(487_603_456L, memory.forwardBytes());
    assertEquals(975_206_912L, memory.forwardBackwardBytes());
    assertEquals(4_816_896L, memory.inputBytes());
    assertEquals(553_430_176L, memory.paramsBytes());
    assertEquals(975_206_912L + 553_430_176L, memory.totalBytes());
  }

  @Test
  void halfPrecisionHalvesEveryFigure() {
    MemoryEstimate fp16 = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withDtype(DType.FP16).withBatch(8));
    assertEquals(243_801_728L, fp16.forwardBytes());
    assertEquals(276_715_088L, fp16.paramsBytes());
    assertEquals(2_408_448L, fp16.inputBytes());
    assertEquals(2 * 243_801_728L + 276_715_088L, fp16.totalBytes());
  }

  @Test
  void int8CountsOneBytePerValue() {
    MemoryEstimate int8 = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withDtype(DType.INT8));
    assertEquals(15_237_608L, int8.forwardBytes());
    assertEquals(138_357_544L, int8.paramsBytes());
  }

  @Test
  void nonTrainableStateIsStoredButGetsNoGradientOrOptimizerState() {
    // ResNet-50-like: 25,557,032 learnable, 53,120 batch norm statistics
    NetworkInfo resnet = TestNetworks.totals(Shape.of(224, 224, 3), 25_557_032, 53_120, 1_000);
    assertEquals((25_557_032L + 53_120L) * 4, MemoryEstimate.of(resnet, ReportOptions.DEFAULT).paramsBytes());
    MemoryEstimate adam = MemoryEstimate.of(resnet, ReportOptions.DEFAULT.withGradients(true).withOptimizerStates(2));
    assertEquals((25_557_032L + 53_120L) * 4 + 3 * 25_557_032L * 4, adam.paramsBytes());
  }

  @Test
  void gradientsAndAdamStatesAddToParameterBytesOnly() {
    long weights = 553_430_176L;
    MemoryEstimate gradients = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withGradients(true));
    assertEquals(2 * weights, gradients.paramsBytes());
    assertEquals(60_950_432L, gradients.forwardBytes());

    MemoryEstimate adam = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withGradients(true).withOptimizerStates(2));
    assertEquals(4 * weights, adam.paramsBytes());
    assertEquals(121_900_864L + 4 * weights, adam.totalBytes());

    MemoryEstimate statesOnly = MemoryEstimate.of(VGG16, ReportOptions.DEFAULT.withOptimizerStates(1));
    assertEquals(2 * weights, statesOnly.paramsBytes());
  }

  @Test
  void activationOverflowThrowsInsteadOfWrapping() {
    NetworkInfo huge = TestNetworks.totals(Shape.vector(10), 0, 0, Long.MAX_VALUE / 4 + 1);
    assertThrows(ArithmeticException.class, () -> MemoryEstimate.of(huge, ReportOptions.DEFAULT));
    // fits in int8, yet doubling for the backward pass does not
    NetworkInfo half = TestNetworks.totals(Shape.vector(10), 0, 0, Long.MAX_VALUE / 2 + 1);
    assertThrows(ArithmeticException.class, () -> MemoryEstimate.of(half, ReportOptions.DEFAULT.withDtype(DType.INT8)));
  }

  @Test
  void batchOverflowThrows() {
    NetworkInfo big = TestNetworks.totals(Shape.vector(10), 0, 0, 1L << 40);
    assertThrows(ArithmeticException.class,
        () -> MemoryEstimate.of(big, ReportOptions.DEFAULT.withBatch(Integer.MAX_VALUE)));
  }

  @Test
  void parameterOverflowThrows() {
    NetworkInfo many = TestNetworks.totals(Shape.vector(10), Long.MAX_VALUE / 8, 0, 10);
    // 1/8 of the range x 4 bytes fits; adding a gradient and two Adam states does not
    MemoryEstimate.of(many, ReportOptions.DEFAULT);
    assertThrows(ArithmeticException.class,
        () -> MemoryEstimate.of(many, ReportOptions.DEFAULT.withGradients(true).withOptimizerStates(2)));
  }
}
