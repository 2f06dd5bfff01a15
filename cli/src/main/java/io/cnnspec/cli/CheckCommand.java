package io.cnnspec.cli;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code cnnspec check}: diagnostics only. Every spec is checked, whatever the others give; nothing
 * is printed on standard output unless {@code --verbose}, so CI logs show only the problems.
 */
final class CheckCommand implements Callable<Integer> {

  private final CnnspecCommand parent;
  private final CommandSpec command = Commands.create(this, "check").aliases("c");

  private final PositionalParamSpec specs = PositionalParamSpec.builder()
      .arity("1..*")
      .required(true)
      .paramLabel("SPEC")
      .type(List.class)
      .auxiliaryTypes(String.class)
      .description("The .cnn files to check (also bundled networks' names, or - for standard input).")
      .build();

  private final OptionSpec verbose = Commands.flag(
      "Also print a line per clean spec, with its parameters and MACs, on standard output.", "-v", "--verbose");

  private final OptionSpec quiet = Commands.flag("Print no closing count of failed specs.", "-q", "--quiet");

  CheckCommand(CnnspecCommand parent) {
    this.parent = parent;
    command.usageMessage()
        .header("Only the diagnostics, for any number of specs.")
        .description("Compiles each spec and prints its diagnostics to standard error as file:line:col: message, "
            + "with the source line, a caret under the spot and a hint. Prints nothing when all are clean.");
    Commands.exitCodes(command,
        "0:every spec is clean",
        "1:a spec has errors",
        "2:usage error, or a spec cannot be read (a missing file, a directory, not UTF-8 text)");
    command.addPositional(specs);
    command.addOption(verbose);
    command.addOption(quiet);
    Commands.addStandardHelpOptions(command);
  }

  CommandSpec spec() {
    return command;
  }

  @Override
  public Integer call() {
    Io io = parent.io();
    SpecResolver sources = parent.sources();
    List<String> specs = this.specs.getValue();
    boolean verbose = this.verbose.getValue();
    boolean quiet = this.quiet.getValue();
    int failed = 0;
    int unreadable = 0;
    for (String arg : specs) {
      SpecResolver.Spec spec;
      try {
        spec = sources.resolve(arg);
      } catch (InputException e) {
        io.err().println("cnnspec: error: " + e.getMessage());
        unreadable++;
        continue;
      }
      Compilation compilation = CnnSpec.compile(new SpecInput.File(spec.text(), spec.origin()), CompileOptions.DEFAULT);
      Diagnostics.print(compilation, io.err(), null);
      if (!compilation.ok()) {
        failed++;
      } else if (verbose) {
        NetworkInfo network = compilation.network().orElseThrow();
        io.out().println(String.format(Locale.ROOT, "%s: ok: %s, %,d params, %,d MACs",
            spec.origin(), network.name(), network.params(), network.macs()));
      }
    }
    if (!quiet && (failed > 0 || unreadable > 0) && specs.size() > 1) {
      StringBuilder summary = new StringBuilder("cnnspec: ")
          .append(String.format(Locale.ROOT, "%,d", specs.size())).append(" specs checked: ");
      if (failed > 0) {
        summary.append(String.format(Locale.ROOT, "%,d with errors", failed));
      }
      if (unreadable > 0) {
        summary.append(failed > 0 ? ", " : "").append(String.format(Locale.ROOT, "%,d unreadable", unreadable));
      }
      io.err().println(summary);
    }
    if (unreadable > 0) {
      return Main.USAGE;
    }
    return failed > 0 ? Main.SPEC_ERROR : Main.OK;
  }
}
