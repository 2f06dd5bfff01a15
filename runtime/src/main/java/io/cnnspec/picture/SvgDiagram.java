package io.cnnspec.picture;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A network as an SVG picture: a title, a legend of the colours used, the {@link Diagram} and the
 * totals in a footer. Deterministic: the same network and folding give the same bytes. Figures in
 * the picture are rounded ({@link Counts}); the exact ones are in the reports.
 */
public final class SvgDiagram {

  private static final int MARGIN = 16;
  private static final int MIN_WIDTH = 440;
  private static final int TITLE_SIZE = 16;
  private static final int LINE = 16;
  private static final int SWATCH = 12;
  private static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace";
  private static final String INK = "#111827";
  private static final String MUTED = "#4b5563";
  private static final String EDGE = "#6b7280";

  private SvgDiagram() {}

  /** A standalone SVG document of {@code network}, folded as {@code folding} says. */
  public static String render(NetworkInfo network, Folding folding) {
    StringWriter out = new StringWriter();
    Xml xml = new Xml(out);
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write(xml, network, DiagramLayout.layout(network, folding));
    xml.raw("\n");
    xml.flush();
    return out.toString();
  }

  /**
   * Writes {@code diagram}, laid out from {@code network}, as one {@code <svg>} element, for a
   * document of its own or inline in HTML. Box {@code k} of the diagram is the group with id
   * {@code b<k>} and class {@code box}, holding a {@code rect} of class {@code frame}.
   */
  public static void write(Xml xml, NetworkInfo network, Diagram diagram) {
    String title = network.name();
    String subtitle = network.input() + " → " + network.output() + " · " + layers(network.layers().size());
    List<String> footer = footer(network);
    Set<KindColor> used = EnumSet.noneOf(KindColor.class);
    boolean shares = false;
    for (Diagram.Box box : diagram.boxes()) {
      used.add(box.color());
      shares |= box.params() > 0 && network.params() > 0;
    }

    int inner = Math.max(MIN_WIDTH, diagram.width());
    inner = Math.max(inner, (DiagramLayout.textWidth(title) * TITLE_SIZE + DiagramLayout.FONT_SIZE - 1)
        / DiagramLayout.FONT_SIZE);
    inner = Math.max(inner, DiagramLayout.textWidth(subtitle));
    for (String line : footer) {
      inner = Math.max(inner, DiagramLayout.textWidth(line));
    }
    int width = inner + 2 * MARGIN;

    // the legend's items, wrapped to the width
    int legendTop = MARGIN + TITLE_SIZE + 2 * LINE + 4;
    int x = 0;
    int rowsOfLegend = 1;
    for (KindColor color : used) {
      int item = SWATCH + 6 + DiagramLayout.textWidth(color.label()) + 18;
      if (x > 0 && x + item > inner) {
        rowsOfLegend++;
        x = 0;
      }
      x += item;
    }
    int diagramTop = legendTop + rowsOfLegend * LINE + (shares ? LINE : 0) + 16;
    int footerTop = diagramTop + diagram.height() + 28;
    int height = footerTop + footer.size() * LINE + MARGIN;

    xml.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(width),
        "height", Integer.toString(height), "viewBox", "0 0 " + width + " " + height,
        "font-family", FONT, "font-size", Integer.toString(DiagramLayout.FONT_SIZE), "class", "cnnspec-diagram");
    xml.raw("\n");
    xml.element("title", title + " · " + subtitle);
    xml.start("defs");
    xml.start("marker", "id", "arrow", "viewBox", "0 0 8 8", "refX", "8", "refY", "4", "markerWidth", "7",
        "markerHeight", "7", "markerUnits", "userSpaceOnUse", "orient", "auto");
    xml.empty("path", "d", "M0,0 L8,4 L0,8 z", "fill", EDGE);
    xml.end().end();
    xml.empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff");

