package io.cnnspec.lang.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives every row a name unique within the network: generated names count per stem inside their
 * scope ({@code conv1}, {@code conv2}, {@code fire2.conv1}); user names are taken as written, and
 * generated names step around them.
 *
 * <p>Names are unique within their scope, and a scope is the row table's scope id (a def call's,
 * a labelled group's or branch's; {@code LayerTable.TOP} for the network): the scope's own name
 * is unique in the scope around it, so names unique in each scope are unique in full, and no full
 * name, nor a prefix string, is made per def call. A million def calls made two million strings
 * of their full names, and hashed them again at every layer inside.
 *
 * <p>A generated name whose stem ends in a letter reads back unambiguously as stem and count
 * ({@code conv13} is stem {@code conv}, 13), so the counters alone tell whether it was given: such
 * names, nearly every row's, are not kept in a set. Only user names and names from stems ending
 * in a digit ({@code def block2} gives {@code block21}, which stem {@code block} could give too)
 * are remembered one by one, in their scope. The turns of a labelled repetition ({@code a_1},
 * {@code a_2}, ...) come in order and are counted as generated names are.
 *
 * <p>A scope is {@linkplain #close closed} when the walk leaves it: nothing can be named in it
 * afterwards, so its counters and names go. A million def calls kept a million scopes alive.
 */
final class Namer {

  /** The last count given per stem. */
  private static final class Counter {
    final String stem;
    final boolean plain;
    int last;

    Counter(String stem, boolean plain) {
      this.stem = stem;
      this.plain = plain;
    }
  }

  /** One scope's counters per stem, and the names in it that the counters do not tell. */
  private static final class Scope {
    final Map<String, Counter> counters = new HashMap<>(4);
    final Set<String> remembered = new HashSet<>(4);
  }

  private final Map<Integer, Scope> scopes = new HashMap<>();
  // the scope asked for last: rows follow on in one scope, so most look-ups need no boxed id and hash
  private int lastId = -1;
  private Scope last;

  /** The next generated name of {@code stem} in {@code scope}: its number ({@code stem} then the number). */
  int generate(int scope, String stem) {
    Scope in = scope(scope);
    Counter counter = counter(in, stem);
    int n = counter.last;
    do {
      n++;
    } while (taken(in, counter, n));
    counter.last = n;
    if (!counter.plain) {
      in.remembered.add(counter.stem + n);
    }
    return n;
  }

  /** Claims a user's name {@code label} in {@code scope}; false when it is taken already. */
  boolean claim(int scope, String label) {
    Scope in = scope(scope);
    return !givenFromCounters(in, label) && in.remembered.add(label);
  }

  /**
   * Claims a user's name in {@code scope}: {@code base} followed by {@code number} when that is
   * positive ({@code block_3}, a turn of {@code x5 @block}), else {@code base} alone; false when it
   * is taken already.
   */
  boolean claim(int scope, String base, int number) {
    if (number <= 0 || !plain(base)) {
      return claim(scope, number > 0 ? base + number : base);
    }
    Scope in = scope(scope);
    Counter counter = counter(in, base);
    if (number <= counter.last || !in.remembered.isEmpty() && in.remembered.contains(base + number)) {
      return false;
    }
    if (number == counter.last + 1) {
      counter.last = number;
      return true;
    }
    return in.remembered.add(base + number);
  }

  /** The walk has left {@code scope}: its names are settled, and forgotten. */
  void close(int scope) {
    scopes.remove(scope);
    if (scope == lastId) {
      last = null;
    }
  }

  private Scope scope(int id) {
    if (last != null && id == lastId) {
      return last;
    }
    Scope scope = scopes.get(id);
    if (scope == null) {
      scope = new Scope();
      scopes.put(id, scope);
    }
    lastId = id;
    last = scope;
    return scope;
  }

  private static Counter counter(Scope scope, String stem) {
    Counter counter = scope.counters.get(stem);
    if (counter == null) {
      counter = new Counter(stem, plain(stem));
      scope.counters.put(stem, counter);
    }
    return counter;
  }

  private static boolean taken(Scope scope, Counter counter, int n) {
    if (counter.plain && scope.remembered.isEmpty()) {
      return false;
    }
    String name = counter.stem + n;
    return scope.remembered.contains(name) || !counter.plain && givenFromCounters(scope, name);
  }

  /** Whether {@code name} reads as a plain stem and a count given in {@code scope}. */
  private static boolean givenFromCounters(Scope scope, String name) {
    int digits = name.length();
    while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
      digits--;
    }
    // a count has at least one digit, no leading zero, and fits in an int
    if (digits == name.length() || name.charAt(digits) == '0' || name.length() - digits > 9) {
      return false;
    }
    String stem = name.substring(0, digits);
    if (!plain(stem)) {
      return false;
    }
    Counter counter = scope.counters.get(stem);
    return counter != null && Integer.parseInt(name, digits, name.length(), 10) <= counter.last;
  }

  /** A stem whose names read back unambiguously: not empty, not ending in a digit. */
  private static boolean plain(String stem) {
    return !stem.isEmpty() && !Character.isDigit(stem.charAt(stem.length() - 1));
  }
}
