package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's promises that are not examples of the language: its Quick start is exactly two
 * one-line commands, CI runs the second verbatim, and the figures in its prose are the ones the
 * generated classes carry.
 */
class ReadmeTest {

  private static String read(String file) throws IOException {
    return Files.readString(LanguageDocTest.root().resolve(file));
  }

  /** The {@code sh} blocks between "## Quick start" and the next section. */
  private static List<LanguageDocTest.Block> quickStart() throws IOException {
    List<String> lines = read("README.md").lines().toList();
    int start = lines.indexOf("## Quick start") + 1;
    assertTrue(start > 0, "README.md has a Quick start section");
    int end = start;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    int first = start;
    int last = end;
    return LanguageDocTest.blocks("README.md").stream()
        .filter(b -> b.line() > first && b.line() <= last && b.info().equals("sh"))
        .toList();
  }

  @Test
  void quickStartIsTwoOneLineCommands() throws IOException {
    List<LanguageDocTest.Block> commands = quickStart();
    assertEquals(2, commands.size(), "sh blocks in the Quick start");
    for (LanguageDocTest.Block command : commands) {
      assertEquals(1, command.text().strip().lines().count(), "one line at " + command.where());
    }
    assertTrue(commands.get(0).text().contains("./cnnspec summary vgg16"), commands.get(0).text());
  }

  @Test
  void ciRunsTheTestCommandVerbatim() throws IOException {
    String test = quickStart().get(1).text().strip();
    List<String> ci = read(".ci/run").lines().map(String::strip).toList();
    assertTrue(ci.contains(test), ".ci/run runs '" + test + "'");
  }

  @Test
  void theBuildCommandBuildsWhatTheLauncherRuns() throws IOException {
    String build = quickStart().get(0).text().strip();
    String launcher = read("cnnspec");
    assertTrue(launcher.contains("cli/target/cnnspec.jar"), "the launcher runs cli/target/cnnspec.jar");
    String install = build.substring(0, build.indexOf("&&")).strip();
    assertTrue(launcher.contains(install), "the launcher's hint names '" + install + "'");
  }

  @Test
  void theProseFiguresAreTheGeneratedOnes() throws IOException {
    String readme = read("README.md");
    for (long figure : new long[] {Vgg16.PARAMS, Vgg16.MACS, Vgg16.FLOPS, Vgg16.ACTIVATIONS,
        Vgg16.Layer.FC1.params(), ResNet50.PARAMS, ResNet50.NON_TRAINABLE_PARAMS, ResNet50.MACS,
        ResNet50.INFO.kerasTotalParams()}) {
      assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "%,d", figure)), figure + " in README.md");
    }
    assertTrue(readme.contains("58.1 MiB"));
    assertEquals("58.1", String.format(java.util.Locale.ROOT, "%.1f", Vgg16.ACTIVATIONS * 4 / 1048576.0));
  }
}
