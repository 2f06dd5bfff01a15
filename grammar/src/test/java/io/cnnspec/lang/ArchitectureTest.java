package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages import downward only, as docs/architecture.md draws them: every reference from one
 * project package to another (an import or a qualified name) in the main sources of every module
 * but the examples and the benchmarks must be one the table allows. A plain scan of the sources rather than ArchUnit: the
 * rule is a table of a dozen packages and needs no bytecode.
 */
class ArchitectureTest {

  private static final String LANG = "io.cnnspec.lang";

  /** Which project packages each package may use, besides itself. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("io.cnnspec", Set.of()),
      Map.entry("io.cnnspec.model", Set.of()),
      Map.entry("io.cnnspec.text", Set.of()),
      Map.entry("io.cnnspec.picture", Set.of("io.cnnspec.model")),
      Map.entry("io.cnnspec.report", Set.of("io.cnnspec.model", "io.cnnspec.picture")),
      Map.entry(LANG + ".diagnostics", Set.of("io.cnnspec.text")),
      Map.entry(LANG + ".vocabulary", Set.of(LANG + ".diagnostics")),
      Map.entry(LANG + ".syntax", Set.of(LANG + ".diagnostics", LANG + ".vocabulary")),
      Map.entry(LANG + ".analysis", Set.of(LANG + ".diagnostics", LANG + ".vocabulary", LANG + ".syntax",
          "io.cnnspec.model", "io.cnnspec.report")),
      Map.entry(LANG, Set.of(LANG + ".diagnostics", LANG + ".vocabulary", LANG + ".syntax", LANG + ".analysis",
          "io.cnnspec.model", "io.cnnspec.text")),
      // the consumers of a compiled network: none of them is imported by the language or the runtime
      Map.entry("io.cnnspec.export", Set.of(LANG, LANG + ".analysis", LANG + ".diagnostics", "io.cnnspec.model",
          "io.cnnspec.export.onnx")),
      Map.entry("io.cnnspec.processor", Set.of("io.cnnspec", LANG, LANG + ".diagnostics", "io.cnnspec.model",
          "io.cnnspec.report", "io.cnnspec.text")),
      Map.entry("io.cnnspec.maven", Set.of(LANG, LANG + ".diagnostics", "io.cnnspec.text")),
      Map.entry("io.cnnspec.cli", Set.of(LANG, LANG + ".diagnostics", LANG + ".vocabulary", "io.cnnspec.model", "io.cnnspec.report",
          "io.cnnspec.picture", "io.cnnspec.text", "io.cnnspec.export")));

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z.]+);");
  private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.cnnspec(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  @Test
  void packagesImportDownwardOnly() throws IOException {
    Path root = Path.of(System.getProperty("cnnspec.root", ".."));
    Set<String> violations = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (String module : List.of("runtime", "grammar", "export", "processor", "cli", "maven-plugin")) {
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> check(f, violations, seen));
      }
    }
    assertTrue(seen.containsAll(ALLOWED.keySet()), "every package in the table exists: " + seen);
    assertEquals(ALLOWED.keySet(), seen, "a new package needs its line in the table (and in docs/architecture.md)");
    assertEquals(Set.of(), violations);
  }

  private static void check(Path file, Set<String> violations, Set<String> seen) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher pkg = PACKAGE.matcher(text);
    if (!pkg.find()) {
      return;
    }
    String from = pkg.group(1);
    seen.add(from);
    String type = from + "." + file.getFileName().toString().replace(".java", "");
    Matcher reference = REFERENCE.matcher(text.substring(pkg.end()));
    while (reference.find()) {
      String to = reference.group(1);
      if (!to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
        violations.add(type + " -> " + to);
      }
    }
  }
}
