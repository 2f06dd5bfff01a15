package io.cnnspec.lang.analysis;

import io.cnnspec.lang.vocabulary.Modifier;
import io.cnnspec.lang.vocabulary.Suggestions;
import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.syntax.Sequence;
import io.cnnspec.lang.syntax.Header;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.LayerTable;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.report.Figures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands and analyses a spec in one walk: repetition and def calls are expanded as the shapes
 * flow through them, because a def's {@code in} is the channel count arriving at the call. After
 * an error the shape becomes unknown, so later layers are still checked for what does not depend
 * on it (words, modifiers, defs) without errors that only follow from the first.
 */
public final class Analyzer {

  private static final Pattern GLUED_REPEAT = Pattern.compile("(.*[0-9])x([0-9]+)");

  private final Reporter.Source source;
  private final Limits limits;
  private final Definitions defs;
  private final boolean convBias;
  private final LayerTable.Builder rows = LayerTable.builder();
  // The resolved op of each row (null for a merge row), for consumers that need a layer's
  // parameters rather than its figures (export); ops are shared per written form, so this costs a
  // reference per row.
  private final List<LayerOp> ops = new ArrayList<>();
  // The def calls, repetitions and labelled groups, outer before inner; a null is a slot reserved
  // for an element that produced no row.
  private final List<Block> blocks = new ArrayList<>();
  private final Namer namer = new Namer();
  private final Map<Object, Long> minRowsMemo = new IdentityHashMap<>();
  // Layers and merges walked, with a known shape or not: rows are only added while the shape is
  // known, so after an error only this bounds the work of a huge repetition.
  private long expanded;
  // Networks repeat the same few layers on the same few shapes; resolving a word (regexes) and
  // applying it cost more than the rest of the walk, so both are remembered.
  private final Map<Written, Resolved> resolved = new HashMap<>();
  private final Map<Applied, Outcome> outcomes = new HashMap<>();

