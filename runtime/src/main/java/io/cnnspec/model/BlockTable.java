package io.cnnspec.model;

import io.cnnspec.model.Columns.IntColumn;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A network's {@link Block}s stored by column, as {@link LayerTable} stores its rows: an immutable
 * {@code List<Block>} whose elements are made on {@link #get}, the texts shared.
 *
 * <p>Blocks are stored as runs: a block that follows one like it (same kind, text, def and depth,
 * as many rows, starting where it ends) extends its run. The turns of a repeated def call
 * ({@code b x100000}, a {@code CALL} block a turn) are one run, so a layer costs the same with and
 * without the def around it; blocks that do not follow on (nested defs) take a run each, eight
 * ints. A spec of a million def calls has a million blocks, which as records (and a text each)
 * cost more than the rows themselves.
 *
 * <p>Equality is the list's: a table equals any list of the same blocks.
 */
public final class BlockTable extends AbstractList<Block> implements RandomAccess {

  private static final Block.Kind[] KINDS = Block.Kind.values();
  private static final int NONE = -1;

  private final int size;
  private final String[] strings;
  private final Runs runs;
  private final int runCount;
  private final int maxEndRow;

  private BlockTable(Builder b, int size, int runCount, int maxEndRow) {
    this.size = size;
    this.strings = b.strings.toArray(new String[0]);
    this.runs = b.runs;
    this.runCount = runCount;
    this.maxEndRow = maxEndRow;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Block get(int index) {
    Objects.checkIndex(index, size);
    int run = runs.find(index, runCount);
    int d = runs.def.get(run);
    int span = runs.endRow.get(run) - runs.firstRow.get(run);
    int first = runs.firstRow.get(run) + (index - runs.start.get(run)) * span;
    return new Block(KINDS[runs.kind.get(run)], strings[runs.text.get(run)], d == NONE ? null : strings[d], first,
        first + span, runs.depth.get(run));
  }

  /** The largest {@link Block#endRow()}, 0 when there are no blocks. */
  public int maxEndRow() {
    return maxEndRow;
  }

  /**
   * The runs' columns: each run is {@code count} blocks from index {@code start}, the first of
   * rows [firstRow, endRow), each next one as many rows after it.
   */
  private static final class Runs {
    final IntColumn start = new IntColumn();
    final IntColumn count = new IntColumn();
    final IntColumn kind = new IntColumn();
    final IntColumn text = new IntColumn();
    final IntColumn def = new IntColumn();
    final IntColumn firstRow = new IntColumn();
    final IntColumn endRow = new IntColumn();
    final IntColumn depth = new IntColumn();

    IntColumn[] all() {
      return new IntColumn[] {start, count, kind, text, def, firstRow, endRow, depth};
    }

    /** The run among the first {@code runs} that holds block {@code index}. */
    int find(int index, int runs) {
      return Columns.lastAtMost(start, runs, index);
    }
  }

  /**
   * Collects blocks in order; a slot may be reserved first (an outer block comes before the inner
   * ones, but its rows are known only after them) and left empty (an element that produced no
   * row): empty slots are dropped. Used once.
   */
  public static final class Builder {

    private static final int UNFILLED = -1;

    private final IndexPool<String> strings = IndexPool.byEquality();
    private final Runs runs = new Runs();
    private int runCount;
    private int capacity;
    private int size;
    private boolean built;

    private Builder() {}

    /** A slot for a block to be {@link #set} later, or left empty; returns its index. */
    public int reserve() {
      checkOpen();
      if (runCount == capacity) {
        capacity = Columns.grown(capacity);
        for (IntColumn column : runs.all()) {
          column.grow(capacity);
        }
      }
      runs.start.set(runCount, size);
      runs.count.set(runCount, 1);
      runs.kind.set(runCount, UNFILLED);
      runCount++;
      return size++;
    }

    /**
     * Fills in the slot {@code index} with a block; the arguments are {@link Block}'s.
     *
     * @throws IllegalArgumentException as {@link Block}'s constructor would
     * @throws IllegalStateException if the slot is filled already
     */
    public void set(int index, Block.Kind kind, String text, String def, int firstRow, int endRow, int depth) {
      checkOpen();
      Objects.checkIndex(index, size);
      new Block(kind, text, def, firstRow, endRow, depth); // the checks, in one place
      int run = runs.find(index, runCount);
      if (runs.kind.get(run) != UNFILLED) {
        throw new IllegalStateException("block " + index + " is filled already");
      }
      int textIndex = string(text);
      int defIndex = def == null ? NONE : string(def);
      int previous = run - 1;
      // the last slot reserved, following a run of blocks like it: one more turn of that run
      if (run == runCount - 1 && previous >= 0 && runs.kind.get(previous) == kind.ordinal()
          && runs.text.get(previous) == textIndex && runs.def.get(previous) == defIndex
          && runs.depth.get(previous) == depth && endRow > firstRow
          && runs.endRow.get(previous) - runs.firstRow.get(previous) == endRow - firstRow
          && runs.firstRow.get(previous) + runs.count.get(previous) * (endRow - firstRow) == firstRow) {
        runs.count.set(previous, runs.count.get(previous) + 1);
        runCount--;
        return;
      }
      runs.kind.set(run, kind.ordinal());
      runs.text.set(run, textIndex);
      runs.def.set(run, defIndex);
      runs.firstRow.set(run, firstRow);
      runs.endRow.set(run, endRow);
      runs.depth.set(run, depth);
    }

    /** The table of the blocks set, in slot order; the builder is spent. */
    public BlockTable build() {
      checkOpen();
      built = true;
      int kept = 0;
      int blocks = 0;
      int maxEnd = 0;
      IntColumn[] columns = runs.all();
      for (int i = 0; i < runCount; i++) {
        if (runs.kind.get(i) == UNFILLED) {
          continue;
        }
        for (IntColumn column : columns) {
          column.set(kept, column.get(i));
        }
        int count = runs.count.get(kept);
        runs.start.set(kept, blocks);
        int span = runs.endRow.get(kept) - runs.firstRow.get(kept);
        maxEnd = Math.max(maxEnd, runs.firstRow.get(kept) + count * span);
        blocks += count;
        kept++;
      }
      return new BlockTable(this, blocks, kept, maxEnd);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("the table is built already");
      }
    }

    private int string(String value) {
      return strings.index(value);
    }
  }
}
