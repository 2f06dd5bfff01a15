package io.cnnspec.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How every report writes a number. Always {@link Locale#ROOT}: a report is compared across
 * machines and pasted into issues, so a German default locale must not turn 1,234.5 into 1.234,5.
 */
public final class Figures {

  private static final long[] UNITS = {1_000_000L, 1_000_000_000L, 1_000_000_000_000L,
      1_000_000_000_000_000L, 1_000_000_000_000_000_000L};
  private static final String[] UNIT_NAMES = {"M", "G", "T", "P", "E"};

  private Figures() {}

  /** {@code 138357544} as {@code 138,357,544}: the one way cnnspec writes a count for people. */
  public static String grouped(long value) {
    // by hand rather than String.format("%,d"): a report of a long spec formats millions of cells
    String digits = Long.toString(value);
    int sign = value < 0 ? 1 : 0;
    int count = digits.length() - sign;
    StringBuilder out = new StringBuilder(digits.length() + count / 3);
    out.append(digits, 0, sign);
    for (int i = 0; i < count; i++) {
      if (i > 0 && (count - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(sign + i));
    }
    return out.toString();
  }

  /**
   * {@code 15470264320} as {@code 15.47 G}, or null below a million, where the exact figure is
   * short enough to read at a glance.
   */
  static String abbreviated(long value) {
    long magnitude = Math.abs(value);
    for (int i = UNITS.length - 1; i >= 0; i--) {
      if (magnitude >= UNITS[i]) {
        String scaled = fixed((double) value / UNITS[i], 2);
        // 999,999,999 rounds to "1000.00 M"; say "1.00 G" instead
        if (i + 1 < UNITS.length && scaled.replace("-", "").equals("1000.00")) {
          return fixed((double) value / UNITS[i + 1], 2) + " " + UNIT_NAMES[i + 1];
        }
        return scaled + " " + UNIT_NAMES[i];
      }
    }
    return null;
  }

  /** Bytes as mebibytes with one decimal and grouping: {@code 60950432} as {@code 58.1}. */
  static String mebibytes(long bytes) {
    String text = fixed(MemoryEstimate.mebibytes(bytes), 1);
    int sign = text.startsWith("-") ? 1 : 0;
    int dot = text.indexOf('.');
    return text.substring(0, sign) + grouped(Long.parseLong(text.substring(sign, dot))) + text.substring(dot);
  }

  /**
   * {@code value} with {@code decimals} decimals, exactly as {@code String.format(Locale.ROOT,
   * "%.Nf", value)} writes it: the shortest decimal that reads back as the double, rounded half up.
   * Not through java.util.Formatter, whose first use (a regular expression for the format string,
   * the locale's number symbols) cost a summary's start about 15 ms (bench/README.md).
   */
  static String fixed(double value, int decimals) {
    String magnitude = new BigDecimal(Double.toString(Math.abs(value)))
        .setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    return negative ? "-" + magnitude : magnitude;
  }

  /** A jump as an integer when it is one ({@code 32}), else a plain decimal ({@code 0.5}, never 5.0E-4). */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
