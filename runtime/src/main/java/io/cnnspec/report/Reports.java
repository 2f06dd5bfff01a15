package io.cnnspec.report;

import io.cnnspec.model.NetworkInfo;
import java.util.Objects;

/**
 * The one entry point the CLI and generated classes call, so both print the same report. The
 * model does not render itself; reports take it.
 */
public final class Reports {

  private Reports() {}

  /**
   * Renders {@code network} in {@code format} (JSON pretty-printed), listing the rows
   * {@link ReportOptions#rows()} selects; CSV carries per-layer figures only and ignores the memory
   * options.
   *
   * @throws ArithmeticException if a total or a byte count overflows {@code long}
   */
  public static String render(NetworkInfo network, ReportFormat format, ReportOptions options) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(options, "options");
    return switch (Objects.requireNonNull(format, "format")) {
      case TABLE -> SummaryTable.render(network, options);
      case MARKDOWN -> MarkdownReport.render(network, options);
      case CSV -> CsvReport.render(network, options.rows());
      case JSON -> JsonReport.render(network, options, JsonWriter.Style.PRETTY);
      case HTML -> HtmlReport.render(network, options);
    };
  }
}
