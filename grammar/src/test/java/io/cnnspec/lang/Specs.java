package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.Diagnostic;
import static org.junit.jupiter.api.Assertions.fail;

import io.cnnspec.model.NetworkInfo;
import java.util.List;

/** Compiling in tests: a network that must compile, or the diagnostics of one that must not. */
final class Specs {

  private Specs() {}

  static NetworkInfo compile(String source) {
    Compilation result = CnnSpec.compile(new SpecInput.File(source, "test.cnn"), CompileOptions.DEFAULT);
    if (!result.ok()) {
      fail("expected the spec to compile, got:\n"
          + String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList()));
    }
    return result.network().orElseThrow();
  }

  static NetworkInfo inline(String input, String body) {
    Compilation result = CnnSpec.compile(new SpecInput.Inline("Net", input, body, "Net"), CompileOptions.DEFAULT);
    if (!result.ok()) {
      fail("expected the spec to compile, got:\n"
          + String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList()));
    }
    return result.network().orElseThrow();
  }

  static List<Diagnostic> errors(String source) {
    Compilation result = CnnSpec.compile(new SpecInput.File(source, "test.cnn"), CompileOptions.DEFAULT);
    if (result.ok()) {
      fail("expected errors, but the spec compiled");
    }
    return result.errors();
  }

  static Diagnostic onlyError(String source) {
    List<Diagnostic> errors = errors(source);
    if (errors.size() != 1) {
      fail("expected one error, got " + errors.size() + ":\n"
          + String.join("\n", errors.stream().map(Diagnostic::format).toList()));
    }
    return errors.get(0);
  }
}
