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
 * <p>A generated name whose stem ends in a letter (and has no dot) reads back unambiguously as scope, stem and
 * count ({@code fire2.conv13} is scope {@code fire2.}, stem {@code conv}, 13), so the counters
 * alone tell whether it was given: such names, nearly every row's, are not kept in a set. A set of
 * a million names was the largest thing a long spec's walk kept alive besides its rows. Only user
 * names and names from stems ending in a digit ({@code def block2} gives {@code block21}, which
 * stem {@code block} could give too) are remembered one by one, in their scope.
 *
 * <p>A scope (a def call's, a labelled group's) is {@linkplain #close closed} when the walk leaves
 * it: nothing can be named in it afterwards (its own name is taken in the scope around it), so its
 * counters and names go. A million def calls kept a million scopes alive.
 */
final class Namer {

  /** A generated name: {@code base} (scope and stem) followed by {@code number}. */
  record Name(String base, int number) {
    @Override
    public String toString() {
      return base + number;
    }
  }

  /** The last count given per stem, with the stem's names' common start. */
  private static final class Counter {
    final String base;
    final int prefixLength;
    final boolean plain;
    int last;

    Counter(String base, int prefixLength, boolean plain) {
      this.base = base;
      this.prefixLength = prefixLength;
      this.plain = plain;
    }
  }

  /** One scope's counters per stem, and the names in it that the counters do not tell. */
  private static final class Scope {
    final Map<String, Counter> counters = new HashMap<>(4);
    final Set<String> remembered = new HashSet<>(4);
  }

  // Scopes by prefix ("" or ending in '.'): a stem has no '.', and a name in a scope starts with a
  // letter, so no name of one scope can be spelled by another.
  private final Map<String, Scope> scopes = new HashMap<>();

  Name generate(String prefix, String stem) {
    Scope scope = scope(prefix);
    Counter counter = counter(scope, prefix, stem);
    int n = counter.last;
    do {
      n++;
    } while (taken(scope, counter, n));
    counter.last = n;
    if (!counter.plain) {
      scope.remembered.add(counter.base + n);
    }
    return new Name(counter.base, n);
  }

  private Scope scope(String prefix) {
    Scope scope = scopes.get(prefix);
    if (scope == null) {
      scope = new Scope();
      scopes.put(prefix, scope);
    }
    return scope;
  }

  private boolean taken(Scope scope, Counter counter, int n) {
    if (counter.plain && scope.remembered.isEmpty()) {
      return false;
    }
    String name = counter.base + n;
    return scope.remembered.contains(name) || !counter.plain && givenFromCounters(scope, name, counter.prefixLength);
  }

  /** Claims a user's name {@code label} in the scope {@code prefix}; false when it is taken already. */
  boolean claim(String prefix, String label) {
    Scope scope = scope(prefix);
    String name = prefix + label;
    return !givenFromCounters(scope, name, prefix.length()) && scope.remembered.add(name);
  }

  /**
   * Claims a user's name in the scope {@code prefix}: {@code base} followed by {@code number} when
   * that is positive ({@code block_3}, a turn of {@code x5 @block}), else {@code base} alone; false
   * when it is taken already. The turns of a labelled repetition come in order, so, like generated
   * names, they are told by their stem's counter rather than kept one by one.
   */
  boolean claim(String prefix, String base, int number) {
    if (number <= 0 || !plain(base)) {
      return claim(prefix, number > 0 ? base + number : base);
    }
    Scope scope = scope(prefix);
    Counter counter = counter(scope, prefix, base);
    if (number <= counter.last || !scope.remembered.isEmpty() && scope.remembered.contains(prefix + base + number)) {
      return false;
    }
    if (number == counter.last + 1) {
      counter.last = number;
      return true;
    }
    return scope.remembered.add(prefix + base + number);
  }

  private static Counter counter(Scope scope, String prefix, String stem) {
    Counter counter = scope.counters.get(stem);
    if (counter == null) {
      counter = new Counter(prefix + stem, prefix.length(), plain(stem));
      scope.counters.put(stem, counter);
    }
    return counter;
  }

  /** The walk has left the scope {@code prefix}: its names are settled, and forgotten. */
  void close(String prefix) {
    scopes.remove(prefix);
  }

  /** Whether {@code name}, whose part in its scope starts at {@code local}, reads as a plain stem and a count given. */
  private static boolean givenFromCounters(Scope scope, String name, int local) {
    int digits = name.length();
    while (digits > local && Character.isDigit(name.charAt(digits - 1))) {
      digits--;
    }
    // a count has at least one digit, no leading zero, and fits in an int
    if (digits == name.length() || name.charAt(digits) == '0' || name.length() - digits > 9) {
      return false;
    }
    String stem = name.substring(local, digits);
    if (!plain(stem)) {
      return false;
    }
    Counter counter = scope.counters.get(stem);
    return counter != null && Integer.parseInt(name, digits, name.length(), 10) <= counter.last;
  }

  /** A stem whose names read back unambiguously: not empty, no '.', not ending in a digit. */
  private static boolean plain(String stem) {
    return !stem.isEmpty() && !Character.isDigit(stem.charAt(stem.length() - 1)) && stem.indexOf('.') < 0;
  }
}
