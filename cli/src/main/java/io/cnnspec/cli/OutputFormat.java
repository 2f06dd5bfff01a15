package io.cnnspec.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The output options summary and zoo share: {@code --format} and {@code --compact}. */
final class OutputFormat {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Options.FormatConverter.class,
      completionCandidates = Options.FormatNames.class,
      description = "table, markdown, csv or json (default: ${DEFAULT-VALUE}).")
  Options.Format format;

  @Option(names = "--compact", description = "JSON on one line instead of indented.")
  boolean compact;

  /** Refuses --compact where it would mean nothing, as a usage error of {@code command}. */
  void validate(CommandSpec command) {
    if (compact && format != Options.Format.JSON) {
      throw new ParameterException(command.commandLine(), "--compact applies to --format json only");
    }
  }
}
