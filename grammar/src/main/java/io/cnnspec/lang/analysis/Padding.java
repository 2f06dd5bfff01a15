package io.cnnspec.lang.analysis;

/** How a window layer pads its input. */
public sealed interface Padding {

  /** TensorFlow's "same": the output is ceil(n / s), whatever the kernel. */
  record Same() implements Padding {}

  /**
   * Explicit padding of {@code height} pixels above and below and {@code width} left and right
   * ({@code p1x0}; {@code p1} is 1 on every side); 0 is "valid".
   */
  record Explicit(int height, int width) implements Padding {

    public Explicit(int pixels) {
      this(pixels, pixels);
    }
  }

  Padding SAME = new Same();
  Padding VALID = new Explicit(0);

  /** The padding along the height (or width): the same padding, or the height's (width's) pixels on both axes. */
  default Padding along(boolean height) {
    return this instanceof Explicit e ? new Explicit(height ? e.height() : e.width()) : this;
  }
}
