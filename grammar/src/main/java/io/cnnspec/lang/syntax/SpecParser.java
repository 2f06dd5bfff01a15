package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Reporter;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to AST, handed to the analysis as it is read. Parses in two stages as Trino does: the fast SLL mode first, and only when it
 * fails, full LL with error recovery so that every syntax error is reported. Nesting is checked on
 * the tokens as the parser takes them ({@link NestingGuard}), because it recurses once per bracket.
 */
public final class SpecParser {

  private final int maxNesting;

  public SpecParser(int maxNesting) {
    this.maxNesting = maxNesting;
  }

  /**
   * A whole file with its header, handed to {@code listener} as it is read. Returns whether the
   * text parsed without error; errors (syntax, and whatever the listener reported) are reported.
   */
  public boolean parseFile(String text, Reporter.Source source, SpecListener listener) {
    return Boolean.TRUE.equals(parse(text, source, listener, CnnSpecParser::file,
        (builder, tree) -> builder.file((CnnSpecParser.FileContext) tree)));
  }

  /** The annotation form's body: statements and layers without a header; as {@link #parseFile}. */
  public boolean parseBody(String text, Reporter.Source source, SpecListener listener) {
    return Boolean.TRUE.equals(parse(text, source, listener, CnnSpecParser::body,
        (builder, tree) -> builder.body((CnnSpecParser.BodyContext) tree)));
  }

  /** An annotation's input shape (or a size given on the command line) on its own; null after errors. */
  public Header.ShapeLiteral parseShape(String text, Reporter.Source source) {
    return parse(text, source, null, CnnSpecParser::shapeOnly,
        (builder, tree) -> builder.shape(((CnnSpecParser.ShapeOnlyContext) tree).shape()));
  }

  private interface Build<T> {
    T apply(AstBuilder builder, ParserRuleContext tree);
  }

  /**
   * The fast pass hands the top level to {@code listener} as it goes. When it gives up, what it
   * reported (its own errors and the listener's) is taken back here and the full parse starts
   * over; once that has built a tree without errors, the tree is handed to the listener afresh.
   */
  private <T> T parse(String text, Reporter.Source source, SpecListener listener,
      Function<CnnSpecParser, ParserRuleContext> rule, Build<T> build) {
    int errorsBefore = source.errorCount();
    Reporter.Mark before = source.mark();
    AstBuilder builder = new AstBuilder(source, listener);
    ParserRuleContext tree;
    try {
      try {
        tree = fast(text, rule, builder);
      } catch (ParseCancellationException | NestingGuard.TooDeep e) {
        source.rollBack(before);
        builder.stopStreaming();
        CnnSpecParser full = new CnnSpecParser(new CommonTokenStream(new NestingGuard(lexer(text), maxNesting)));
        full.removeErrorListeners();
        full.addErrorListener(new SyntaxErrorCollector(source));
        full.getInterpreter().setPredictionMode(PredictionMode.LL);
        tree = rule.apply(full);
      }
    } catch (NestingGuard.TooDeep e) {
      // the parser would recurse past the limit: only that is said, as if nothing had been read
      source.rollBack(before);
      e.report(source);
      return null;
    }
    if (source.errorCount() > errorsBefore) {
      return null;
    }
    T result = build.apply(builder, tree);
    return source.errorCount() > errorsBefore ? null : result;
  }

  /**
   * SLL without error recovery; it keeps no tokens behind it and builds (or hands over) the top
   * level as it goes, so a long spec never holds all its tokens or its whole parse tree at once.
   */
  private ParserRuleContext fast(String text, Function<CnnSpecParser, ParserRuleContext> rule, AstBuilder builder) {
    NestingGuard guard = new NestingGuard(lexer(text), maxNesting);
    CnnSpecParser parser = new CnnSpecParser(new UnbufferedTokenStream<>(guard));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    parser.addParseListener(builder.streamTopLevel(guard::tripped));
    return rule.apply(parser);
  }

  private static CnnSpecLexer lexer(String text) {
    CnnSpecLexer lexer = new CnnSpecLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    return lexer;
  }
}
