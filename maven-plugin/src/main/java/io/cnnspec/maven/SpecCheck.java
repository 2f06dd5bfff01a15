package io.cnnspec.maven;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.text.SpecBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The diagnostics of every {@code .cnn} file under a directory, as {@code cnnspec check} gives them:
 * {@code file:line:col: error: message}, the line with a caret, the hint. Maven-free, so that it is
 * tested without a build.
 */
final class SpecCheck {

  /** One spec file's outcome; {@code problems} are formatted diagnostics, or the reason it cannot be read. */
  record Checked(String file, boolean failed, List<Problem> problems) {}

  record Problem(boolean error, String text) {}

  private SpecCheck() {}

  /**
   * Checks the {@code .cnn} files under {@code directory}, in sorted order; none when it does not exist.
   *
   * @param basedir what file names are shown relative to (the project's directory)
   * @throws IOException when the directory cannot be listed
   */
  static List<Checked> check(Path directory, Path basedir) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(path -> path.getFileName().toString().endsWith(".cnn") && Files.isRegularFile(path))
          .sorted()
          .toList();
    }
    List<Checked> results = new ArrayList<>();
    for (Path file : files) {
      results.add(checkOne(file, display(file, basedir)));
    }
    return results;
  }

  static Checked checkOne(Path file, String display) {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      text = SpecBytes.read(in); // as the command line and the processor read specs
    } catch (SpecBytes.Unreadable e) {
      return unreadable(display, e.getMessage() + (e.reason() == SpecBytes.Unreadable.Reason.TOO_LARGE
          ? "; check that it is the right file" : "; save it as UTF-8"));
    } catch (IOException e) {
      return unreadable(display, "cannot be read (" + e + "); check that it is a readable file");
    }
    Compilation compilation = CnnSpec.compile(new SpecInput.File(text, display), CompileOptions.DEFAULT);
    List<Problem> problems = new ArrayList<>();
    for (Diagnostic diagnostic : compilation.diagnostics()) {
      problems.add(new Problem(diagnostic.severity() == Diagnostic.Severity.ERROR, diagnostic.format()));
    }
    return new Checked(display, !compilation.ok(), problems);
  }

  private static Checked unreadable(String display, String why) {
    return new Checked(display, true, List.of(new Problem(true, display + ": error: spec file " + why)));
  }

  /** {@code file} relative to {@code basedir} when inside it, with forward slashes, as on every system. */
  static String display(Path file, Path basedir) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = basedir.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
