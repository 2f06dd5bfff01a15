package io.cnnspec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published networks the benchmarks compile. They are copies kept beside this class rather
 * than read from the zoo, so a figure in bench/README.md stays tied to one text whatever the zoo's
 * files later say; each carries its published counts as {@code expect} lines.
 */
final class ReferenceSpecs {

  static final List<String> NAMES = List.of("vgg16", "resnet152", "densenet121");

  private ReferenceSpecs() {}

  static String text(String name) {
    String resource = name + ".cnn";
    try (InputStream in = ReferenceSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no reference spec " + resource + "; the specs are " + NAMES);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