    xml.element("text", title, "x", Integer.toString(MARGIN), "y", Integer.toString(MARGIN + TITLE_SIZE - 2),
        "font-size", Integer.toString(TITLE_SIZE), "font-weight", "bold", "fill", INK);
    xml.element("text", subtitle, "x", Integer.toString(MARGIN),
        "y", Integer.toString(MARGIN + TITLE_SIZE + LINE - 2), "fill", MUTED);
    legend(xml, used, shares, MARGIN, legendTop, inner);
    xml.raw("\n");

    xml.start("g", "transform", "translate(" + (MARGIN + (inner - diagram.width()) / 2) + "," + diagramTop + ")");
    edges(xml, diagram);
    boxes(xml, network, diagram);
    xml.end();

    xml.start("g", "class", "footer", "fill", INK);
    xml.empty("line", "x1", Integer.toString(MARGIN), "y1", Integer.toString(footerTop - 14),
        "x2", Integer.toString(width - MARGIN), "y2", Integer.toString(footerTop - 14), "stroke", "#d1d5db");
    for (int i = 0; i < footer.size(); i++) {
      xml.element("text", footer.get(i), "x", Integer.toString(MARGIN),
          "y", Integer.toString(footerTop + i * LINE + 2));
    }
    xml.end();
    xml.end();
  }

  private static void legend(Xml xml, Set<KindColor> used, boolean shares, int left, int top, int inner) {
    xml.start("g", "class", "legend", "fill", INK);
    int x = 0;
    int y = top;
    for (KindColor color : used) {
      int item = SWATCH + 6 + DiagramLayout.textWidth(color.label()) + 18;
      if (x > 0 && x + item > inner) {
        y += LINE;
        x = 0;
      }
      xml.empty("rect", "x", Integer.toString(left + x), "y", Integer.toString(y - SWATCH + 2),
          "width", Integer.toString(SWATCH), "height", Integer.toString(SWATCH), "rx", "2",
          "fill", color.fill(), "stroke", color.stroke());
      xml.element("text", color.label(), "x", Integer.toString(left + x + SWATCH + 6), "y", Integer.toString(y));
      x += item;
    }
    if (shares) {
      y += LINE;
      xml.empty("rect", "x", Integer.toString(left), "y", Integer.toString(y - 5), "width", Integer.toString(SWATCH),
          "height", "3", "fill", INK);
      xml.element("text", "bar under a box: its share of the parameters", "x", Integer.toString(left + SWATCH + 6),
          "y", Integer.toString(y));
    }
    xml.end();
  }

  private static void edges(Xml xml, Diagram diagram) {
    xml.start("g", "class", "edges", "fill", "none", "stroke", EDGE, "stroke-width", "1.2");
    StringBuilder d = new StringBuilder();
    for (Diagram.Edge edge : diagram.edges()) {
      int[] p = edge.points();
      d.setLength(0);
      for (int i = 0; i < p.length; i += 2) {
        d.append(i == 0 ? "M" : " L").append(p[i]).append(',').append(p[i + 1]);
      }
      if (edge.arrow()) {
        xml.empty("path", "d", d.toString(), "marker-end", "url(#arrow)");
      } else {
        xml.empty("path", "d", d.toString());
      }
      xml.raw("\n");
    }
    xml.end();
  }

  private static void boxes(Xml xml, NetworkInfo network, Diagram diagram) {
    List<Diagram.Box> boxes = diagram.boxes();
    for (int k = 0; k < boxes.size(); k++) {
      Diagram.Box box = boxes.get(k);
      boolean block = box.color() == KindColor.BLOCK;
      // an output box reads as an end, not as one more layer
      boolean bold = block || box.color() == KindColor.SIDE_OUTPUT;
      xml.start("g", "class", "box", "id", "b" + k);
      xml.element("title", tooltip(network, box));
      xml.empty("rect", "class", "frame", "x", Integer.toString(box.x()), "y", Integer.toString(box.y()),
          "width", Integer.toString(box.width()), "height", Integer.toString(box.height()),
          "rx", block ? "7" : "4", "fill", box.color().fill(), "stroke", box.color().stroke(),
          "stroke-width", bold ? "2" : "1.2");
      int centre = box.x() + box.width() / 2;
      List<String> lines = box.lines();
      for (int i = 0; i < lines.size(); i++) {
        if (i == 0) {
          xml.element("text", lines.get(i), "x", Integer.toString(centre), "y", Integer.toString(box.y() + 15),
              "text-anchor", "middle", "font-weight", "bold", "fill", INK);
        } else {
          xml.element("text", lines.get(i), "x", Integer.toString(centre),
              "y", Integer.toString(box.y() + 15 + 15 * i), "text-anchor", "middle", "fill", MUTED);
        }
      }
      long bar = 0;
      if (box.params() > 0 && network.params() > 0) {
        // the share of all parameters, as a bar along the bottom of the box
        bar = Math.round((double) (box.width() - 6) * box.params() / network.params());
      }
      if (bar > 0) {
        xml.empty("rect", "class", "share", "x", Integer.toString(box.x() + 3),
            "y", Integer.toString(box.y() + box.height() - 4), "width", Long.toString(bar), "height", "2",
            "fill", box.color().stroke());
      }
      xml.end().raw("\n");
    }
  }

  /** What hovering a box shows: its rows and their figures. */
  private static String tooltip(NetworkInfo network, Diagram.Box box) {
    LayerInfo first = network.layers().get(box.firstRow());
    LayerInfo last = network.layers().get(box.endRow() - 1);
    StringBuilder text = new StringBuilder();
    SideOutput side = sideOutputAt(network, box.firstRow());
    if (side != null) {
      // the side row's own shapes are the main path's; what the box stands for is the branch's result
      text.append(side.name()).append(": side output, ").append(first.input()).append(" → ").append(side.shape());
      if (box.endRow() - box.firstRow() == 1) {
        // the box holds the side row alone; what it costs is in the branch drawn above it
        return text.append(", its branch ").append(Counts.compact(side.macs(), 4)).append(" MACs").toString();
      }
      text.append(", ").append(layers(box.endRow() - box.firstRow()));
    } else if (box.endRow() - box.firstRow() == 1) {
      text.append(first.name()).append(": ").append(first.spec()).append(", ")
          .append(first.input()).append(" → ").append(first.output());
    } else {
      text.append(box.lines().get(0)).append(": ").append(first.name()).append(" to ").append(last.name())
          .append(", ").append(layers(box.endRow() - box.firstRow()));
    }
    text.append(", ").append(Counts.compact(box.params(), 4)).append(" params");
    text.append(", ").append(Counts.compact(box.macs(), 4)).append(" MACs");
    if (network.params() > 0 && box.params() > 0) {
      text.append(", ").append(Counts.percent(box.params(), network.params())).append(" of the params");
    }
    return text.toString();
  }

  private static SideOutput sideOutputAt(NetworkInfo network, int row) {
    for (SideOutput side : network.sideOutputs()) {
      if (side.row() == row) {
        return side;
      }
    }
    return null;
  }

  /** The totals; with side outputs, the MACs are the main output's and each side output's follow. */
  private static List<String> footer(NetworkInfo network) {
    List<String> lines = new ArrayList<>();
    lines.add("Params " + Counts.compact(network.params(), 4) + " (non-trainable state "
        + Counts.compact(network.nonTrainableParams(), 4) + ")");
    lines.add("MACs " + Counts.compact(network.macs(), 4) + (network.sideOutputs().isEmpty() ? "" : " (main output)")
        + " · FLOPs (2 x MACs) " + Counts.compact(network.flops(), 4));
    for (SideOutput side : network.sideOutputs()) {
      lines.add("Side output " + side.name() + ": " + side.shape() + " · MACs " + Counts.compact(side.macs(), 4));
    }
    lines.add("Activations " + Counts.compact(network.activations(), 4) + " values, incl. the input");
    return lines;
  }


  private static String layers(int count) {
    return count == 1 ? "1 layer" : count + " layers";
  }
}
