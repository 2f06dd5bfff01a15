package io.cnnspec.lang.analysis;

import io.cnnspec.lang.vocabulary.LayerWord;
import io.cnnspec.lang.vocabulary.Modifier;
import io.cnnspec.lang.vocabulary.Suggestions;
import io.cnnspec.lang.vocabulary.FrameworkWords;
import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.syntax.Sequence;
import io.cnnspec.lang.syntax.Slips;
import io.cnnspec.lang.syntax.Header;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.model.Block;
import io.cnnspec.model.BlockTable;
import io.cnnspec.model.LayerTable;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expands and analyses a spec in one walk: repetition and def calls are expanded as the shapes
 * flow through them, because a def's {@code in} is the channel count arriving at the call. After
 * an error the shape becomes unknown, so later layers are still checked for what does not depend
 * on it (words, modifiers, defs) without errors that only follow from the first.
 *
 * <p>This class is the walk (rows, names, blocks, def calls, nesting); each of its other jobs is a
 * class of its own: {@link Evaluator} the numbers, {@link LayerResolutions} a written layer to its
 * op and outcome, {@link BranchMerge} where branches meet, {@link ExpansionBudget} the layer
 * limit, {@link NetworkChecks} the network as a whole, {@link Definitions} the defs.
 */
public final class Analyzer {

  private final Reporter.Source source;
  private final Limits limits;
  private final Definitions defs;
  private final Evaluator numbers;
  private final LayerResolutions layers;
  private final BranchMerge merges;
  private final ExpansionBudget budget;
  private final NetworkChecks checks;
  private final LayerTable.Builder rows = LayerTable.builder();
  // The resolved op of each row (null for a merge row), for consumers that need a layer's
  // parameters rather than its figures (export); ops are shared per written form, so this costs an
  // int per row (RowOps).
  private final RowOps ops = new RowOps();
  // The def calls, repetitions and labelled groups, outer before inner; a null is a slot reserved
  // for an element that produced no row.
  private final BlockTable.Builder blocks = BlockTable.builder();
  // The side outputs (side { ... }) in row order, their MACs counted once every row is known.
  private final List<NetworkChecks.SideSpan> sides = new ArrayList<>();
  private final Namer namer = new Namer();
  private final Map<String, String> blockTexts = new HashMap<>();

  /** The hint for a map that shrinks to nothing when the input looks channels-first, else null. */
  private String channelsFirst;
  /** The network's input, the size {@code resize input} resizes to. */
  private Shape input;
  /** Where the input was written when apart from the spec ({@code --input}, an annotation's), else null. */
  private Reporter.Source inputSource;
  /** Whether an fc or flatten has been walked: a vector after one may be its output, not the input. */
  private boolean flattening;

  /**
   * The element written just before the one being walked, in its sequence (null if none), and the
   * row it made when it made exactly one (else -1). Whether that element was a plain layer is
   * asked only when a slip needs the row ({@link #precedingRow}): asking per element cost a def
   * look-up for every layer walked.
   */
  private Element precedingElement;
  private int precedingOnlyRow = -1;
  /** The input of the element written just before the one being walked (null if none or unknown). */
  private Shape precedingInput;

