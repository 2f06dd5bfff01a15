package io.cnnspec.cli;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZooCommandTest {

  /** The zoo's source of truth, seen from the cli module's directory (where Maven runs tests). */
  private static final Path ZOO_DIR = Path.of("..", "zoo");

  private static List<String> zooFiles() throws IOException {
    try (Stream<Path> files = Files.list(ZOO_DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cnn")).sorted().toList();
    }
  }

  static Stream<String> bundledNames() {
    return Zoo.bundled().entries().stream().map(Zoo.Entry::name);
  }

  @Test
  void everyZooFileIsBundledAndIndexed() throws IOException {
    List<String> files = zooFiles();
    assertFalse(files.isEmpty(), "no .cnn files in " + ZOO_DIR.toAbsolutePath());
    List<String> indexed = Zoo.bundled().entries().stream().map(Zoo.Entry::fileName).sorted().toList();
    assertEquals(files, indexed, "the bundled index must list exactly the files in zoo/ (rebuild: mvn -pl cli package)");
    for (String file : files) {
      String onDisk = io.cnnspec.text.SpecBytes.stripBom(Files.readString(ZOO_DIR.resolve(file), StandardCharsets.UTF_8));
      String bundled = Zoo.bundled().find(file.substring(0, file.length() - 4)).orElseThrow().text();
      assertEquals(onDisk, bundled, file + " is bundled as it is in zoo/");
    }
  }

  @Test
  void zooNamesAreDistinctWithoutCase() {
    List<String> names = bundledNames().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    assertEquals(names.size(), new TreeSet<>(names).size(), names::toString);
  }

  /** The zoo files carry expect lines, so compiling cleanly proves their published figures. */
  @ParameterizedTest
  @MethodSource("bundledNames")
  void everyZooNetworkCompilesCleanly(String name) {
    Zoo.Entry entry = Zoo.bundled().find(name).orElseThrow();
    Compilation compilation = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT);
    assertTrue(compilation.ok(), () -> compilation.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")));
    assertEquals(List.of(), compilation.diagnostics(), "no warnings either");
    assertTrue(entry.text().contains("expect params"), name + " states its published parameter count");
    assertFalse(entry.title().isEmpty(), name + " starts with a title comment");
  }

  @Test
  void listsEveryNetworkWithParamsMacsAndTitle() {
    Cli.Result r = Cli.run("zoo").noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("NAME\\s+PARAMS\\s+MACS\\s+TITLE"), lines.get(0));
    assertEquals(Zoo.bundled().entries().size() + 1, lines.size(), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("vgg16\\s+138,357,544\\s+15,470,264,320\\s+VGG-16.*")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("resnet50\\s+25,557,032\\s+4,089,184,256\\s+.*")), r.out());
    assertTrue(lines.stream().allMatch(l -> l.length() <= ZooCommand.TABLE_WIDTH), "titles are cut to fit");
    // natural order: resnet18 before resnet101
    assertTrue(r.out().indexOf("\nresnet18 ") < r.out().indexOf("\nresnet101 "), r.out());
  }

  @Test
  void wideShowsWholeTitles() {
    Cli.Result r = Cli.run("zoo", "--wide");
    for (Zoo.Entry entry : Zoo.bundled().entries()) {
      assertTrue(r.out().contains(entry.title()), entry.name());
    }
  }

  @Test
  void jsonListsEveryNetwork() throws Exception {
    Cli.Result r = Cli.run("zoo", "--format", "json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertEquals(Zoo.bundled().entries().size(), list.size());
    JsonNode vgg = null;
    for (JsonNode node : list) {
      if (node.get("name").asText().equals("vgg16")) {
        vgg = node;
      }
    }
    assertTrue(vgg != null, r.out());
    assertEquals(138_357_544L, vgg.get("params").asLong());
    assertEquals(15_470_264_320L, vgg.get("macs").asLong());
    assertEquals("Vgg16", vgg.get("network").asText());
    assertEquals("[224,224,3]", vgg.get("input").toString());
  }

  @Test
  void csvAndMarkdown() {
    Cli.Result csv = Cli.run("zoo", "-f", "csv");
    assertEquals(0, csv.exit());
    assertTrue(csv.out().startsWith("name,params,trainable_params,non_trainable_params,macs,activations,title\r\n"));
    assertTrue(csv.out().contains("\r\nvgg16,138357544,138357544,0,15470264320,15237608,"), csv.out());
    Cli.Result md = Cli.run("zoo", "-f", "markdown");
    assertTrue(md.out().contains("| vgg16 | 138,357,544 | 15,470,264,320 |"), md.out());
  }

  @Test
  void aNamePrintsItsSpec() throws IOException {
    Cli.Result r = Cli.run("zoo", "VGG16");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(Files.readString(ZOO_DIR.resolve("vgg16.cnn"), StandardCharsets.UTF_8), r.out());
    // what it prints is a spec that compiles to the same network
    Cli.Result again = Cli.runWithStdin(r.out(), "summary", "-", "--totals-only");
    assertTrue(again.out().contains("138,357,544"), again.out());
  }

  @ParameterizedTest(name = "cnnspec zoo resnet18 {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"-f json", "--format table", "-f json --compact", "-w",
      "--wide", "-f html"})
  void optionsThatLayOutTheListAreRefusedWithAName(String options) {
    List<String> args = new java.util.ArrayList<>(List.of("zoo", "resnet18"));
    args.addAll(List.of(options.split(" ")));
    Cli.Result r = Cli.run(args.toArray(String[]::new)).noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    String option = options.split(" ")[0];
    String longName = option.equals("-f") ? "--format" : option.equals("-w") ? "--wide" : option;
    assertTrue(r.err().startsWith("cnnspec: error: " + longName + " lays out the list of networks; with a NAME, "
        + "zoo prints that network's spec as .cnn text. For its figures as a report, use "
        + "'cnnspec summary resnet18 --format FORMAT'\n"), r.err());
    assertTrue(r.err().contains("Try 'cnnspec zoo --help'"), r.err());
    // the same options lay out the list
    args.remove("resnet18");
    if (!options.equals("-f html")) {
      assertEquals(0, Cli.run(args.toArray(String[]::new)).exit(), options);
    }
  }

  @Test
  void anUnknownNameSuggests() {
    Cli.Result r = Cli.run("zoo", "resnet51").noStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("did you mean resnet50"), r.err());
  }

  @Test
  void suggestionsRankCloseNamesFirst() {
    List<String> names = List.of("vgg11", "vgg16", "vgg19", "resnet18", "resnet50", "alexnet");
    assertEquals("vgg16", CloseNames.closest("vgg61", names, 5).get(0));
    assertEquals(List.of("alexnet"), CloseNames.closest("AlexNe", names, 5));
    assertEquals(List.of("resnet18", "resnet50"), CloseNames.closest("resnet", names, 5));
    assertEquals(List.of(), CloseNames.closest("transformer", names, 5));
  }

  @Test
  void titleIsTheFirstCommentLine() {
    assertEquals("VGG-16, configuration D", Zoo.titleOf("\n# VGG-16, configuration D\n# more\nnetwork X : 1\n"));
    assertEquals("", Zoo.titleOf("network X : 1 # not a title\n"));
  }
}
