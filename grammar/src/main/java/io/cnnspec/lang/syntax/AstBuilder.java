package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.lang.diagnostics.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from a parse tree that had no syntax errors. Modifiers are separate
 * elements to the parser ({@code conv3-64 p1} is two words); here they are folded into the layer
 * they follow, which is the one place that knows which words are modifiers.
 */
final class AstBuilder {

  private final Reporter.Source source;
  private final SpecListener listener;
  // A long spec writes the same few words over and over: its layers share one string per word.
  private final Map<String, String> words = new HashMap<>();

  /** Whether the top level goes to the listener while parsing (the fast pass) rather than from the tree. */
  private boolean streaming;
  /** Where the top-level elements go: the listener's, or nowhere when it declined them. */
  private Consumer<Element> handedTo;
  /** The last top-level layer read, held back until it is clear no modifier follows it. */
  private Element pending;
  /**
   * Top-level elements complete and not yet handed over. The parser and the walk alternate, and
   * taking them a few dozen at a time rather than one by one keeps each one's code and data in
   * the processor's caches: a written-out spec of a million layers compiled about a fifth faster
   * (bench/README.md, "Handing over in batches"). Anything this class reports first hands over
   * what it holds, so diagnostics come in the order they did one element at a time.
   */
  private final List<Element> batch = new ArrayList<>(BATCH);
  static final int BATCH = 64;

  /** @param listener takes the spec as it is read; null to build nothing past the parse (a shape alone) */
  AstBuilder(Reporter.Source source, SpecListener listener) {
    this.source = source;
    this.listener = listener;
  }

  /**
   * Builds each top-level element as soon as the parser finishes it, hands it to the listener and
   * drops its parse tree: a long spec then never holds the parse tree or the AST of all its
   * layers at once, which dominated the memory (and the garbage collector's copying) of a
   * written-out spec of a million layers.
   *
   * @param abandoned true once the parse is being given up; nothing is built from then on
   */
  ParseTreeListener streamTopLevel(BooleanSupplier abandoned) {
    streaming = true;
    return new ParseTreeListener() {
      @Override
      public void enterEveryRule(ParserRuleContext ctx) {
        if (listener != null && ctx instanceof CnnSpecParser.SequenceContext && isTopLevel(ctx)) {
          // the header and statements come before the layers, so they are complete here
          ParserRuleContext parent = ctx.getParent();
          Header header = parent instanceof CnnSpecParser.FileContext file ? header(file.header()) : null;
          List<CnnSpecParser.StatementContext> statements = parent instanceof CnnSpecParser.FileContext file
              ? file.statement() : ((CnnSpecParser.BodyContext) parent).statement();
          begin(header, statements(statements));
        }
      }

      @Override
      public void exitEveryRule(ParserRuleContext ctx) {
        // exit also runs while a syntax error or the nesting limit unwinds the parser (the element
        // is then incomplete, and the full parse that follows builds everything from its own tree)
        if (ctx.exception != null || abandoned.getAsBoolean() || listener == null) {
          return;
        }
        if (ctx instanceof CnnSpecParser.ElementContext element && isTopLevel(element.getParent())) {
          handOver(element(element));
          ((CnnSpecParser.SequenceContext) element.getParent()).removeLastChild();
        } else if (ctx instanceof CnnSpecParser.SequenceContext && isTopLevel(ctx)) {
          flush();
        }
      }

      @Override
      public void visitTerminal(TerminalNode node) {}

      @Override
      public void visitErrorNode(ErrorNode node) {}
    };
  }

  private static boolean isTopLevel(ParserRuleContext ctx) {
    return ctx instanceof CnnSpecParser.SequenceContext
        && (ctx.getParent() instanceof CnnSpecParser.FileContext || ctx.getParent() instanceof CnnSpecParser.BodyContext);
  }

  private void begin(Header header, List<Statement> statements) {
    Consumer<Element> consumer = listener.begin(header, statements);
    handedTo = consumer != null ? consumer : element -> {};
    pending = null;
    batch.clear();
  }

  /** The next top-level element: a modifier folds into the layer held back, anything else sends that on. */
  private void handOver(Element element) {
    if (element instanceof Element.Layer layer && isModifier(layer)) {
      Element.Layer folded = folded(pending, layer);
      if (folded != null) {
        pending = folded;
      }
      return;
    }
    if (pending != null) {
      batch.add(pending);
      if (batch.size() == BATCH) {
        handBatch();
      }
    }
    pending = element;
  }

  private void flush() {
    if (pending != null) {
      batch.add(pending);
      pending = null;
    }
    handBatch();
  }