  private Analyzer(Reporter.Source source, Limits limits, Definitions defs, boolean convBias) {
    this.source = source;
    this.limits = limits;
    this.defs = defs;
    this.numbers = new Evaluator(source);
    this.layers = new LayerResolutions(source, convBias);
    this.merges = new BranchMerge(source);
    this.budget = new ExpansionBudget(source, limits, defs);
    this.checks = new NetworkChecks(source);
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
  private record Ctx(int depth, int branch, Map<String, Long> vars, Long in, int callDepth, int nesting, int scope,
      Shape start) {
    /** In branch {@code index} of a branch element whose input is {@code start} (null when unknown). */
    Ctx inBranch(int index, Shape start) {
      return new Ctx(depth + 1, index, vars, in, callDepth, nesting, scope, start);
    }

    /**
     * Inside the scope of a def call, labelled group or branch: {@code id} is the scope in the row
     * table, where the rows' names are kept, and the namer's scope; no name string is made.
     */
    Ctx scoped(int id) {
      return new Ctx(depth, branch, vars, in, callDepth, nesting, id, start);
    }

    Ctx nested() {
      return new Ctx(depth, branch, vars, in, callDepth, nesting + 1, scope, start);
    }
  }

  /**
   * Starts a walk of a spec's top level, given its statements: the top-level layers then come one
   * at a time ({@link Walk#layer}), as a parser reads them, and need not be kept. An input written
   * apart from the spec is in {@code inputSource} (null when it is the spec's own header): an error
   * that only another input fixes is said there.
   */
  public static Walk begin(List<Statement> statements, Shape input, Reporter.Source inputSource, Reporter.Source source,
      Limits limits) {
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
    Analyzer analyzer = new Analyzer(source, limits, defs, convBias);
    analyzer.channelsFirst = InputShape.channelsFirstHint(input);
    analyzer.input = input;
    analyzer.inputSource = inputSource;
    return new Walk(analyzer, input, expects, errorsBefore);
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
    private Element previous;
    private int previousOnlyRow = -1;
    private Shape previousInput;

    private Walk(Analyzer analyzer, Shape input, List<Statement.Expect> expects, int errorsBefore) {
      this.analyzer = analyzer;
      this.input = input;
      this.expects = expects;
      this.errorsBefore = errorsBefore;
      this.top = new Ctx(0, 0, Map.of(), (long) input.channels(), 0, 0, LayerTable.TOP, null);
      this.flow = new Flow(input, ReceptiveField.INPUT);
    }

    /** The next top-level element; after a limit stopped the walk, nothing more is looked at. */
    public void layer(Element element) {
      if (aborted) {
        return;
      }
      try {
        int first = analyzer.rows.size();
        Shape in = flow.shape();
        flow = analyzer.step(element, flow, top, previous, previousOnlyRow, previousInput);
        previous = element;
        previousOnlyRow = analyzer.onlyRow(first);
        previousInput = in;
      } catch (Abort abort) {
        aborted = true;
      }
    }

    /**
     * The resolved op of each row of the network {@link #finish} returned, in row order; null for
     * a merge row ({@code cat}, {@code add}, {@code res}, {@code mul}) and a side row ({@code side}).
     */
    public List<LayerOp> ops() {
      return java.util.Collections.unmodifiableList(analyzer.ops);
    }

    /** Each row's branch count as written (merge and side rows), 0 for a layer; see {@code Compilation}. */
    public List<Integer> branchCounts() {
      return analyzer.ops.branchCounts();
    }

    /** The network, or null when there were errors (reported, as all are, to the walk's source). */
    public NetworkInfo finish(String name, Header.ShapeLiteral declaredOutput, Position headerPos) {
      Reporter.Source source = analyzer.source;
      if (aborted) {
        return null;
      }
      if (flow.shape() != null && declaredOutput != null) {
        analyzer.checks.declaredOutput(flow.shape(), declaredOutput);
      }
      if (source.errorCount() > errorsBefore || flow.shape() == null) {
        return null;
      }
      NetworkInfo info = analyzer.checks.totals(name, input, flow.shape(), headerPos, analyzer.rows.build(),
          analyzer.blocks.build(), analyzer.sides);
      if (info == null) {
        return null;
      }
      for (Statement.Expect expect : expects) {
        analyzer.checks.expect(expect, info);
      }
      return source.errorCount() > errorsBefore ? null : info;
    }
  }

  // ---- the walk ----

  private Flow sequence(Sequence sequence, Flow flow, Ctx ctx) {
    return sequence(sequence.elements(), flow, ctx);
  }

  private Flow sequence(List<Element> elements, Flow flow, Ctx ctx) {
    Element previous = null;
    int previousOnlyRow = -1;
    Shape previousInput = null;
    for (Element element : elements) {
      int first = rows.size();
      Shape in = flow.shape();
      flow = step(element, flow, ctx, previous, previousOnlyRow, previousInput);
      previous = element;
      previousOnlyRow = onlyRow(first);
      previousInput = in;
    }
    return flow;
  }

  /**
   * One element of a sequence, knowing the element written just before it (or null), the row
   * that one made when it made exactly one (else -1), and that one's input (or null).
   */
  private Flow step(Element element, Flow flow, Ctx ctx, Element previous, int previousOnlyRow, Shape previousInput) {
    precedingElement = previous;
    precedingOnlyRow = previousOnlyRow;
    precedingInput = previousInput;
    return element(element, flow, ctx);
  }

  /** The row an element that began at {@code firstRow} made when it made exactly one, else -1. */
  private int onlyRow(int firstRow) {
    return rows.size() == firstRow + 1 ? firstRow : -1;
  }

  /**
   * The row of the plain layer (not a def call, not repeated) written just before the element
   * being walked, when it made one; else -1: what a slip after it refers to.
   */
  private int precedingRow() {
    return precedingOnlyRow >= 0 && precedingElement instanceof Element.Layer layer && layer.repeat() == null
        && defs.calledBy(layer) == null ? precedingOnlyRow : -1;
  }

  private Flow element(Element element, Flow flow, Ctx ctx) {
    long times = 1;
    if (element.repeat() != null) {
      Long value = evaluate(element.repeat(), ctx);
      if (value == null) {
        times = 1;
      } else if (value == 0 && !(element.repeat() instanceof Expr.Literal)) {
        // a computed count of 0 is none, as nn.Sequential(*[block] * 0): a stage def whose
        // x{n-1} follows its first block serves a one-block stage too (MnasNet's)
        return flow;
      } else if (value < 1) {
        source.error(DiagnosticCode.NON_POSITIVE_NUMBER, element.repeat().pos(), "non-positive repetition", "x" + value + " repeats nothing",
            "repeat at least once (x1), or remove the layer");
        return flow.unknown();
      } else {
        times = value;
      }
    }
    budget.expand(element, times);
    int slot = times > 1 ? reserveBlock(element.pos()) : -1;
    int firstRow = rows.size();
    // the turns of a labelled repetition are name_1, name_2, ...: a stem and a number, as generated
    // names are, so that a million turns do not keep a million names
    String labelStem = element.label() == null ? null : times == 1 ? element.label().name() : element.label().name() + "_";
    for (long i = 1; i <= times; i++) {
      Label label = labelStem == null ? null : new Label(labelStem, times == 1 ? 0 : (int) i);
      long before = budget.walked();
      flow = once(element, flow, ctx, label);
      // A turn that walked no layer (an empty group, a call that failed) changed nothing, so the
      // other turns would only repeat it and its errors: () x1000000 must not cost a million turns.
      if (budget.walked() == before) {
        break;
      }
    }
    if (slot >= 0) {
      fillBlock(slot, Block.Kind.REPEAT, repeatText(element, firstRow, times), null, firstRow, ctx.depth());
    }
    return flow;
  }

  private int reserveBlock(Position pos) {
    budget.block(pos);
    return blocks.reserve();
  }

  /**
   * One instance of each block text: a def called a million times with the same arguments would
   * otherwise hold a million equal strings.
   */
  private String shared(String text) {
    String known = blockTexts.putIfAbsent(text, text);
    return known != null ? known : text;
  }

  /** Fills a reserved block slot when its element produced rows; an empty one stays null. */
  private void fillBlock(int slot, Block.Kind kind, String text, String def, int firstRow, int depth) {
    if (rows.size() > firstRow) {
      blocks.set(slot, kind, text, def, firstRow, rows.size(), depth);
    }
  }

  /** How a repeated element reads folded: {@code conv3-64 x2}, {@code fire(16, 64) x3}, {@code (conv3-64 relu) x2}. */
  private String repeatText(Element element, int firstRow, long times) {
    String once;
    if (element instanceof Element.Layer layer && defs.calledBy(layer) != null) {
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

  /**
   * A user's name for an element: {@code base} as written, or, for a turn of a labelled repetition,
   * {@code base} ({@code name_}) followed by the turn's {@code number}; 0 is no number.
   */
  private record Label(String base, int number) {
    @Override
    public String toString() {
      return number > 0 ? base + number : base;
    }
  }

  private Flow once(Element element, Flow flow, Ctx ctx, Label label) {
    if (element instanceof Element.Layer layer) {
      Statement.Def def = defs.calledBy(layer);
      return def != null ? call(def, List.of(), layer.pos(), flow, ctx, label) : layer(layer, flow, ctx, label);
    }
    if (element instanceof Element.Group group) {
      Ctx inner = nested(ctx, group.pos());
      if (label == null) {
        return sequence(group.body(), flow, inner);
      }
      int slot = reserveBlock(group.pos());
      int firstRow = rows.size();
      claim(ctx, label, group.pos());
      Ctx scoped = inner.scoped(rows.scope(ctx.scope(), label.base(), label.number()));
      Flow out = sequence(group.body(), flow, scoped);
      namer.close(scoped.scope());
      fillBlock(slot, Block.Kind.GROUP, "@" + label, null, firstRow, ctx.depth());
      return out;
    }
    if (element instanceof Element.Call call) {
      Statement.Def def = defs.get(call.name());
      if (def == null) {
        unknownDef(call);
        return flow.unknown();
      }
      return call(def, call.args(), call.pos(), flow, ctx, label);
    }
    return branch((Element.Branch) element, flow, ctx, label);
  }

  /** Claims a user's name in the current scope, or reports that it is taken. */
  private void claim(Ctx ctx, Label label, Position pos) {
    if (!namer.claim(ctx.scope(), label.base(), label.number())) {
      source.error(DiagnosticCode.DUPLICATE_LAYER_NAME, pos, "duplicate layer name '" + fullName(ctx, label.toString()) + "'",
          "another layer already has this name", "choose another @name");
    }
  }

  /** The full name of {@code local} in the current scope, made only when it is shown. */
  private String fullName(Ctx ctx, String local) {
    return ctx.scope() == LayerTable.TOP ? local : rows.scopeName(ctx.scope()) + "." + local;
  }

  private void unknownDef(Element.Call call) {
    String name = call.name();
    Position pos = call.pos();
    FrameworkWords.Module module = FrameworkWords.Module.of(name);
    if (module != null) {
      source.error(DiagnosticCode.FRAMEWORK_MODULE, pos, FrameworkWords.Module.title(name),
          FrameworkWords.Module.detail(name),
          module.hint(call.args().stream().allMatch(Analyzer::plainNumber)
              ? call.args().stream().map(arg -> ((Expr.Literal) arg).value()).toList() : null));
      return;
    }
    if (Vocabulary.isReserved(name)) {
      source.error(DiagnosticCode.LAYER_NOT_DEF, pos, "'" + name + "' is a layer, not a def", "a word glued to ( calls a def",
          call.args().isEmpty() && Vocabulary.isLayerWord(Vocabulary.normalize(name))
              ? "a layer takes no parentheses: write " + Vocabulary.normalize(name) : layerCalledHint(call));
      return;
    }
    String near = Suggestions.closest(name.toLowerCase(Locale.ROOT), defs.names());
    source.error(DiagnosticCode.UNKNOWN_DEF, pos, "unknown def '" + name + "'",
        defs.names().isEmpty() ? "'" + name + "(' reads as a call of a def named " + name + ", and the spec defines no defs"
            : "the defs are " + String.join(", ", defs.names()),
        near != null ? "did you mean " + near + "?" : "define it with def " + name + "(...) { ... } before the layers");
  }

  /**
   * Whether {@code arg} is a number as written: a number too large for 64 bits was reported and
   * stands as a 1 written with more than one character, which no hint may take for a 1.
   */
  private static boolean plainNumber(Expr arg) {
    return arg instanceof Expr.Literal literal && !(literal.value() == 1 && literal.pos().length() > 1);
  }

  /**
   * What {@code maxpool(conv3-64) x2} meant: layers nested as functions run inside out, so the
   * layers are written in that order ({@code (conv3-64 maxpool) x2}); {@code maxpool(3)} meant
   * {@code maxpool3}. Only text that reads as layers is suggested.
   */
  private static String layerCalledHint(Element.Call call) {
    String name = call.name();
    List<String> inner = new ArrayList<>();
    for (Expr arg : call.args()) {
      String layer = arg instanceof Expr.Variable v ? v.name()
          : arg instanceof Expr.Binary b && b.operator() == '-' && b.left() instanceof Expr.Variable v
              && b.right() instanceof Expr.Literal n ? v.name() + "-" + n.value() : null;
      if (layer == null || !Vocabulary.isLayerWord(Vocabulary.normalize(layer.replaceAll("-[0-9]+$", "")))) {
        inner = null;
        break;
      }
      inner.add(layer);
    }
    String times = call.repeat() instanceof Expr.Literal n ? " x" + n.value() : call.repeat() == null ? "" : null;
    if (inner != null && !inner.isEmpty() && times != null) {
      String layers = String.join(" ", inner) + " " + name;
      return "layers are written in the order they run, not nested as calls: write "
          + (times.isEmpty() ? layers : "(" + layers + ")" + times);
    }
    if (call.args().size() == 1 && call.args().get(0) instanceof Expr.Literal n
        && Vocabulary.isLayerWord(Vocabulary.normalize(name + n.value()))) {
      return "a layer's number is glued to its word: write " + name + n.value();
    }
    return "put a space before ( to start a group: " + name + " ( ... )";
  }

  private Flow call(Statement.Def def, List<Expr> args, Position pos, Flow flow, Ctx ctx, Label label) {
    if (defs.isRecursive(def.name())) {
      return flow.unknown();
    }
    if (ctx.callDepth() >= limits.maxCallDepth()) {
      source.error(DiagnosticCode.DEFS_TOO_DEEP, pos, "defs nest too deep", "calls reach " + ctx.callDepth() + " defs deep here",
          "flatten the defs; the limit is " + limits.maxCallDepth());
      throw new Abort();
    }
    List<Statement.Param> params = def.params();
    int required = 0;
    for (Statement.Param param : params) {
      required += param.defaultValue() == null ? 1 : 0;
    }
    if (args.size() > params.size() || args.size() < required) {
      String expected = required == params.size() ? String.valueOf(params.size()) : required + " to " + params.size();
      source.error(DiagnosticCode.WRONG_ARGUMENT_COUNT, pos, "wrong number of arguments to " + def.name(),
          def.name() + " takes " + expected + " (" + String.join(", ", params.stream().map(Statement.Param::name).toList())
              + ") but is given " + args.size(),
          "call it as " + def.name() + "(" + String.join(", ", params.stream().map(Statement.Param::name).toList()) + ")");
      return flow.unknown();
    }
    Long in = flow.shape() == null ? null : (long) flow.shape().channels();
    // a def without parameters, the common kind in a long repetition, needs no map of its own
    Map<String, Long> vars = params.isEmpty() ? Map.of() : new HashMap<>();
    boolean known = true;
    Ctx callee = new Ctx(ctx.depth(), ctx.branch(), vars, in, ctx.callDepth() + 1, ctx.nesting(), ctx.scope(),
        ctx.start());
    for (int i = 0; i < args.size(); i++) {
      Long value = evaluate(args.get(i), ctx);
      known &= value != null;
      vars.put(params.get(i).name(), value);
    }
    // from here on a problem is in the def's text, and only this call tells which instance it is
    source.enterCall(def.name(), pos);
    try {
      for (int i = args.size(); i < params.size(); i++) {
        Long value = evaluate(params.get(i).defaultValue(), callee);
        known &= value != null;
        vars.put(params.get(i).name(), value);
      }
      return known ? body(def, vars, pos, flow, ctx, callee, label) : flow.unknown();
    } finally {
      source.leaveCall();
    }
  }

  /** The rows of one call's body, in the call's naming scope and block. */
  private Flow body(Statement.Def def, Map<String, Long> vars, Position pos, Flow flow, Ctx ctx, Ctx callee,
      Label label) {
    List<Statement.Param> params = def.params();
    Ctx inside;
    if (label != null) {
      claim(ctx, label, pos);
      inside = callee.scoped(rows.scope(ctx.scope(), label.base(), label.number()));
    } else {
      inside = callee.scoped(rows.scope(ctx.scope(), def.name(), namer.generate(ctx.scope(), def.name())));
    }
    int slot = reserveBlock(pos);
    int firstRow = rows.size();
    Flow out = sequence(def.body(), flow, inside);
    namer.close(inside.scope());
    String text = def.name();
    if (!params.isEmpty()) {
      StringBuilder withArgs = new StringBuilder(def.name()).append('(');
      for (int i = 0; i < params.size(); i++) {
        withArgs.append(i == 0 ? "" : ", ").append(vars.get(params.get(i).name()));
      }
      text = shared(withArgs.append(')').toString());
    }
    fillBlock(slot, Block.Kind.CALL, text, def.name(), firstRow, ctx.depth());
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

  /** A row reserved where a layer stands, with its name, for a layer whose op is known only later. */
  private record Reserved(int row, String nameBase, int nameNumber) {}

  private Flow layer(Element.Layer layer, Flow flow, Ctx ctx, Label label) {
    budget.walk(layer.pos());
    // read and resolved per row, so a cached resolution (which holds the layer as written) rather
    // than a new record: the walk then allocates nothing of its own for a row it has seen before
    LayerResolutions.Resolved resolution = read(layer, ctx);
    if (resolution == null) {
      return flow.unknown();
    }
    LayerResolutions.Written written = resolution.written();
    LayerOp op = resolution.op();
    if (resolution.relative() != null) {
      op = sized(resolution.relative(), resolution.spec(), ctx, layer.pos(), flow.shape());
      if (op == null) {
        return flow.unknown();
      }
    } else if (op == null) {
      java.util.regex.Matcher argument = ARGUMENT_WORD.matcher(written.word());
      if (argument.matches()) {
        argumentWord(argument, written.word(), layer.pos(), precedingRow(), precedingInput);
        return flow.unknown();
      }
      String near = layers.unknown(written.word(), written.channels(), layer.pos(), defs.names());
      return near == null ? flow.unknown()
          : guess(near, written.channels(), written.stride(), written.strideWidth(), written.mods(), flow);
    }
    return emit(op, resolution.spec(), flow, ctx, layer.pos(), label, null);
  }

  /**
   * A layer's numbers evaluated and its word resolved, or null after an error (reported, or
   * following from an earlier one).
   */
  private LayerResolutions.Resolved read(Element.Layer layer, Ctx ctx) {
    // inside a group, branch or def, which may be walked many times, a layer written with plain
    // numbers reads the same every time (top-level elements are walked once and never kept)
    boolean repeatable = ctx.nesting() > 0 || ctx.callDepth() > 0;
    LayerResolutions.Resolved known = repeatable ? layers.plain(layer) : null;
    if (known != null) {
      return known;
    }
    LayerResolutions.Resolved resolution = readAfresh(layer, ctx);
    if (repeatable && resolution != null) {
      layers.rememberPlain(layer, resolution);
    }
    return resolution;
  }

  private LayerResolutions.Resolved readAfresh(Element.Layer layer, Ctx ctx) {
    if (layer.wordNumber() instanceof Expr.Variable name && !ctx.vars().containsKey(name.name())) {
      // residual { relu }: one word in braces parses as a number substituted into the word, but a
      // word that takes no number, or braces holding a layer word (resize { id }), meant a branch,
      // as residual { relu | id } says as a syntax error
      Slips.Slip slip = Slips.notABranchKind(layer.word(),
          new Position(layer.pos().line(), layer.pos().column(), layer.word().length()),
          Vocabulary.isLayerWord(Vocabulary.normalize(name.name())));
      if (slip != null) {
        source.error(slip.code(), slip.pos(), slip.title(), slip.detail(), slip.hint());
        return null;
      }
    }
    Long wordNumber = layer.wordNumber() == null ? null : evaluate(layer.wordNumber(), ctx);
    Long channels = layer.channels() == null ? null : evaluate(layer.channels(), ctx);
    Long stride = layer.stride() == null ? null : evaluate(layer.stride(), ctx);
    Long strideWidth = layer.strideWidth() == null ? null : evaluate(layer.strideWidth(), ctx);
    boolean known = (layer.wordNumber() == null || wordNumber != null) && (layer.channels() == null || channels != null)
        && (layer.stride() == null || stride != null) && (layer.strideWidth() == null || strideWidth != null);
    List<LayerResolver.Mod> mods = layer.modifiers().isEmpty() ? List.of() : new ArrayList<>();
    for (Element.Modifier modifier : layer.modifiers()) {
      LayerResolver.Mod mod = modifier(modifier, ctx);
      known &= mod != null;
      mods.add(mod);
    }
    if (!known) {
      return null;
    }
    if (wordNumber != null && wordNumber < 0) {
      source.error(DiagnosticCode.NON_POSITIVE_NUMBER, layer.wordNumber().pos(), "negative number in a layer word", "'" + layer.word() + "' is given " + wordNumber,
          "the number must be at least 1");
      return null;
    }
    String word = wordNumber == null ? layer.word() : layer.word() + wordNumber;
    if (!numbers.inRange(channels, layer.channels(), "channel count") || !numbers.inRange(stride, layer.stride(), "stride")
        || !numbers.inRange(strideWidth, layer.strideWidth(), "stride")) {
      return null;
    }
    LayerResolutions.Written written = new LayerResolutions.Written(word, channels, stride, strideWidth, mods);
    LayerResolutions.Resolved resolution = layers.resolve(written);
    if (resolution.error() != null) {
      resolution.error().report(source, layer.pos());
      return null;
    }
    return resolution;
  }

  /**
   * The crop or resize a bare one ({@code resize}, {@code resize input}) is where it stands, or
   * null after reporting why it has no size here, or when that size is unknown after an error. A
   * bare crop that ends a merge's branch never comes here: {@link #branch} sizes it.
   */
  private LayerOp sized(LayerResolver.Relative relative, String spec, Ctx ctx, Position pos, Shape in) {
    Shape target;
    switch (relative.from()) {
      case MERGE -> {
        source.error(DiagnosticCode.CROP_WITHOUT_MERGE, pos, "crop without a size outside a merge's end",
            "a bare crop takes the size of the other branches of a merge, so it must be the last layer of a branch"
                + " of cat, add, mul, res or chunk",
            "move it to the end of that branch, e.g. cat { crop | ... }, or " + cropSize(in));
        return null;
      }
      case INPUT -> target = input;
      default -> {
        if (ctx.depth() == 0) {
          source.error(DiagnosticCode.RESIZE_OUTSIDE_BRANCH, pos, "resize without a size outside any branch",
              "a bare " + spec + " resizes to the size where its branch began, and it stands in no branch",
              "to resize to the network's input size write resize input" + (spec.contains("bilinear") ? " bilinear" : "")
                  + ", or " + "give the size: resize64 or resize64x48");
          return null;
        }
        target = ctx.start();
      }
    }
    if (target == null) {
      return null;
    }
    if (target.vector()) {
      source.error(DiagnosticCode.SPATIAL_AFTER_FLATTEN, pos, "a spatial layer after flatten",
          spec + " resizes to the size of a flat vector of " + target.channels() + ", which has no height and width",
          "a resize needs a map (HxWxC): place it where its branch begins at one, before flatten or fc");
      return null;
    }
    return layers.sized(relative, target);
  }

  /**
   * "give the size: crop6 or crop8x6" for a bare crop whose input is {@code in}: the map's own
   * height and width, so that the hint compiles where it stands (crop64 on an 8x8 map keeps more
   * than there is); 64 and 64x48 when the input is unknown after an error. Any size compiles for
   * a resize, so its hints keep 64 and 64x48.
   */
  private static String cropSize(Shape in) {
    String word = "crop";
    if (in == null || in.vector()) {
      return "give the size: " + word + "64 or " + word + "64x48";
    }
    String square = word + Math.min(in.height(), in.width());
    String hint = in.height() == in.width() ? square : square + " or " + word + in.height() + "x" + in.width();
    return "give the size, here at most the map's " + in.height() + "x" + in.width() + ": " + hint;
  }

  /**
   * {@code op} applied to the flow, as the row {@code reserved} (named when it was reserved) or a
   * new one named here.
   */
  private Flow emit(LayerOp op, String spec, Flow flow, Ctx ctx, Position pos, Label label, Reserved reserved) {
    if (flow.shape() == null) {
      return flow;
    }
    Outcome outcome;
    try {
      outcome = layers.apply(op, flow.shape(), spec);
    } catch (SpecException e) {
      if (e.code() == DiagnosticCode.SPATIAL_AFTER_FLATTEN && input.vector() && !flattening) {
        vectorInput(spec, pos);
        return flow.unknown();
      }
      if (channelsFirst != null && e.code() == DiagnosticCode.SIZE_REACHES_ZERO) {
        // padding, the usual fix, would compile a network of the wrong shape
        e = new SpecException(e.code(), e.title(), e.detail(), channelsFirst);
      }
      e.report(source, pos);
      return flow.unknown();
    } catch (ArithmeticException e) {
      source.error(DiagnosticCode.COUNTS_OVERFLOW, pos, "counts overflow", "the figures of " + spec + " do not fit in 64 bits",
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
      source.error(DiagnosticCode.COUNTS_OVERFLOW, pos, "counts overflow",
          "the receptive field of " + spec + " passes 2^53 input pixels, past exact arithmetic",
          "no real network strides this far; check the strides");
      return flow.unknown();
    }
    flattening |= op instanceof LayerOp.Dense || op instanceof LayerOp.Flatten;
    // the common row is named and added here, without a Reserved record: this runs once a row
    String nameBase = reserved != null ? reserved.nameBase() : label != null ? label.base() : op.baseName();
    int nameNumber = reserved != null ? reserved.nameNumber() : nameNumber(nameBase, ctx, pos, label);
    int row = reserved != null ? reserved.row() : newRow(pos);
    ops.set(row, op);
    rows.set(row, ctx.scope(), nameBase, nameNumber, op.kind(), spec, ctx.depth(), ctx.branch(), flow.shape(),
        outcome.output(), outcome.params(), outcome.nonTrainable(), outcome.macs(),
        outcome.stored() ? outcome.output().size() : 0, rf.size(), rf.jump());
    return new Flow(outcome.output(), rf, flattened);
  }

  /**
   * {@code network V : 784} then {@code conv3-8}: before any fc or flatten, the only vector of a
   * network whose input is one is that input, so the fix is an HxWxC input, not moving the layer. Said at the
   * input when it was given apart from the spec ({@code --input}, an annotation's input), else at
   * the layer.
   */
  private void vectorInput(String spec, Position pos) {
    long values = input.channels();
    String square = InputShape.squareImage(values);
    String detail = "the input " + values + " is a vector of " + values + " values, with no height and width, and "
        + spec + " needs a map (HxWxC)";
    String hint = square == null ? "write the input as HxWxC" : "write the input as " + square + " (HxWxC)";
    if (inputSource != null) {
      inputSource.error(DiagnosticCode.VECTOR_INPUT, Position.START, "a vector input to a spatial layer", detail, hint);
    } else {
      source.error(DiagnosticCode.VECTOR_INPUT, pos, "a vector input to a spatial layer", detail, hint);
    }
  }

  /** A new row named {@code label}, or {@code base} with the next number of its scope. */
  private Reserved reserve(String base, Ctx ctx, Position pos, Label label) {
    // the row's own part of its name; the scope's part is ctx.scope() in the row table
    String nameBase = label != null ? label.base() : base;
    int nameNumber = nameNumber(nameBase, ctx, pos, label);
    return new Reserved(newRow(pos), nameBase, nameNumber);
  }

  /** The number of a new row's name: {@code label}'s, claimed, or the next of {@code base} in its scope. */
  private int nameNumber(String base, Ctx ctx, Position pos, Label label) {
    if (label != null) {
      claim(ctx, label, pos);
      return label.number();
    }
    return namer.generate(ctx.scope(), base);
  }

  /**
   * Keras's and PyTorch's argument names written as words: {@code stride2}, {@code strides2},
   * {@code s2}, {@code groups2}; group 1 is the name, group 2 the number.
   */
  private static final java.util.regex.Pattern ARGUMENT_WORD =
      java.util.regex.Pattern.compile("(?i)(strides?|groups)([0-9]{1,9})?|(s)([0-9]{1,9})");

  /**
   * {@code conv3-64 stride2}, {@code conv3-64 s2}, {@code conv3-64 groups2}: an argument of the
   * layer before written as a word of its own. The hint rewrites that layer when it is one plain
   * layer that takes the argument and the rewritten layer compiles where it stands.
   */
  private void argumentWord(java.util.regex.Matcher argument, String word, Position pos, int previous, Shape previousInput) {
    String name = (argument.group(1) != null ? argument.group(1) : argument.group(3)).toLowerCase(Locale.ROOT);
    String number = argument.group(1) != null ? argument.group(2) : argument.group(4);
    LayerOp op = previous >= 0 ? ops.get(previous) : null;
    String spec = op == null ? null : rows.specAt(previous);
    long value = number == null ? 0 : Long.parseLong(number);
    if (name.equals("groups")) {
      String hint = value > 1 ? "write g" + number + " after the conv it belongs to, e.g. conv3-64 g2"
          : "write the groups as the modifier gN after the conv they belong to, e.g. conv3-64 g2";
      if (spec != null && previousInput != null && !previousInput.vector() && groupable(op, value, previousInput.channels())) {
        hint = "write " + spec + " g" + number + ": groups are the modifier gN";
      }
      source.error(DiagnosticCode.UNKNOWN_LAYER, pos, "unknown layer '" + word + "'",
          "groups are not a layer of their own but the modifier gN of the conv they belong to", hint);
      return;
    }
    String hint = "write the stride after a slash on the layer it belongs to, e.g. conv3-64/2";
    if (value > 0 && spec != null && takesStride(op)) {
      int space = spec.indexOf(' ');
      String head = space < 0 ? spec : spec.substring(0, space);
      if (head.indexOf('/') < 0) {
        hint = "write " + head + "/" + number + (space < 0 ? "" : spec.substring(space)) + ": the stride follows a slash";
      }
    }
    source.error(DiagnosticCode.UNKNOWN_LAYER, pos, "unknown layer '" + word + "'",
        "a stride is not a layer of its own but part of the layer it belongs to", hint);
  }

  /** Whether {@code op}, ungrouped, compiles with {@code groups} groups on {@code inChannels}. */
  private static boolean groupable(LayerOp op, long groups, long inChannels) {
    long out = op instanceof LayerOp.Conv conv && conv.groups() == 1 ? conv.channels()
        : op instanceof LayerOp.Deconv deconv && deconv.groups() == 1 ? deconv.channels() : 0;
    return groups > 1 && out > 0 && out % groups == 0 && inChannels % groups == 0;
  }

  private static boolean takesStride(LayerOp op) {
    return op instanceof LayerOp.Conv || op instanceof LayerOp.Depthwise || op instanceof LayerOp.Separable
        || op instanceof LayerOp.Deconv || op instanceof LayerOp.Pool;
  }

  /**
   * Carries on past a misspelled word as if the suggestion had been written, so that one typo does
   * not hide the errors after it; no row is added, and the spec fails anyway.
   */
  private Flow guess(String word, Long channels, Long stride, Long strideWidth, List<LayerResolver.Mod> mods,
      Flow flow) {
    if (flow.shape() == null) {
      return flow;
    }
    Outcome outcome = layers.guess(word, channels, stride, strideWidth, mods, flow.shape());
    return outcome == null ? flow.unknown() : new Flow(outcome.output(), flow.rf().through(outcome.window()));
  }

  /** A new row, filled in by the caller. */
  private int newRow(Position pos) {
    budget.addRow(rows.size(), pos);
    int row = rows.reserve();
    ops.addRow();
    return row;
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
      int x = digits.indexOf('x');
      return x < 0 ? new LayerResolver.Mod(numbered.word(), glued(digits))
          : new LayerResolver.Mod(numbered.word(), glued(digits.substring(0, x)), glued(digits.substring(x + 1)));
    }
    return new LayerResolver.Mod(word, null);
  }

  /** Digits glued to a modifier; past 64 bits they are as absurd as any number past the limit. */
  private static long glued(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private Flow branch(Element.Branch branch, Flow flow, Ctx ctx, Label label) {
    budget.walk(branch.pos());
    String kind = branch.kind().keyword();
    String nameBase = kind;
    int nameNumber = 0;
    Ctx inner = nested(ctx, branch.pos());
    if (label != null) {
      nameBase = label.base();
      nameNumber = label.number();
      claim(ctx, label, branch.pos());
      inner = inner.scoped(rows.scope(ctx.scope(), label.base(), label.number()));
    } else {
      nameNumber = namer.generate(ctx.scope(), kind);
    }
    int row = newRow(branch.pos());
    ops.setBranches(row, branch.branches().size());
    boolean side = branch.kind() == Element.BranchKind.SIDE;
    Flow branchIn = flow;
    if (branch.kind() == Element.BranchKind.CHUNK && flow.shape() != null) {
      Shape slice = merges.slice(branch, flow.shape());
      branchIn = slice == null ? flow.unknown() : new Flow(slice, flow.rf());
    }
    List<Flow> outs = new ArrayList<>();
    List<PendingCrop> crops = new ArrayList<>();
    for (int i = 0; i < branch.branches().size(); i++) {
      List<Element> elements = branch.branches().get(i).elements();
      Ctx branchCtx = inner.inBranch(i + 1, flow.shape());
      Element.Layer crop = side ? null : bareCropAtEnd(elements);
      if (crop == null) {
        outs.add(sequence(elements, branchIn, branchCtx));
        continue;
      }
      Flow before = sequence(elements.subList(0, elements.size() - 1), branchIn, branchCtx);
      PendingCrop pending = pendingCrop(crop, before, branchCtx, i);
      if (pending != null) {
        crops.add(pending);
      }
      outs.add(pending == null ? before.unknown() : null);
    }
    if (label != null) {
      namer.close(inner.scope());
    }
    if (!merges.countFits(branch)) {
      return flow.unknown();
    }
    if (side) {
      String fullName = fullName(ctx, nameNumber > 0 ? nameBase + nameNumber : nameBase);
      return side(fullName, nameBase, nameNumber, row, outs.get(0), flow, ctx);
    }
    if (branch.kind() == Element.BranchKind.RES && branch.branches().size() == 1) {
      outs.add(flow);
    }
    if (!crops.isEmpty()) {
      fitCrops(branch, crops, outs, flow);
    }
    if (flow.shape() == null || outs.stream().anyMatch(o -> o.shape() == null)) {
      return flow.unknown();
    }
    Shape merged = merges.merge(branch, flow.shape(), outs.stream().map(Flow::shape).toList());
    if (merged == null) {
      return flow.unknown();
    }
    ReceptiveField rf = outs.get(0).rf();
    for (Flow out : outs) {
      rf = rf.max(out.rf());
    }
    rows.set(row, ctx.scope(), nameBase, nameNumber, kind, kind, ctx.depth(), ctx.branch(), flow.shape(), merged, 0, 0, 0, merged.size(),
        rf.size(), rf.jump());
    return new Flow(merged, rf);
  }

  /**
   * A bare crop that ends a branch: its row reserved where it stands (the rows are in execution
   * order), its size known once every branch of the merge is walked.
   */
  private record PendingCrop(int branch, Reserved reserved, LayerResolver.Relative relative, String spec, Flow in,
      Ctx ctx, Position pos) {}

  /** The last element of a branch when it is a bare crop written once ({@code crop}, {@code crop @c}), else null. */
  private static Element.Layer bareCropAtEnd(List<Element> elements) {
    if (elements.isEmpty() || !(elements.get(elements.size() - 1) instanceof Element.Layer layer)) {
      return null;
    }
    return layer.word().equals(LayerWord.CROP.word()) && layer.wordNumber() == null && layer.repeat() == null
        ? layer : null;
  }

  /** Reads and reserves the bare crop ending branch {@code index}; null after an error. */
  private PendingCrop pendingCrop(Element.Layer crop, Flow in, Ctx ctx, int index) {
    budget.walk(crop.pos());
    LayerResolutions.Resolved resolution = read(crop, ctx);
    if (resolution == null) {
      return null;
    }
    Reserved reserved = reserve(LayerWord.CROP.word(), ctx, crop.pos(), crop.label() == null ? null : new Label(crop.label().name(), 0));
    return new PendingCrop(index, reserved, resolution.relative(), resolution.spec(), in, ctx, crop.pos());
  }

  /**
   * Sizes the bare crops that end branches of {@code branch} to the height and width of the
   * branches without one (for a one-branch res or a mul, the merge's input), filling in their
   * flows in {@code outs}; the merge then checks that all agree.
   */
  private void fitCrops(Element.Branch branch, List<PendingCrop> crops, List<Flow> outs, Flow flow) {
    Flow other = null;
    for (Flow out : outs) {
      if (out != null) {
        other = out;
        break;
      }
    }
    if (other == null && branch.kind() == Element.BranchKind.MUL) {
      other = flow;
    }
    if (other == null) {
      source.error(DiagnosticCode.CROP_WITHOUT_TARGET, crops.get(0).pos(), "nothing to crop to",
          "every branch of " + branch.kind().keyword() + " ends in a bare crop, and a bare crop takes the size of the"
              + " branches without one",
          "remove the crop from the branch whose size the others should take, or "
              + cropSize(crops.get(0).in().shape()));
    }
    Shape target = other == null ? null : other.shape();
    if (target != null && target.vector()) {
      source.error(DiagnosticCode.SHAPE_MISMATCH, crops.get(0).pos(), "a crop cannot fit a flat vector",
          "the other branches of " + branch.kind().keyword() + " end in " + target + ", which has no height and width",
          "end the other branches in maps (HxWxC), or drop the crop");
      target = null;
    }
    for (PendingCrop crop : crops) {
      Flow out = target == null ? crop.in().unknown()
          : emit(layers.sized(crop.relative(), target), crop.spec(), crop.in(), crop.ctx(), crop.pos(), null,
              crop.reserved());
      outs.set(crop.branch(), out);
    }
  }

  /**
   * A side output: the branch's result {@code out} is an extra output of the network, and the
   * flow passes on as it came. Its row stores nothing new (its output is its input).
   */
  private Flow side(String name, String nameBase, int nameNumber, int row, Flow out, Flow flow, Ctx ctx) {
    if (flow.shape() == null) {
      return flow;
    }
    rows.set(row, ctx.scope(), nameBase, nameNumber, "side", "side", ctx.depth(), ctx.branch(), flow.shape(),
        flow.shape(), 0, 0, 0, 0, flow.rf().size(), flow.rf().jump());
    if (out.shape() != null) {
      sides.add(new NetworkChecks.SideSpan(name, out.shape(), row, rows.size()));
    }
    return flow;
  }

  private Long evaluate(Expr expr, Ctx ctx) {
    return numbers.evaluate(expr, ctx.vars(), ctx.in());
  }
}
