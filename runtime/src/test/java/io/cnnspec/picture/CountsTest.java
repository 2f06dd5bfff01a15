package io.cnnspec.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsTest {

  @ParameterizedTest
  @CsvSource({
    "0, 3, 0",
    "999, 3, 999",
    "1000, 3, 1.00K",
    "1792, 3, 1.79K",
    "36928, 3, 36.9K",
    "147584, 3, 148K",
    "999499, 3, 999K",
    "999500, 3, 1.00M",
    "102764544, 3, 103M",
    "138357544, 4, 138.4M",
    "15470264320, 4, 15.47G",
    "9223372036854775807, 3, 9.22E",
  })
  void roundsToSignificantDigitsWithADecimalUnit(long value, int digits, String expected) {
    assertEquals(expected, Counts.compact(value, digits));
  }

  @ParameterizedTest
  @CsvSource({"102764544, 138357544, 74.3%", "1, 3, 33.3%", "1, 1, 100.0%", "1, 2000, 0.1%", "1, 20000, 0.0%"})
  void percentagesHaveOneDecimal(long part, long whole, String expected) {
    assertEquals(expected, Counts.percent(part, whole));
  }
}
