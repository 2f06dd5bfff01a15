package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.analysis.Analyzer;
import io.cnnspec.lang.analysis.InputShape;
import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Header;
import io.cnnspec.lang.syntax.SpecListener;
import io.cnnspec.lang.syntax.SpecParser;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.text.LineEnds;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one entry point of the language, for the annotation processor and the command line alike:
 * text to syntax to analysis, in one pass (the parser hands the top level to the analysis as it
 * reads it). Nothing throws out of it: whatever the text, the answer is a network or diagnostics.
 */
public final class CnnSpec {

  private CnnSpec() {}

  /**
   * Compiles one spec.
   *
   * @return the network with the op of each row, or the diagnostics (positions in the spec, or in
   *     an inline input's name or input, or in {@link CompileOptions#inputSize()}) that stopped it
   */
  public static Compilation compile(SpecInput input, CompileOptions options) {
    Limits limits = options.limits();
    Reporter reporter = new Reporter(input.origin(), limits.maxErrors());
    SpecParser parser = new SpecParser(limits.maxNesting());
    String written = input instanceof SpecInput.File file ? file.text() : ((SpecInput.Inline) input).layers();
    // a CR alone ends a line as LF and CRLF do, for the lexer's positions and the lines errors show
    String text = written == null ? null : LineEnds.lineFeeds(written);
    Reporter.Source spec = reporter.source(Diagnostic.Part.SPEC, text);
    return guarded(reporter, spec, () -> {
      // another input size than the spec's own: checked first, and the spec is read against it
      boolean overridden = options.inputSize() != null;
      Shape override = overridden ? inputShape(parser, reporter, options.inputSize()) : null;
      if (input instanceof SpecInput.File) {
        Walking walking = new Walking(spec, limits, overridden ? orNone(override) : null, overridden,
            overridden ? reporter.source(Diagnostic.Part.INPUT, options.inputSize()) : null);
        if (!parser.parseFile(text == null ? "" : text, spec, walking) || overridden && override == null) {
          return null;
        }
        Header header = walking.header;
        Finished finished = walking.finish(header.name(), overridden ? null : header.output(), header.namePos());
        if (finished != null) {
          warnIfChannelsFirst(finished.network().input(), overridden ? reporter.source(Diagnostic.Part.INPUT, options.inputSize()) : spec,
              overridden ? Position.START : header.input().pos());
        }
        return finished;
      }
      SpecInput.Inline inline = (SpecInput.Inline) input;
      Reporter.Source nameSource = reporter.source(Diagnostic.Part.NAME, inline.name());
      String name = inline.name();
      if (name == null || !isName(name)) {
        nameSource.error(DiagnosticCode.INVALID_NAME, Position.START, name == null || name.isBlank() ? "missing network name" : "invalid network name '" + name + "'",
            "a network's name becomes a Java class name", "use letters, digits and _, starting with a letter, e.g. Vgg16");
      }
      Shape shape = overridden ? override : inlineInput(parser, reporter, inline.input());
      if (text == null || text.isBlank() || isOnlyComments(text)) {
        spec.error(DiagnosticCode.EMPTY_SPEC, Position.START, "empty spec", "the network has no layers",
            "write its layers, e.g. value = \"conv3-64x2 pool fc10\"");
        return null;
      }
      Walking walking = new Walking(spec, limits, orNone(shape), overridden,
          reporter.source(Diagnostic.Part.INPUT, overridden ? options.inputSize() : inline.input()));
      if (!parser.parseBody(text, spec, walking) || shape == null || reporter.hasErrors()) {
        return null;
      }
      Finished finished = walking.finish(name, null, Position.START);
      if (finished != null) {
        warnIfChannelsFirst(finished.network().input(),
            reporter.source(Diagnostic.Part.INPUT, overridden ? options.inputSize() : inline.input()), Position.START);
      }
      return finished;
    });
  }

  /**
   * A network that compiled on an input that looks written channels first (1x28x28, 3x224x224)
   * most likely has the wrong figures: said as a warning on the input. When such an input fails,
   * the error's hint says it instead.
   */
  private static void warnIfChannelsFirst(Shape input, Reporter.Source source, Position pos) {
    String hint = InputShape.channelsFirstHint(input);
    if (hint != null) {
      source.warning(DiagnosticCode.CHANNELS_FIRST_INPUT, pos, "input looks channels-first",
          "the network compiled with " + input.height() + " as its height and " + input.channels() + " as its channels", hint);
    }
  }

