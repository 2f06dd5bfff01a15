package io.cnnspec.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --totals-only} for the text table: the runtime's table of a network with no rows still has
 * the column headings and an empty body between rules; this drops them, leaving the title and
 * the totals. Any
 * other layout is left as it is.
 */
final class TableTrim {

  private TableTrim() {}

  static String withoutLayerHeader(String table) {
    List<String> lines = new ArrayList<>(table.lines().toList());
    // title, rule, column headings, rule, (no rows), rule, totals...
    if (lines.size() > 5 && isRule(lines.get(1)) && isRule(lines.get(3)) && lines.get(3).equals(lines.get(4))) {
      lines.subList(2, 5).clear();
      return String.join("\n", lines) + "\n";
    }
    return table;
  }

  private static boolean isRule(String line) {
    return !line.isEmpty() && line.chars().allMatch(c -> c == '=');
  }
}
