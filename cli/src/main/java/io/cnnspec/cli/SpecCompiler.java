package io.cnnspec.cli;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;

/**
 * The command line's one call into the language: a spec as read, at its own input or at another
 * one ({@code summary --input}).
 */
final class SpecCompiler {

  private SpecCompiler() {}

  /**
   * Compiles {@code spec}; with {@code input} ({@code HxWxC} or one number) not null, its input is
   * replaced by that one, and since the spec's declared output and its {@code expect} figures
   * belong to its own input, they are not checked.
   */
  static Compilation compile(SpecResolver.Spec spec, String input) {
    return input == null
        ? CnnSpec.compile(spec.text(), spec.origin())
        : CnnSpec.compileWithInput(spec.text(), input, spec.origin());
  }
}
