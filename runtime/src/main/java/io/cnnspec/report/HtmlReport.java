package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.picture.Diagram;
import io.cnnspec.picture.DiagramLayout;
import io.cnnspec.picture.Folding;
import io.cnnspec.picture.SvgDiagram;
import io.cnnspec.picture.Xml;
import java.io.StringWriter;
import java.util.List;

/**
 * The summary as one self-contained HTML page: the diagram ({@link SvgDiagram}), the per-layer table
 * with each layer's share of the parameters and MACs as bars, and the totals and memory estimate,
 * with the same figures as {@link SummaryTable}. No network access: the style and script are inline
 * and the fonts the reader's own. Clicking a box highlights its rows in the table, clicking a row
 * its box. Deterministic, and every name is escaped.
 */
public final class HtmlReport {

  private static final String STYLE = """
      body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;background:#f9fafb}
      header{padding:12px 20px;border-bottom:1px solid #e5e7eb;background:#fff}
      h1{font-size:20px;margin:0}
      header p{margin:4px 0 0;color:#4b5563}
      main{display:flex;gap:16px;padding:16px 20px;align-items:flex-start}
      .diagram,.layers{background:#fff;border:1px solid #e5e7eb;border-radius:6px;overflow:auto;max-height:calc(100vh - 120px)}
      .diagram{flex:0 1 auto;max-width:55vw}
      .layers{flex:1 1 auto}
      .diagram svg{display:block}
      svg g.box{cursor:pointer}
      svg g.box.hl rect.frame{stroke:#111827;stroke-width:3}
      table{border-collapse:collapse;font-size:12px}
      th,td{padding:2px 8px;text-align:left;white-space:nowrap}
      th{position:sticky;top:0;background:#f3f4f6;border-bottom:1px solid #d1d5db}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      td.spec,td.name{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace}
      tbody tr{cursor:pointer}
      tbody tr:hover{background:#f3f4f6}
      tbody tr.hl{background:#fde68a}
      td.name{white-space:pre}
      td.share{min-width:110px;text-align:right;color:#374151;background:linear-gradient(90deg,var(--c) var(--p),transparent var(--p)) no-repeat}
      td.params{--c:#bfdbfe}
      td.macs{--c:#fed7aa}
      .totals{padding:0 20px 20px}
      .totals table{background:#fff;border:1px solid #e5e7eb}
      .totals h2{font-size:15px;margin:12px 0 6px}
      """;

  // Reads only the page's own markup; kept free of '<' and '&', which the page never needs here.
  private static final String SCRIPT = """
      (function () {
        'use strict';
        function clear() {
          document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
        }
        document.querySelectorAll('svg g.box').forEach(function (box) {
          box.addEventListener('click', function () {
            clear();
            box.classList.add('hl');
            var rows = document.querySelectorAll('tr[data-box="' + box.id + '"]');
            rows.forEach(function (row) { row.classList.add('hl'); });
            if (rows.length) { rows[0].scrollIntoView({block: 'nearest'}); }
          });
        });
        document.querySelectorAll('tr[data-box]').forEach(function (row) {
          row.addEventListener('click', function () {
            clear();
            row.classList.add('hl');
            var box = document.getElementById(row.getAttribute('data-box'));
            if (box) {
              box.classList.add('hl');
              box.scrollIntoView({block: 'nearest', inline: 'nearest'});
            }
          });
        });
      })();
      """;

  private static final String[] HEADERS = {"Layer", "Spec", "Output shape", "Params", "% params", "MACs", "% MACs",
      "Activations", "RF"};

  private HtmlReport() {}

