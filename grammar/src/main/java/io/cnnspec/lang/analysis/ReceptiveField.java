package io.cnnspec.lang.analysis;

/**
 * Receptive field size and jump, per axis, in input pixels: r' = r + (k - 1) * d * j, j' = j * s.
 * Doubles, because upsampling and transposed convolutions divide the jump; with power-of-two
 * factors they stay exact.
 */
record ReceptiveField(double sizeH, double sizeW, double jumpH, double jumpW) {

  static final ReceptiveField INPUT = new ReceptiveField(1, 1, 1, 1);

  ReceptiveField through(Window w) {
    if (w == null) {
      return this;
    }
    return new ReceptiveField(
        sizeH + (w.kh() - 1) * w.dilation() * jumpH,
        sizeW + (w.kw() - 1) * w.dilation() * jumpW,
        jumpH * w.strideH(),
        jumpW * w.strideW());
  }

  /** Integers up to 2^53 are exact in a double; past that the reported size would be rounded. */
  private static final double EXACT = 0x1p53;

  /**
   * Whether the figures are still exact: strides of 10^9 a few times over pass 2^53 (and then
   * overflow to infinity, and infinity times a 1x1 kernel's zero is NaN).
   */
  boolean exact() {
    return sizeH <= EXACT && sizeW <= EXACT && jumpH <= EXACT && jumpW <= EXACT;
  }

  /** Through branches, the largest. */
  ReceptiveField max(ReceptiveField other) {
    return new ReceptiveField(Math.max(sizeH, other.sizeH), Math.max(sizeW, other.sizeW),
        Math.max(jumpH, other.jumpH), Math.max(jumpW, other.jumpW));
  }

  /** The reported size: the larger axis, rounded up to whole pixels. */
  long size() {
    return (long) Math.ceil(Math.max(sizeH, sizeW) - 1e-9);
  }

  double jump() {
    return Math.max(jumpH, jumpW);
  }
}
