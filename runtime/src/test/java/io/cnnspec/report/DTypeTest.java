package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DTypeTest {

  @Test
  void bytesPerValue() {
    assertEquals(4, DType.FP32.bytes());
    assertEquals(2, DType.FP16.bytes());
    assertEquals(2, DType.BF16.bytes());
    assertEquals(1, DType.INT8.bytes());
  }

  @ParameterizedTest
  @CsvSource({
    "fp32, FP32", "float32, FP32", "FP32, FP32", "' Float32 ', FP32",
    "fp16, FP16", "half, FP16", "HALF, FP16",
    "bf16, BF16", "bfloat16, BF16",
    "int8, INT8", "INT8, INT8"})
  void parsesTheUsualSpellings(String text, DType expected) {
    assertEquals(expected, DType.parse(text));
  }

  @Test
  void parsesUpperCaseUnderATurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      // "INT8".toLowerCase() gives a dotless ı here, which a locale-sensitive parse would reject
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(DType.INT8, DType.parse("INT8"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void unknownNameIsRejectedWithTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.parse("fp64"));
    assertTrue(e.getMessage().contains("'fp64'"), e.getMessage());
    for (String valid : new String[] {"fp32", "fp16", "bf16", "int8", "half", "float32"}) {
      assertTrue(e.getMessage().contains(valid), e.getMessage());
    }
  }

  @Test
  void emptyAndNullAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> DType.parse(""));
    assertThrows(IllegalArgumentException.class, () -> DType.parse(null));
  }

  @Test
  void labelIsTheLowerCaseName() {
    assertEquals("bf16", DType.BF16.label());
  }
}
