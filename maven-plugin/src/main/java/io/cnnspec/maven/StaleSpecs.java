package io.cnnspec.maven;

import io.cnnspec.text.SpecBytes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds the generated classes whose spec file changed since the processor generated them, from the
 * records the processor writes beside the generated sources
 * ({@code META-INF/cnnspec/inputs/<generated class>.properties}: the class, the annotated type, the
 * annotated type's top-level class file, the spec file's URI and the SHA-256 of its text), and makes
 * Maven's compiler plugin recompile them: it deletes the annotated type's class file, which the
 * compiler plugin then finds missing, and the record, which the processor writes anew. Maven-free,
 * so that it is tested without a build.
 */
final class StaleSpecs {

  /** Where the processor writes its records, under the generated sources directory. */
  static final String RECORDS = "META-INF/cnnspec/inputs";

  /** A generated class whose spec file changed or is gone, and why. */
  record Stale(Path record, String generated, String holder, Path classFile, String reason) {}

  private StaleSpecs() {}

  /**
   * The stale classes among the records under {@code generatedSources}; a record that cannot be read
   * or names no spec file counts as stale, so that the class is generated anew rather than trusted.
   *
   * @param classes the compiler's output directory, where the annotated types' class files are
   * @param basedir what spec file names are shown relative to (the project's directory)
   * @throws IOException when the records directory cannot be listed
   */
  static List<Stale> find(Path generatedSources, Path classes, Path basedir) throws IOException {
    Path directory = generatedSources.resolve(RECORDS);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> records;
    try (Stream<Path> list = Files.list(directory)) {
      records = list.filter(path -> path.getFileName().toString().endsWith(".properties")).sorted().toList();
    }
    List<Stale> stale = new ArrayList<>();
    for (Path record : records) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(record)) {
        properties.load(in);
      } catch (IOException | IllegalArgumentException e) {
        stale.add(new Stale(record, record.getFileName().toString(), "?", null, "its record cannot be read (" + e + ")"));
        continue;
      }
      String generated = properties.getProperty("generated", record.getFileName().toString());
      String holder = properties.getProperty("holder", "?");
      String classFile = properties.getProperty("classFile");
      Path holderClass = classFile == null ? null : classes.resolve(classFile);
      reason(properties, basedir).ifPresent(why -> stale.add(new Stale(record, generated, holder, holderClass, why)));
    }
    return stale;
  }

  /** Why the record's class is stale, or empty when its spec file is as it was. */
  private static Optional<String> reason(Properties record, Path basedir) {
    String spec = record.getProperty("spec");
    String sha256 = record.getProperty("sha256");
    if (spec == null || sha256 == null) {
      return Optional.of("its record names no spec file or hash");
    }
    Path file;
    try {
      file = Path.of(URI.create(spec));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.of("its record's spec " + spec + " is not a file");
    }
    String shown = SpecCheck.display(file, basedir);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.of(shown + " is gone");
    } catch (IOException e) {
      return Optional.of(shown + " cannot be read (" + e + ")");
    }
    // the processor hashes the text as read, without a byte order mark
    String text = SpecBytes.stripBom(new String(bytes, StandardCharsets.UTF_8));
    return sha256(text).equals(sha256) ? Optional.empty() : Optional.of(shown + " changed");
  }

  /**
   * Deletes the stale class's holder class file and its record, so that the compiler plugin
   * recompiles the module and the processor generates the class and the record anew.
   *
   * @throws IOException when a file cannot be deleted
   */
  static void mark(Stale stale) throws IOException {
    if (stale.classFile() != null) {
      Files.deleteIfExists(stale.classFile());
    }
    Files.deleteIfExists(stale.record());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
