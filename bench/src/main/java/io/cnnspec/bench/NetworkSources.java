package io.cnnspec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated user project: {@code count} classes each carrying one {@code @Network}, drawn from a
 * handful of small shapes (plain stacks, residual, inception-style, depthwise, defs) with varied
 * widths, so the processor sees the mix a real project would give it rather than one spec repeated.
 */
final class NetworkSources {

  private record Template(String input, String body) {}

  private static final List<Template> TEMPLATES = List.of(
      new Template("32x32x3", "conv3-%1$dx2 maxpool conv3-%2$dx2 maxpool fc%3$d relu dropout fc10"),
      new Template("28x28x1", "conv5-%1$d relu maxpool conv5-%2$d relu maxpool fc120 relu fc84 relu fc10"),
      new Template("32x32x3", "option nobias conv3-%1$d bn relu res { conv3-%1$d bn relu conv3-%1$d bn } relu "
          + "res { conv3-%2$d/2 bn relu conv3-%2$d bn | conv1-%2$d/2 bn } relu gap fc10"),
      new Template("64x64x3", "def fire(s, e) { conv1-{s} relu cat { conv1-{e} relu | conv3-{e} relu } } "
          + "conv3-%1$d/2 relu maxpool3/2 fire(16, %2$d)x2 maxpool3/2 fire(32, %3$d) conv1-10 gap"),
      new Template("96x96x3", "conv3-%1$d/2 bn relu6 dwconv3 bn relu6 conv1-%2$d bn relu6 "
          + "dwconv3/2 bn relu6 conv1-%3$d bn relu6 gap fc100"),
      new Template("784", "fc%3$d relu dropout fc%1$d relu fc10 softmax"));

  private NetworkSources() {}

  /** Writes the sources under {@code root} (packages of 50 classes) and returns their paths. */
  static List<Path> write(Path root, int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String pkg = "bench.p" + i / 50;
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Path file = dir.resolve("Spec" + i + ".java");
      Files.writeString(file, source(pkg, i));
      files.add(file);
    }
    return files;
  }

  private static String source(String pkg, int i) {
    Template t = TEMPLATES.get(i % TEMPLATES.size());
    int a = 16 << (i % 3);
    int b = 32 << (i / 3 % 3);
    int c = 64 * (1 + i % 5);
    String body = String.format(Locale.ROOT, t.body(), a, b, c);
    return "package " + pkg + ";\n\n"
        + "import io.cnnspec.Network;\n\n"
        + "@Network(name = \"Net" + i + "\", input = \"" + t.input() + "\",\n"
        + "    value = \"" + body + "\")\n"
        + "final class Spec" + i + " {\n"
        + "  static int use() {\n"
        + "    return " + i + ";\n"
        + "  }\n"
        + "}\n";
  }
}
