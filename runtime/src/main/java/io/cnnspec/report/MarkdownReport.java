package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;

/**
 * The summary as GitHub Markdown: a heading, the layer table, and the totals and memory estimate as
 * lists, with the same figures as {@link SummaryTable}, listing the rows {@link ReportOptions#rows()}
 * selects. Lines end in {@code \n}.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  /**
   * @throws ArithmeticException if a total or a byte count overflows {@code long}
   */
  public static String render(NetworkInfo network, ReportOptions options) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(Escaping.markdownCell(network.name())).append("\n\n");
    out.append("Input ").append(network.input())
        .append(", output ").append(network.output()).append(".\n\n");

    List<LayerInfo> layers = options.rows().select(network);
    // no rows (--totals-only): no table at all, rather than a header over nothing
    if (!layers.isEmpty()) {
      row(out, LayerColumns.HEADERS);
      out.append('|');
      for (boolean numeric : LayerColumns.NUMERIC) {
        out.append(numeric ? " --: |" : " :-- |");
      }
      out.append('\n');
    }
    String[] prefixes = LayerTree.prefixes(layers);
    for (int i = 0; i < layers.size(); i++) {
      LayerInfo layer = layers.get(i);
      // Markdown collapses ordinary spaces, which would flatten the tree; no-break spaces keep it.
      String[] cells = LayerColumns.cells(layer, prefixes[i].replace(' ', '\u00A0'));
      for (int c = 0; c < cells.length; c++) {
        cells[c] = Escaping.markdownCell(cells[c]);
      }
      cells[1] = code(layer.spec());
      row(out, cells);
    }

    if (!layers.isEmpty()) {
      out.append('\n');
    }
    list(out, Totals.counts(network));
    out.append('\n').append(Totals.memoryHeading(options)).append(":\n\n");
    list(out, Totals.memory(network, options));
    return out.toString();
  }

  private static void row(StringBuilder out, String[] cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell).append(" |");
    }
    out.append('\n');
  }

  private static void list(StringBuilder out, List<Totals.Line> lines) {
    for (Totals.Line line : lines) {
      out.append("- ").append(line.label()).append(": ").append(line.value());
      if (line.note() != null) {
        out.append(" (").append(line.note()).append(')');
      }
      out.append('\n');
    }
  }

  /** A spec as code; a spec holding a backtick cannot be one and stays plain text. */
  private static String code(String spec) {
    if (spec.isEmpty() || spec.contains("`")) {
      return Escaping.markdownCell(spec);
    }
    return "`" + Escaping.markdownCell(spec) + "`";
  }
}
