package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Characters outside the language, in the spec and in the annotation's name and input: each is a
 * positioned error whose message names it as U+XXXX and whose caret line shows it as ?, so that no
 * terminal is reset by a control character or reordered by a bidi mark.
 */
class HostileCharactersTest {

  private static Diagnostic onlyError(Case c) {
    Compilation result = Properties.check("hostile", c);
    assertFalse(result.ok());
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> String.join("\n", errors.stream().map(Diagnostic::format).toList()));
    return errors.get(0);
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({
      "0000, NUL",
      "0007, bell",
      "001B, escape",
      "007F, delete",
      "0085, next line",
      "2028, line separator",
      "2029, paragraph separator",
      "200B, zero width space",
      "200E, left-to-right mark",
      "200F, right-to-left mark",
      "202E, right-to-left override",
      "2066, left-to-right isolate",
      "FEFF, byte order mark",
      "FFFF, noncharacter",
      "D800, lone high surrogate",
      "DC00, lone low surrogate"})
  void anInvisibleCharacterIsNamedAndShownAsAQuestionMark(String hex, String name) {
    char c = (char) Integer.parseInt(hex, 16);
    Diagnostic d = onlyError(new Case.File("network N : 8x8x3\n  conv3-8 " + c + " relu\n"));
    assertEquals("unexpected character 'U+" + hex + "'", d.title(), name);
    assertEquals(2, d.line());
    assertEquals(11, d.column());
    assertEquals("  conv3-8 ? relu", d.sourceLine());
    assertEquals("    " + d.sourceLine() + "\n              ^", d.caret());
  }

  @Test
  void aByteOrderMarkAtTheStart() {
    Diagnostic d = onlyError(new Case.File("\ufeffnetwork N : 8x8x3\n  relu\n"));
    assertEquals("unexpected character 'U+FEFF'", d.title());
    assertEquals(1, d.line());
    assertEquals(1, d.column());
    assertEquals("?network N : 8x8x3", d.sourceLine());
  }

  @Test
  void theCaretStaysUnderItsCharacterAfterAnEmoji() {
    // ANTLR counts the emoji as one code point, the line holds it as two chars
    Compilation result = Properties.check("emoji", new Case.File("network N : 8x8x3\n\ud83d\ude00 relu \ud83d\ude00\n"));
    List<Diagnostic> errors = result.errors();
    assertEquals(2, errors.size());
    Diagnostic second = errors.get(1);
    assertEquals(9, second.column());
    assertEquals("\ud83d\ude00", second.sourceLine().substring(second.sourceColumn() - 1, second.sourceColumn() + 1));
    assertEquals("    \ud83d\ude00 relu \ud83d\ude00\n            ^^", second.caret());
  }

  @Test
  void anErrorAfterCombiningAndWideCharactersInAComment() {
    Diagnostic d = onlyError(new Case.File("network N : 8x8x3 # caf\u00e9 \u4e2d\u6587 \ud83d\ude00\n  rleu\n"));
    assertEquals("unknown layer 'rleu'", d.title());
    assertEquals(3, d.column());
  }

  @Test
  void aRightToLeftOverrideInAComment() {
    // harmless in a comment, but shown as ? when the line is on screen for another error
    Diagnostic d = onlyError(new Case.File("network N : 8x8x3\n  rleu # \u202egnp.exe\n"));
    assertEquals("  rleu # ?gnp.exe", d.sourceLine());
  }

  @Test
  void controlCharactersInTheAnnotationsNameAndInput() {
    Compilation result = Properties.check("inline",
        new Case.Inline("Net\u0000\u202e", "224x224x3\u0007", "relu", io.cnnspec.lang.diagnostics.Limits.DEFAULT));
    List<Diagnostic> errors = result.errors();
    assertEquals("invalid network name 'NetU+0000U+202E'", errors.get(0).title());
    assertEquals(Diagnostic.Part.NAME, errors.get(0).part());
    assertTrue(errors.stream().anyMatch(d -> d.part() == Diagnostic.Part.INPUT
        && d.title().equals("unexpected character 'U+0007'") && d.column() == 10
        && d.sourceLine().equals("224x224x3?")), errors::toString);
  }

  @Test
  void oldMacLineEndingsAndFormFeeds() {
    Compilation result = Properties.check("endings", new Case.File("network N : 8x8x3\r  relu\r  rleu\r"));
    Diagnostic d = result.errors().get(0);
    assertEquals("unknown layer 'rleu'", d.title());
    assertEquals(3, d.line(), d::format);
    assertEquals("  rleu", d.sourceLine(), d::format);
    assertNull(Properties.invisible(d.sourceLine(), true));
  }

  @Test
  void windowsLineEndingsCompile() {
    assertTrue(Properties.check("crlf", new Case.File("network N : 8x8x3\r\n  conv3-8\r\n  relu\r\n")).ok());
  }

  /** Unix, Windows and classic Mac OS line ends: the same lines, positions and shown source line. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"LF", "CRLF", "CR", "CR then LF"})
  void everyLineEndEndsALine(String name) {
    String[] end = switch (name) {
      case "LF" -> new String[] {"\n"};
      case "CRLF" -> new String[] {"\r\n"};
      case "CR" -> new String[] {"\r"};
      default -> new String[] {"\r", "\n"};
    };
    String spec = "network N : 8x8x3" + end[0] + "  conv3-8 relu" + end[end.length - 1] + "# a comment" + end[0]
        + "  conv3-8 frob relu" + end[end.length - 1];
    Compilation result = CnnSpec.compile(new SpecInput.File(spec, "n.cnn"), CompileOptions.DEFAULT);
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> String.join("\n", errors.stream().map(Diagnostic::format).toList()));
    Diagnostic error = errors.get(0);
    assertEquals("unknown-layer", error.code());
    assertEquals(4, error.line(), error::format);
    assertEquals(11, error.column(), error::format);
    assertEquals("  conv3-8 frob relu", error.sourceLine(), error::format);
    assertEquals(11, error.sourceColumn(), error::format);
    Compilation fixed = CnnSpec.compile(new SpecInput.File(spec.replace(" frob", ""), "n.cnn"), CompileOptions.DEFAULT);
    assertEquals(4, fixed.network().orElseThrow().layers().size());
  }
}
