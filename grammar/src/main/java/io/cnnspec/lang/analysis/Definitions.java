package io.cnnspec.lang.analysis;

import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Sequence;
import io.cnnspec.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final java.util.regex.Pattern REPETITION = java.util.regex.Pattern.compile("[xX][0-9_]*");

  private final Map<String, Statement.Def> byName = new LinkedHashMap<>();
  private final Set<String> recursive = new HashSet<>();

  private Definitions() {}

  static Definitions check(List<Statement.Def> defs, Reporter.Source source) {
    Definitions result = new Definitions();
    for (Statement.Def def : defs) {
      String key = key(def.name());
      if (REPETITION.matcher(def.name()).matches()) {
        // a bare x2 after a layer repeats it, so a def of that name could never be called bare
        source.error(DiagnosticCode.DEF_SHADOWS_WORD, def.pos(), "def '" + def.name() + "' reads as a repetition",
            "after a layer, '" + def.name() + "' repeats it", "rename the def, e.g. " + def.name() + "_block");
        continue;
      }
      if (Vocabulary.isReserved(def.name())) {
        source.error(DiagnosticCode.DEF_SHADOWS_WORD, def.pos(), "def '" + def.name() + "' shadows a layer word",
            "'" + def.name() + "' already means a built-in layer or modifier", "rename the def, e.g. " + def.name() + "_block");
        continue;
      }
      if (result.byName.containsKey(key)) {
        source.error(DiagnosticCode.DUPLICATE_DEF, def.pos(), "duplicate def '" + def.name() + "'", "a def with this name is defined earlier",
            "rename one of them");
        continue;
      }
      Set<String> params = new HashSet<>();
      for (Statement.Param param : def.params()) {
        if (!params.add(param.name())) {
          source.error(DiagnosticCode.DUPLICATE_PARAMETER, param.pos(), "duplicate parameter '" + param.name() + "'",
              "def " + def.name() + " declares it twice", "rename one of them");
        }
      }
      result.byName.put(key, def);
    }
    result.findCycles(source);
    return result;
  }

  Statement.Def get(String name) {
    // most specs define nothing: no lower-casing and hashing of every bare word for an empty map
    return byName.isEmpty() ? null : byName.get(key(name));
  }

  /**
   * The def a layer calls, or null: a bare word (no number, channels, stride or modifier) that
   * names a def calls it. The one rule for when a written word is a call rather than a layer.
   */
  Statement.Def calledBy(Element.Layer layer) {
    return layer.wordNumber() == null && layer.channels() == null && layer.stride() == null && layer.strideWidth() == null
        && layer.modifiers().isEmpty() ? get(layer.word()) : null;
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
    List<String> keys = new ArrayList<>(byName.keySet());
    List<List<String>> calls = new ArrayList<>();
    for (String key : keys) {
      List<String> callees = new ArrayList<>();
      collectCalls(byName.get(key).body(), callees);
      calls.add(callees);
    }
    CallGraph graph = new CallGraph(keys, calls);
    boolean[] cyclic = graph.onCycles();
    for (int i = 0; i < keys.size(); i++) {
      if (!cyclic[i]) {
        continue;
      }
      recursive.add(keys.get(i));
      Statement.Def def = byName.get(keys.get(i));
      int[] path = graph.cycleFrom(i);
      String detail = path == null ? "it reaches itself through a long chain of other defs"
          : "it reaches itself: " + shown(path, keys);
      source.error(DiagnosticCode.RECURSIVE_DEF, def.pos(), "recursive def '" + def.name() + "'", detail,
          "a def cannot call itself; repeat its layers with xN instead");
    }
  }

  private static final int SHOWN_PATH = 10;

  /** A path of a few names in full, a long one by its ends: a huge cycle would flood the message. */
  private String shown(int[] path, List<String> keys) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < path.length; i++) {
      if (path.length > SHOWN_PATH && i == SHOWN_PATH - 1) {
        names.add("...");
        i = path.length - 1;
      }
      names.add(byName.get(keys.get(path[i])).name());
    }
    return String.join(" -> ", names);
  }

  /**
   * Which defs call which, by index. A search from every def costs defs x calls, which hung on a
   * file of 100,000 chained defs; the components find the recursive defs in one pass, and only
   * those get a search for the path to show, bounded so that a huge cycle stays linear.
   */
  private static final class CallGraph {
    private static final int SEARCH_BUDGET = 1_000;

    private final int[][] callees;
    private final int[] parent;
    private final int[] visited;
    private final int[] queue;
    private int searches;

    CallGraph(List<String> keys, List<List<String>> calls) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        index.put(keys.get(i), i);
      }
      callees = new int[keys.size()][];
      for (int i = 0; i < keys.size(); i++) {
        callees[i] = calls.get(i).stream().filter(index::containsKey).mapToInt(index::get).toArray();
      }
      parent = new int[keys.size()];
      visited = new int[keys.size()];
      queue = new int[keys.size()];
    }

    /** Tarjan's strongly connected components, iterative: a chain of defs may be far deeper than the stack. */
    boolean[] onCycles() {
      int n = callees.length;
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
          if (nextEdge[v] < callees[v].length) {
            int w = callees[v][nextEdge[v]++];
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
            low[path[depth - 1]] = Math.min(low[path[depth - 1]], low[v]);
          }
          if (low[v] == index[v]) {
            int end = top;
            int w;
            do {
              w = stack[--top];
              onStack[w] = false;
            } while (w != v);
            for (int k = top; end - top > 1 && k < end; k++) {
              cyclic[stack[k]] = true;
            }
          }
        }
      }
      return cyclic;
    }

    /**
     * The shortest call path from {@code start} back to itself, breadth first, or null when it is
     * not found within {@link #SEARCH_BUDGET} calls.
     */
    int[] cycleFrom(int start) {
      int stamp = ++searches;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      int budget = SEARCH_BUDGET;
      while (head < tail) {
        int node = queue[head++];
        for (int callee : callees[node]) {
          if (callee == start) {
            int length = 2;
            for (int n = node; n != start; n = parent[n]) {
              length++;
            }
            int[] path = new int[length];
            path[0] = start;
            path[length - 1] = start;
            for (int n = node, i = length - 2; n != start; n = parent[n], i--) {
              path[i] = n;
            }
            return path;
          }
          if (--budget < 0) {
            return null;
          }
          if (visited[callee] != stamp) {
            visited[callee] = stamp;
            parent[callee] = node;
            queue[tail++] = callee;
          }
        }
      }
      return null;
    }
  }

  private void collectCalls(Sequence sequence, List<String> out) {
    for (Element element : sequence.elements()) {
      if (element instanceof Element.Call call) {
        out.add(key(call.name()));
      } else if (element instanceof Element.Layer layer) {
        // any mention, not only a call (calledBy): def b { b-64 } is reported as recursive rather
        // than as an unknown layer, which reads better and is what the spec's author meant
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
