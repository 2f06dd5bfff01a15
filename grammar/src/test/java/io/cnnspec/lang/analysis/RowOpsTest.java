package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RowOpsTest {

  @Test
  void rowsKeepTheirOpAcrossChunksAndMergeRowsHaveNone() {
    RowOps ops = new RowOps();
    LayerOp relu = new LayerOp.Elementwise("relu", false);
    LayerOp fc = new LayerOp.Dense(10, true);
    int rows = 3 * 4096 + 5;
    for (int i = 0; i < rows; i++) {
      ops.addRow();
      if (i % 3 == 1) {
        ops.set(i, i % 2 == 0 ? relu : fc);
      }
    }
    assertEquals(rows, ops.size());
    for (int i = 0; i < rows; i++) {
      if (i % 3 == 1) {
        assertSame(i % 2 == 0 ? relu : fc, ops.get(i), "row " + i);
      } else {
        assertNull(ops.get(i), "row " + i);
      }
    }
    assertThrows(IndexOutOfBoundsException.class, () -> ops.get(rows));
  }
}
