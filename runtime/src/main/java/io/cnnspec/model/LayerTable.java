package io.cnnspec.model;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import io.cnnspec.model.Columns.IntColumn;
import io.cnnspec.model.Columns.LongColumn;

/**
 * A network's rows stored by column: an immutable {@code List<LayerInfo>} whose elements are made
 * on {@link #get}, from arrays of numbers and small tables of the distinct names, texts and shapes
 * the rows share.
 *
 * <p>Why: the analysis of a long spec keeps every row alive until it ends, and a million rows as
 * objects (a record, its name, the name's bytes) made the garbage collector copy three million
 * objects, again at each young collection, which cost more than the analysis itself. A handful
 * of large primitive arrays are never copied that way. The figures are also readable without
 * making rows, e.g. {@link #params(int)} for totals.
 *
 * <p>Equality is the list's: a table equals any list of the same rows.
 */
public final class LayerTable extends AbstractList<LayerInfo> implements RandomAccess {

  /** The scope of a row that is in none: its name is its own part alone. */
  public static final int TOP = -1;

  private final int size;
  // a row's name is its scope's name and a dot (none at the top), then strings[nameBase[i]]
  // followed by nameNumber[i] when that is positive, so that conv1 ... conv1000000 share one
  // "conv", and the rows of a million def calls share "relu" and one run of scopes (ScopeRuns)
  // rather than a string per row
  private final String[] strings;
  private final IntColumn scope;
  private final ScopeRuns scopes;
  private final Shape[] shapes;
  private final IntColumn nameBase;
  private final IntColumn nameNumber;
  private final IntColumn kind;
  private final IntColumn spec;
  private final IntColumn depth;
  private final IntColumn branch;
  private final IntColumn input;
  private final IntColumn output;
  private final LongColumn params;
  private final LongColumn nonTrainableParams;
  private final LongColumn macs;
  private final LongColumn activations;
  private final LongColumn receptiveField;
  private final LongColumn jumpBits;

