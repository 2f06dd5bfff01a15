package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.diagnostics.Position;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Stops the parse at the first token that nests too deep, before the parser recurses for it: the
 * parser recurses once per bracket, and once per minus sign of a run like {@code - - -1}, and
 * only asks for a token a few ahead of where it is, so counting as the lexer hands tokens over
 * bounds the parser's stack without holding every token of the spec for a check in advance.
 */
final class NestingGuard implements TokenSource {

  /** Thrown out of the parser when the limit is passed; {@link #report} says where. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Position pos;
    private final String detail;

    TooDeep(Position pos, String detail) {
      super(null, null, false, false);
      this.pos = pos;
      this.detail = detail;
    }

    void report(Reporter.Source source) {
      source.error(DiagnosticCode.NESTING_TOO_DEEP, pos, "nesting too deep", detail, "flatten the spec, or move repeated structure into a def");
    }
  }

  private final TokenSource lexer;
  private final int maxNesting;
  private int depth;
  private int minuses;
  private boolean tripped;

  NestingGuard(TokenSource lexer, int maxNesting) {
    this.lexer = lexer;
    this.maxNesting = maxNesting;
  }

  @Override
  public Token nextToken() {
    Token token = lexer.nextToken();
    int type = token.getType();
    minuses = type == CnnSpecLexer.MINUS ? minuses + 1 : 0;
    switch (type) {
      // a def call's token ends in its "(", closed by a ")" like any other: uncounted, each call
      // let one more bracket through, and ( f() ( f() ( ... overflowed the stack
      case CnnSpecLexer.LPAREN, CnnSpecLexer.LBRACE, CnnSpecLexer.CALL -> {
        depth++;
        if (depth > maxNesting) {
          throw tooDeep(token, "brackets nest more than " + maxNesting + " levels here");
        }
      }
      case CnnSpecLexer.MINUS -> {
        if (depth + minuses > maxNesting) {
          throw tooDeep(token, minuses + " minus signs in a row nest more than " + maxNesting + " levels here");
        }
      }
      case CnnSpecLexer.RPAREN, CnnSpecLexer.RBRACE -> depth = Math.max(0, depth - 1);
      default -> {
      }
    }
    return token;
  }

  /** Whether the limit was passed: the parse is being abandoned. */
  boolean tripped() {
    return tripped;
  }

  private TooDeep tooDeep(Token token, String detail) {
    tripped = true;
    return new TooDeep(new Position(token.getLine(), token.getCharPositionInLine() + 1, 1), detail);
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
