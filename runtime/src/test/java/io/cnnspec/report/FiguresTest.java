package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void groupsThousandsWithCommas() {
    assertEquals("0", Figures.grouped(0));
    assertEquals("999", Figures.grouped(999));
    assertEquals("1,000", Figures.grouped(1000));
    assertEquals("-1,234,567", Figures.grouped(-1_234_567));
    assertEquals("9,223,372,036,854,775,807", Figures.grouped(Long.MAX_VALUE));
    assertEquals("-9,223,372,036,854,775,808", Figures.grouped(Long.MIN_VALUE));
    assertEquals("138,357,544", Figures.grouped(138_357_544));
    assertEquals("9,223,372,036,854,775,807", Figures.grouped(Long.MAX_VALUE));
  }

  @Test
  void abbreviatesFromAMillion() {
    assertNull(Figures.abbreviated(999_999));
    assertEquals("1.00 M", Figures.abbreviated(1_000_000));
    assertEquals("138.36 M", Figures.abbreviated(138_357_544));
    assertEquals("15.47 G", Figures.abbreviated(15_470_264_320L));
    assertEquals("1.00 T", Figures.abbreviated(1_000_000_000_000L));
    assertEquals("9.22 E", Figures.abbreviated(Long.MAX_VALUE));
  }

  @Test
  void roundingUpToAThousandMovesToTheNextUnit() {
    assertEquals("1.00 G", Figures.abbreviated(999_999_999));
    assertEquals("999.99 M", Figures.abbreviated(999_994_999));
  }

  @Test
  void mebibytesHaveOneDecimalAndGrouping() {
    assertEquals("58.1", Figures.mebibytes(60_950_432));
    assertEquals("0.0", Figures.mebibytes(768));
    assertEquals("1.0", Figures.mebibytes(1_048_576));
    assertEquals("2,111.2", Figures.mebibytes(2_213_720_704L));
  }

  /** Figures writes decimals by hand; they must be the very strings java.util.Formatter wrote. */
  @Test
  void decimalsAreWhatFormatterWrites() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long value = switch (i % 3) {
        case 0 -> random.nextLong(Long.MAX_VALUE);
        case 1 -> random.nextLong(1L << random.nextInt(1, 63));
        default -> random.nextLong(1_000_000) * 5_000 + random.nextInt(-3, 4); // next to x.xx5
      };
      for (long unit = 1_000_000L; unit > 0 && unit <= 1_000_000_000_000_000_000L; unit *= 1000) {
        double scaled = (double) value / unit;
        assertEquals(String.format(Locale.ROOT, "%.2f", scaled), Figures.fixed(scaled, 2), value + " / " + unit);
        assertEquals(String.format(Locale.ROOT, "%.2f", -scaled), Figures.fixed(-scaled, 2), -value + " / " + unit);
      }
      assertEquals(String.format(Locale.ROOT, "%,.1f", MemoryEstimate.mebibytes(value)), Figures.mebibytes(value),
          value + " bytes");
    }
    assertEquals("-0.00", Figures.fixed(-0.0, 2));
    assertEquals("-2,111.2", Figures.mebibytes(-2_213_720_704L));
  }

  @Test
  void jumpIsAnIntegerWhenIntegralElseAPlainDecimal() {
    assertEquals("32", Figures.plain(32.0));
    assertEquals("1", Figures.plain(1.0));
    assertEquals("0.5", Figures.plain(0.5));
    assertEquals("0.0001", Figures.plain(1e-4));
    assertEquals("1.25", Figures.plain(1.25));
  }
}
