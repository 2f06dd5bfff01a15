package io.cnnspec.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The tokenization the language depends on: glued words, shapes, repetition and hyphens. */
class LexerTest {

  private static List<String> tokens(String text) {
    CnnSpecLexer lexer = new CnnSpecLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    return lexer.getAllTokens().stream()
        .map(t -> CnnSpecLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText())
        .toList();
  }

  @Test
  void convWithKernelIsOneWord() {
    assertEquals(List.of("ID:conv3"), tokens("conv3"));
    assertEquals(List.of("ID:conv1x7", "MINUS:-", "INT:128"), tokens("conv1x7-128"));
  }

  @Test
  void repetitionIsItsOwnToken() {
    assertEquals(List.of("ID:conv3", "MINUS:-", "INT:64", "REPEAT:x2"), tokens("conv3-64x2"));
    assertEquals(List.of("ID:conv3", "MINUS:-", "INT:64", "REPEAT:x2"), tokens("conv3-64 x2"));
    assertEquals(List.of("RPAREN:)", "REPEAT:x3"), tokens(")x3"));
    assertEquals(List.of("ID:dense", "REPEAT:x6"), tokens("dense x6"));
  }

  @Test
  void shapeIsOneToken() {
    assertEquals(List.of("SHAPE:224x224x3"), tokens("224x224x3"));
    assertEquals(List.of("INT:784"), tokens("784"));
  }

  @Test
  void hyphenBeforeADigitSeparatesTheSize() {
    assertEquals(List.of("ID:fc", "MINUS:-", "INT:4096"), tokens("fc-4096"));
    assertEquals(List.of("ID:FC", "MINUS:-", "INT:4096"), tokens("FC-4096"));
    assertEquals(List.of("ID:fc4096"), tokens("fc4096"));
  }

  @Test
  void hyphenBetweenLettersIsPartOfTheWord() {
    assertEquals(List.of("ID:soft-max"), tokens("soft-max"));
  }

  @Test
  void numbersGroupDigitsWithUnderscores() {
    assertEquals(List.of("ID:expect", "ID:params", "INT:138_357_544").subList(1, 3),
        tokens("expect params 138_357_544").subList(1, 3));
    assertEquals("EXPECT:expect", tokens("expect").get(0));
  }

  @Test
  void strideModifiersAndInterpolation() {
    assertEquals(List.of("ID:conv11", "MINUS:-", "INT:96", "SLASH:/", "INT:4", "ID:valid"), tokens("conv11-96/4 valid"));
    assertEquals(List.of("ID:conv1", "MINUS:-", "LBRACE:{", "INT:4", "STAR:*", "ID:c", "RBRACE:}", "SLASH:/",
        "LBRACE:{", "ID:s", "RBRACE:}"), tokens("conv1-{4*c}/{s}"));
    assertEquals(List.of("ID:dropout0.5"), tokens("dropout0.5"));
  }

  @Test
  void commentsAndUnknownCharacters() {
    assertEquals(List.of("ID:relu"), tokens("relu # a comment"));
    assertEquals(List.of("ID:relu", "UNKNOWN:%"), tokens("relu %"));
  }

  @Test
  void keywordsAreCaseInsensitiveAndWholeWordsOnly() {
    assertEquals(List.of("CAT:CAT"), tokens("CAT"));
    assertEquals(List.of("ID:concat"), tokens("concat"));
    assertEquals(List.of("ID:residual"), tokens("residual"));
    assertEquals(Token.EOF, new CnnSpecLexer(CharStreams.fromString("")).nextToken().getType());
  }
}
