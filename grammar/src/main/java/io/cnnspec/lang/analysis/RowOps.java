package io.cnnspec.lang.analysis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import io.cnnspec.model.IndexPool;

/**
 * The op of each row, as {@code Compilation.ops()} gives it: null for a merge row. Ops come out of
 * the resolution cache, one per written form, so a row stores only the index of its op among the
 * distinct ones, in chunks of 4,096 like the row table's columns: a plain list of a million
 * references grew by copying into one huge array that the collector kept through every young
 * collection (bench/README.md, third round).
 */
final class RowOps extends AbstractList<LayerOp> implements RandomAccess {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int NONE = -1;

  private final IndexPool<LayerOp> distinct = IndexPool.byIdentity();
  private int[][] chunks = new int[1][];
  // the branch count of merge rows, written as the spec has them (an empty branch leaves no row);
  // a chunk is made only when a row in it is a merge, as most rows are not
  private int[][] branchChunks = new int[1][];
  private int size;

  /** Appends a row without an op yet (a merge row, or a layer until {@link #set}). */
  void addRow() {
    int chunk = size >>> CHUNK_BITS;
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
      branchChunks = Arrays.copyOf(branchChunks, branchChunks.length * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new int[CHUNK];
    }
    chunks[chunk][size & (CHUNK - 1)] = NONE;
    size++;
  }

  @Override
  public LayerOp set(int row, LayerOp op) {
    LayerOp before = get(row);
    int index = NONE;
    if (op != null) {
      index = distinct.index(op);
    }
    chunks[row >>> CHUNK_BITS][row & (CHUNK - 1)] = index;
    return before;
  }

  @Override
  public LayerOp get(int row) {
    java.util.Objects.checkIndex(row, size);
    int index = chunks[row >>> CHUNK_BITS][row & (CHUNK - 1)];
    return index == NONE ? null : distinct.get(index);
  }

  /** Records that the merge row {@code row} was written with {@code branches} branches. */
  void setBranches(int row, int branches) {
    java.util.Objects.checkIndex(row, size);
    int[] chunk = branchChunks[row >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = new int[CHUNK];
      branchChunks[row >>> CHUNK_BITS] = chunk;
    }
    chunk[row & (CHUNK - 1)] = branches;
  }

  /**
   * The number of branches of each row as written: for a merge or side row, its branches, empty
   * ones included ({@code add { conv3-8 | }} has 2); 0 for any other row.
   */
  List<Integer> branchCounts() {
    return new AbstractList<>() {
      @Override
      public Integer get(int row) {
        java.util.Objects.checkIndex(row, size);
        int[] chunk = branchChunks[row >>> CHUNK_BITS];
        return chunk == null ? 0 : chunk[row & (CHUNK - 1)];
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public int size() {
    return size;
  }
}
