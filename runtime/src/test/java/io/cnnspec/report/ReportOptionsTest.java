package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportOptionsTest {

  @Test
  void defaultIsInferenceInFp32AtBatchOne() {
    assertEquals(new ReportOptions(DType.FP32, 1, false, 0), ReportOptions.DEFAULT);
    assertFalse(ReportOptions.DEFAULT.countsTraining());
  }

  @Test
  void withersChangeOneComponent() {
    ReportOptions adam = ReportOptions.DEFAULT.withDtype(DType.BF16).withBatch(32).withGradients(true)
        .withOptimizerStates(2);
    assertEquals(new ReportOptions(DType.BF16, 32, true, 2), adam);
    assertTrue(adam.countsTraining());
    assertEquals(ReportOptions.DEFAULT, adam.withDtype(DType.FP32).withBatch(1).withGradients(false)
        .withOptimizerStates(0));
  }

  @Test
  void rejectsBatchBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportOptions.DEFAULT.withBatch(0));
    assertTrue(e.getMessage().contains("batch"), e.getMessage());
  }

  @Test
  void rejectsNegativeOptimizerStates() {
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.DEFAULT.withOptimizerStates(-1));
  }

  @Test
  void rejectsNullDtype() {
    assertThrows(NullPointerException.class, () -> ReportOptions.DEFAULT.withDtype(null));
  }
}
