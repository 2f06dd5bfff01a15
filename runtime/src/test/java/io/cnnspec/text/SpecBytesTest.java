package io.cnnspec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecBytesTest {

  @Test
  void decodesUtf8AndDropsALeadingByteOrderMark() throws Exception {
    byte[] bytes = "\uFEFFnetwork N\u00e9t : 8x8x3 -> 10\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("network N\u00e9t : 8x8x3 -> 10\n", SpecBytes.decode(bytes));
    assertEquals("a\uFEFF", SpecBytes.decode("a\uFEFF".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void malformedUtf8NamesLineAndByteWithinIt() {
    byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xE9, 'd'};
    SpecBytes.Unreadable e = assertThrows(SpecBytes.Unreadable.class, () -> SpecBytes.decode(bytes));
    assertEquals(SpecBytes.Unreadable.Reason.INVALID_UTF8, e.reason());
    assertEquals("is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at line 2, byte 3", e.getMessage());
  }

  @Test
  void theLineOfMalformedUtf8CountsEveryLineEnd() {
    byte[] bad = {(byte) 0xE9};
    for (String end : new String[] {"\n", "\r\n", "\r"}) {
      String before = "network N : 8x8x3" + end + "  relu" + end + "  b";
      byte[] bytes = java.util.Arrays.copyOf(before.getBytes(StandardCharsets.US_ASCII), before.length() + 1);
      bytes[before.length()] = bad[0];
      SpecBytes.Unreadable e = assertThrows(SpecBytes.Unreadable.class, () -> SpecBytes.decode(bytes));
      assertEquals("is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at line 3, byte 4", e.getMessage(),
          end.replace("\r", "CR").replace("\n", "LF"));
    }
  }

  @Test
  void truncatedSequenceAtTheEndIsMalformed() {
    byte[] bytes = {'a', (byte) 0xC3};
    assertEquals(SpecBytes.Unreadable.Reason.INVALID_UTF8,
        assertThrows(SpecBytes.Unreadable.class, () -> SpecBytes.decode(bytes)).reason());
  }

  @Test
  void aNulByteMeansABinaryFile() {
    SpecBytes.Unreadable e = assertThrows(SpecBytes.Unreadable.class, () -> SpecBytes.decode(new byte[] {'a', 0}));
    assertEquals(SpecBytes.Unreadable.Reason.NOT_TEXT, e.reason());
    assertEquals("is not a text file (cnnspec specs are UTF-8 text)", e.getMessage());
  }

  @Test
  void moreThanTheCapIsTooLarge() throws Exception {
    assertEquals(3, SpecBytes.checkSize(new byte[3]).length);
    SpecBytes.Unreadable e = assertThrows(SpecBytes.Unreadable.class,
        () -> SpecBytes.read(new ByteArrayInputStream(new byte[SpecBytes.MAX_BYTES + 1])));
    assertEquals(SpecBytes.Unreadable.Reason.TOO_LARGE, e.reason());
    assertEquals("is too large for a spec (over 16 MiB)", e.getMessage());
    assertEquals("x", SpecBytes.read(new ByteArrayInputStream(new byte[] {'x'})));
  }
}