  /** Hands over the elements held in {@link #batch}, in order. */
  private void handBatch() {
    for (int i = 0; i < batch.size(); i++) {
      handedTo.accept(batch.get(i));
    }
    batch.clear();
  }

  /** Reports an error after handing over what came before it (see {@link #batch}). */
  private void error(DiagnosticCode code, Position pos, String title, String detail, String hint) {
    if (!batch.isEmpty()) {
      handBatch();
    }
    source.error(code, pos, title, detail, hint);
  }

  /** Parsing started over (with full LL and error recovery): the top level will come from the tree. */
  void stopStreaming() {
    streaming = false;
    handedTo = null;
    pending = null;
    batch.clear();
  }

  /** After a clean parse: when the fast pass streamed the top level, it is all handed over already. */
  Boolean file(CnnSpecParser.FileContext ctx) {
    return streaming || replay(header(ctx.header()), ctx.statement(), ctx.sequence());
  }

  Boolean body(CnnSpecParser.BodyContext ctx) {
    return streaming || replay(null, ctx.statement(), ctx.sequence());
  }

  /** Hands over a whole tree (the full parse's), once it is built without errors. */
  private boolean replay(Header header, List<CnnSpecParser.StatementContext> statementContexts,
      CnnSpecParser.SequenceContext top) {
    int errorsBefore = source.errorCount();
    List<Statement> statements = statements(statementContexts);
    Sequence sequence = sequence(top);
    if (source.errorCount() > errorsBefore) {
      return false;
    }
    begin(header, statements);
    sequence.elements().forEach(handedTo);
    return true;
  }

  private Header header(CnnSpecParser.HeaderContext h) {
    return new Header(h.name.getText(), pos(h.name), shape(h.input), h.output == null ? null : shape(h.output));
  }

  private List<Statement> statements(List<CnnSpecParser.StatementContext> contexts) {
    List<Statement> statements = new ArrayList<>();
    for (CnnSpecParser.StatementContext s : contexts) {
      statements.add(statement(s));
    }
    return statements;
  }

  Header.ShapeLiteral shape(CnnSpecParser.ShapeContext ctx) {
    Token token = ctx.getStart();
    List<Long> dims = new ArrayList<>();
    for (String part : token.getText().toLowerCase(Locale.ROOT).split("x")) {
      dims.add(number(part, token));
    }
    return new Header.ShapeLiteral(dims, pos(token));
  }

  private Statement statement(CnnSpecParser.StatementContext ctx) {
    if (ctx instanceof CnnSpecParser.OptionStatementContext o) {
      return new Statement.Option(lower(o.ID().getSymbol()), pos(o.ID().getSymbol()));
    }
    if (ctx instanceof CnnSpecParser.ExpectStatementContext e) {
      return new Statement.Expect(lower(e.ID().getSymbol()), number(e.INT().getText(), e.INT().getSymbol()),
          pos(e.ID().getSymbol()), pos(e.INT().getSymbol()));
    }
    CnnSpecParser.DefStatementContext d = (CnnSpecParser.DefStatementContext) ctx;
    List<Statement.Param> params = new ArrayList<>();
    if (d.params() != null) {
      for (CnnSpecParser.ParamContext p : d.params().param()) {
        params.add(new Statement.Param(name(p.ID().getSymbol(), p.ID().getText(), "parameter"), p.expr() == null ? null : expr(p.expr()), pos(p.ID().getSymbol())));
      }
    }
    Token name = d.name;
    return new Statement.Def(name(name, callName(name), "def"), params, sequence(d.sequence()), pos(name));
  }

  private Sequence sequence(CnnSpecParser.SequenceContext ctx) {
    List<Element> elements = new ArrayList<>();
    for (CnnSpecParser.ElementContext e : ctx.element()) {
      add(elements, e);
    }
    return new Sequence(elements, pos(ctx.getStart()));
  }

  private void add(List<Element> elements, CnnSpecParser.ElementContext ctx) {
    Element element = element(ctx);
    if (element instanceof Element.Layer layer && isModifier(layer)) {
      Element.Layer folded = folded(elements.isEmpty() ? null : elements.get(elements.size() - 1), layer);
      if (folded != null) {
        elements.set(elements.size() - 1, folded);
      }
    } else {
      elements.add(element);
    }
  }

  private static boolean isModifier(Element.Layer layer) {
    return layer.channels() == null && layer.stride() == null && layer.strideWidth() == null && Vocabulary.isModifier(layer.word(), layer.wordNumber() != null);
  }

