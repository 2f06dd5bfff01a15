package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text summary in the manner of torchinfo: a header naming the network, one row per layer
 * with branches drawn as a tree, then the totals and the memory estimate. Column widths follow the
 * content; lines end in {@code \n} and carry no trailing blanks, so the output is the same bytes on
 * every machine. With {@link Rows#NONE} the column headings and the empty body are left out too,
 * leaving the title and the totals (the rules keep the width the headings would need).
 */
public final class SummaryTable {

  private static final String GAP = "  ";

  private SummaryTable() {}

  /**
   * @throws ArithmeticException if a total or a byte count overflows {@code long}
   */
  public static String render(NetworkInfo network, ReportOptions options) {
    List<LayerInfo> layers = options.rows().select(network);
    List<String[]> rows = new ArrayList<>();
    rows.add(LayerColumns.HEADERS);
    String[] prefixes = LayerTree.prefixes(layers);
    for (int i = 0; i < layers.size(); i++) {
      rows.add(LayerColumns.cells(layers.get(i), prefixes[i]));
    }
    List<String> tableLines = layOut(rows);

    List<Totals.Line> counts = Totals.counts(network);
    List<Totals.Line> memory = Totals.memory(network, options);
    List<Totals.Line> all = new ArrayList<>(counts);
    all.addAll(memory);
    int labelWidth = 0;
    int valueWidth = 0;
    for (Totals.Line line : all) {
      labelWidth = Math.max(labelWidth, line.label().length() + 1);
      valueWidth = Math.max(valueWidth, line.value().length());
    }
    List<String> countLines = new ArrayList<>();
    for (Totals.Line line : counts) {
      countLines.add(footerLine(line, labelWidth, valueWidth));
    }
    List<String> memoryLines = new ArrayList<>();
    memoryLines.add(Totals.memoryHeading(options));
    for (Totals.Line line : memory) {
      memoryLines.add(footerLine(line, labelWidth, valueWidth));
    }

    String header = header(network);
    int width = header.length();
    for (List<String> block : List.of(tableLines, countLines, memoryLines)) {
      for (String line : block) {
        width = Math.max(width, line.length());
      }
    }
    String doubleRule = "=".repeat(width);
    String singleRule = "-".repeat(width);

    StringBuilder out = new StringBuilder();
    appendLine(out, header);
    appendLine(out, doubleRule);
    if (!(options.rows() instanceof Rows.None)) {
      appendLine(out, tableLines.get(0));
      appendLine(out, doubleRule);
      for (String line : tableLines.subList(1, tableLines.size())) {
        appendLine(out, line);
      }
      appendLine(out, doubleRule);
    }
    for (String line : countLines) {
      appendLine(out, line);
    }
    appendLine(out, singleRule);
    for (String line : memoryLines) {
      appendLine(out, line);
    }
    appendLine(out, doubleRule);
    return out.toString();
  }

  /** The spec's own header form, so the line reads as the network it came from. */
  private static String header(NetworkInfo network) {
    return "network " + network.name() + " : " + network.input() + " -> " + network.output();
  }

  private static List<String> layOut(List<String[]> rows) {
    int columns = LayerColumns.HEADERS.length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append(GAP);
        }
        String padding = " ".repeat(widths[c] - row[c].length());
        if (LayerColumns.NUMERIC[c]) {
          line.append(padding).append(row[c]);
        } else {
          line.append(row[c]).append(padding);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static String footerLine(Totals.Line line, int labelWidth, int valueWidth) {
    String label = line.label() + ":";
    StringBuilder text = new StringBuilder(label)
        .append(" ".repeat(labelWidth - label.length()))
        .append(GAP)
        .append(" ".repeat(valueWidth - line.value().length()))
        .append(line.value());
    if (line.note() != null) {
      text.append(" (").append(line.note()).append(')');
    }
    return text.toString();
  }

  private static void appendLine(StringBuilder out, String line) {
    out.append(line).append('\n');
  }
}
