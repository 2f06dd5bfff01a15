package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help, --version, and the usage errors that exit 2. */
class UsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "summary", "check", "zoo"})
  void helpEverywhere(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("Usage: cnnspec" + (command.isEmpty() ? "" : " " + command))
        || r.out().contains("\nUsage: cnnspec " + command), r.out());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertEquals(r.out(), Cli.run(command.isEmpty() ? new String[] {"-h"} : new String[] {command, "-h"}).out());
  }

  @Test
  void helpListsTheCommandsAndOptions() {
    String top = Cli.run("--help").out();
    for (String command : new String[] {"summary", "check", "zoo"}) {
      assertTrue(top.contains("  " + command), top);
    }
    String summary = Cli.run("help", "summary").out();
    for (String option : new String[] {"--format", "--batch", "--dtype", "--depth", "--totals-only", "--gradients",
        "--optimizer", "--input", "--compact"}) {
      assertTrue(summary.contains(option), option + " in\n" + summary);
    }
  }

  @Test
  void theTopLevelHelpFitsEightyColumnsWithOneExampleALine() {
    // without a terminal picocli lays usage out 80 columns wide, as at the narrowest terminal
    String top = Cli.run("--help").out();
    top.lines().forEach(line -> assertTrue(line.length() <= 80, "over 80 columns: " + line));
    String examples = section(top, "Examples:");
    assertEquals(8, examples.lines().count(), examples);
    // a wrapped example continues on a line of its own, which does not start with the command
    examples.lines().forEach(line -> assertTrue(line.startsWith("  cnnspec "), "wrapped: '" + line + "'\n" + top));
  }

  @Test
  void theTopLevelExitCodesCoverEverySubcommands() {
    String top = section(Cli.run("--help").out(), "Exit codes:").replaceAll("\\s+", " ");
    // what summary, draw and export say of 2 and export of 1, which the top-level list left out
    assertTrue(top.contains("output that cannot be written"), top);
    assertTrue(top.contains("export meets a layer the format has no equivalent for"), top);
    for (String command : new String[] {"summary", "draw", "export"}) {
      String own = section(Cli.run(command, "--help").out(), "Exit codes:").replaceAll("\\s+", " ");
      assertTrue(own.contains("cannot be written"), command + ": " + own);
    }
  }

  /** The lines after {@code heading} up to the next blank line or the end. */
  private static String section(String help, String heading) {
    String after = help.substring(help.indexOf("\n" + heading + "\n") + heading.length() + 2);
    int blank = after.indexOf("\n\n");
    return blank < 0 ? after : after.substring(0, blank + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "summary", "check", "zoo"})
  void versionEverywhere(String command) {
    String[] args = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().matches("(?s)cnnspec \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*"), r.out());
    assertEquals(r.out(), Cli.run(command.isEmpty() ? new String[] {"-V"} : new String[] {command, "-V"}).out());
  }

  @Test
  void versionIsTheProjectVersion() {
    assertTrue(VersionProvider.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), VersionProvider.version());
  }

  @Test
  void noCommand() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cnnspec: error: missing command"), r.err());
    assertTrue(r.err().contains("Usage: cnnspec"), r.err());
  }

  @Test
  void unknownCommandSuggests() {
    Cli.Result r = Cli.run("sumary", "vgg16").noStackTrace();
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("summary"), r.err());
  }

  @Test
  void unknownOption() {
    Cli.Result r = Cli.run("summary", "vgg16", "--colour").noStackTrace();
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cnnspec: error: Unknown option: '--colour'"), r.err());
    assertTrue(r.err().contains("Usage: cnnspec summary"), r.err());
    assertTrue(r.err().contains("Try 'cnnspec summary --help'"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "summary",
    "summary vgg16 vgg19",
    "summary vgg16 --format xml",
    "summary vgg16 --dtype fp64",
    "summary vgg16 --batch 0",
    "summary vgg16 --batch -3",
    "summary vgg16 --batch many",
    "summary vgg16 --batch 99999999999",
    "summary vgg16 --depth -1",
    "summary vgg16 --optimizer lbfgs",
    "summary vgg16 --compact",
    "summary vgg16 --format csv --totals-only",
    "summary vgg16 --format",
    "zoo --compact",
    "zoo vgg16 vgg19",
    "check",
  })
  void usageErrorsExitTwo(String line) {
    Cli.Result r = Cli.run(line.split(" ")).noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out(), line);
    assertTrue(r.err().startsWith("cnnspec: error: "), r.err());
    assertTrue(r.err().contains("--help"), r.err());
  }

  @Test
  void badValuesNameTheChoices() {
    assertTrue(Cli.run("summary", "vgg16", "-f", "xml").err().contains("table, markdown (md), csv, json or html"));
    assertTrue(Cli.run("summary", "vgg16", "-t", "fp64").err().contains("fp32"));
    assertTrue(Cli.run("summary", "vgg16", "-O", "lbfgs").err().contains("adam"));
  }

  @Test
  void hugeBatchThatOverflowsIsACleanError() {
    Cli.Result r = Cli.run("summary", "vgg16", "--batch", "2000000000", "-f", "json", "-O", "adam").noStackTrace();
    // 15,237,608 values x 4 bytes x 2e9 still fits in a long; the figures must be exact either way
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("\"forwardBytes\": 121900864000000000"), r.out());
  }

  @Test
  void memoryThatOverflowsALongIsACleanError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path big = Specs.write(dir, "big.cnn", "network Big : 65536x65536x64\n  conv1-64\n");
    Cli.Result r = Cli.run("summary", big.toString(), "--batch", "2000000000").noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cnnspec: error: " + big + ": the memory figures at batch 2000000000"), r.err());
  }
}