  /** {@code previous} with {@code modifier} folded in, or null after reporting why it cannot be. */
  private Element.Layer folded(Element previous, Element.Layer modifier) {
    if (!(previous instanceof Element.Layer layer)) {
      error(DiagnosticCode.MODIFIER_WITHOUT_LAYER, modifier.pos(), "modifier '" + modifier.word() + "' does not follow a layer",
          "modifiers such as p1, g2, valid or nobias belong to the layer written just before them",
          "write it after the layer it changes, e.g. conv3-64 " + modifier.word());
      return null;
    }
    if (modifier.repeat() != null && layer.repeat() != null) {
      error(DiagnosticCode.REPEATED_TWICE, modifier.repeat().pos(), "the layer is repeated twice",
          "it has a repetition before its modifiers and another after them", "keep one repetition, after the modifiers");
      return null;
    }
    if (modifier.label() != null && layer.label() != null) {
      error(DiagnosticCode.NAMED_TWICE, modifier.label().pos(), "the layer is named twice", "", "keep one @name");
      return null;
    }
    List<Element.Modifier> modifiers = new ArrayList<>(layer.modifiers());
    modifiers.add(new Element.Modifier(modifier.word(), modifier.wordNumber(), modifier.pos()));
    return layer.withModifiers(modifiers, modifier.repeat() != null ? modifier.repeat() : layer.repeat(),
        modifier.label() != null ? modifier.label() : layer.label());
  }

  private Element element(CnnSpecParser.ElementContext ctx) {
    Expr repeat = ctx.repeat() == null ? null : repeat(ctx.repeat());
    Element.Label label = ctx.label() == null ? null
        : new Element.Label(name(ctx.label().name, ctx.label().name.getText(), "layer name"), pos(ctx.label().name));
    CnnSpecParser.AtomContext atom = ctx.atom();
    Position pos = pos(atom.getStart());
    if (atom instanceof CnnSpecParser.BranchAtomContext b) {
      List<Sequence> branches = new ArrayList<>();
      for (CnnSpecParser.SequenceContext s : b.sequence()) {
        branches.add(sequence(s));
      }
      Element.BranchKind kind = Element.BranchKind.valueOf(b.kind.getText().toUpperCase(Locale.ROOT));
      return new Element.Branch(kind, branches, repeat, label, pos);
    }
    if (atom instanceof CnnSpecParser.GroupAtomContext g) {
      return new Element.Group(sequence(g.sequence()), repeat, label, pos);
    }
    if (atom instanceof CnnSpecParser.CallAtomContext c) {
      List<Expr> args = new ArrayList<>();
      for (CnnSpecParser.ExprContext e : c.expr()) {
        args.add(expr(e));
      }
      Token name = c.CALL().getSymbol();
      return new Element.Call(callName(name), args, repeat, label,
          new Position(name.getLine(), name.getCharPositionInLine() + 1, name.getText().length() - 1));
    }
    CnnSpecParser.LayerAtomContext l = (CnnSpecParser.LayerAtomContext) atom;
    CnnSpecParser.WordContext word = l.word();
    Token wordToken = word.ID().getSymbol();
    String text = Vocabulary.normalize(wordToken.getText());
    int glued = word.interp() == null ? Vocabulary.gluedRepetition(text) : -1;
    if (glued >= 0) {
      // relux2 is relu x2, as conv3-64x2 is conv3-64 x2: the rule holds for every word
      Expr times = new Expr.Literal(number(text.substring(glued + 1), wordToken), pos(wordToken));
      String stem = text.substring(0, glued);
      if (repeat != null) {
        error(DiagnosticCode.REPEATED_TWICE, repeat.pos(), "the layer is repeated twice",
            "'" + wordToken.getText() + "' already ends in a repetition", "keep one repetition");
      } else if (l.channels != null || l.stride != null || l.strides != null) {
        // conv3x1x2-4: the x2 reads as a repetition, but it stands where a reader looks for a kernel
        error(DiagnosticCode.REPETITION_NOT_LAST, pos(wordToken), "repetition before the layer's numbers",
            "'" + wordToken.getText() + "' ends in x" + text.substring(glued + 1) + ", a repetition, and its channels or stride follow it",
            "write the repetition last: " + stem + l.getText().substring(wordToken.getText().length()) + " x" + text.substring(glued + 1));
      }
      text = text.substring(0, glued);
      repeat = times;
    }
    String shared = words.putIfAbsent(text, text);
    return new Element.Layer(
        shared != null ? shared : text,
        word.interp() == null ? null : expr(word.interp().expr()),
        l.channels == null ? null : number(l.channels),
        l.stride != null ? number(l.stride) : l.strides == null ? null : strides(l.strides, 0),
        l.strides == null ? null : strides(l.strides, 1),
        List.of(), repeat, label, span(l));
  }

