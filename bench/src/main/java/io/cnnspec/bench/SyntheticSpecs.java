package io.cnnspec.bench;

/**
 * Specs of any length whose shapes stay valid however long they get: conv3-16, bn and relu all
 * keep a 32x32x16 input as it is, so the spec can grow without ever shrinking to nothing.
 */
final class SyntheticSpecs {

  private static final String[] CYCLE = {"conv3-16", "bn", "relu"};
  private static final int PER_LINE = 12;

  private SyntheticSpecs() {}

  /** {@code layers} layers written one by one, as a generated or hand-unrolled spec would be. */
  static String writtenOut(int layers) {
    StringBuilder out = new StringBuilder(layers * 6 + 64);
    out.append("network Written").append(layers).append(" : 32x32x16 -> 32x32x16\n");
    for (int i = 0; i < layers; i++) {
      out.append(i % PER_LINE == 0 ? "  " : " ").append(CYCLE[i % CYCLE.length]);
      if (i % PER_LINE == PER_LINE - 1 || i == layers - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The same layers as one repetition, {@code (conv3-16 bn relu)xN}: a few bytes of text that
   * expand to {@code layers} rows (rounded down to whole repetitions).
   */
  static String repeated(int layers) {
    return "network Repeated" + layers + " : 32x32x16 -> 32x32x16\n  (conv3-16 bn relu)x" + layers / CYCLE.length + "\n";
  }

  /** The rows {@link #repeated} expands to. */
  static int repeatedRows(int layers) {
    return layers / CYCLE.length * CYCLE.length;
  }

  static String of(String form, int layers) {
    return switch (form) {
      case "written" -> writtenOut(layers);
      case "repeated" -> repeated(layers);
      default -> throw new IllegalArgumentException("unknown form " + form + "; use written or repeated");
    };
  }
}
