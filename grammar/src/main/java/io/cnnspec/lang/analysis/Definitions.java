package io.cnnspec.lang.analysis;

import io.cnnspec.lang.Reporter;
import io.cnnspec.lang.ast.Element;
import io.cnnspec.lang.ast.Sequence;
import io.cnnspec.lang.ast.Statement;
import java.util.ArrayList;
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
    for (Map.Entry<String, Statement.Def> entry : byName.entrySet()) {
      List<String> path = cycleFrom(entry.getKey(), calls);
      if (path != null) {
        recursive.add(entry.getKey());
        Statement.Def def = entry.getValue();
        List<String> shown = path.stream().map(k -> byName.get(k).name()).toList();
        source.error(def.pos(), "recursive def '" + def.name() + "'",
            "it reaches itself: " + String.join(" -> ", shown),
            "a def cannot call itself; repeat its layers with xN instead");
      }
    }
  }

  /** The call path from {@code start} back to itself, or null. Iterative: def chains may be long. */
  private static List<String> cycleFrom(String start, Map<String, List<String>> calls) {
    Map<String, String> parent = new LinkedHashMap<>();
    List<String> frontier = new ArrayList<>(List.of(start));
    Set<String> seen = new HashSet<>();
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String node : frontier) {
        for (String callee : calls.getOrDefault(node, List.of())) {
          if (callee.equals(start)) {
            List<String> path = new ArrayList<>();
            path.add(start);
            for (String n = node; n != null && !n.equals(start); n = parent.get(n)) {
              path.add(1, n);
            }
            path.add(start);
            return path;
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
