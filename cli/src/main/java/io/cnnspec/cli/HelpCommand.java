package io.cnnspec.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code cnnspec help [COMMAND]}: picocli's {@code HelpCommand}, with the same texts and behaviour,
 * built with the programmatic API, since picocli's own is read from its annotations.
 */
final class HelpCommand implements Callable<Integer>, IHelpCommandInitializable2 {

  private final CommandSpec command = CommandSpec.wrapWithoutInspection(this).name("help").helpCommand(true);

  private final PositionalParamSpec commandName = PositionalParamSpec.builder()
      .index("0")
      .arity("0..1")
      .paramLabel("COMMAND")
      .type(String.class)
      .descriptionKey("helpCommand.command")
      .description("The COMMAND to display the usage help message for.")
      .build();

  private CommandLine self;
  private ColorScheme colorScheme;
  private PrintWriter out;

  HelpCommand() {
    command.usageMessage()
        .header("Display help information about the specified command.")
        .synopsisHeading("%nUsage: ")
        .description("%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n");
    command.addPositional(commandName);
    command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .descriptionKey("helpCommand.help")
        .description("Show usage help for the help command and exit.")
        .build());
  }

  CommandSpec spec() {
    return command;
  }

  @Override
  public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colorScheme = colorScheme;
    this.out = out;
  }

  /** The usage of the parent command, or of its subcommand named by COMMAND. */
  @Override
  public Integer call() {
    CommandLine parent = self == null ? null : self.getParent();
    if (parent == null) {
      return 0;
    }
    String name = commandName.getValue();
    CommandLine shown = parent;
    if (name != null) {
      Map<String, CommandLine> subcommands = parent.getCommandSpec().subcommands();
      shown = subcommands.get(name);
      if (shown == null) {
        throw new ParameterException(parent, "Unknown subcommand '" + name + "'.", null, name);
      }
    }
    shown.usage(out, colorScheme);
    return shown.getCommandSpec().exitCodeOnUsageHelp();
  }
}
