package io.cnnspec.picture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Counts as a picture shows them: short, to fit a box. Below 1,000 exactly; above, rounded half up
 * to a number of significant digits with a decimal unit: {@code 36928} as {@code 36.9K} (3 digits),
 * {@code 138357544} as {@code 138.4M} (4 digits). The exact figures are in the reports.
 */
final class Counts {

  private static final String UNITS = "KMGTPE";

  private Counts() {}

  static String compact(long value, int digits) {
    if (value < 1000) {
      return Long.toString(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP));
    // the exponent of 1,000 after rounding, so that 999,950 reads 1.000M and not 1000K
    int unit = (rounded.precision() - rounded.scale() - 1) / 3;
    BigDecimal scaled = rounded.movePointLeft(3 * unit);
    int decimals = Math.max(0, digits - (scaled.precision() - scaled.scale()));
    return scaled.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + UNITS.charAt(unit - 1);
  }

  /** {@code part / whole} as a percentage with one decimal, rounded half up: {@code 74.3%}. */
  static String percent(long part, long whole) {
    long tenths = Math.round(1000.0 * part / whole);
    return tenths / 10 + "." + tenths % 10 + "%";
  }
}
