package io.cnnspec.lang.analysis;

/**
 * How a layer moves the receptive field: a window of {@code kh x kw} input positions, dilated,
 * taken every {@code strideH, strideW} positions (below 1 for upsampling).
 */
record Window(long kh, long kw, double strideH, double strideW, long dilation) {

  static Window of(long kh, long kw, long stride, long dilation) {
    return new Window(kh, kw, stride, stride, dilation);
  }

  static Window of(long kh, long kw, long strideH, long strideW, long dilation) {
    return new Window(kh, kw, strideH, strideW, dilation);
  }
}
