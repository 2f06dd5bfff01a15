package io.cnnspec.lang.robust;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;

/** One input to the compiler, in one of the API's three forms, with the limits it runs under. */
sealed interface Case {

  Limits limits();

  Compilation compile();

  /** The text a diagnostic of {@code part} is positioned in. */
  String text(Diagnostic.Part part);

  /** The input written out as Java source, for a failure message that can be pasted into a test. */
  String describe();

  /** {@code CnnSpec.compile}: a whole file. */
  record File(String source, Limits limits) implements Case {
    File(String source) {
      this(source, Limits.DEFAULT);
    }

    @Override
    public Compilation compile() {
      return CnnSpec.compile(new SpecInput.File(source, "fuzz.cnn"), CompileOptions.DEFAULT.withLimits(limits));
    }

    @Override
    public String text(Diagnostic.Part part) {
      return part == Diagnostic.Part.SPEC ? orEmpty(source) : "";
    }

    @Override
    public String describe() {
      return "CnnSpec.compile(new SpecInput.File(" + Escape.java(source) + ", \"fuzz.cnn\"), CompileOptions.DEFAULT.withLimits("
          + Escape.limits(limits) + "))";
    }
  }

  /** {@code CnnSpec.compile} of the annotation form ({@link SpecInput.Inline}), name, input and body apart. */
  record Inline(String name, String input, String body, Limits limits) implements Case {
    @Override
    public Compilation compile() {
      return CnnSpec.compile(new SpecInput.Inline(name, input, body, "Fuzz @Network"), CompileOptions.DEFAULT.withLimits(limits));
    }

    @Override
    public String text(Diagnostic.Part part) {
      return orEmpty(switch (part) {
        case SPEC -> body;
        case NAME -> name;
        case INPUT -> input;
      });
    }

    @Override
    public String describe() {
      return "CnnSpec.compile(new SpecInput.Inline(" + Escape.java(name) + ", " + Escape.java(input) + ", "
          + Escape.java(body) + ", \"Fuzz @Network\"), CompileOptions.DEFAULT.withLimits(" + Escape.limits(limits) + "))";
    }
  }

  /** {@code CnnSpec.compile} of a whole file at another input size ({@link CompileOptions#inputSize()}). */
  record WithInput(String source, String input) implements Case {
    @Override
    public Limits limits() {
      return Limits.DEFAULT;
    }

    @Override
    public Compilation compile() {
      return CnnSpec.compile(new SpecInput.File(source, "fuzz.cnn"), CompileOptions.DEFAULT.withInputSize(input));
    }

    @Override
    public String text(Diagnostic.Part part) {
      return orEmpty(part == Diagnostic.Part.INPUT ? input : part == Diagnostic.Part.SPEC ? source : "");
    }

    @Override
    public String describe() {
      return "CnnSpec.compile(new SpecInput.File(" + Escape.java(source) + ", \"fuzz.cnn\"), CompileOptions.DEFAULT.withInputSize("
          + Escape.java(input) + "))";
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
