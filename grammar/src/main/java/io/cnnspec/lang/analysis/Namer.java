package io.cnnspec.lang.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives every row a name unique within the network: generated names count per stem inside their
 * scope ({@code conv1}, {@code conv2}, {@code fire2.conv1}); user names are taken as written, and
 * generated names step around them.
 */
final class Namer {

  // Counters per scope, then per stem: both keys are strings the walk already holds (hashes
  // cached), where one key prefix + stem was a new string to build and hash for every row. A
  // scope's prefix is "" or ends in '.', and a stem has no '.' before a letter, so the pair names
  // the same counter the concatenation did.
  private final Map<String, Map<String, Integer>> counters = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  String generate(String prefix, String stem) {
    Map<String, Integer> scope = counters.computeIfAbsent(prefix, p -> new HashMap<>());
    int n = scope.getOrDefault(stem, 0);
    String name;
    do {
      n++;
      name = prefix + stem + n;
    } while (used.contains(name));
    scope.put(stem, n);
    used.add(name);
    return name;
  }

  /** Claims a user's name; false when it is taken already. */
  boolean claim(String name) {
    return used.add(name);
  }
}