  /**
   * The page of {@code network}. With {@link Rows#ALL} the diagram is folded as {@code cnnspec
   * draw} folds by default (def calls and repetitions as one box each) and the table lists every
   * row; with {@link Rows#toDepth} the diagram is unfolded to that depth (a deeper merge is one box)
   * and the table lists those rows; with {@link Rows#NONE} the table is left out. The totals always
   * cover the whole network.
   *
   * @throws ArithmeticException if a total or a byte count overflows {@code long}
   * @throws IllegalArgumentException if the diagram would hold more boxes than
   *     {@link DiagramLayout#MAX_BOXES}
   */
  public static String render(NetworkInfo network, ReportOptions options) {
    Folding folding = options.rows() instanceof Rows.ToDepth toDepth ? Folding.depth(toDepth.depth()) : Folding.BLOCKS;
    Diagram diagram = DiagramLayout.layout(network, folding);
    List<LayerInfo> layers = network.layers();
    int[] boxOfRow = diagram.boxOfRow(layers.size());
    List<Totals.Line> counts = Totals.counts(network);
    List<Totals.Line> memory = Totals.memory(network, options);

    StringWriter out = new StringWriter();
    Xml html = new Xml(out);
    html.raw("<!DOCTYPE html>\n");
    html.start("html", "lang", "en");
    html.start("head");
    html.empty("meta", "charset", "utf-8");
    html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    // no favicon request: the page loads nothing
    html.empty("link", "rel", "icon", "href", "data:,");
    html.element("title", network.name() + " · cnnspec");
    html.start("style").raw(STYLE).end();
    html.end().raw("\n");

    html.start("body");
    html.start("header");
    html.element("h1", network.name());
    html.element("p", "Input " + network.input() + ", output " + network.output() + ", "
        + Figures.grouped(network.params()) + " parameters, " + Figures.grouped(network.macs())
        + " MACs. Click a box to find its rows in the table, or a row to find its box.");
    html.end().raw("\n");

    html.start("main");
    html.start("section", "class", "diagram");
    SvgDiagram.write(html, network, diagram);
    html.end().raw("\n");
    if (!(options.rows() instanceof Rows.None)) {
      html.start("section", "class", "layers");
      table(html, network, boxOfRow, options.rows());
      html.end();
    }
    html.end().raw("\n");

    html.start("section", "class", "totals");
    html.element("h2", "Totals");
    totals(html, counts);
    html.element("h2", Totals.memoryHeading(options));
    totals(html, memory);
    html.end().raw("\n");

    html.start("script").raw(SCRIPT).end();
    html.end().end().raw("\n");
    html.flush();
    return out.toString();
  }

  private static void table(Xml html, NetworkInfo network, int[] boxOfRow, Rows shown) {
    html.start("table");
    html.start("thead").start("tr");
    for (String header : HEADERS) {
      boolean numeric = !header.equals("Layer") && !header.equals("Spec") && !header.equals("Output shape");
      html.element("th", header, "class", numeric ? "n" : "t");
    }
    html.end().end().raw("\n");
    html.start("tbody");
    List<ShownRows.Shown> rows = ShownRows.of(shown, network);
    String[] prefixes = LayerTree.prefixes(rows.stream().map(ShownRows.Shown::row).toList());
    for (int i = 0; i < rows.size(); i++) {
      LayerInfo layer = rows.get(i).row();
      int first = rows.get(i).first();
      String[] cells = LayerColumns.cells(layer, prefixes[i]);
      // a row that stands for a collapsed span is found from (and finds) its first row's box
      html.start("tr", "id", "r" + first, "data-box", "b" + boxOfRow[first]);
      html.element("td", cells[0], "class", "name");
      html.element("td", cells[1], "class", "spec");
      html.element("td", cells[2]);
      html.element("td", cells[3], "class", "n");
      share(html, layer.params(), network.params(), "params");
      html.element("td", cells[4], "class", "n");
      share(html, layer.macs(), network.macs(), "macs");
      html.element("td", cells[5], "class", "n");
      html.element("td", cells[6], "class", "n");
      html.end().raw("\n");
    }
    html.end().end();
  }

  /** A cell with {@code part}'s share of {@code whole}: the percentage over a bar as long. */
  private static void share(Xml html, long part, long whole, String kind) {
    if (part == 0 || whole == 0) {
      html.element("td", "", "class", "share " + kind);
      return;
    }
    String percent = Figures.fixed(100.0 * part / whole, 2) + "%";
    // a share that rounds to nothing still is one: a batch norm's 64 parameters among 23 million
    String text = percent.equals("0.00%") ? "<0.01%" : percent;
    html.element("td", text, "class", "share " + kind, "style", "--p:" + percent);
  }

  private static void totals(Xml html, List<Totals.Line> lines) {
    html.start("table").start("tbody");
    for (Totals.Line line : lines) {
      html.start("tr");
      html.element("td", line.label());
      html.element("td", line.value(), "class", "n");
      html.element("td", line.note() == null ? "" : line.note());
      html.end();
    }
    html.end().end().raw("\n");
  }
}
