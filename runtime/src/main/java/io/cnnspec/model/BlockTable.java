package io.cnnspec.model;

import io.cnnspec.model.Columns.IntColumn;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A network's {@link Block}s stored by column, as {@link LayerTable} stores its rows: an immutable
 * {@code List<Block>} whose elements are made on {@link #get}. Six ints per block, the texts
 * shared: a spec of a million def calls has a million blocks, which as records (and a text each)
 * cost more than the rows themselves.
 *
 * <p>Equality is the list's: a table equals any list of the same blocks.
 */
public final class BlockTable extends AbstractList<Block> implements RandomAccess {

  private static final Block.Kind[] KINDS = Block.Kind.values();
  private static final int NONE = -1;

  private final int size;
  private final String[] strings;
  private final IntColumn kind;
  private final IntColumn text;
  private final IntColumn def;
  private final IntColumn firstRow;
  private final IntColumn endRow;
  private final IntColumn depth;
  private final int maxEndRow;

  private BlockTable(Builder b, int size, int maxEndRow) {
    this.size = size;
    this.strings = b.strings.toArray(new String[0]);
    this.kind = b.kind;
    this.text = b.text;
    this.def = b.def;
    this.firstRow = b.firstRow;
    this.endRow = b.endRow;
    this.depth = b.depth;
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
    int d = def.get(index);
    return new Block(KINDS[kind.get(index)], strings[text.get(index)], d == NONE ? null : strings[d],
        firstRow.get(index), endRow.get(index), depth.get(index));
  }

  /** The largest {@link Block#endRow()}, 0 when there are no blocks. */
  public int maxEndRow() {
    return maxEndRow;
  }

  /**
   * Collects blocks in order; a slot may be reserved first (an outer block comes before the inner
   * ones, but its rows are known only after them) and left empty (an element that produced no
   * row): empty slots are dropped. Used once.
   */
  public static final class Builder {

    private static final int UNFILLED = -1;

    private final IndexPool<String> strings = IndexPool.byEquality();
    private final IntColumn kind = new IntColumn();
    private final IntColumn text = new IntColumn();
    private final IntColumn def = new IntColumn();
    private final IntColumn firstRow = new IntColumn();
    private final IntColumn endRow = new IntColumn();
    private final IntColumn depth = new IntColumn();
    private int size;
    private int capacity;
    private boolean built;

    private Builder() {}

    /** A slot for a block to be {@link #set} later, or left empty; returns its index. */
    public int reserve() {
      checkOpen();
      if (size == capacity) {
        capacity = Columns.grown(capacity);
        for (IntColumn column : new IntColumn[] {kind, text, def, firstRow, endRow, depth}) {
          column.grow(capacity);
        }
      }
      kind.set(size, UNFILLED);
      return size++;
    }

    /**
     * Fills in the slot {@code index} with a block; the arguments are {@link Block}'s.
     *
     * @throws IllegalArgumentException as {@link Block}'s constructor would
     */
    public void set(int index, Block.Kind kind, String text, String def, int firstRow, int endRow, int depth) {
      checkOpen();
      Objects.checkIndex(index, size);
      new Block(kind, text, def, firstRow, endRow, depth); // the checks, in one place
      this.kind.set(index, kind.ordinal());
      this.text.set(index, string(text));
      this.def.set(index, def == null ? NONE : string(def));
      this.firstRow.set(index, firstRow);
      this.endRow.set(index, endRow);
      this.depth.set(index, depth);
    }

    /** The table of the blocks set, in slot order; the builder is spent. */
    public BlockTable build() {
      checkOpen();
      built = true;
      int kept = 0;
      int maxEnd = 0;
      for (int i = 0; i < size; i++) {
        if (kind.get(i) == UNFILLED) {
          continue;
        }
        for (IntColumn column : new IntColumn[] {kind, text, def, firstRow, endRow, depth}) {
          column.set(kept, column.get(i));
        }
        maxEnd = Math.max(maxEnd, endRow.get(kept));
        kept++;
      }
      return new BlockTable(this, kept, maxEnd);
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
