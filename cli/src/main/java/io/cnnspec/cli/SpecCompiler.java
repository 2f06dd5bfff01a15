package io.cnnspec.cli;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;

/** Compiles a spec as read, or at another input size ({@code summary --input}). */
final class SpecCompiler {

  private SpecCompiler() {}

  static Compilation compile(SpecSource.Spec spec) {
    return CnnSpec.compile(spec.text(), spec.origin());
  }

  /**
   * Compiles {@code spec} with its input replaced by {@code input} ({@code HxWxC} or one number).
   * The spec's declared output and its {@code expect} figures belong to its own input, so they are
   * not checked.
   */
  static Compilation compileWithInput(SpecSource.Spec spec, String input) {
    return CnnSpec.compileWithInput(spec.text(), input, spec.origin());
  }
}