  /** A layer as written, after evaluation: what its resolution depends on. */
  // equals and hashCode of these cache keys are written out: a record's generated ones are bound
  // on first use by a bootstrap that cost about 45 ms of every command's start
  private record Written(String word, Long channels, Long stride, List<LayerResolver.Mod> mods) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Written w && word.equals(w.word) && Objects.equals(channels, w.channels)
          && Objects.equals(stride, w.stride) && mods.equals(w.mods);
    }

    @Override
    public int hashCode() {
      return ((word.hashCode() * 31 + Objects.hashCode(channels)) * 31 + Objects.hashCode(stride)) * 31 + mods.hashCode();
    }
  }

  /**
   * A word's resolution: the op, or the error that resolving it gives, and the layer's text as
   * rows show it, shared by every row written the same way.
   */
  private record Resolved(LayerOp op, SpecException error, String spec) {}

  /** An op (unique per written form: ops come out of the resolution cache) on an input. */
  private record Applied(LayerOp op, Shape input) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Applied a && op == a.op && input.equals(a.input);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(op) * 31 + input.hashCode();
    }
  }

  private Analyzer(Reporter.Source source, Limits limits, Definitions defs, boolean convBias) {
    this.source = source;
    this.limits = limits;
    this.defs = defs;
    this.convBias = convBias;
  }

  /** Thrown to stop the walk when continuing could only cost time: a limit was passed. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /**
   * The flow between layers: a shape (null once unknown after an error), its receptive field, and
   * the map a vector was flattened from (null otherwise), because the first fc after a flatten sees
   * that whole map, just as an fc written on the map does.
   */
  private record Flow(Shape shape, ReceptiveField rf, Shape flattened) {
    Flow(Shape shape, ReceptiveField rf) {
      this(shape, rf, null);
    }

    Flow unknown() {
      return new Flow(null, rf);
    }
  }

  /**
   * Where the walk is: naming scope, tree position, def variables and {@code in}, and how deep
   * groups and branches nest counted through the def calls that led here.
   */
  private record Ctx(String prefix, int depth, int branch, Map<String, Long> vars, Long in, int callDepth,
      int nesting) {
    Ctx inBranch(int index) {
      return new Ctx(prefix, depth + 1, index, vars, in, callDepth, nesting);
    }

    /** Inside the scope of a def call, labelled group or branch: its full name prefixes the rows. */
    Ctx scoped(String fullName) {
      return new Ctx(fullName + ".", depth, branch, vars, in, callDepth, nesting);
    }

    Ctx nested() {
      return new Ctx(prefix, depth, branch, vars, in, callDepth, nesting + 1);
    }
  }

  /**
   * Starts a walk of a spec's top level, given its statements: the top-level layers then come one
   * at a time ({@link Walk#layer}), as a parser reads them, and need not be kept.
   */
  public static Walk begin(List<Statement> statements, Shape input, Reporter.Source source, Limits limits) {
    int errorsBefore = source.errorCount();
    boolean convBias = true;
    List<Statement.Expect> expects = new ArrayList<>();
    List<Statement.Def> defList = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement instanceof Statement.Option option) {
        switch (Vocabulary.normalize(option.name())) {
          case "nobias" -> convBias = false;
          case "bias" -> convBias = true;
          default -> {
            String near = Suggestions.closest(option.name(), List.of("nobias", "bias"));
            source.error(DiagnosticCode.UNKNOWN_OPTION, option.pos(), "unknown option '" + option.name() + "'", "the options are nobias and bias",
                near != null ? "did you mean option " + near + "?" : "write option nobias");
          }
        }
      } else if (statement instanceof Statement.Expect expect) {
        expects.add(expect);
      } else {
        defList.add((Statement.Def) statement);
      }
    }
    Definitions defs = Definitions.check(defList, source);
    return new Walk(new Analyzer(source, limits, defs, convBias), input, expects, errorsBefore);
  }

  /** The walk of a spec's top level, one layer at a time; see {@link #begin}. */
  public static final class Walk {
    private final Analyzer analyzer;
    private final Shape input;
    private final List<Statement.Expect> expects;
    private final int errorsBefore;
    private final Ctx top;
    private Flow flow;
    private boolean aborted;

    private Walk(Analyzer analyzer, Shape input, List<Statement.Expect> expects, int errorsBefore) {
      this.analyzer = analyzer;
      this.input = input;
      this.expects = expects;
      this.errorsBefore = errorsBefore;
      this.top = new Ctx("", 0, 0, Map.of(), (long) input.channels(), 0, 0);
      this.flow = new Flow(input, ReceptiveField.INPUT);
    }

    /** The next top-level element; after a limit stopped the walk, nothing more is looked at. */
    public void layer(Element element) {
      if (aborted) {
        return;
      }
      try {
        flow = analyzer.element(element, flow, top);
      } catch (Abort abort) {
        aborted = true;
      }
    }

    /**
     * The resolved op of each row of the network {@link #finish} returned, in row order; null for
     * a merge row ({@code cat}, {@code add}, {@code res}, {@code mul}).
     */
    public List<LayerOp> ops() {
      return java.util.Collections.unmodifiableList(analyzer.ops);
    }

    /** The network, or null when there were errors (reported, as all are, to the walk's source). */
    public NetworkInfo finish(String name, Header.ShapeLiteral declaredOutput, Position headerPos) {
      Reporter.Source source = analyzer.source;
      if (aborted) {
        return null;
      }
      if (flow.shape() != null && declaredOutput != null) {
        analyzer.checkDeclaredOutput(flow.shape(), declaredOutput);
      }
      if (source.errorCount() > errorsBefore || flow.shape() == null) {
        return null;
      }
      NetworkInfo info = analyzer.totals(name, input, flow.shape(), headerPos);
      if (info == null) {
        return null;
      }
      for (Statement.Expect expect : expects) {
        analyzer.checkExpect(expect, info);
      }
      return source.errorCount() > errorsBefore ? null : info;
    }
  }

  /**
   * The network's totals, or null after reporting the layer where one stops fitting in 64 bits.
   * FLOPs (2 x MACs) and Keras's total (learnable + non-trainable) are derived from them wherever
   * they are shown, so they must fit too.
   */
  private NetworkInfo totals(String name, Shape input, Shape output, Position headerPos) {
    long params = 0;
    long nonTrainable = 0;
    long macs = 0;
    long activations = input.size();
    LayerTable table = rows.build();
    for (int i = 0; i < table.size(); i++) {
      try {
        params = Math.addExact(params, table.params(i));
        nonTrainable = Math.addExact(nonTrainable, table.nonTrainableParams(i));
        macs = Math.addExact(macs, table.macs(i));
        activations = Math.addExact(activations, table.activations(i));
        Math.addExact(params, nonTrainable);
        Math.multiplyExact(macs, 2);
      } catch (ArithmeticException e) {
        LayerInfo row = table.get(i);
        source.error(DiagnosticCode.COUNTS_OVERFLOW, headerPos, "counts overflow",
            "the network's totals (with FLOPs = 2 x MACs) pass 64 bits at layer " + row.name() + " (" + row.spec() + ")",
            "no real network is this large; check the numbers");
        return null;
      }
    }
    List<Block> found = new ArrayList<>(blocks.size());
    for (Block block : blocks) {
      if (block != null) {
        found.add(block);
      }
    }
    return new NetworkInfo(name, input, output, table, params, params, nonTrainable, macs, activations, found);
  }

  private void checkDeclaredOutput(Shape actual, Header.ShapeLiteral declared) {
    List<Long> dims = declared.dims();
    boolean matches = dims.size() == 1
        ? actual.isPerChannel() && actual.channels() == dims.get(0)
        : !actual.vector() && actual.height() == dims.get(0) && actual.width() == dims.get(1)
            && actual.channels() == dims.get(2);
    if (!matches) {
      String written = String.join("x", dims.stream().map(String::valueOf).toList());
      source.error(DiagnosticCode.DECLARED_OUTPUT_DIFFERS, declared.pos(), "declared output differs",
          "the network ends in " + actual + " but the header declares " + written,
          actual.vector() || actual.isPerChannel()
              ? "fix the header to -> " + actual.channels() + ", or the last layer's size"
              : "end the network with layers that reach " + written + " (e.g. gap fc" + written + "), or fix the header");
    }
  }

  private void checkExpect(Statement.Expect expect, NetworkInfo info) {
    String metric = Vocabulary.normalize(expect.metric());
    Long actual = switch (metric) {
      case "params", "parameters" -> info.params();
      case "trainable", "trainableparams" -> info.trainableParams();
      case "nontrainable", "nontrainableparams" -> info.nonTrainableParams();
      case "macs" -> info.macs();
      case "flops" -> info.flops();
      case "activations" -> info.activations();
      default -> null;
    };
    if (actual == null) {
      List<String> known = List.of("params", "trainable", "nontrainable", "macs", "flops", "activations");
      String near = Suggestions.closest(metric, known);
      source.error(DiagnosticCode.UNKNOWN_FIGURE, expect.pos(), "unknown figure '" + expect.metric() + "'",
          "expect checks " + String.join(", ", known),
          near != null ? "did you mean expect " + near + "?" : "write e.g. expect params 138_357_544");
      return;
    }
    if (actual != expect.value()) {
      source.error(DiagnosticCode.EXPECT_DIFFERS, expect.valuePos(), "expected " + metric + " differ",
          "the spec has " + group(actual) + " " + metric + " but expect says " + group(expect.value()),
          "fix the layers, or update the figure to " + group(actual) + " if the spec is right");
    }
  }

  private static String group(long value) {
    return Figures.grouped(value);
  }

  // ---- the walk ----

  private Flow sequence(Sequence sequence, Flow flow, Ctx ctx) {
    for (Element element : sequence.elements()) {
      flow = element(element, flow, ctx);
    }
    return flow;
  }

  private Flow element(Element element, Flow flow, Ctx ctx) {
    long times = 1;
    if (element.repeat() != null) {
      Long value = evaluate(element.repeat(), ctx);
      if (value == null) {
        times = 1;
      } else if (value < 1) {
        source.error(DiagnosticCode.NON_POSITIVE_NUMBER, element.repeat().pos(), "non-positive repetition", "x" + value + " repeats nothing",
            "repeat at least once (x1), or remove the layer");
        return flow.unknown();
      } else if (value > limits.maxLayers()) {
        source.error(DiagnosticCode.LAYER_LIMIT, element.repeat().pos(), "the spec expands past the layer limit",
            "x" + group(value) + " is more than the " + group(limits.maxLayers()) + " layers a spec may expand to",
            "reduce the repetition");
        throw new Abort();
      } else {
        times = value;
      }
      long atLeast = saturatingMultiply(minRows(element, 0), times);
      if (expanded + atLeast > limits.maxLayers()) {
        source.error(DiagnosticCode.LAYER_LIMIT, element.pos(), "the spec expands past the layer limit",
            "this repetition alone expands to at least " + group(atLeast) + " layers; the limit is "
                + group(limits.maxLayers()),
            "reduce the repetition (the limit is a compile option for larger specs)");
        throw new Abort();
      }
    }
    int slot = times > 1 ? reserveBlock() : -1;
    int firstRow = rows.size();
    for (long i = 1; i <= times; i++) {
      String label = element.label() == null ? null
          : times == 1 ? element.label().name() : element.label().name() + "_" + i;
      long before = expanded;
      flow = once(element, flow, ctx, label);
      // A turn that walked no layer (an empty group, a call that failed) changed nothing, so the
      // other turns would only repeat it and its errors: () x1000000 must not cost a million turns.
      if (expanded == before) {
        break;
      }
    }
    if (slot >= 0) {
      fillBlock(slot, Block.Kind.REPEAT, repeatText(element, firstRow, times), null, firstRow, ctx.depth());
    }
    return flow;
  }

  /** A bare word (no number, channels, stride or modifier) that names a def calls it. */
  private boolean callsDef(Element.Layer layer) {
    return layer.wordNumber() == null && layer.channels() == null && layer.stride() == null
        && layer.modifiers().isEmpty() && defs.get(layer.word()) != null;
  }

  private int reserveBlock() {
    blocks.add(null);
    return blocks.size() - 1;
  }

  /** Fills a reserved block slot when its element produced rows; an empty one stays null. */
  private void fillBlock(int slot, Block.Kind kind, String text, String def, int firstRow, int depth) {
    if (rows.size() > firstRow) {
      blocks.set(slot, new Block(kind, text, def, firstRow, rows.size(), depth));
    }
  }

  /** How a repeated element reads folded: {@code conv3-64 x2}, {@code fire(16, 64) x3}, {@code (conv3-64 relu) x2}. */
  private String repeatText(Element element, int firstRow, long times) {
    String once;
    if (element instanceof Element.Layer layer && callsDef(layer)) {
      once = layer.word();
    } else if (element instanceof Element.Layer && rows.size() > firstRow) {
      once = rows.specAt(firstRow);
    } else if (element instanceof Element.Call call) {
      once = call.name();
    } else if (element instanceof Element.Branch branch) {
      once = branch.kind().keyword() + " { ... }";
    } else {
      once = "( ... )";
    }
    if (element.label() != null) {
      once = once + " @" + element.label().name();
    }
    return once + " x" + times;
  }

  private Flow once(Element element, Flow flow, Ctx ctx, String label) {
    if (element instanceof Element.Layer layer) {
      Statement.Def def = callsDef(layer) ? defs.get(layer.word()) : null;
      return def != null ? call(def, List.of(), layer.pos(), flow, ctx, label) : layer(layer, flow, ctx, label);
    }
    if (element instanceof Element.Group group) {
      Ctx inner = nested(ctx, group.pos());
      if (label == null) {
        return sequence(group.body(), flow, inner);
      }
      int slot = reserveBlock();
      int firstRow = rows.size();
      Flow out = sequence(group.body(), flow, inner.scoped(claim(ctx, label, group.pos())));
      fillBlock(slot, Block.Kind.GROUP, "@" + label, null, firstRow, ctx.depth());
      return out;
    }
    if (element instanceof Element.Call call) {
      Statement.Def def = defs.get(call.name());
      if (def == null) {
        unknownDef(call.name(), call.pos());
        return flow.unknown();
      }
      return call(def, call.args(), call.pos(), flow, ctx, label);
    }
    return branch((Element.Branch) element, flow, ctx, label);
  }

  /** Claims a user's name in the current scope and returns it in full. */
  private String claim(Ctx ctx, String label, Position pos) {
    String name = ctx.prefix() + label;
    if (!namer.claim(name)) {
      source.error(DiagnosticCode.DUPLICATE_LAYER_NAME, pos, "duplicate layer name '" + name + "'", "another layer already has this name",
          "choose another @name");
    }
    return name;
  }

  private void unknownDef(String name, Position pos) {
    if (Vocabulary.isReserved(name)) {
      source.error(DiagnosticCode.LAYER_NOT_DEF, pos, "'" + name + "' is a layer, not a def", "a word glued to ( calls a def",
          "put a space before ( to start a group: " + name + " ( ... )");
      return;
    }
    String near = Suggestions.closest(name.toLowerCase(Locale.ROOT), defs.names());
    source.error(DiagnosticCode.UNKNOWN_DEF, pos, "unknown def '" + name + "'",
        defs.names().isEmpty() ? "the spec defines no defs" : "the defs are " + String.join(", ", defs.names()),
        near != null ? "did you mean " + near + "?" : "define it with def " + name + "(...) { ... } before the layers");
  }

  private Flow call(Statement.Def def, List<Expr> args, Position pos, Flow flow, Ctx ctx, String label) {
    if (defs.isRecursive(def.name())) {
      return flow.unknown();
    }
    if (ctx.callDepth() >= limits.maxCallDepth()) {
      source.error(DiagnosticCode.DEFS_TOO_DEEP, pos, "defs nest too deep", "calls reach " + ctx.callDepth() + " defs deep here",
          "flatten the defs; the limit is " + limits.maxCallDepth());
      throw new Abort();
    }
    List<Statement.Param> params = def.params();
    int required = (int) params.stream().filter(p -> p.defaultValue() == null).count();
    if (args.size() > params.size() || args.size() < required) {
      String expected = required == params.size() ? String.valueOf(params.size()) : required + " to " + params.size();
      source.error(DiagnosticCode.WRONG_ARGUMENT_COUNT, pos, "wrong number of arguments to " + def.name(),
          def.name() + " takes " + expected + " (" + String.join(", ", params.stream().map(Statement.Param::name).toList())
              + ") but is given " + args.size(),
          "call it as " + def.name() + "(" + String.join(", ", params.stream().map(Statement.Param::name).toList()) + ")");
      return flow.unknown();
    }
    Long in = flow.shape() == null ? null : (long) flow.shape().channels();
    Map<String, Long> vars = new HashMap<>();
    boolean known = true;
    Ctx callee = new Ctx(ctx.prefix(), ctx.depth(), ctx.branch(), vars, in, ctx.callDepth() + 1, ctx.nesting());
    for (int i = 0; i < params.size(); i++) {
      Statement.Param param = params.get(i);
      Long value = i < args.size() ? evaluate(args.get(i), ctx) : evaluate(param.defaultValue(), callee);
      known &= value != null;
      vars.put(param.name(), value);
    }
    if (!known) {
      return flow.unknown();
    }
    String scope = label != null ? claim(ctx, label, pos) : namer.generate(ctx.prefix(), def.name()).toString();
    int slot = reserveBlock();
    int firstRow = rows.size();
    Flow out = sequence(def.body(), flow, callee.scoped(scope));
    StringBuilder text = new StringBuilder(def.name());
    if (!params.isEmpty()) {
      text.append('(');
      for (int i = 0; i < params.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(vars.get(params.get(i).name()));
      }
      text.append(')');
    }
    fillBlock(slot, Block.Kind.CALL, text.toString(), def.name(), firstRow, ctx.depth());
    return out;
  }

  /**
   * One level deeper. The text's nesting is checked when it is parsed, but a def called inside
   * groups nests its own groups inside those; counting through the calls keeps the walk's
   * recursion, and so the Java stack, bounded however the defs are stacked.
   */
  private Ctx nested(Ctx ctx, Position pos) {
    if (ctx.nesting() >= limits.maxNesting()) {
      source.error(DiagnosticCode.NESTING_TOO_DEEP, pos, "nesting too deep",
          "with the def calls around it, groups and branches nest more than " + limits.maxNesting() + " levels here",
          "flatten the spec, or call fewer defs inside groups and branches");
      throw new Abort();
    }
    return ctx.nested();
  }

  private void walked(Position pos) {
    if (++expanded > limits.maxLayers()) {
      source.error(DiagnosticCode.LAYER_LIMIT, pos, "the spec expands past the layer limit",
          "it has more than " + group(limits.maxLayers()) + " layers after expansion",
          "reduce the repetition (the limit is a compile option for larger specs)");
      throw new Abort();
    }
  }

  private Flow layer(Element.Layer layer, Flow flow, Ctx ctx, String label) {
    walked(layer.pos());
    Long wordNumber = layer.wordNumber() == null ? null : evaluate(layer.wordNumber(), ctx);
    Long channels = layer.channels() == null ? null : evaluate(layer.channels(), ctx);
    Long stride = layer.stride() == null ? null : evaluate(layer.stride(), ctx);
    boolean known = (layer.wordNumber() == null || wordNumber != null) && (layer.channels() == null || channels != null)
        && (layer.stride() == null || stride != null);
    List<LayerResolver.Mod> mods = layer.modifiers().isEmpty() ? List.of() : new ArrayList<>();
    for (Element.Modifier modifier : layer.modifiers()) {
      LayerResolver.Mod mod = modifier(modifier, ctx);
      known &= mod != null;
      mods.add(mod);
    }
    if (!known) {
      return flow.unknown();
    }
    if (wordNumber != null && wordNumber < 0) {
      source.error(DiagnosticCode.NON_POSITIVE_NUMBER, layer.wordNumber().pos(), "negative number in a layer word", "'" + layer.word() + "' is given " + wordNumber,
          "the number must be at least 1");
      return flow.unknown();
    }
    String word = wordNumber == null ? layer.word() : layer.word() + wordNumber;
    if (!checkNumber(channels, layer.channels(), "channel count") || !checkNumber(stride, layer.stride(), "stride")) {
      return flow.unknown();
    }
    Resolved resolution = resolve(new Written(word, channels, stride, mods));
    String spec = resolution.spec();
    if (resolution.error() != null) {
      resolution.error().report(source, layer.pos());
      return flow.unknown();
    }
    LayerOp op = resolution.op();
    if (op == null) {
      Matcher glued = GLUED_REPEAT.matcher(word);
      if (glued.matches() && Vocabulary.isLayerWord(glued.group(1))) {
        // fc4096x2 lexes as one word, and the suggestion for it was the word itself
        source.error(DiagnosticCode.UNKNOWN_LAYER, layer.pos(), "unknown layer '" + word + "'",
            "an xN glued to a word's own number reads as part of the word",
            "put a space before the repetition: " + glued.group(1) + " x" + glued.group(2));
        return guess(glued.group(1), channels, stride, mods, flow);
      }
      String near = Vocabulary.suggest(word, defs.names());
      source.error(DiagnosticCode.UNKNOWN_LAYER, layer.pos(), "unknown layer '" + word + "'", "",
          near != null ? "did you mean " + near + "?" : "see the layer table in docs/language.md");
      return near == null ? flow.unknown() : guess(near, channels, stride, mods, flow);
    }
    if (flow.shape() == null) {
      return flow;
    }
    Outcome outcome;
    try {
      Applied applied = new Applied(op, flow.shape());
      outcome = outcomes.get(applied);
      if (outcome == null) {
        outcome = op.apply(flow.shape(), spec);
        outcomes.put(applied, outcome);
      }
    } catch (SpecException e) {
      e.report(source, layer.pos());
      return flow.unknown();
    } catch (ArithmeticException e) {
      source.error(DiagnosticCode.COUNTS_OVERFLOW, layer.pos(), "counts overflow", "the figures of " + spec + " do not fit in 64 bits",
          "no real layer is this large; check the numbers");
      return flow.unknown();
    }
    Window window = outcome.window();
    Shape flattened = null;
    if (op instanceof LayerOp.Dense && flow.flattened() != null) {
      window = Window.of(flow.flattened().height(), flow.flattened().width(), 1, 1);
    } else if (op instanceof LayerOp.Flatten) {
      flattened = flow.shape().vector() ? flow.flattened() : flow.shape();
    } else if (!(op instanceof LayerOp.Dense) && outcome.output().vector()) {
      flattened = flow.flattened();
    }
    ReceptiveField rf = flow.rf().through(window);
    if (!rf.exact()) {
      source.error(DiagnosticCode.COUNTS_OVERFLOW, layer.pos(), "counts overflow",
          "the receptive field of " + spec + " passes 2^53 input pixels, past exact arithmetic",
          "no real network strides this far; check the strides");
      return flow.unknown();
    }
    String nameBase;
    int nameNumber;
    if (label != null) {
      nameBase = claim(ctx, label, layer.pos());
      nameNumber = 0;
    } else {
      Namer.Name generated = namer.generate(ctx.prefix(), op.baseName());
      nameBase = generated.base();
      nameNumber = generated.number();
    }
    int row = newRow(layer.pos());
    ops.set(row, op);
    rows.set(row, nameBase, nameNumber, op.kind(), spec, ctx.depth(), ctx.branch(), flow.shape(),
        outcome.output(), outcome.params(), outcome.nonTrainable(), outcome.macs(),
        outcome.stored() ? outcome.output().size() : 0, rf.size(), rf.jump());
    return new Flow(outcome.output(), rf, flattened);
  }

  private Resolved resolve(Written written) {
    Resolved resolution = resolved.get(written);
    if (resolution == null) {
      String spec = specText(written.word(), written.channels(), written.stride(), written.mods());
      try {
        resolution = new Resolved(LayerResolver.resolve(written.word(), written.channels(), written.stride(), written.mods(), convBias),
            null, spec);
      } catch (SpecException e) {
        resolution = new Resolved(null, e, spec);
      }
      resolved.put(written, resolution);
    }
    return resolution;
  }

  /**
   * Carries on past a misspelled word as if the suggestion had been written, so that one typo does
   * not hide the errors after it; no row is added, and the spec fails anyway.
   */
  private Flow guess(String word, Long channels, Long stride, List<LayerResolver.Mod> mods, Flow flow) {
    if (flow.shape() == null) {
      return flow;
    }
    try {
      LayerOp op = LayerResolver.resolve(word, channels, stride, mods, convBias);
      if (op == null) {
        return flow.unknown();
      }
      Outcome outcome = op.apply(flow.shape(), word);
      return new Flow(outcome.output(), flow.rf().through(outcome.window()));
    } catch (SpecException | ArithmeticException e) {
      return flow.unknown();
    }
  }

  /** A new row, filled in by the caller. */
  private int newRow(Position pos) {
    if (rows.size() >= limits.maxLayers()) {
      source.error(DiagnosticCode.LAYER_LIMIT, pos, "the spec expands past the layer limit",
          "it has more than " + group(limits.maxLayers()) + " layers after expansion",
          "reduce the repetition (the limit is a compile option for larger specs)");
      throw new Abort();
    }
    int row = rows.reserve();
    ops.add(null);
    return row;
  }

  private boolean checkNumber(Long value, Expr expr, String what) {
    if (value == null) {
      return true;
    }
    if (value < 1) {
      source.error(DiagnosticCode.NON_POSITIVE_NUMBER, expr.pos(), "non-positive " + what, "the " + what + " is " + value, "it must be at least 1");
      return false;
    }
    if (value > Limits.MAX_NUMBER) {
      source.error(DiagnosticCode.ABSURD_NUMBER, expr.pos(), "absurd " + what, "the " + what + " is " + group(value),
          "numbers in a layer are at most " + group(Limits.MAX_NUMBER));
      return false;
    }
    return true;
  }

  private LayerResolver.Mod modifier(Element.Modifier modifier, Ctx ctx) {
    if (modifier.number() != null) {
      Long value = evaluate(modifier.number(), ctx);
      if (value != null && value < 0) {
        source.error(DiagnosticCode.NON_POSITIVE_NUMBER, modifier.pos(), "negative modifier", "'" + modifier.word() + "' is given " + value,
            "use 0 or more");
        return null;
      }
      return value == null ? null : new LayerResolver.Mod(modifier.word(), value);
    }
    String word = modifier.word();
    Modifier numbered = Vocabulary.gluedNumber(word);
    if (numbered != null) {
      String digits = word.substring(numbered.word().length());
      long value;
      try {
        value = Long.parseLong(digits);
      } catch (NumberFormatException e) {
        value = Long.MAX_VALUE;
      }
      return new LayerResolver.Mod(numbered.word(), value);
    }
    return new LayerResolver.Mod(word, null);
  }

  private static String specText(String word, Long channels, Long stride, List<LayerResolver.Mod> mods) {
    StringBuilder out = new StringBuilder(word);
    if (channels != null) {
      out.append('-').append(channels);
    }
    if (stride != null) {
      out.append('/').append(stride);
    }
    for (LayerResolver.Mod mod : mods) {
      out.append(' ').append(mod.text());
    }
    return out.toString();
  }

  private Flow branch(Element.Branch branch, Flow flow, Ctx ctx, String label) {
    walked(branch.pos());
    String kind = branch.kind().keyword();
    String name = label != null ? claim(ctx, label, branch.pos()) : namer.generate(ctx.prefix(), kind).toString();
    Ctx inner = label != null ? nested(ctx, branch.pos()).scoped(name) : nested(ctx, branch.pos());
    int row = newRow(branch.pos());
    List<Flow> outs = new ArrayList<>();
    for (int i = 0; i < branch.branches().size(); i++) {
      outs.add(sequence(branch.branches().get(i), flow, inner.inBranch(i + 1)));
    }
    int count = branch.branches().size();
    if ((branch.kind() == Element.BranchKind.RES && count > 2) || (branch.kind() == Element.BranchKind.MUL && count > 1)) {
      source.error(DiagnosticCode.BRANCH_COUNT, branch.pos(), kind + " takes " + (branch.kind() == Element.BranchKind.RES ? "one or two branches" : "one branch"),
          "it is given " + count,
          branch.kind() == Element.BranchKind.RES ? "write res { main } or res { main | shortcut }; for more use add { ... }"
              : "write mul { ... } with one branch");
      return flow.unknown();
    }
    if (branch.kind() == Element.BranchKind.RES && count == 1) {
      outs.add(flow);
    }
    if (flow.shape() == null || outs.stream().anyMatch(o -> o.shape() == null)) {
      return flow.unknown();
    }
    Shape merged = merge(branch, flow.shape(), outs);
    if (merged == null) {
      return flow.unknown();
    }
    ReceptiveField rf = outs.get(0).rf();
    for (Flow out : outs) {
      rf = rf.max(out.rf());
    }
    rows.set(row, name, 0, kind, kind, ctx.depth(), ctx.branch(), flow.shape(), merged, 0, 0, 0, merged.size(),
        rf.size(), rf.jump());
    return new Flow(merged, rf);
  }

  private Shape merge(Element.Branch branch, Shape in, List<Flow> outs) {
    List<Shape> shapes = outs.stream().map(Flow::shape).toList();
    Shape first = shapes.get(0);
    switch (branch.kind()) {
      case RES, ADD -> {
        for (int i = 1; i < shapes.size(); i++) {
          if (!sameShape(shapes.get(i), first)) {
            reportDisagreement(branch, in, first, shapes.get(i), i);
            return null;
          }
        }
        return first;
      }
      case CAT -> {
        long channels = 0;
        for (int i = 0; i < shapes.size(); i++) {
          Shape s = shapes.get(i);
          if (s.vector() != first.vector() || s.height() != first.height() || s.width() != first.width()) {
            source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "concatenated branches disagree",
                "branch 1 ends in " + first + " but branch " + (i + 1) + " ends in " + s
                    + "; cat joins channels and needs the same height and width",
                "give the branches the same strides and padding (e.g. same, or p1 on a 3x3 pool)");
            return null;
          }
          channels += s.channels();
        }
        if (channels > Integer.MAX_VALUE || !Sizes.countable(first.height(), first.width(), channels)) {
          source.error(DiagnosticCode.SIZE_TOO_LARGE, branch.pos(), "size too large", "cat yields " + group(channels) + " channels of "
              + first.height() + "x" + first.width() + (channels > Integer.MAX_VALUE ? "" : ", more values than a 64-bit count holds"),
              "check the branches' channel counts");
          return null;
        }
        return first.vector() ? Shape.vector((int) channels) : Shape.of(first.height(), first.width(), (int) channels);
      }
      default -> {
        boolean fits = (first.isPerChannel() && first.channels() == in.channels())
            || (!first.vector() && first.height() == in.height() && first.width() == in.width()
                && (first.channels() == in.channels() || first.channels() == 1));
        if (!fits) {
          source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "mul branch does not fit",
              "mul { ... } yields " + first + " for an input of " + in + "; it must yield " + in.channels()
                  + " or 1x1x" + in.channels() + " to scale each channel",
              "end the branch with fc" + in.channels() + " or conv1-" + in.channels() + " (and sigmoid)");
          return null;
        }
        return in;
      }
    }
  }

  private static boolean sameShape(Shape a, Shape b) {
    return a.height() == b.height() && a.width() == b.width() && a.channels() == b.channels() && a.vector() == b.vector();
  }

  private void reportDisagreement(Element.Branch branch, Shape in, Shape main, Shape other, int index) {
    if (branch.kind() == Element.BranchKind.RES) {
      boolean identity = branch.branches().size() == 1;
      String shortcut = identity ? "the shortcut passes " + other : "the shortcut ends in " + other;
      String hint;
      if (identity && !main.vector() && !in.vector()) {
        long stride = main.height() > 0 && in.height() % main.height() == 0 ? in.height() / main.height() : 1;
        hint = "give the shortcut a projection, e.g. res { ... | conv1-" + main.channels()
            + (stride > 1 ? "/" + stride : "") + " bn }";
      } else {
        hint = "make the main path and the shortcut end in the same shape";
      }
      source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "residual branches disagree", "the main path ends in " + main + " but " + shortcut, hint);
    } else {
      source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "added branches disagree",
          "branch 1 ends in " + main + " but branch " + (index + 1) + " ends in " + other,
          "make every branch of add end in the same shape");
    }
  }

  // ---- expressions ----

  private Long evaluate(Expr expr, Ctx ctx) {
    try {
      if (expr instanceof Expr.Literal literal) {
        return literal.value();
      }
      if (expr instanceof Expr.InChannels) {
        return ctx.in();
      }
      if (expr instanceof Expr.Variable variable) {
        if (!ctx.vars().containsKey(variable.name())) {
          String near = Suggestions.closest(variable.name(), ctx.vars().keySet());
          source.error(DiagnosticCode.UNKNOWN_NAME, variable.pos(), "unknown name '" + variable.name() + "'",
              ctx.vars().isEmpty() ? "only a def's parameters and in can be used in {...}"
                  : "the parameters here are " + String.join(", ", ctx.vars().keySet().stream().sorted().toList()),
              near != null ? "did you mean " + near + "?" : "declare it as a parameter of the def");
          return null;
        }
        return ctx.vars().get(variable.name());
      }
      if (expr instanceof Expr.Negate negate) {
        Long value = evaluate(negate.operand(), ctx);
        return value == null ? null : Math.negateExact(value);
      }
      Expr.Binary binary = (Expr.Binary) expr;
      Long left = evaluate(binary.left(), ctx);
      Long right = evaluate(binary.right(), ctx);
      if (left == null || right == null) {
        return null;
      }
      switch (binary.operator()) {
        case '+':
          return Math.addExact(left, right);
        case '-':
          return Math.subtractExact(left, right);
        case '*':
          return Math.multiplyExact(left, right);
        default:
          if (right == 0) {
            source.error(DiagnosticCode.DIVISION_BY_ZERO, binary.pos(), "division by zero", "the divisor evaluates to 0", "check the def's arguments");
            return null;
          }
          return left / right;
      }
    } catch (ArithmeticException e) {
      source.error(DiagnosticCode.NUMBER_OVERFLOW, expr.pos(), "number overflow", "the expression does not fit in 64 bits", "check the arguments");
      return null;
    }
  }

  // ---- the cheap lower bound that refuses huge repetition before expanding it ----

  /**
   * A lower bound of the rows {@code node} expands to. {@code depth} counts the defs and groups
   * entered: past what the walk itself allows the bound gives up (0 is still a lower bound), so a
   * chain of thousands of defs does not overflow the stack here before the walk can report it.
   */
  private long minRows(Object node, int depth) {
    Long memo = minRowsMemo.get(node);
    if (memo != null) {
      return memo;
    }
    if (depth > limits.maxNesting() + limits.maxCallDepth()) {
      return 0;
    }
    minRowsMemo.put(node, 0L);
    long count = 1;
    if (node instanceof Sequence sequence) {
      count = 0;
      for (Element element : sequence.elements()) {
        count = saturatingAdd(count, saturatingMultiply(minRows(element, depth + 1), literalRepeat(element)));
      }
    } else if (node instanceof Element.Layer layer) {
      // the same test as once(): only a bare word calls a def
      Statement.Def def = callsDef(layer) ? defs.get(layer.word()) : null;
      count = def != null ? defRows(def, depth) : 1;
    } else if (node instanceof Element.Group group) {
      count = minRows(group.body(), depth + 1);
    } else if (node instanceof Element.Call call) {
      Statement.Def def = defs.get(call.name());
      count = def == null ? 0 : defRows(def, depth);
    } else if (node instanceof Element.Branch branch) {
      for (Sequence s : branch.branches()) {
        count = saturatingAdd(count, minRows(s, depth + 1));
      }
    }
    minRowsMemo.put(node, count);
    return count;
  }

  /** A recursive def's call expands to nothing (it is reported instead), so it counts 0. */
  private long defRows(Statement.Def def, int depth) {
    return defs.isRecursive(def.name()) ? 0 : minRows(def.body(), depth + 1);
  }

  /** Rows of one repetition of an element's content; its own repetition is applied by the caller. */
  private static long literalRepeat(Element element) {
    return element.repeat() instanceof Expr.Literal literal && literal.value() > 0 ? literal.value() : 1;
  }

  private static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE / 4 : low;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE / 4 : sum;
  }
}
