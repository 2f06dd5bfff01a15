package io.cnnspec.report;

import java.util.Locale;

/** The report layouts {@link Reports#render} can produce. */
public enum ReportFormat {
  /** A plain-text table in the manner of torchinfo. */
  TABLE,
  /** A GitHub Markdown table with the totals as lists. */
  MARKDOWN,
  /** RFC 4180 CSV, one record per layer. */
  CSV,
  /** JSON with the totals, the memory estimate and one object per layer; see {@link JsonReport}. */
  JSON,
  /** One self-contained HTML page: the diagram, the layer table with shares, the totals; see {@link HtmlReport}. */
  HTML;

  /**
   * Reads {@code table} (or {@code text}), {@code markdown} (or {@code md}), {@code csv},
   * {@code json} or {@code html}, in any case.
   *
   * @throws IllegalArgumentException naming the valid formats when the text is none of them
   */
  public static ReportFormat parse(String text) {
    String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "table", "text", "txt" -> TABLE;
      case "markdown", "md" -> MARKDOWN;
      case "csv" -> CSV;
      case "json" -> JSON;
      case "html", "htm" -> HTML;
      default -> throw new IllegalArgumentException(
          "unknown report format '" + text + "'; use one of table, markdown (md), csv, json or html");
    };
  }
}
