package io.cnnspec.bench;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.SpecParser;

/** The syntax stage alone (text to AST), to tell how a compile's time splits between parsing and analysis. */
final class Parse {

  private Parse() {}

  /** Parses {@code source} and counts its top-level elements (built, then dropped, as a compile's walk takes them). */
  static long file(String source, String origin) {
    Reporter reporter = new Reporter(origin, Compile.LIMITS.maxErrors());
    long[] elements = new long[1];
    boolean parsed = new SpecParser(Compile.LIMITS.maxNesting()).parseFile(source,
        reporter.source(Diagnostic.Part.SPEC, source), (header, statements) -> element -> elements[0]++);
    if (!parsed) {
      throw new IllegalStateException(origin + " does not parse: " + reporter.diagnostics());
    }
    return elements[0];
  }
}
