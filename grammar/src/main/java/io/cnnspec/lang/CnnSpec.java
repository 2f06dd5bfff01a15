package io.cnnspec.lang;

import io.cnnspec.lang.analysis.Analyzer;
import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.ast.Element;
import io.cnnspec.lang.ast.Position;
import io.cnnspec.lang.ast.SpecFile;
import io.cnnspec.lang.ast.Statement;
import io.cnnspec.lang.parser.SpecParser;
import io.cnnspec.lang.parser.TopLevelSink;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point of the language, for the annotation processor and the command line alike.
 * Nothing throws out of it: whatever the text, the answer is a network or diagnostics.
 */
public final class CnnSpec {


  private CnnSpec() {}

  /** Compiles a whole spec, header included ({@code network Vgg16 : 224x224x3 -> 1000 ...}). */
  public static Compilation compile(String source, String origin) {
    return compile(source, origin, Limits.DEFAULT);
  }

  public static Compilation compile(String source, String origin, Limits limits) {
    Reporter reporter = new Reporter(origin, limits.maxErrors());
    Reporter.Source spec = reporter.source(Diagnostic.Part.SPEC, source);
    return guarded(reporter, spec, () -> {
      Streamed streamed = new Streamed(spec, limits, null, false);
      SpecFile file = new SpecParser(limits.maxNesting()).parseFile(source == null ? "" : source, spec, streamed);
      if (file == null) {
        return null;
      }
      SpecFile.Header header = file.header();
      if (streamed.walk != null) {
        return finished(streamed.walk, header.name(), header.output(), header.namePos());
      }
      Shape input = shape(header.input(), spec);
      if (input == null) {
        return null;
      }
      return finished(Analyzer.analyze(file, input, spec, limits), header.name(), header.output(), header.namePos());
    });
  }

  /**
   * Compiles a whole spec at another input size ({@code cnnspec summary --input}): the header's
   * input is replaced by {@code input}, and since the declared output and the {@code expect}
   * figures belong to the spec's own input, they are not checked.
   */
  public static Compilation compileWithInput(String source, String input, String origin) {
    Limits limits = Limits.DEFAULT;
    Reporter reporter = new Reporter(origin, limits.maxErrors());
    Reporter.Source spec = reporter.source(Diagnostic.Part.SPEC, source);
    return guarded(reporter, spec, () -> {
      Reporter.Source inputSource = reporter.source(Diagnostic.Part.INPUT, input);
      SpecFile.ShapeLiteral literal = new SpecParser(limits.maxNesting()).parseShape(input == null ? "" : input, inputSource);
      Shape shape = literal == null ? null : shape(literal, inputSource);
      Streamed streamed = new Streamed(spec, limits, shape == null ? Streamed.NONE : shape, true);
      SpecFile file = new SpecParser(limits.maxNesting()).parseFile(source == null ? "" : source, spec, streamed);
      if (file == null || shape == null) {
        return null;
      }
      SpecFile.Header header = file.header();
      if (streamed.walk != null) {
        return finished(streamed.walk, header.name(), null, header.namePos());
      }
      return finished(Analyzer.analyze(file.withoutExpectations(), shape, spec, limits), header.name(), null,
          header.namePos());
    });
  }

  /**
   * Compiles the annotation form: the name, the input shape and the body (defs, options, expects
   * and layers, no header) given separately. Positions of errors in {@code input} or {@code name}
   * are marked with {@link Diagnostic.Part#INPUT} or {@link Diagnostic.Part#NAME}.
   */
  public static Compilation compileInline(String name, String input, String body, String origin) {
    return compileInline(name, input, body, origin, Limits.DEFAULT);
  }

  public static Compilation compileInline(String name, String input, String body, String origin, Limits limits) {
    Reporter reporter = new Reporter(origin, limits.maxErrors());
    Reporter.Source spec = reporter.source(Diagnostic.Part.SPEC, body);
    return guarded(reporter, spec, () -> {
      Reporter.Source nameSource = reporter.source(Diagnostic.Part.NAME, name);
      if (name == null || !isName(name)) {
        nameSource.error(Position.START, name == null || name.isBlank() ? "missing network name" : "invalid network name '" + name + "'",
            "a network's name becomes a Java class name", "use letters, digits and _, starting with a letter, e.g. Vgg16");
      }
      Reporter.Source inputSource = reporter.source(Diagnostic.Part.INPUT, input);
      Shape shape = null;
      if (input == null || input.isBlank()) {
        inputSource.error(Position.START, "missing input shape", "the network needs the shape of its input",
            "write it as height x width x channels, e.g. input = \"224x224x3\", or one number for a vector");
      } else {
        SpecFile.ShapeLiteral literal = new SpecParser(limits.maxNesting()).parseShape(input, inputSource);
        shape = literal == null ? null : shape(literal, inputSource);
      }
      if (body == null || body.isBlank() || isOnlyComments(body)) {
        spec.error(Position.START, "empty spec", "the network has no layers",
            "write its layers, e.g. value = \"conv3-64x2 pool fc10\"");
        return null;
      }
      Streamed streamed = new Streamed(spec, limits, shape == null ? Streamed.NONE : shape, false);
      SpecFile file = new SpecParser(limits.maxNesting()).parseBody(body, spec, streamed);
      if (file == null || shape == null || reporter.hasErrors()) {
        return null;
      }
      if (streamed.walk != null) {
        return finished(streamed.walk, name, null, Position.START);
      }
      return finished(Analyzer.analyze(file, shape, spec, limits), name, null, Position.START);
    });
  }

