package io.cnnspec.lang.analysis;

import io.cnnspec.lang.Reporter;
import io.cnnspec.lang.ast.Element;
import io.cnnspec.lang.ast.Sequence;
import io.cnnspec.lang.ast.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A spec's defs, checked once before expansion: unique names that do not shadow layer words,
 * unique parameters, and no def that reaches itself (found statically, so a recursive def is
 * reported even when nothing calls it, and expansion never loops).
 */
final class Definitions {

  private final Map<String, Statement.Def> byName = new LinkedHashMap<>();
  private final Set<String> recursive = new HashSet<>();

  private Definitions() {}

  static Definitions check(List<Statement.Def> defs, Reporter.Source source) {
    Definitions result = new Definitions();
    for (Statement.Def def : defs) {
      String key = key(def.name());
      if (LayerWords.isReserved(def.name())) {
        source.error(def.pos(), "def '" + def.name() + "' shadows a layer word",
            "'" + def.name() + "' already means a built-in layer or modifier", "rename the def, e.g. " + def.name() + "_block");
        continue;
      }
      if (result.byName.containsKey(key)) {
        source.error(def.pos(), "duplicate def '" + def.name() + "'", "a def with this name is defined earlier",
            "rename one of them");
        continue;
      }
      Set<String> params = new HashSet<>();
      for (Statement.Param param : def.params()) {
        if (!params.add(param.name())) {
          source.error(param.pos(), "duplicate parameter '" + param.name() + "'",
              "def " + def.name() + " declares it twice", "rename one of them");
        }
      }
      result.byName.put(key, def);
    }
    result.findCycles(source);
    return result;
  }

  Statement.Def get(String name) {
    return byName.get(key(name));
  }

  boolean isRecursive(String name) {
    return recursive.contains(key(name));
  }

  List<String> names() {
    return byName.values().stream().map(Statement.Def::name).toList();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void findCycles(Reporter.Source source) {
    Map<String, List<String>> calls = new LinkedHashMap<>();
    for (Map.Entry<String, Statement.Def> entry : byName.entrySet()) {
      List<String> callees = new ArrayList<>();
      collectCalls(entry.getValue().body(), callees);
      calls.put(entry.getKey(), callees);
    }
    // A search from every def costs defs x calls, which hangs on a file of many thousand chained
    // defs; the components find the recursive ones in one pass, and only those get a search.
    List<String> keys = new ArrayList<>(calls.keySet());
    boolean[] cyclic = onCycles(keys, calls);
    for (int i = 0; i < keys.size(); i++) {
      if (!cyclic[i]) {
        continue;
      }
      recursive.add(keys.get(i));
      Statement.Def def = byName.get(keys.get(i));
      List<String> path = cycleFrom(keys.get(i), calls);
      String detail = path == null ? "it reaches itself through a long chain of defs"
          : "it reaches itself: " + shown(path.stream().map(k -> byName.get(k).name()).toList());
      source.error(def.pos(), "recursive def '" + def.name() + "'", detail,
          "a def cannot call itself; repeat its layers with xN instead");
    }
  }

  /** A path of a few names in full, a long one by its ends: a huge cycle would flood the message. */
  private static String shown(List<String> path) {
    if (path.size() <= SHOWN_PATH) {
      return String.join(" -> ", path);
    }
    return String.join(" -> ", path.subList(0, SHOWN_PATH - 1)) + " -> ... -> " + path.get(path.size() - 1);
  }

  private static final int SHOWN_PATH = 10;

  /** Calls a path search may look at per def, so that a huge cycle costs linear time, not quadratic. */
  private static final int SEARCH_BUDGET = 1_000;

  /**
   * Which defs lie on a cycle of calls: Tarjan's strongly connected components, iterative because
   * a chain of defs may be far deeper than the Java stack.
   */
  private static boolean[] onCycles(List<String> keys, Map<String, List<String>> calls) {
    int n = keys.size();
    Map<String, Integer> id = new HashMap<>();
    for (int i = 0; i < n; i++) {
      id.put(keys.get(i), i);
    }
    int[][] adjacent = new int[n][];
    for (int i = 0; i < n; i++) {
      adjacent[i] = calls.get(keys.get(i)).stream().filter(id::containsKey).mapToInt(id::get).toArray();
    }
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    int[] nextEdge = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int[] path = new int[n];
    boolean[] cyclic = new boolean[n];
    int counter = 0;
    int top = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      path[depth++] = root;
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = true;
      while (depth > 0) {
        int v = path[depth - 1];
        if (nextEdge[v] < adjacent[v].length) {
          int w = adjacent[v][nextEdge[v]++];
          cyclic[v] |= w == v;
          if (index[w] < 0) {
            path[depth++] = w;
            index[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = true;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int parent = path[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          int end = top;
          int w;
          do {
            w = stack[--top];
            onStack[w] = false;
          } while (w != v);
          if (end - top > 1) {
            for (int k = top; k < end; k++) {
              cyclic[stack[k]] = true;
            }
          }
        }
      }
    }
    return cyclic;
  }

  /**
   * The shortest call path from {@code start} back to itself, or null when it is not found within
   * {@link #SEARCH_BUDGET} calls. Iterative: def chains may be long.
   */
  private static List<String> cycleFrom(String start, Map<String, List<String>> calls) {
    Map<String, String> parent = new LinkedHashMap<>();
    List<String> frontier = new ArrayList<>(List.of(start));
    Set<String> seen = new HashSet<>();
    int budget = SEARCH_BUDGET;
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String node : frontier) {
        for (String callee : calls.getOrDefault(node, List.of())) {
          if (callee.equals(start)) {
            List<String> path = new ArrayList<>();
            path.add(start);
            for (String n = node; n != null && !n.equals(start); n = parent.get(n)) {
              path.add(n);
            }
            path.add(start);
            Collections.reverse(path);
            return path;
          }
          if (--budget < 0) {
            return null;
          }
          if (seen.add(callee) && calls.containsKey(callee)) {
            parent.put(callee, node);
            next.add(callee);
          }
        }
      }
      frontier = next;
    }
    return null;
  }

  private void collectCalls(Sequence sequence, List<String> out) {
    for (Element element : sequence.elements()) {
      if (element instanceof Element.Call call) {
        out.add(key(call.name()));
      } else if (element instanceof Element.Layer layer) {
        if (byName.containsKey(key(layer.word()))) {
          out.add(key(layer.word()));
        }
      } else if (element instanceof Element.Group group) {
        collectCalls(group.body(), out);
      } else if (element instanceof Element.Branch branch) {
        branch.branches().forEach(s -> collectCalls(s, out));
      }
    }
  }
}
