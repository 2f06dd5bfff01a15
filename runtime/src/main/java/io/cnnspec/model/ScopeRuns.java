package io.cnnspec.model;

import io.cnnspec.model.Columns.IntColumn;
import java.util.function.IntFunction;

/**
 * The scopes of a {@link LayerTable} (a def call's, a labelled group's or branch's), ids 0, 1,
 * 2, ... in the order made, stored as runs: a scope that follows one of the same parent and base
 * with the next number ({@code b1}, {@code b2}, ... of {@code b x100000}) extends its run rather
 * than taking three ints. A million calls of a def in a repetition are one run, so a layer costs
 * the same with and without the def around it; scopes that do not follow on (nested defs) take a
 * run each, five ints.
 */
final class ScopeRuns {

  private final IntColumn start = new IntColumn();
  private final IntColumn parent = new IntColumn();
  private final IntColumn base = new IntColumn();
  private final IntColumn firstNumber = new IntColumn();
  private final IntColumn count = new IntColumn();
  private int runs;
  private int capacity;
  private int size;

  /** The number of scopes. */
  int size() {
    return size;
  }

  /**
   * A new scope: in {@code parentId} ({@link LayerTable#TOP} for none), named {@code baseIndex}'s
   * string followed by {@code number} when that is positive. Returns its id.
   */
  int add(int parentId, int baseIndex, int number) {
    int last = runs - 1;
    if (last >= 0 && number > 0 && parent.get(last) == parentId && base.get(last) == baseIndex
        && firstNumber.get(last) > 0 && firstNumber.get(last) + count.get(last) == number) {
      count.set(last, count.get(last) + 1);
      return size++;
    }
    if (runs == capacity) {
      capacity = Columns.grown(capacity);
      for (IntColumn column : new IntColumn[] {start, parent, base, firstNumber, count}) {
        column.grow(capacity);
      }
    }
    start.set(runs, size);
    parent.set(runs, parentId);
    base.set(runs, baseIndex);
    firstNumber.set(runs, number);
    count.set(runs, 1);
    runs++;
    return size++;
  }

  /** Appends the full name of scope {@code id}, its parents' first, its strings from {@code strings}. */
  void appendName(int id, IntFunction<String> strings, StringBuilder out) {
    int run = run(id);
    int parentId = parent.get(run);
    if (parentId != LayerTable.TOP) {
      appendName(parentId, strings, out);
      out.append('.');
    }
    out.append(strings.apply(base.get(run)));
    int first = firstNumber.get(run);
    if (first > 0) {
      out.append(first + (id - start.get(run)));
    }
  }

  /** The run holding scope {@code id}: the last whose start is at most {@code id}. */
  private int run(int id) {
    return Columns.lastAtMost(start, runs, id);
  }
}
