package io.cnnspec.report;

import io.cnnspec.model.NetworkInfo;

/**
 * Memory a network needs, in bytes, following torchinfo's conventions so the figures can be
 * compared with its "Estimated Total Size".
 *
 * <p>One difference: cnnspec's activation count already includes the input, so the input is part
 * of the forward figure and is not added to the total a second time.
 *
 * @param inputBytes the input batch: input values x dtype x batch
 * @param paramsBytes everything stored per parameter: learnable and non-trainable values, plus a
 *     gradient and the optimizer states per trainable parameter when the options ask for them
 *     (parameters are shared by the batch, so not multiplied by it); with an optimizer at fp16 or
 *     bf16, mixed precision: an fp32 master weight and fp32 states per trainable parameter
 * @param forwardBytes the stored activations, input included: activations x dtype x batch
 * @param forwardBackwardBytes twice the forward figure, torchinfo's "Forward/backward pass size"
 * @param totalBytes forward/backward plus parameters
 */
public record MemoryEstimate(
    long inputBytes, long paramsBytes, long forwardBytes, long forwardBackwardBytes, long totalBytes) {

  /**
   * Estimates the memory of {@code network} under {@code options}, in exact {@code long}
   * arithmetic.
   *
   * @throws ArithmeticException if any byte count exceeds {@link Long#MAX_VALUE}; a wrapped-around
   *     figure would be a wrong number, which cnnspec never prints
   */
  public static MemoryEstimate of(NetworkInfo network, ReportOptions options) {
    long dtype = options.dtype().bytes();
    long batch = options.batch();
    long input = Math.multiplyExact(Math.multiplyExact(network.input().size(), dtype), batch);
    long forward = Math.multiplyExact(Math.multiplyExact(network.activations(), dtype), batch);
    long forwardBackward = Math.multiplyExact(forward, 2);

    long params = Math.multiplyExact(network.kerasTotalParams(), dtype);
    // Frozen values (batch norm statistics) get neither gradients nor optimizer states.
    long perTrainable = Math.multiplyExact(network.trainableParams(), dtype);
    if (options.gradients()) {
      params = Math.addExact(params, perTrainable);
    }
    if (mixedPrecision(options)) {
      // Mixed-precision training (Micikevicius et al. 2018; PyTorch AMP; ZeRO, Rajbhandari et al.
      // 2020, Section 3.1: 16 bytes per parameter with Adam) keeps an fp32 master copy of the
      // weights and fp32 optimizer states beside the 16-bit weights and gradients
      long fp32 = Math.multiplyExact(network.trainableParams(), 4L);
      params = Math.addExact(params, Math.multiplyExact(fp32, 1L + options.optimizerStates()));
    } else {
      params = Math.addExact(params, Math.multiplyExact(perTrainable, (long) options.optimizerStates()));
    }

    long total = Math.addExact(forwardBackward, params);
    return new MemoryEstimate(input, params, forward, forwardBackward, total);
  }

  /**
   * Whether the options describe mixed-precision training: a 16-bit dtype (fp16, bf16) with an
   * optimizer, whose master weights and states are then fp32.
   */
  public static boolean mixedPrecision(ReportOptions options) {
    return options.optimizerStates() > 0 && (options.dtype() == DType.FP16 || options.dtype() == DType.BF16);
  }

  /** Bytes as mebibytes (bytes / 1,048,576), what reports print with one decimal. */
  public static double mebibytes(long bytes) {
    return bytes / 1048576.0;
  }
}
