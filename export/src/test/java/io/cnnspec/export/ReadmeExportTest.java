package io.cnnspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's export example is what the exporter writes for its spec, word for word. */
class ReadmeExportTest {

  @Test
  void theReadmesModuleIsTheExportOfItsSpec() {
    String module = fenced(section(), "python");
    String spec = readmeSpec();
    assertEquals(module, Export.pytorch(Specs.compile(spec, "README.md")),
        "README.md's PyTorch module differs from the export of its spec: update the README");
  }

  /** The spec of the README's export example. */
  static String readmeSpec() {
    return fenced(section(), "cnn");
  }

  private static String section() {
    String readme = Specs.read(Path.of(System.getProperty("cnnspec.readme", "../README.md")));
    return readme.substring(readme.indexOf("## Export to PyTorch and ONNX"));
  }

  /** The text of the first block fenced as {@code info} in {@code text}. */
  private static String fenced(String text, String info) {
    List<String> lines = text.lines().toList();
    StringBuilder block = new StringBuilder();
    boolean inside = false;
    for (String line : lines) {
      if (inside && line.equals("```")) {
        return block.toString();
      }
      if (inside) {
        block.append(line).append('\n');
      } else if (line.equals("```" + info)) {
        inside = true;
      }
    }
    throw new AssertionError("no ```" + info + " block in the README's export section");
  }
}
