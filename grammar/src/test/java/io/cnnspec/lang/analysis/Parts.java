package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.SpecParser;
import io.cnnspec.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/** The pieces the analysis' classes take, read from text as the parser gives them. */
final class Parts {

  static final Position AT = new Position(1, 1, 1);

  final Reporter reporter = new Reporter("t.cnn", 100);
  final Reporter.Source source;
  final List<Statement> statements = new ArrayList<>();
  final List<Element> elements = new ArrayList<>();

  private Parts(String body) {
    source = reporter.source(Diagnostic.Part.SPEC, body);
    boolean parsed = new SpecParser(64).parseBody(body, source, (header, read) -> {
      statements.clear();
      statements.addAll(read);
      elements.clear();
      return elements::add;
    });
    if (!parsed) {
      throw new IllegalArgumentException(body + ": " + reporter.diagnostics());
    }
  }

  static Parts of(String body) {
    return new Parts(body);
  }

  /** An empty spec's reporter, for classes that only report. */
  static Parts reporting() {
    return new Parts("relu");
  }

  List<Statement.Def> defs() {
    return statements.stream().filter(Statement.Def.class::isInstance).map(Statement.Def.class::cast).toList();
  }

  List<String> codes() {
    return reporter.diagnostics().stream().map(Diagnostic::code).toList();
  }

  List<String> titles() {
    return reporter.diagnostics().stream().map(Diagnostic::title).toList();
  }
}
