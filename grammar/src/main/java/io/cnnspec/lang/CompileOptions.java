package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;
import java.util.Objects;

/**
 * How to compile a spec.
 *
 * @param limits the bounds a spec must stay within
 * @param inputSize null to take the spec's own input; otherwise another input shape as written
 *     ({@code HxWxC}, or one number), as {@code cnnspec summary --input} gives it. The declared
 *     output and the {@code expect} figures belong to the spec's own input, so with another
 *     they are not checked. Errors in it are marked {@link io.cnnspec.lang.diagnostics.Diagnostic.Part#INPUT}.
 */
public record CompileOptions(Limits limits, String inputSize) {

  public static final CompileOptions DEFAULT = new CompileOptions(Limits.DEFAULT, null);

  public CompileOptions {
    Objects.requireNonNull(limits, "limits");
  }

  public CompileOptions withLimits(Limits value) {
    return new CompileOptions(value, inputSize);
  }

  public CompileOptions withInputSize(String value) {
    return new CompileOptions(limits, value);
  }
}
