package io.cnnspec.report;

import java.util.Objects;

/**
 * What the memory part of a report assumes: the element type, the batch size, and whether training
 * state (a gradient per parameter, optimizer states per parameter) is counted.
 *
 * @param dtype the element type of activations and parameters
 * @param batch the batch size activations are multiplied by, at least 1
 * @param gradients whether to count one gradient per trainable parameter
 * @param optimizerStates optimizer values kept per trainable parameter: 0 for plain SGD, 1 for SGD
 *     with momentum, 2 for Adam
 */
public record ReportOptions(DType dtype, int batch, boolean gradients, int optimizerStates) {

  /** fp32, batch 1, inference only: the figures torchinfo prints by default. */
  public static final ReportOptions DEFAULT = new ReportOptions(DType.FP32, 1, false, 0);

  public ReportOptions {
    Objects.requireNonNull(dtype, "dtype");
    if (batch < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, not " + batch);
    }
    if (optimizerStates < 0) {
      throw new IllegalArgumentException("optimizer states per parameter must be 0 or more, not " + optimizerStates);
    }
  }

  public ReportOptions withDtype(DType newDtype) {
    return new ReportOptions(newDtype, batch, gradients, optimizerStates);
  }

  public ReportOptions withBatch(int newBatch) {
    return new ReportOptions(dtype, newBatch, gradients, optimizerStates);
  }

  public ReportOptions withGradients(boolean newGradients) {
    return new ReportOptions(dtype, batch, newGradients, optimizerStates);
  }

  public ReportOptions withOptimizerStates(int newOptimizerStates) {
    return new ReportOptions(dtype, batch, gradients, newOptimizerStates);
  }

  /** True when anything beyond an inference pass is counted. */
  public boolean countsTraining() {
    return gradients || optimizerStates > 0;
  }
}
