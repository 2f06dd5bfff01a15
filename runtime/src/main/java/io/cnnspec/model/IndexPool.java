package io.cnnspec.model;

import java.util.Arrays;

/**
 * The distinct values of a table, each stored once and referred to by its index (0, 1, 2, ... in
 * the order first seen): the tables keep an int per row and the values here.
 *
 * <p>Why not a {@code HashMap<T, Integer>} and a list: a spec whose rows all differ
 * ({@code def b { conv1-{in+1} } b x100000}) adds a value per row, and the map's entry and boxed
 * index per value were two more objects for the collector to copy at each young collection, a
 * third of the values' memory. Here a value costs its reference and an int of an open-addressing
 * table.
 *
 * @param <T> the values; compared with {@code equals}, or by identity when made by {@link #byIdentity}
 */
public final class IndexPool<T> {

  private final boolean identity;
  private Object[] values = new Object[8];
  // open addressing, linear probing: index + 1 of the value in each slot, 0 for an empty slot
  private int[] slots = new int[16];
  private int size;

  private IndexPool(boolean identity) {
    this.identity = identity;
  }

  /** A pool whose values are equal when {@code equals} says so. */
  public static <T> IndexPool<T> byEquality() {
    return new IndexPool<>(false);
  }

  /** A pool whose values are equal only when they are the same object. */
  public static <T> IndexPool<T> byIdentity() {
    return new IndexPool<>(true);
  }

  /**
   * The index of {@code value}, added when it is new.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public int index(T value) {
    int hash = hash(value);
    int mask = slots.length - 1;
    for (int at = hash & mask; ; at = (at + 1) & mask) {
      int slot = slots[at];
      if (slot == 0) {
        break;
      }
      Object known = values[slot - 1];
      if (known == value || !identity && known.equals(value)) {
        return slot - 1;
      }
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size] = value;
    size++;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    } else {
      insert(slots, hash, size);
    }
    return size - 1;
  }

  /** The value at {@code index}. */
  @SuppressWarnings("unchecked")
  public T get(int index) {
    java.util.Objects.checkIndex(index, size);
    return (T) values[index];
  }

  /** The number of distinct values. */
  public int size() {
    return size;
  }

  /** The values in index order. */
  public T[] toArray(T[] empty) {
    @SuppressWarnings("unchecked")
    T[] out = (T[]) Arrays.copyOf(values, size, empty.getClass());
    return out;
  }

  private int hash(Object value) {
    int h = identity ? System.identityHashCode(value) : value.hashCode();
    return h ^ (h >>> 16);
  }

  private void rehash(int capacity) {
    int[] grown = new int[capacity];
    for (int i = 0; i < size; i++) {
      insert(grown, hash(values[i]), i + 1);
    }
    slots = grown;
  }

  private static void insert(int[] table, int hash, int slotValue) {
    int mask = table.length - 1;
    int at = hash & mask;
    while (table[at] != 0) {
      at = (at + 1) & mask;
    }
    table[at] = slotValue;
  }
}
