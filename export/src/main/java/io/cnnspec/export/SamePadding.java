package io.cnnspec.export;

/**
 * TensorFlow's "same" padding as explicit pixels, the arithmetic both exporters share: the output
 * is ceil(n / s), and the padding that takes is split with the odd pixel at the end (bottom or
 * right), where PyTorch's own padding is symmetric.
 *
 * @param before pixels at the top (or left)
 * @param after pixels at the bottom (or right)
 */
record SamePadding(long before, long after) {

  /** For a window layer: kernel k, stride s, dilation d over n pixels. */
  static SamePadding window(long n, long k, long s, long d) {
    long out = -Math.floorDiv(-n, s);
    long total = Math.max((out - 1) * s + d * (k - 1) + 1 - n, 0);
    return new SamePadding(total / 2, total - total / 2);
  }

  boolean symmetric() {
    return before == after;
  }
}
