package demo;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.LayerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the documentation in step with the language: every {@code ```cnn} block of
 * docs/language.md and README.md must compile (their {@code expect} lines check the figures the
 * text states), and every {@code ```cnn-error} block must fail with exactly the diagnostics of the
 * {@code ```text} block that follows it.
 */
class LanguageDocTest {

  private static final List<String> DOCUMENTS = List.of("docs/language.md", "README.md");

  /** A fenced block: its info string, its text and the line its text starts on. */
  record Block(String document, String info, String text, int line) {
    String where() {
      return document + ":" + line;
    }
  }

  static Path root() {
    return Path.of(System.getProperty("cnnspec.root", ".."));
  }

  static List<Block> blocks(String document) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root().resolve(document));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + document + " (run the tests from the examples module)", e);
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        continue;
      }
      String info = line.substring(3).strip();
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(new Block(document, info, text.toString(), start + 1));
    }
    return blocks;
  }

  static String diagnostics(Compilation compilation) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : compilation.diagnostics()) {
      out.append(d.format()).append('\n');
    }
    return out.toString();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleCompiles() {
    return DOCUMENTS.stream().flatMap(document -> blocks(document).stream())
        .filter(block -> block.info().equals("cnn"))
        .map(block -> DynamicTest.dynamicTest(block.where(), () -> {
          Compilation compilation = CnnSpec.compile(new SpecInput.File(block.text(), "example.cnn"), CompileOptions.DEFAULT);
          if (!compilation.ok()) {
            fail("the example at " + block.where() + " does not compile:\n" + diagnostics(compilation));
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyErrorExampleFailsAsShown() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String document : DOCUMENTS) {
      List<Block> blocks = blocks(document);
      for (int i = 0; i < blocks.size(); i++) {
        Block block = blocks.get(i);
        if (!block.info().equals("cnn-error")) {
          continue;
        }
        Block shown = i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text") ? blocks.get(i + 1) : null;
        tests.add(DynamicTest.dynamicTest(block.where(), () -> {
          Compilation compilation = CnnSpec.compile(new SpecInput.File(block.text(), "example.cnn"), CompileOptions.DEFAULT);
          assertFalse(compilation.ok(), "the error example at " + block.where() + " compiles");
          if (shown == null) {
            fail("the error example at " + block.where() + " is not followed by a ```text block with its message");
          }
          assertEquals(shown.text(), diagnostics(compilation), "the message shown at " + shown.where());
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void theReferenceHasExamplesOfEveryKind() {
    List<Block> blocks = blocks("docs/language.md");
    assertTrue(blocks.stream().filter(b -> b.info().equals("cnn")).count() >= 25, "cnn examples");
    assertTrue(blocks.stream().filter(b -> b.info().equals("cnn-error")).count() >= 15, "error examples");
  }

  /** The names the "Layer names" section lists, as the language gives them. */
  @Test
  void theNamingExampleNamesItsLayersAsDocumented() {
    Block names = blocks("docs/language.md").stream()
        .filter(b -> b.info().equals("cnn") && b.text().contains("network Names"))
        .findFirst().orElseThrow();
    List<String> actual = CnnSpec.compile(new SpecInput.File(names.text(), "example.cnn"), CompileOptions.DEFAULT).networkOrThrow().layers().stream()
        .map(LayerInfo::name).toList();
    assertEquals(List.of("stem",
        "fire1.conv1", "fire1.relu1", "fire1.cat1", "fire1.conv2", "fire1.relu2", "fire1.conv3", "fire1.relu3",
        "fire3.conv1", "fire3.relu1", "fire3.cat1", "fire3.conv2", "fire3.relu2", "fire3.conv3", "fire3.relu3",
        "fire2.conv1", "fire2.relu1", "fire2.cat1", "fire2.conv2", "fire2.relu2", "fire2.conv3", "fire2.relu3",
        "reduce_1.conv1", "reduce_1.relu1", "reduce_2.conv1", "reduce_2.relu1",
        "block", "block.conv1", "block.bn1", "pool1"), actual);
  }

  @Test
  void theReceptiveFieldExampleGivesWhatTheTextSays() {
    Block vgg = blocks("docs/language.md").stream()
        .filter(b -> b.info().equals("cnn") && b.text().contains("network Vgg16Features"))
        .findFirst().orElseThrow();
    LayerInfo pool5 = CnnSpec.compile(new SpecInput.File(vgg.text(), "example.cnn"), CompileOptions.DEFAULT).networkOrThrow().layer("pool5");
    assertEquals(212L, pool5.receptiveField());
    assertEquals(32.0, pool5.jump());
  }
}
