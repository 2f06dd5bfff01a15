package io.cnnspec.bench;

import io.cnnspec.lang.Diagnostic;
import io.cnnspec.lang.Reporter;
import io.cnnspec.lang.ast.SpecFile;
import io.cnnspec.lang.parser.SpecParser;

/** The syntax stage alone (text to AST), to tell how a compile's time splits between parsing and analysis. */
final class Parse {

  private Parse() {}

  static SpecFile file(String source, String origin) {
    Reporter reporter = new Reporter(origin, Compile.LIMITS.maxErrors());
    SpecFile file = new SpecParser(Compile.LIMITS.maxNesting()).parseFile(source, reporter.source(Diagnostic.Part.SPEC, source), null);
    if (file == null) {
      throw new IllegalStateException(origin + " does not parse: " + reporter.diagnostics());
    }
    return file;
  }
}