  /**
   * Analyses the top-level layers as the parser reads them, so that a long spec is never held
   * whole. It declines (and the layers stay in the AST, analysed after parsing as before) when
   * something already failed: the walk would only add errors the spec cannot get to.
   */
  private static final class Streamed implements TopLevelSink {
    /** Stands for an input that was given but invalid (reported already). */
    static final Shape NONE = Shape.vector(1);

    private final Reporter.Source spec;
    private final Limits limits;
    private final Shape given;
    private final boolean withoutExpectations;
    Analyzer.Walk walk;

    /**
     * @param given the input, or null to take the header's, or {@link #NONE}
     * @param withoutExpectations whether to leave out the {@code expect} lines (they are about
     *     the header's input, and another was given)
     */
    Streamed(Reporter.Source spec, Limits limits, Shape given, boolean withoutExpectations) {
      this.spec = spec;
      this.limits = limits;
      this.given = given;
      this.withoutExpectations = withoutExpectations;
    }

    @Override
    public boolean start(SpecFile.Header header, List<Statement> statements) {
      if (spec.hasErrors() || given == NONE) {
        return false;
      }
      Shape input = given != null ? given : shape(header.input(), spec);
      if (input == null) {
        return false;
      }
      walk = Analyzer.begin(withoutExpectations ? SpecFile.withoutExpectations(statements) : statements, input, spec,
          limits);
      return true;
    }

    @Override
    public void layer(Element element) {
      walk.layer(element);
    }

    @Override
    public void abandon() {
      walk = null;
    }
  }

  private interface Work {
    Finished run();
  }

  /** A walk's network (null after errors) with the op of each of its rows. */
  private record Finished(NetworkInfo network, List<LayerOp> ops) {}

  private static Finished finished(Analyzer.Walk walk, String name, SpecFile.ShapeLiteral declaredOutput,
      Position headerPos) {
    NetworkInfo network = walk.finish(name, declaredOutput, headerPos);
    return network == null ? null : new Finished(network, walk.ops());
  }

  /** The last line of defence: an internal failure becomes a diagnostic, never an exception. */
  private static Compilation guarded(Reporter reporter, Reporter.Source spec, Work work) {
    Finished info;
    try {
      info = work.run();
    } catch (StackOverflowError e) {
      spec.error(Position.START, "spec too deeply nested", "its structure is too deep to analyse",
          "split long expressions and deep nesting into defs");
      info = null;
    } catch (RuntimeException e) {
      spec.error(Position.START, "internal error", "cnnspec failed on this spec: " + e,
          "please report this with the spec at https://github.com/cnnspec/cnnspec/issues");
      info = null;
    }
    List<Diagnostic> diagnostics = reporter.diagnostics();
    if (reporter.hasErrors() || info == null) {
      return new Compilation(Optional.empty(), diagnostics);
    }
    return new Compilation(Optional.of(info.network()), diagnostics, info.ops());
  }

  /** Every activation count starts from the input's size, which Shape.size() multiplies unchecked. */
  private static boolean countable(long h, long w, long c) {
    try {
      Math.multiplyExact(Math.multiplyExact(h, w), c);
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** Letters, digits and _, not starting with a digit: [A-Za-z_][A-Za-z0-9_]*, without a regex to compile. */
  private static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOnlyComments(String body) {
    for (String line : body.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        return false;
      }
    }
    return true;
  }

  private static Shape shape(SpecFile.ShapeLiteral literal, Reporter.Source source) {
    for (long dim : literal.dims()) {
      if (dim < 1 || dim > Analyzer.MAX_NUMBER) {
        source.error(literal.pos(), dim < 1 ? "non-positive input size" : "absurd input size",
            "the input has a dimension of " + dim, "every dimension is between 1 and 1,000,000,000");
        return null;
      }
    }
    List<Long> d = literal.dims();
    if (d.size() == 3 && !countable(d.get(0), d.get(1), d.get(2))) {
      source.error(literal.pos(), "absurd input size",
          "the input has " + d.get(0) + "x" + d.get(1) + "x" + d.get(2) + " values, more than a 64-bit count holds",
          "no real network takes an input this large; check the numbers");
      return null;
    }
    return d.size() == 1 ? Shape.vector(d.get(0).intValue())
        : Shape.of(d.get(0).intValue(), d.get(1).intValue(), d.get(2).intValue());
  }
}
