package io.cnnspec.lang.parser;

import io.cnnspec.lang.Reporter;
import io.cnnspec.lang.ast.Position;
import io.cnnspec.lang.ast.SpecFile;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTreeListener;

/**
 * Text to AST. Parses in two stages as Trino does: the fast SLL mode first, and only when it
 * fails, full LL with error recovery so that every syntax error is reported. Nesting is checked on
 * the tokens before parsing, because the parser recurses once per bracket.
 */
public final class SpecParser {

  private final int maxNesting;

  public SpecParser(int maxNesting) {
    this.maxNesting = maxNesting;
  }

  /** A whole file with its header; null when the text has syntax errors (they are reported). */
  public SpecFile parseFile(String text, Reporter.Source source) {
    return parse(text, source, CnnSpecParser::file, (builder, tree) -> builder.file((CnnSpecParser.FileContext) tree));
  }

  /** The annotation form's body: statements and layers without a header. */
  public SpecFile parseBody(String text, Reporter.Source source) {
    return parse(text, source, CnnSpecParser::body, (builder, tree) -> builder.body((CnnSpecParser.BodyContext) tree));
  }

  /** An annotation's input shape on its own. */
  public SpecFile.ShapeLiteral parseShape(String text, Reporter.Source source) {
    return parse(text, source, CnnSpecParser::shapeOnly,
        (builder, tree) -> builder.shape(((CnnSpecParser.ShapeOnlyContext) tree).shape()));
  }

  private interface Build<T> {
    T apply(AstBuilder builder, ParserRuleContext tree);
  }

  private <T> T parse(String text, Reporter.Source source, Function<CnnSpecParser, ParserRuleContext> rule,
      Build<T> build) {
    int errorsBefore = source.errorCount();
    CnnSpecLexer lexer = new CnnSpecLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (!nestingWithinLimit(tokens, source)) {
      return null;
    }
    CnnSpecParser parser = new CnnSpecParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    AstBuilder builder = new AstBuilder(source);
    ParseTreeListener streaming = builder.streamTopLevel();
    parser.addParseListener(streaming);
    ParserRuleContext tree;
    try {
      tree = rule.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.removeParseListener(streaming);
      builder.stopStreaming();
      parser.addErrorListener(new SyntaxErrorCollector(source));
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      tree = rule.apply(parser);
    }
    if (source.errorCount() > errorsBefore) {
      return null;
    }
    T result = build.apply(builder, tree);
    return source.errorCount() > errorsBefore ? null : result;
  }

  /**
   * The parser recurses once per bracket, and once per minus sign of a run like {- - -1}: both
   * count. A def call's token ends in its "(", closed by a ")" like any other: uncounted, each
   * call let one more bracket through, and ( f() ( f() ( ... overflowed the stack.
   */
  private boolean nestingWithinLimit(CommonTokenStream tokens, Reporter.Source source) {
    int depth = 0;
    int minuses = 0;
    for (Token token : tokens.getTokens()) {
      minuses = token.getType() == CnnSpecLexer.MINUS ? minuses + 1 : 0;
      switch (token.getType()) {
        case CnnSpecLexer.LPAREN, CnnSpecLexer.LBRACE, CnnSpecLexer.CALL -> {
          depth++;
          if (depth > maxNesting) {
            return tooDeep(token, "brackets nest more than " + maxNesting + " levels here", source);
          }
        }
        case CnnSpecLexer.MINUS -> {
          if (depth + minuses > maxNesting) {
            return tooDeep(token, minuses + " minus signs in a row nest more than " + maxNesting + " levels here", source);
          }
        }
        case CnnSpecLexer.RPAREN, CnnSpecLexer.RBRACE -> depth = Math.max(0, depth - 1);
        default -> {
        }
      }
    }
    return true;
  }

  private static boolean tooDeep(Token token, String detail, Reporter.Source source) {
    source.error(new Position(token.getLine(), token.getCharPositionInLine() + 1, 1), "nesting too deep", detail,
        "flatten the spec, or move repeated structure into a def");
    return false;
  }
}
