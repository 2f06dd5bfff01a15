package io.cnnspec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The parts every cnnspec command's picocli model shares. The commands build their models with
 * picocli's programmatic API rather than its annotations: reading annotations costs a command's
 * start about a hundred milliseconds of reflection, proxies and generic signatures
 * (bench/README.md, "Start of the command"), for a model that never changes.
 */
final class Commands {

  private static final VersionProvider VERSION = new VersionProvider();

  private Commands() {}

  /**
   * A command named {@code name} that runs {@code command}: usage in declaration order, as wide as
   * the terminal, {@code --version} from the build.
   */
  static CommandSpec create(Object command, String name) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(VERSION);
    spec.usageMessage().sortOptions(false).autoWidth(true);
    return spec;
  }

  /**
   * Adds {@code -h, --help} and {@code -V, --version} last, as picocli's standard help options
   * (whose mixin would be read by reflection).
   */
  static void addStandardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  /** Lists the exit codes under "Exit codes:", each given as {@code "code:meaning"}. */
  static void exitCodes(CommandSpec spec, String... codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (String code : codes) {
      int colon = code.indexOf(':');
      list.put(code.substring(0, colon), code.substring(colon + 1));
    }
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
  }

  /** A flag, false unless given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
  }
}
