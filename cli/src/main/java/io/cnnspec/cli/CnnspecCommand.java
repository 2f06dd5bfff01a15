package io.cnnspec.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code cnnspec}: the top-level command, holding the streams its subcommands write to. */
@Command(
    name = "cnnspec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Parameters, MACs, activation memory and receptive fields of convolutional networks written "
          + "in the cnnspec language (conv3-64x2 pool ... fc1000), checked for shapes that do not fit.",
    },
    subcommands = {SummaryCommand.class, CheckCommand.class, ZooCommand.class, HelpCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:fine",
      "1:a spec has errors (they are printed to standard error as file:line:col)",
      "2:usage error: a wrong option, or a spec that cannot be read (missing file, directory, "
          + "not UTF-8 text, unknown zoo name)",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cnnspec summary vgg16                   the bundled VGG-16, as a table",
      "  cnnspec summary my.cnn --format json    a spec file, as JSON",
      "  cnnspec summary - < my.cnn              a spec on standard input",
      "  cnnspec check specs/*.cnn               diagnostics only, for CI",
      "  cnnspec zoo                             the bundled networks",
    })
final class CnnspecCommand implements Callable<Integer> {

  private final Io io;
  private final Zoo zoo;

  @Spec
  CommandSpec spec;

  CnnspecCommand(Io io, Zoo zoo) {
    this.io = io;
    this.zoo = zoo;
  }

  Io io() {
    return io;
  }

  Zoo zoo() {
    return zoo;
  }

  SpecSource sources() {
    return new SpecSource(io, zoo);
  }

  /** Without a command: say so, show the usage, exit 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("cnnspec: error: missing command (summary, check or zoo)");
    spec.commandLine().usage(err);
    return Main.USAGE;
  }

  static int execute(String[] args, Io io) {
    return execute(args, io, Zoo.bundled());
  }

  static int execute(String[] args, Io io, Zoo zoo) {
    CommandLine commandLine = new CommandLine(new CnnspecCommand(io, zoo));
    PrintWriter out = writer(io.out());
    PrintWriter err = writer(io.err());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(CnnspecCommand::usageError);
    commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println(Failures.message(e));
      return Main.SPEC_ERROR;
    });
    commandLine.setAbbreviatedOptionsAllowed(false);
    commandLine.setOverwrittenOptionsAllowed(true);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A usage error: the message, "did you mean", the synopsis and where to find more; exit 2. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("cnnspec: error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    CommandLine.Help help = command.getHelp();
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return Main.USAGE;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
