package io.cnnspec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineEndsTest {

  @Test
  void aCrAloneBecomesAnLfAndACrlfStays() {
    assertEquals("a\nb\r\nc\n\nd\n", LineEnds.lineFeeds("a\rb\r\nc\r\rd\r"));
    assertEquals("\n\r\n", LineEnds.lineFeeds("\r\r\n"));
    assertEquals("a\r\nb\nc\n", LineEnds.lineFeeds("a\r\nb\rc\n"));
  }

  @Test
  void textWithoutACrAloneIsReturnedItself() {
    String unix = "network N : 8x8x3\n  relu\n";
    String windows = "network N : 8x8x3\r\n  relu\r\n";
    assertSame(unix, LineEnds.lineFeeds(unix));
    assertSame(windows, LineEnds.lineFeeds(windows));
  }

  @Test
  void lineEndsAreLfAndCrNotBeforeLf() {
    assertTrue(LineEnds.endsLine("a\nb", 1));
    assertTrue(LineEnds.endsLine("a\rb", 1));
    assertTrue(LineEnds.endsLine("a\r", 1));
    assertFalse(LineEnds.endsLine("a\r\nb", 1));
    assertTrue(LineEnds.endsLine("a\r\nb", 2));
    assertFalse(LineEnds.endsLine("a\u2028b", 1));
    assertFalse(LineEnds.endsLine('a', '\n'));
  }
}
