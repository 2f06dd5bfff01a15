package io.cnnspec.export;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The tests' one way to compile a spec, and the zoo's files. */
final class Specs {

  private Specs() {}

  /** The compilation of {@code text}, errors or not: the one call of the compiler here. */
  static Compilation attempt(String text, String origin) {
    return CnnSpec.compile(new SpecInput.File(text, origin), CompileOptions.DEFAULT);
  }

  /** {@code text} compiled at the input size {@code input} (HxWxC), as {@code cnnspec export --input} does. */
  static Compilation compileAt(String text, String origin, String input) {
    Compilation compilation = CnnSpec.compile(new SpecInput.File(text, origin), CompileOptions.DEFAULT.withInputSize(input));
    compilation.networkOrThrow();
    return compilation;
  }

  static Compilation compile(String text, String origin) {
    Compilation compilation = attempt(text, origin);
    compilation.networkOrThrow(); // a spec of the tests that does not compile is the test's own mistake
    return compilation;
  }

  static List<Path> zoo() {
    Path dir = Path.of(System.getProperty("cnnspec.zoo.dir", "../zoo"));
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".cnn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
