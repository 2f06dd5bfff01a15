package io.cnnspec.lang.robust;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.Diagnostic;
import io.cnnspec.lang.Limits;

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
      return CnnSpec.compile(source, "fuzz.cnn", limits);
    }

    @Override
    public String text(Diagnostic.Part part) {
      return part == Diagnostic.Part.SPEC ? orEmpty(source) : "";
    }

    @Override
    public String describe() {
      return "CnnSpec.compile(" + Escape.java(source) + ", \"fuzz.cnn\", " + Escape.limits(limits) + ")";
    }
  }

  /** {@code CnnSpec.compileInline}: the annotation form, name, input and body apart. */
  record Inline(String name, String input, String body, Limits limits) implements Case {
    @Override
    public Compilation compile() {
      return CnnSpec.compileInline(name, input, body, "Fuzz @Network", limits);
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
      return "CnnSpec.compileInline(" + Escape.java(name) + ", " + Escape.java(input) + ", " + Escape.java(body)
          + ", \"Fuzz @Network\", " + Escape.limits(limits) + ")";
    }
  }

  /** {@code CnnSpec.compileWithInput}: a whole file at another input size. */
  record WithInput(String source, String input) implements Case {
    @Override
    public Limits limits() {
      return Limits.DEFAULT;
    }

    @Override
    public Compilation compile() {
      return CnnSpec.compileWithInput(source, input, "fuzz.cnn");
    }

    @Override
    public String text(Diagnostic.Part part) {
      return orEmpty(part == Diagnostic.Part.INPUT ? input : part == Diagnostic.Part.SPEC ? source : "");
    }

    @Override
    public String describe() {
      return "CnnSpec.compileWithInput(" + Escape.java(source) + ", " + Escape.java(input) + ", \"fuzz.cnn\")";
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
