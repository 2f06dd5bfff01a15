package io.cnnspec.model;

import java.util.Arrays;

/**
 * Growable columns of numbers for the model's tables ({@link LayerTable}, {@link BlockTable}).
 *
 * <p>Columns are chunks of 4,096 values rather than one array each: growing one array meant
 * copying it whole, and at a million rows into fresh humongous regions, which made the table's
 * growth cost more per row the longer the spec (found in a profile of 1M rows).
 */
final class Columns {

  private Columns() {}

  static final int CHUNK_BITS = 12;
  static final int CHUNK = 1 << CHUNK_BITS;
  static final int MASK = CHUNK - 1;

  /**
   * The capacity after {@code capacity}: the first chunk grows from 16 rows by doubling (a network
   * of 22 rows should not pay for 4,096), then one more chunk at a time.
   */
  static int grown(int capacity) {
    return capacity < CHUNK ? Math.min(CHUNK, Math.max(16, capacity * 2)) : capacity + CHUNK;
  }

  /**
   * The index of the last of the first {@code count} values of {@code ascending} (sorted, the
   * first at most {@code value}) that is at most {@code value}: the run holding an index, where
   * {@code ascending} holds the runs' starts.
   */
  static int lastAtMost(IntColumn ascending, int count, int value) {
    int low = 0;
    int high = count - 1;
    if (high > 0 && ascending.get(high) <= value) {
      return high; // the last run, where a table being built is filled
    }
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (ascending.get(mid) <= value) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  static final class IntColumn {
    private int[][] chunks = {new int[0]};

    int get(int index) {
      return chunks[index >>> CHUNK_BITS][index & MASK];
    }

    void set(int index, int value) {
      chunks[index >>> CHUNK_BITS][index & MASK] = value;
    }

    void grow(int capacity) {
      if (capacity <= CHUNK) {
        chunks[0] = Arrays.copyOf(chunks[0], capacity);
        return;
      }
      int chunk = (capacity - 1) >>> CHUNK_BITS;
      if (chunk >= chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length * 2));
      }
      chunks[chunk] = new int[CHUNK];
    }
  }

  static final class LongColumn {
    private long[][] chunks = {new long[0]};

    long get(int index) {
      return chunks[index >>> CHUNK_BITS][index & MASK];
    }

    void set(int index, long value) {
      chunks[index >>> CHUNK_BITS][index & MASK] = value;
    }

    void grow(int capacity) {
      if (capacity <= CHUNK) {
        chunks[0] = Arrays.copyOf(chunks[0], capacity);
        return;
      }
      int chunk = (capacity - 1) >>> CHUNK_BITS;
      if (chunk >= chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length * 2));
      }
      chunks[chunk] = new long[CHUNK];
    }
  }
}
