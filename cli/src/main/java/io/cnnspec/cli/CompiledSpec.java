package io.cnnspec.cli;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.model.NetworkInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One spec read and compiled for a command that reports on it ({@code summary}, {@code draw}), its
 * diagnostics printed: the network, or the exit code to return instead.
 *
 * @param source the spec as read; null when it could not be read
 * @param compilation the compilation; null when the spec could not be read
 * @param exit {@link Main#USAGE} or {@link Main#SPEC_ERROR} when {@link #network} is null
 */
record CompiledSpec(SpecResolver.Spec source, Compilation compilation, int exit) {

  /** The analysis; null when the spec could not be read or has errors. */
  NetworkInfo network() {
    return compilation == null ? null : compilation.network().orElse(null);
  }

  /** The {@code SPEC} parameter of a command that reads one spec. */
  static PositionalParamSpec specParameter() {
    return PositionalParamSpec.builder()
        .index("0")
        .paramLabel("SPEC")
        .type(String.class)
        .required(true)
        .description("A .cnn file, a bundled network's name (see 'cnnspec zoo', e.g. vgg16), or - for standard input.")
        .build();
  }

  /** {@code -i, --input HxWxC}: the spec at another input size. */
  static OptionSpec inputOption() {
    return OptionSpec.builder("-i", "--input")
        .paramLabel("HxWxC")
        .type(String.class)
        .description("Analyse the spec at another input size, e.g. 299x299x3; its declared output and "
            + "expect lines are then not checked.")
        .build();
  }

  /**
   * Reads {@code spec} (a file, a zoo name or {@code -}) and compiles it, at {@code input} when that
   * is not null; prints what goes wrong to standard error.
   */
  static CompiledSpec of(CnnspecCommand parent, String spec, String input) {
    Io io = parent.io();
    SpecResolver.Spec source;
    Compilation compilation;
    try {
      source = parent.sources().resolve(spec);
      compilation = CnnSpec.compile(new SpecInput.File(source.text(), source.origin()),
          CompileOptions.DEFAULT.withInputSize(input));
    } catch (InputException e) {
      io.err().println("cnnspec: error: " + e.getMessage());
      return new CompiledSpec(null, null, Main.USAGE);
    }
    boolean inputError = Diagnostics.print(compilation, io.err(), input);
    return new CompiledSpec(source, compilation,
        compilation.ok() ? Main.OK : inputError ? Main.USAGE : Main.SPEC_ERROR);
  }
}
