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

  private final Map<String, Integer> counters = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  String generate(String prefix, String stem) {
    String key = prefix + stem;
    int n = counters.getOrDefault(key, 0);
    String name;
    do {
      n++;
      name = key + n;
    } while (used.contains(name) || used.contains(name + "."));
    counters.put(key, n);
    used.add(name);
    return name;
  }

  /** Claims a user's name; false when it is taken already. */
  boolean claim(String name) {
    return used.add(name);
  }
}
