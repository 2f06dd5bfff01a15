package io.cnnspec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published networks the benchmarks compile: the zoo's own files (bundled from zoo/ by this
 * module's pom), the one source of truth for every reference network; each carries its published
 * counts as {@code expect} lines, so a benchmark never times a spec that has drifted from them.
 */
final class ReferenceSpecs {

  static final List<String> NAMES = List.of("vgg16", "resnet152", "densenet121");

  private ReferenceSpecs() {}

  static String text(String name) {
    String resource = "/io/cnnspec/zoo/" + name + ".cnn";
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