  private static Shape inputShape(SpecParser parser, Reporter reporter, String written) {
    Reporter.Source inputSource = reporter.source(Diagnostic.Part.INPUT, written);
    Header.ShapeLiteral literal = parser.parseShape(written == null ? "" : written, inputSource);
    return literal == null ? null : InputShape.of(literal, inputSource);
  }

  private static Shape inlineInput(SpecParser parser, Reporter reporter, String written) {
    if (written == null || written.isBlank()) {
      reporter.source(Diagnostic.Part.INPUT, written).error(DiagnosticCode.MISSING_INPUT, Position.START, "missing input shape",
          "the network needs the shape of its input",
          "write it as height x width x channels, e.g. input = \"224x224x3\", or one number for a vector");
      return null;
    }
    return inputShape(parser, reporter, written);
  }

  private static Shape orNone(Shape shape) {
    return shape == null ? Walking.NONE : shape;
  }

  /**
   * Takes the spec from the parser into a walk of the analysis. It declines the layers (the parser
   * then only checks their syntax) when something already failed: the walk would only add errors
   * the spec cannot get to. When the parser starts over, so does the walk.
   */
  private static final class Walking implements SpecListener {
    /** Stands for an input that was given but invalid (reported already). */
    static final Shape NONE = Shape.vector(1);

    private final Reporter.Source spec;
    private final Limits limits;
    private final Shape given;
    private final boolean withoutExpectations;
    /** Where the input was written when apart from the spec, else null. */
    private final Reporter.Source inputSource;
    Header header;
    Analyzer.Walk walk;

    /**
     * @param given the input, or null to take the header's, or {@link #NONE}
     * @param withoutExpectations whether to leave out the {@code expect} lines (they are about
     *     the header's input, and another was given)
     * @param inputSource the text of an input given apart from the spec, or null for the header's
     */
    Walking(Reporter.Source spec, Limits limits, Shape given, boolean withoutExpectations, Reporter.Source inputSource) {
      this.spec = spec;
      this.inputSource = inputSource;
      this.limits = limits;
      this.given = given;
      this.withoutExpectations = withoutExpectations;
    }

    @Override
    public Consumer<Element> begin(Header header, List<Statement> statements) {
      this.header = header;
      this.walk = null;
      if (spec.hasErrors() || given == NONE) {
        return null;
      }
      Shape input = given != null ? given : InputShape.of(header.input(), spec);
      if (input == null) {
        return null;
      }
      walk = Analyzer.begin(withoutExpectations ? withoutExpectations(statements) : statements, input, inputSource, spec, limits);
      return walk::layer;
    }

    Finished finish(String name, Header.ShapeLiteral declaredOutput, Position headerPos) {
      if (walk == null) {
        return null;
      }
      NetworkInfo network = walk.finish(name, declaredOutput, headerPos);
      return network == null ? null : new Finished(network, walk.ops(), walk.branchCounts());
    }
  }

  private static List<Statement> withoutExpectations(List<Statement> statements) {
    return statements.stream().filter(s -> !(s instanceof Statement.Expect)).toList();
  }

  private interface Work {
    Finished run();
  }

  /** A walk's network with the op of each of its rows. */
  private record Finished(NetworkInfo network, List<LayerOp> ops, List<Integer> branchCounts) {}

  /** The last line of defence: an internal failure becomes a diagnostic, never an exception. */
  private static Compilation guarded(Reporter reporter, Reporter.Source spec, Work work) {
    Finished info;
    try {
      info = work.run();
    } catch (StackOverflowError e) {
      spec.error(DiagnosticCode.SPEC_TOO_DEEP, Position.START, "spec too deeply nested", "its structure is too deep to analyse",
          "split long expressions and deep nesting into defs");
      info = null;
    } catch (RuntimeException e) {
      spec.error(DiagnosticCode.INTERNAL_ERROR, Position.START, "internal error", "cnnspec failed on this spec: " + e,
          "please report this with the spec at https://github.com/cnnspec/cnnspec/issues");
      info = null;
    }
    List<Diagnostic> diagnostics = reporter.diagnostics();
    if (reporter.hasErrors() || info == null) {
      return new Compilation(Optional.empty(), diagnostics);
    }
    return new Compilation(Optional.of(info.network()), diagnostics, info.ops(), info.branchCounts());
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
}
