package io.cnnspec.processor;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.processor.NetworkAnnotation.Member;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic.Kind;

/**
 * What validating one {@code @Network} found, in the manner of Dagger's {@code ValidationReport}:
 * the processor's own messages and the language's diagnostics, in the order found, printed
 * together. Clean when none is an error; only a clean report lets a class be generated.
 */
final class ValidationReport {

  /** One message of the report. */
  sealed interface Item {}

  /**
   * A message of the processor itself.
   *
   * @param on the annotation it is reported on: the one validated, or for a note, another one
   *     the message refers to
   */
  record Message(NetworkAnnotation on, Kind kind, Member member, ProcessorCode code, String sentence)
      implements Item {}

  /** A diagnostic of the language about the spec of the annotation validated. */
  record SpecDiagnostic(AnnotatedSpec spec, Diagnostic diagnostic) implements Item {}

  private final NetworkAnnotation subject;
  private final List<Item> items = new ArrayList<>();
  private boolean hasErrors;

  ValidationReport(NetworkAnnotation subject) {
    this.subject = subject;
  }

  void error(Member member, ProcessorCode code, String sentence) {
    items.add(new Message(subject, Kind.ERROR, member, code, sentence));
    hasErrors = true;
  }

  void warning(Member member, ProcessorCode code, String sentence) {
    items.add(new Message(subject, Kind.WARNING, member, code, sentence));
  }

  /** A note on another annotation, e.g. where a name was first declared. */
  void note(NetworkAnnotation on, Member member, ProcessorCode code, String sentence) {
    items.add(new Message(on, Kind.NOTE, member, code, sentence));
  }

  void spec(AnnotatedSpec spec, Diagnostic diagnostic) {
    items.add(new SpecDiagnostic(spec, diagnostic));
    hasErrors |= diagnostic.severity() == Diagnostic.Severity.ERROR;
  }

  /** No error: warnings and notes only, or nothing. */
  boolean isClean() {
    return !hasErrors;
  }

  /** Prints every message, in order, each on the member it is about. */
  void printTo(ErrorReporter reporter) {
    for (Item item : items) {
      if (item instanceof Message m) {
        reporter.report(m.kind(), m.on(), m.member(), m.code(), m.sentence());
      } else if (item instanceof SpecDiagnostic d) {
        reporter.diagnostic(subject, d.spec(), d.diagnostic());
      }
    }
  }
}
