package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.diagnostics.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: turns each syntax error into a positioned diagnostic that
 * names the unexpected token in the language's own words and what could stand there instead. A
 * common slip ({@link Slips}) is named as such with its fix, and is then the parse's last error.
 */
final class SyntaxErrorCollector extends BaseErrorListener {

  private final Reporter.Source source;
  // After a slip is reported, the parser's later errors only echo it (the '}' of split { A | B }).
  private boolean slipped;

  SyntaxErrorCollector(Reporter.Source source) {
    this.source = source;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
      String msg, RecognitionException e) {
    Token token = offendingSymbol instanceof Token t ? t : null;
    if (slipped) {
      return;
    }
    Slips.Slip slip = recognizer instanceof Parser parser ? Slips.at(parser, token) : null;
    if (slip != null) {
      slipped = true;
      source.error(slip.code(), slip.pos(), slip.title(), slip.detail(), slip.hint());
      return;
    }
    int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
    Position pos = new Position(line, charPositionInLine + 1, length);
    String expected = recognizer instanceof Parser parser ? describeExpected(parser) : "";
    String title;
    String hint;
    if (token == null || token.getType() == Token.EOF) {
      title = "unexpected end of spec";
      hint = expected.isEmpty() ? "complete the spec" : "the spec stops where " + expected + " should follow";
    } else if (token.getType() == CnnSpecLexer.UNKNOWN) {
      title = "unexpected character " + quote(token.getText());
      hint = "cnnspec uses letters, digits and - / x { } ( ) | , = : @ -> #; remove or replace it";
    } else if (msg.startsWith("missing")) {
      title = "something is missing before " + quote(token.getText());
      hint = expected.isEmpty() ? "check the brackets and separators" : "insert " + expected;
    } else {
      title = "unexpected " + quote(token.getText());
      hint = expected.isEmpty() ? "remove it or check the line's syntax" : "expected " + expected + " here";
    }
    source.error(DiagnosticCode.SYNTAX, pos, title, "", hint);
  }

  private static String quote(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return "'" + shown + "'";
  }

  private static String describeExpected(Parser parser) {
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException e) {
      // the expected set is advice only; a state without one still gets its error reported
      return "";
    }
    List<String> words = new ArrayList<>();
    for (int type : expected.toArray()) {
      String word = describe(parser, type);
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty() || words.size() > 6) {
      return words.isEmpty() ? "" : "a layer, a branch or a group";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String describe(Parser parser, int type) {
    return switch (type) {
      case Token.EOF -> "the end of the spec";
      case CnnSpecLexer.ID -> "a word";
      case CnnSpecLexer.CALL -> "a def call";
      case CnnSpecLexer.INT -> "a number";
      case CnnSpecLexer.SHAPE -> "a shape like 224x224x3";
      case CnnSpecLexer.REPEAT, CnnSpecLexer.X -> "a repetition like x2";
      default -> {
        String literal = parser.getVocabulary().getLiteralName(type);
        yield literal == null ? parser.getVocabulary().getDisplayName(type).toLowerCase(Locale.ROOT) : literal;
      }
    };
  }
}
