package io.cnnspec.cli;

import io.cnnspec.lang.Compilation;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cnnspec check}: diagnostics only. Every spec is checked, whatever the others give; nothing
 * is printed on standard output unless {@code --verbose}, so CI logs show only the problems.
 */
@Command(
    name = "check",
    aliases = {"c"},
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Only the diagnostics, for any number of specs.",
    description = {
      "Compiles each spec and prints its diagnostics to standard error as file:line:col: message, "
          + "with the source line, a caret under the spot and a hint. Prints nothing when all are clean.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every spec is clean",
      "1:a spec has errors",
      "2:usage error, or a spec cannot be read (a missing file, a directory, not UTF-8 text)",
    })
final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  CnnspecCommand parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "SPEC",
      description = "The .cnn files to check (also bundled networks' names, or - for standard input).")
  List<String> specs;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print a line per clean spec, with its parameters and MACs, on standard output.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no closing count of failed specs.")
  boolean quiet;

  @Override
  public Integer call() {
    Io io = parent.io();
    SpecSource sources = parent.sources();
    int failed = 0;
    int unreadable = 0;
    for (String arg : specs) {
      SpecSource.Spec spec;
      try {
        spec = sources.resolve(arg);
      } catch (InputException e) {
        io.err().println("cnnspec: error: " + e.getMessage());
        unreadable++;
        continue;
      }
      Compilation compilation = SpecCompiler.compile(spec);
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
