package io.cnnspec.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

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

  private final int size;
  // a row's name is nameBases[nameBase[i]] followed by nameNumber[i] when that is positive, so
  // that conv1 ... conv1000000 share one "conv"
  private final String[] strings;
  private final Shape[] shapes;
  private final int[] nameBase;
  private final int[] nameNumber;
  private final int[] kind;
  private final int[] spec;
  private final int[] depth;
  private final int[] branch;
  private final int[] input;
  private final int[] output;
  private final long[] params;
  private final long[] nonTrainableParams;
  private final long[] macs;
  private final long[] activations;
  private final long[] receptiveField;
  private final double[] jump;

  private LayerTable(Builder b) {
    size = b.size;
    strings = b.strings.toArray(new String[0]);
    shapes = b.shapes.toArray(new Shape[0]);
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
    jump = b.jump;
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
    return new LayerInfo(name(index), strings[kind[index]], strings[spec[index]], depth[index], branch[index],
        shapes[input[index]], shapes[output[index]], params[index], nonTrainableParams[index], macs[index],
        activations[index], receptiveField[index], jump[index]);
  }

  /** The name of row {@code index}, as {@link LayerInfo#name()}. */
  public String name(int index) {
    Objects.checkIndex(index, size);
    String base = strings[nameBase[index]];
    return nameNumber[index] > 0 ? base + nameNumber[index] : base;
  }

  /** {@link LayerInfo#params()} of row {@code index}, without making the row. */
  public long params(int index) {
    Objects.checkIndex(index, size);
    return params[index];
  }

  /** {@link LayerInfo#nonTrainableParams()} of row {@code index}, without making the row. */
  public long nonTrainableParams(int index) {
    Objects.checkIndex(index, size);
    return nonTrainableParams[index];
  }

  /** {@link LayerInfo#macs()} of row {@code index}, without making the row. */
  public long macs(int index) {
    Objects.checkIndex(index, size);
    return macs[index];
  }

  /** {@link LayerInfo#activations()} of row {@code index}, without making the row. */
  public long activations(int index) {
    Objects.checkIndex(index, size);
    return activations[index];
  }

  /**
   * Collects rows in order; a row may be reserved first and filled in later (a merge's row comes
   * before its branches, but its figures are known only after them). Used once: {@link #build}
   * hands the arrays over to the table.
   */
  public static final class Builder {

    private static final int FIRST_CAPACITY = 16;
    private static final int UNFILLED = -1;

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final Map<Shape, Integer> shapeIndex = new HashMap<>();
    // consecutive rows pass one shape along: the last one looked up answers most look-ups
    private Shape lastShape;
    private int lastShapeIndex;

    private int size;
    private boolean built;
    private int[] nameBase = new int[FIRST_CAPACITY];
    private int[] nameNumber = new int[FIRST_CAPACITY];
    private int[] kind = new int[FIRST_CAPACITY];
    private int[] spec = new int[FIRST_CAPACITY];
    private int[] depth = new int[FIRST_CAPACITY];
    private int[] branch = new int[FIRST_CAPACITY];
    private int[] input = new int[FIRST_CAPACITY];
    private int[] output = new int[FIRST_CAPACITY];
    private long[] params = new long[FIRST_CAPACITY];
    private long[] nonTrainableParams = new long[FIRST_CAPACITY];
    private long[] macs = new long[FIRST_CAPACITY];
    private long[] activations = new long[FIRST_CAPACITY];
    private long[] receptiveField = new long[FIRST_CAPACITY];
    private double[] jump = new double[FIRST_CAPACITY];

    private Builder() {}

    public int size() {
      return size;
    }

    /** Appends a row with no figures yet, to be {@link #set} later; returns its index. */
    public int reserve() {
      checkOpen();
      if (size == params.length) {
        grow();
      }
      kind[size] = UNFILLED;
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

    /** Fills in the row at {@code index}; the arguments are those of {@link #add}. */
    public void set(int index, String nameBase, int nameNumber, String kind, String spec, int depth, int branch,
        Shape input, Shape output, long params, long nonTrainableParams, long macs, long activations,
        long receptiveField, double jump) {
      checkOpen();
      Objects.checkIndex(index, size);
      LayerInfo.check(nameBase, nameNumber, kind, spec, input, output, params, nonTrainableParams, macs, activations,
          receptiveField);
      this.nameBase[index] = string(nameBase);
      this.nameNumber[index] = Math.max(0, nameNumber);
      this.kind[index] = string(kind);
      this.spec[index] = string(spec);
      this.depth[index] = depth;
      this.branch[index] = branch;
      this.input[index] = shape(input);
      this.output[index] = shape(output);
      this.params[index] = params;
      this.nonTrainableParams[index] = nonTrainableParams;
      this.macs[index] = macs;
      this.activations[index] = activations;
      this.receptiveField[index] = receptiveField;
      this.jump[index] = jump;
    }

    /**
     * The table of the rows added; the builder is spent.
     *
     * @throws IllegalStateException if a reserved row was never filled in
     */
    public LayerTable build() {
      checkOpen();
      for (int i = 0; i < size; i++) {
        if (kind[i] == UNFILLED) {
          throw new IllegalStateException("row " + i + " was reserved and never filled in");
        }
      }
      built = true;
      if (params.length - size > size / 8) {
        // the table outlives its builder: give back what growing by half left unused
        resize(size);
      }
      return new LayerTable(this);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("the table is built already");
      }
    }

    private int string(String value) {
      Integer index = stringIndex.get(value);
      if (index == null) {
        index = strings.size();
        strings.add(value);
        stringIndex.put(value, index);
      }
      return index;
    }

    private int shape(Shape value) {
      if (value == lastShape) {
        return lastShapeIndex;
      }
      Integer index = shapeIndex.get(value);
      if (index == null) {
        index = shapes.size();
        shapes.add(value);
        shapeIndex.put(value, index);
      }
      lastShape = value;
      lastShapeIndex = index;
      return index;
    }

    private void grow() {
      // by half, as ArrayList does
      resize(params.length + (params.length >> 1));
    }

    private void resize(int capacity) {
      nameBase = Arrays.copyOf(nameBase, capacity);
      nameNumber = Arrays.copyOf(nameNumber, capacity);
      kind = Arrays.copyOf(kind, capacity);
      spec = Arrays.copyOf(spec, capacity);
      depth = Arrays.copyOf(depth, capacity);
      branch = Arrays.copyOf(branch, capacity);
      input = Arrays.copyOf(input, capacity);
      output = Arrays.copyOf(output, capacity);
      params = Arrays.copyOf(params, capacity);
      nonTrainableParams = Arrays.copyOf(nonTrainableParams, capacity);
      macs = Arrays.copyOf(macs, capacity);
      activations = Arrays.copyOf(activations, capacity);
      receptiveField = Arrays.copyOf(receptiveField, capacity);
      jump = Arrays.copyOf(jump, capacity);
    }
  }
}
