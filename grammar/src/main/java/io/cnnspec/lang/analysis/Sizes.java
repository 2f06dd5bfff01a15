package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.model.Shape;

/** The output-size arithmetic of window layers, exactly as docs/language.md ("Output size") states it. */
final class Sizes {

  private Sizes() {}

  /**
   * Convolution and pooling: floor((n + 2p - d(k-1) - 1) / s) + 1, or with {@code ceil} the ceiling,
   * dropping a last window that would start in the right padding (PyTorch's rule, which also keeps
   * a window that overhangs the right edge of an input smaller than it: 2, k3, s2, ceil gives 1).
   * "Same" is TensorFlow's ceil(n / s). 0 means the window does not fit.
   */
  static long windowOutput(long n, long k, long s, long d, Padding padding, boolean ceil) {
    if (padding instanceof Padding.Same) {
      return ceilDiv(n, s);
    }
    long p = ((Padding.Explicit) padding).height();
    long span = Math.addExact(Math.multiplyExact(d, k - 1), 1);
    long room = Math.subtractExact(Math.addExact(n, 2 * p), span);
    if (!ceil) {
      // floor, not truncation: a window wider than the padded input gives 0 or less, never 1
      return Math.max(0, Math.floorDiv(room, s) + 1);
    }
    // PyTorch's pooling_output_shape: ceil((n + 2p - span) / s) + 1, floored toward minus
    // infinity, so a window that overhangs a small input still gives one output (2x2, 3/2 -> 1)
    long out = Math.floorDiv(Math.addExact(room, s - 1), s) + 1;
    if (out > 0 && (out - 1) * s >= n + p) {
      out--;
    }
    return Math.max(0, out);
  }

  /**
   * The output map of a window layer (convolution or pooling) with {@code channels} channels, each
   * axis with its own kernel, stride and padding (PyTorch's tuples, height first).
   */
  static Shape windowed(Shape in, long kh, long kw, long strideH, long strideW, long dilation, Padding padding,
      boolean ceil, long channels, String layer) throws SpecException {
    return spatial(windowOutput(in.height(), kh, strideH, dilation, padding.along(true), ceil),
        windowOutput(in.width(), kw, strideW, dilation, padding.along(false), ceil), channels, layer);
  }

  /** Transposed convolution along one axis: (n - 1) s - 2p + d(k - 1) + 1; "same" gives n s. */
  static long transposedOutput(long n, long k, long s, long d, Padding padding) {
    if (padding instanceof Padding.Same) {
      return Math.multiplyExact(n, s);
    }
    long p = ((Padding.Explicit) padding).height();
    return Math.multiplyExact(n - 1, s) - 2 * p + Math.multiplyExact(d, k - 1) + 1;
  }

  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** A spatial shape, or a clear error when a dimension left the range a shape can hold. */
  static Shape spatial(long h, long w, long c, String layer) throws SpecException {
    if (h < 1 || w < 1) {
      throw new SpecException(DiagnosticCode.SIZE_REACHES_ZERO, "size reaches zero",
          layer + " would produce a " + h + "x" + w + " map",
          "the input is too small here: pad the layer (p1 or same), use a smaller kernel or stride, "
              + "or remove an earlier pooling layer");
    }
    if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE || c > Integer.MAX_VALUE || c < 1) {
      throw new SpecException(DiagnosticCode.SIZE_TOO_LARGE, "size too large", layer + " would produce " + h + "x" + w + "x" + c,
          "a dimension past 2,147,483,647 is not a real network; check the numbers");
    }
    if (!countable(h, w, c)) {
      throw new SpecException(DiagnosticCode.SIZE_TOO_LARGE, "size too large", layer + " would produce " + h + "x" + w + "x" + c
          + ", more values than a 64-bit count holds", "no real network is this large; check the numbers");
    }
    return Shape.of((int) h, (int) w, (int) c);
  }

  /**
   * Whether h x w x c values can be counted: Shape.size() multiplies without a check, and every
   * activation count starts from it, so a shape past this would give a wrapped, negative count.
   */
  static boolean countable(long h, long w, long c) {
    try {
      Math.multiplyExact(Math.multiplyExact(h, w), c);
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  static Shape vector(long n, String layer) throws SpecException {
    if (n > Integer.MAX_VALUE || n < 1) {
      throw new SpecException(DiagnosticCode.SIZE_TOO_LARGE, "size too large", layer + " would produce a vector of " + n,
          "a dimension past 2,147,483,647 is not a real network; check the numbers");
    }
    return Shape.vector((int) n);
  }
}
