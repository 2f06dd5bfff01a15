package io.cnnspec.bench;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.model.NetworkInfo;

/** Compiling a spec that must compile: a benchmark that silently measured an error path would lie. */
final class Compile {

  /** Above the largest synthetic spec, so the default limit never decides what is measured. */
  static final Limits LIMITS = Limits.DEFAULT.withMaxLayers(4_000_000);

  private Compile() {}

  static NetworkInfo network(String source, String origin) {
    Compilation result = CnnSpec.compile(new SpecInput.File(source, origin), CompileOptions.DEFAULT.withLimits(LIMITS));
    if (!result.ok()) {
      StringBuilder message = new StringBuilder(origin).append(" does not compile:");
      for (Diagnostic d : result.diagnostics()) {
        message.append('\n').append(d.format());
      }
      throw new IllegalStateException(message.toString());
    }
    return result.network().orElseThrow();
  }
}
