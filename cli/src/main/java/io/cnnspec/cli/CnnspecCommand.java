package io.cnnspec.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code cnnspec}: the top-level command, holding the streams its subcommands write to. */
final class CnnspecCommand implements Callable<Integer> {

  /** picocli's system property: regular expressions of the optional converters' types to skip. */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  private final Io io;
  private final Zoo zoo;
  private final CommandSpec spec = Commands.create(this, "cnnspec");

  CnnspecCommand(Io io, Zoo zoo) {
    this.io = io;
    this.zoo = zoo;
    spec.usageMessage()
        .synopsisSubcommandLabel("COMMAND")
        .description("Parameters, MACs, activation memory and receptive fields of convolutional networks written "
            + "in the cnnspec language (conv3-64x2 pool ... fc1000), checked for shapes that do not fit.")
        .commandListHeading("%nCommands:%n")
        .footerHeading("%nExamples:%n")
        // one line each, at most 79 columns: picocli wraps a longer one at an 80-column terminal
        .footer(
            "  cnnspec summary vgg16                   the bundled VGG-16, as a table",
            "  cnnspec summary my.cnn --format json    a spec file, as JSON",
            "  cnnspec summary - < my.cnn              a spec on standard input",
            "  cnnspec summary vgg16 -f html > v.html  a page: the diagram and the table",
            "  cnnspec draw inception_v3 -o i.svg      the network as an SVG diagram",
            "  cnnspec check specs/*.cnn               diagnostics only, for CI",
            "  cnnspec export resnet50 --to pytorch -o resnet50.py   a PyTorch module",
            "  cnnspec zoo                             the bundled networks");
    // the union of the subcommands' lists, in the words of the README's "The command line"
    Commands.exitCodes(spec,
        "0:fine",
        "1:a spec has errors (printed to standard error as file:line:col), or export meets a layer "
            + "the format has no equivalent for",
        "2:usage error: a wrong option, a spec that cannot be read (missing file, directory, not UTF-8 "
            + "text, unknown zoo name), or output that cannot be written (an -o file whose directory does "
            + "not exist or that is not writable, a full disk, a closed standard output)");
    Commands.addStandardHelpOptions(spec);
  }

  Io io() {
    return io;
  }

  Zoo zoo() {
    return zoo;
  }

  SpecResolver sources() {
    return new SpecResolver(io, zoo);
  }

  /** Without a command: say so, show the usage, exit 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("cnnspec: error: missing command (summary, draw, check, zoo or export)");
    spec.commandLine().usage(err);
    return Main.USAGE;
  }

  static int execute(String[] args, Io io) {
    return execute(args, io, Zoo.bundled());
  }

  static int execute(String[] args, Io io, Zoo zoo) {
    // Each CommandLine registers picocli's built-in converters; those for java.sql, java.time and
    // java.nio.file types are found by reflection, loading and initialising dozens of classes (about
    // 25 ms of the start). No option here has such a type; one that did would need its own converter.
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, ".*");
    }
    CnnspecCommand top = new CnnspecCommand(io, zoo);
    CommandLine commandLine = new CommandLine(top.spec);
    commandLine.addSubcommand(new SummaryCommand(top).spec());
    commandLine.addSubcommand(new CheckCommand(top).spec());
    commandLine.addSubcommand(new DrawCommand(top).spec());
    commandLine.addSubcommand(new ZooCommand(top).spec());
    commandLine.addSubcommand(new ExportCommand(top).spec());
    commandLine.addSubcommand(new HelpCommand().spec());
    PrintWriter out = writer(io.out());
    PrintWriter err = writer(io.err());
    commandLine.setOut(out);
    commandLine.setErr(err);
    ErrorHandler handler = new ErrorHandler();
    commandLine.setParameterExceptionHandler(handler);
    commandLine.setExecutionExceptionHandler(handler);
    commandLine.setAbbreviatedOptionsAllowed(false);
    commandLine.setOverwrittenOptionsAllowed(true);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** What the command does when it fails (a class, not lambdas: it implements picocli's interfaces). */
  private static final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** A usage error: the message, "did you mean", the synopsis and where to find more; exit 2. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
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

    /** A failure that is cnnspec's own: one line, exit 1. */
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
      command.getErr().println(Failures.message(e));
      return Main.SPEC_ERROR;
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
