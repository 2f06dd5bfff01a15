package io.cnnspec.report;

import java.util.Objects;

/**
 * What a report shows and assumes: which layer rows it lists, and for the memory part the element
 * type, the batch size, and whether training state (a gradient per parameter, optimizer states per
 * parameter) is counted.
 *
 * @param dtype the element type of activations and parameters
 * @param batch the batch size activations are multiplied by, at least 1
 * @param gradients whether to count one gradient per trainable parameter
 * @param optimizerStates optimizer values kept per trainable parameter: 0 for plain SGD, 1 for SGD
 *     with momentum, 2 for Adam
 * @param rows the layer rows to list, {@link Rows#ALL} by default; the totals always cover the
 *     whole network
 */
public record ReportOptions(DType dtype, int batch, boolean gradients, int optimizerStates, Rows rows) {

  /** fp32, batch 1, inference only, every row: the figures torchinfo prints by default. */
  public static final ReportOptions DEFAULT = new ReportOptions(DType.FP32, 1, false, 0);

  /** Options that list every row. */
  public ReportOptions(DType dtype, int batch, boolean gradients, int optimizerStates) {
    this(dtype, batch, gradients, optimizerStates, Rows.ALL);
  }

  public ReportOptions {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(rows, "rows");
    if (batch < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, not " + batch);
    }
    if (optimizerStates < 0) {
      throw new IllegalArgumentException("optimizer states per parameter must be 0 or more, not " + optimizerStates);
    }
  }

  public ReportOptions withDtype(DType newDtype) {
    return new ReportOptions(newDtype, batch, gradients, optimizerStates, rows);
  }

  public ReportOptions withBatch(int newBatch) {
    return new ReportOptions(dtype, newBatch, gradients, optimizerStates, rows);
  }

  public ReportOptions withGradients(boolean newGradients) {
    return new ReportOptions(dtype, batch, newGradients, optimizerStates, rows);
  }

  public ReportOptions withOptimizerStates(int newOptimizerStates) {
    return new ReportOptions(dtype, batch, gradients, newOptimizerStates, rows);
  }

  /** The same options listing {@code newRows}, e.g. {@link Rows#toDepth Rows.toDepth(1)} or {@link Rows#NONE}. */
  public ReportOptions withRows(Rows newRows) {
    return new ReportOptions(dtype, batch, gradients, optimizerStates, newRows);
  }

  /** True when anything beyond an inference pass is counted. */
  public boolean countsTraining() {
    return gradients || optimizerStates > 0;
  }
}