  /** One axis of a per-axis stride token, {@code /2x1}: 0 the height, 1 the width. */
  private Expr strides(Token token, int axis) {
    String[] parts = token.getText().substring(1).toLowerCase(Locale.ROOT).split("x");
    return new Expr.Literal(number(parts[axis], token), pos(token));
  }

  private Expr repeat(CnnSpecParser.RepeatContext ctx) {
    if (ctx.REPEAT() != null) {
      Token token = ctx.REPEAT().getSymbol();
      return new Expr.Literal(number(token.getText().substring(1), token), pos(token));
    }
    return expr(ctx.interp().expr());
  }

  private Expr number(CnnSpecParser.NumberContext ctx) {
    if (ctx.INT() != null) {
      Token token = ctx.INT().getSymbol();
      return new Expr.Literal(number(token.getText(), token), pos(token));
    }
    return expr(ctx.interp().expr());
  }

  /** Thrown from deep inside an expression so that it is reported once, at its start. */
  private static final class TooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLong() {
      super(null, null, false, false);
    }
  }

  private Expr expr(CnnSpecParser.ExprContext ctx) {
    try {
      return expr(ctx, 0);
    } catch (TooLong e) {
      Position pos = pos(ctx.getStart());
      error(DiagnosticCode.EXPRESSION_TOO_LONG, pos, "expression too long", "it nests more than " + Limits.MAX_EXPRESSION_DEPTH + " operations",
          "no layer needs an expression this long; compute it once, e.g. as a def's argument");
      return new Expr.Literal(1, pos);
    }
  }

  private Expr expr(CnnSpecParser.ExprContext ctx, int depth) {
    if (depth > Limits.MAX_EXPRESSION_DEPTH) {
      throw new TooLong();
    }
    Position pos = pos(ctx.getStart());
    if (ctx instanceof CnnSpecParser.IntExprContext i) {
      return new Expr.Literal(number(i.INT().getText(), i.INT().getSymbol()), pos);
    }
    if (ctx instanceof CnnSpecParser.InExprContext) {
      return new Expr.InChannels(pos);
    }
    if (ctx instanceof CnnSpecParser.VarExprContext v) {
      return new Expr.Variable(v.ID().getText(), pos);
    }
    if (ctx instanceof CnnSpecParser.ParenExprContext p) {
      return expr(p.expr(), depth + 1);
    }
    if (ctx instanceof CnnSpecParser.NegExprContext n) {
      return new Expr.Negate(expr(n.expr(), depth + 1), pos);
    }
    CnnSpecParser.BinaryExprContext b = (CnnSpecParser.BinaryExprContext) ctx;
    return new Expr.Binary(b.op.getText().charAt(0), expr(b.expr(0), depth + 1), expr(b.expr(1), depth + 1), pos(b.op));
  }

  private long number(String digits, Token token) {
    String plain = digits.replace("_", "");
    try {
      return Long.parseLong(plain);
    } catch (NumberFormatException e) {
      error(DiagnosticCode.NUMBER_TOO_LARGE, pos(token), "number too large", plain + " does not fit in 64 bits",
          "no count in a real network is this large; check for a typo");
      return 1;
    }
  }

  /**
   * A name the spec gives (a def, a parameter, an {@code @name}), reported when it is longer than
   * {@link Limits#MAX_NAME_LENGTH}: row names are built from these, and every row name must fit in
   * what a generated class and "did you mean" can handle.
   */
  private String name(Token token, String text, String what) {
    if (text.length() > Limits.MAX_NAME_LENGTH) {
      error(DiagnosticCode.NAME_TOO_LONG, pos(token), what + " name too long",
          "it has " + text.length() + " characters; the limit is " + Limits.MAX_NAME_LENGTH,
          "use a shorter name");
    }
    return text;
  }

  /** A def's name from its token, which may be glued to its "(" (fire( is the call token). */
  private static String callName(Token token) {
    String text = token.getText();
    return text.endsWith("(") ? text.substring(0, text.length() - 1) : text;
  }

  private static String lower(Token token) {
    return token.getText().toLowerCase(Locale.ROOT);
  }

  private static Position pos(Token token) {
    // the length from the token's indices: getText() would build a string to measure
    return new Position(token.getLine(), token.getCharPositionInLine() + 1,
        token.getType() == Token.EOF ? 1 : token.getStopIndex() - token.getStartIndex() + 1);
  }

  /** The whole of a construct when it sits on one line, else its first token. */
  private static Position span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    if (stop != null && stop.getLine() == start.getLine() && stop.getStopIndex() >= start.getStartIndex()) {
      return new Position(start.getLine(), start.getCharPositionInLine() + 1, stop.getStopIndex() - start.getStartIndex() + 1);
    }
    return pos(start);
  }
}
