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

  /** The last count given per stem; a holder, so that counting past 127 boxes nothing. */
  private static final class Counter {
    int last;
  }

  // Counters per scope, then per stem: both keys are strings the walk already holds (hashes
  // cached). A scope's prefix is "" or ends in '.', and a stem has no '.', so the pair names the
  // same counter the concatenation would.
  private final Map<String, Map<String, Counter>> counters = new HashMap<>();
  private final Set<String> remembered = new HashSet<>();

  String generate(String prefix, String stem) {
    Counter counter = counters.computeIfAbsent(prefix, p -> new HashMap<>()).computeIfAbsent(stem, s -> new Counter());
    boolean plain = plain(stem);
    int n = counter.last;
    String name;
    do {
      n++;
      name = prefix + stem + n;
    } while (!remembered.isEmpty() && remembered.contains(name) || !plain && givenFromCounters(name));
    counter.last = n;
    if (!plain) {
      remembered.add(name);
    }
    return name;
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