  private LayerTable(Builder b) {
    size = b.size;
    strings = b.strings.toArray(new String[0]);
    shapes = b.shapes.toArray(new Shape[0]);
    scope = b.scope;
    scopes = b.scopes;
    nameBase = b.nameBase;
    nameNumber = b.nameNumber;
    kind = b.kind;
    spec = b.spec;
    depth = b.depth;
    branch = b.branch;
    input = b.input;
    output = b.output;
    params = b.params;
    nonTrainableParams = b.nonTrainableParams;
    macs = b.macs;
    activations = b.activations;
    receptiveField = b.receptiveField;
    jumpBits = b.jumpBits;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public LayerInfo get(int index) {
    Objects.checkIndex(index, size);
    return new LayerInfo(name(index), strings[kind.get(index)], strings[spec.get(index)], depth.get(index),
        branch.get(index), shapes[input.get(index)], shapes[output.get(index)], params.get(index),
        nonTrainableParams.get(index), macs.get(index), activations.get(index), receptiveField.get(index),
        Double.longBitsToDouble(jumpBits.get(index)));
  }

  /** The name of row {@code index}, as {@link LayerInfo#name()}. */
  public String name(int index) {
    Objects.checkIndex(index, size);
    String base = strings[nameBase.get(index)];
    int number = nameNumber.get(index);
    int in = scope.get(index);
    if (in == TOP) {
      return number > 0 ? base + number : base;
    }
    StringBuilder name = new StringBuilder();
    scopes.appendName(in, i -> strings[i], name);
    name.append('.').append(base);
    return (number > 0 ? name.append(number) : name).toString();
  }


  /** {@link LayerInfo#params()} of row {@code index}, without making the row. */
  public long params(int index) {
    Objects.checkIndex(index, size);
    return params.get(index);
  }

  /** {@link LayerInfo#nonTrainableParams()} of row {@code index}, without making the row. */
  public long nonTrainableParams(int index) {
    Objects.checkIndex(index, size);
    return nonTrainableParams.get(index);
  }

  /** {@link LayerInfo#macs()} of row {@code index}, without making the row. */
  public long macs(int index) {
    Objects.checkIndex(index, size);
    return macs.get(index);
  }

  /** {@link LayerInfo#activations()} of row {@code index}, without making the row. */
  public long activations(int index) {
    Objects.checkIndex(index, size);
    return activations.get(index);
  }

  /**
   * Collects rows in order; a row may be reserved first and filled in later (a merge's row comes
   * before its branches, but its figures are known only after them). Used once: {@link #build}
   * hands the columns over to the table.
   */
  public static final class Builder {

    private static final int UNFILLED = -1;

    private final IndexPool<String> strings = IndexPool.byEquality();
    private final IndexPool<Shape> shapes = IndexPool.byEquality();
    // consecutive rows pass one shape along: the last one looked up answers most look-ups
    private Shape lastShape;
    private int lastShapeIndex;

    private int size;
    private int capacity;
    private boolean built;
    private final IntColumn scope = new IntColumn();
    private final ScopeRuns scopes = new ScopeRuns();
    private final IntColumn nameBase = new IntColumn();
    private final IntColumn nameNumber = new IntColumn();
    private final IntColumn kind = new IntColumn();
    private final IntColumn spec = new IntColumn();
    private final IntColumn depth = new IntColumn();
    private final IntColumn branch = new IntColumn();
    private final IntColumn input = new IntColumn();
    private final IntColumn output = new IntColumn();
    private final LongColumn params = new LongColumn();
    private final LongColumn nonTrainableParams = new LongColumn();
    private final LongColumn macs = new LongColumn();
    private final LongColumn activations = new LongColumn();
    private final LongColumn receptiveField = new LongColumn();
    private final LongColumn jumpBits = new LongColumn();

    private Builder() {}

    public int size() {
      return size;
    }

    /**
     * The full name of a scope made by {@link #scope} ({@code stage1.block2}), as the names of the
     * rows in it start; made on request, as the analysis needs it only for messages.
     */
    public String scopeName(int id) {
      Objects.checkIndex(id, scopes.size());
      StringBuilder out = new StringBuilder();
      scopes.appendName(id, strings::get, out);
      return out.toString();
    }

    /** The layer text of a row filled in already ({@link LayerInfo#spec()}). */
    public String specAt(int index) {
      Objects.checkIndex(index, size);
      return strings.get(spec.get(index));
    }

    /** Appends a row with no figures yet, to be {@link #set} later; returns its index. */
    public int reserve() {
      checkOpen();
      if (size == capacity) {
        capacity = Columns.grown(capacity);
        for (IntColumn column : new IntColumn[] {scope, nameBase, nameNumber, kind, spec, depth, branch, input, output}) {
          column.grow(capacity);
        }
        for (LongColumn column : new LongColumn[] {params, nonTrainableParams, macs, activations, receptiveField, jumpBits}) {
          column.grow(capacity);
        }
      }
      kind.set(size, UNFILLED);
      return size++;
    }

    /**
     * Appends a row; returns its index. The row's name is {@code nameBase} followed by {@code
     * nameNumber} when that is positive ({@code "conv", 3} is {@code conv3}), else {@code nameBase}
     * alone.
     *
     * @throws IllegalArgumentException as {@link LayerInfo}'s constructor would
     */
    public int add(String nameBase, int nameNumber, String kind, String spec, int depth, int branch, Shape input,
        Shape output, long params, long nonTrainableParams, long macs, long activations, long receptiveField,
        double jump) {
      int index = reserve();
      set(index, nameBase, nameNumber, kind, spec, depth, branch, input, output, params, nonTrainableParams, macs,
          activations, receptiveField, jump);
      return index;
    }

    /**
     * A scope that rows' names start with: the name of {@code parent}'s (unless it is {@link #TOP})
     * and a dot, then {@code base} followed by {@code number} when that is positive. Returns its id.
     */
    public int scope(int parent, String base, int number) {
      checkOpen();
      Objects.requireNonNull(base, "base");
      if (parent != TOP) {
        Objects.checkIndex(parent, scopes.size());
      }
      return scopes.add(parent, string(base), Math.max(0, number));
    }

    /** Fills in the row at {@code index}; the arguments are those of {@link #add}. */
    public void set(int index, String nameBase, int nameNumber, String kind, String spec, int depth, int branch,
        Shape input, Shape output, long params, long nonTrainableParams, long macs, long activations,
        long receptiveField, double jump) {
      set(index, TOP, nameBase, nameNumber, kind, spec, depth, branch, input, output, params, nonTrainableParams,
          macs, activations, receptiveField, jump);
    }

    /**
     * Fills in the row at {@code index}, named in {@code scope} (from {@link #scope}, or
     * {@link #TOP}); the other arguments are those of {@link #add}.
     */
    public void set(int index, int scope, String nameBase, int nameNumber, String kind, String spec, int depth,
        int branch, Shape input, Shape output, long params, long nonTrainableParams, long macs, long activations,
        long receptiveField, double jump) {
      checkOpen();
      Objects.checkIndex(index, size);
      if (scope != TOP) {
        Objects.checkIndex(scope, scopes.size());
      }
      LayerInfo.check(nameBase, nameNumber, kind, spec, input, output, params, nonTrainableParams, macs, activations,
          receptiveField);
      this.scope.set(index, scope);
      this.nameBase.set(index, string(nameBase));
      this.nameNumber.set(index, Math.max(0, nameNumber));
      this.kind.set(index, string(kind));
      this.spec.set(index, string(spec));
      this.depth.set(index, depth);
      this.branch.set(index, branch);
      this.input.set(index, shape(input));
      this.output.set(index, shape(output));
      this.params.set(index, params);
      this.nonTrainableParams.set(index, nonTrainableParams);
      this.macs.set(index, macs);
      this.activations.set(index, activations);
      this.receptiveField.set(index, receptiveField);
      this.jumpBits.set(index, Double.doubleToRawLongBits(jump));
    }

    /**
     * The table of the rows added; the builder is spent.
     *
     * @throws IllegalStateException if a reserved row was never filled in
     */
    public LayerTable build() {
      checkOpen();
      for (int i = 0; i < size; i++) {
        if (kind.get(i) == UNFILLED) {
          throw new IllegalStateException("row " + i + " was reserved and never filled in");
        }
      }
      built = true;
      return new LayerTable(this);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("the table is built already");
      }
    }

    private int string(String value) {
      return strings.index(value);
    }

    private int shape(Shape value) {
      if (value == lastShape) {
        return lastShapeIndex;
      }
      int index = shapes.index(value);
      lastShape = value;
      lastShapeIndex = index;
      return index;
    }
  }
}
