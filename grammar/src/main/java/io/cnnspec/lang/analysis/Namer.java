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
 * stem {@code block} could give too) are remembered one by one.
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
    final boolean plain;
    int last;

    Counter(String base, boolean plain) {
      this.base = base;
      this.plain = plain;
    }
  }

  // Counters per scope, then per stem: both keys are strings the walk already holds (hashes
  // cached). A scope's prefix is "" or ends in '.', and a stem has no '.', so the pair names the
  // same counter the concatenation would.
  private final Map<String, Map<String, Counter>> counters = new HashMap<>();
  private final Set<String> remembered = new HashSet<>();

  Name generate(String prefix, String stem) {
    Map<String, Counter> scope = counters.get(prefix);
    if (scope == null) {
      scope = new HashMap<>();
      counters.put(prefix, scope);
    }
    Counter counter = scope.get(stem);
    if (counter == null) {
      counter = new Counter(prefix + stem, plain(stem));
      scope.put(stem, counter);
    }
    int n = counter.last;
    do {
      n++;
    } while (taken(counter, n));
    counter.last = n;
    if (!counter.plain) {
      remembered.add(counter.base + n);
    }
    return new Name(counter.base, n);
  }

  private boolean taken(Counter counter, int n) {
    if (counter.plain && remembered.isEmpty()) {
      return false;
    }
    String name = counter.base + n;
    return remembered.contains(name) || !counter.plain && givenFromCounters(name);
  }

  /** Claims a user's name; false when it is taken already. */
  boolean claim(String name) {
    return !givenFromCounters(name) && remembered.add(name);
  }

  /** Whether {@code name} reads as scope, a plain stem and a count already given. */
  private boolean givenFromCounters(String name) {
    int digits = name.length();
    while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
      digits--;
    }
    // a count has at least one digit, no leading zero, and fits in an int
    if (digits == name.length() || name.charAt(digits) == '0' || name.length() - digits > 9) {
      return false;
    }
    int dot = name.lastIndexOf('.', digits - 1);
    String stem = name.substring(dot + 1, digits);
    if (!plain(stem)) {
      return false;
    }
    Map<String, Counter> scope = counters.get(name.substring(0, dot + 1));
    Counter counter = scope == null ? null : scope.get(stem);
    return counter != null && Integer.parseInt(name, digits, name.length(), 10) <= counter.last;
  }

  /** A stem whose names read back unambiguously: not empty, no '.', not ending in a digit. */
  private static boolean plain(String stem) {
    return !stem.isEmpty() && !Character.isDigit(stem.charAt(stem.length() - 1)) && stem.indexOf('.') < 0;
  }
}
