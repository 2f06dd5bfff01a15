package io.cnnspec.cli;

import io.cnnspec.report.JsonWriter;
import io.cnnspec.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The output options summary and zoo share: {@code --format} and {@code --compact}. */
final class OutputFormat {

  private final OptionSpec format;

  private final boolean html;

  private final OptionSpec compact = Commands.flag("JSON on one line instead of indented.", "--compact");

  /** table, markdown, csv and json; and html when {@code html} (a page of one network: summary only). */
  OutputFormat(boolean html) {
    this.html = html;
    format = OptionSpec.builder("-f", "--format")
        .paramLabel("FORMAT")
        .type(ReportFormat.class)
        .defaultValue("table")
        .converters(Options.FORMAT)
        .completionCandidates(html ? Options.FORMAT_NAMES : Options.FORMAT_NAMES.subList(0, 4))
        .description(html
            ? "table, markdown, csv, json or html (default: ${DEFAULT-VALUE})."
            : "table, markdown, csv or json (default: ${DEFAULT-VALUE}).")
        .build();
  }

  /** Adds the options to {@code command}, where they stand in its usage. */
  void addTo(CommandSpec command) {
    command.addOption(format);
    command.addOption(compact);
  }

  /** {@code --format} and {@code --compact}, for a command that asks whether they were given. */
  java.util.List<OptionSpec> options() {
    return java.util.List.of(format, compact);
  }

  ReportFormat format() {
    return format.getValue();
  }

  boolean compact() {
    return compact.getValue();
  }

  /** How JSON is laid out: {@code --compact} on one line, else indented. */
  JsonWriter.Style jsonStyle() {
    return compact() ? JsonWriter.Style.COMPACT : JsonWriter.Style.PRETTY;
  }

  /** Refuses --compact where it would mean nothing, as a usage error of {@code command}. */
  void validate(CommandSpec command) {
    if (!html && format() == ReportFormat.HTML) {
      throw new ParameterException(command.commandLine(),
          "--format html draws one network; use it with 'cnnspec summary SPEC', or here table, markdown, csv or json");
    }
    if (compact() && format() != ReportFormat.JSON) {
      throw new ParameterException(command.commandLine(), "--compact applies to --format json only");
    }
  }
}
