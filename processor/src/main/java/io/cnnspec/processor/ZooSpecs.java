package io.cnnspec.processor;

import io.cnnspec.processor.SpecFileLocator.Lookup;
import io.cnnspec.processor.SpecFileLocator.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code @Network(file = "zoo:NAME")}: a reference network of the zoo, read from the processor's
 * class loader, where the {@code cnnspec-zoo} jar puts the repository's {@code zoo/*.cnn} files as
 * {@code io/cnnspec/zoo/NAME.cnn} (the processor's jar bundles it). NAME is the file's base name, as
 * {@code cnnspec zoo} lists them, in any case. The zoo is part of the processor, not of the user's
 * sources: nothing is looked up on the source path or under {@code -Acnnspec.path}.
 */
final class ZooSpecs {

  static final String PREFIX = "zoo:";
  static final String RESOURCE_DIR = "io/cnnspec/zoo/";
  /** Written by the cnnspec-zoo build: the bundled file names, one a line. */
  static final String INDEX = RESOURCE_DIR + "index.txt";

  private ZooSpecs() {}

  static Lookup find(String written, String holder) {
    String name = written.substring(PREFIX.length()).strip();
    String key = name.toLowerCase(Locale.ROOT);
    if (!key.matches("[a-z0-9_]+")) {
      return new Refused(ProcessorCode.ZOO_UNKNOWN, "\"" + written + "\" is not a zoo network's name: after zoo: comes a name such as"
          + " resnet50, letters, digits and underscores only; " + listing());
    }
    String resource = RESOURCE_DIR + key + ".cnn";
    try (InputStream in = ZooSpecs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return new Refused(ProcessorCode.ZOO_UNKNOWN, "there is no zoo network \"" + name + "\"; " + listing());
      }
      return SpecFileLocator.read(written, PREFIX + key, holder, in, null);
    } catch (IOException e) {
      return new Refused(ProcessorCode.FILE_UNREADABLE, "cannot read zoo network \"" + name + "\" from the processor's jar: " + e
          + "; check that cnnspec-processor's jar is whole");
    }
  }

  /** The zoo's names, for a message; says so when the zoo is not on the processor path at all. */
  private static String listing() {
    List<String> names = names();
    if (names.isEmpty()) {
      return "the zoo is not on the processor path: use the cnnspec-processor jar, which bundles it, or add"
          + " io.cnnspec:cnnspec-zoo to the processor path";
    }
    return "the zoo has " + String.join(", ", names) + " (cnnspec zoo lists them with their figures)";
  }

  static List<String> names() {
    try (InputStream in = ZooSpecs.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> line.endsWith(".cnn"))
          .map(line -> line.substring(0, line.length() - ".cnn".length()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
