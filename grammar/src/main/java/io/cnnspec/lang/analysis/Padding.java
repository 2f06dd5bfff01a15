package io.cnnspec.lang.analysis;

/** How a window layer pads its input. */
public sealed interface Padding {

  /** TensorFlow's "same": the output is ceil(n / s), whatever the kernel. */
  record Same() implements Padding {}

  /** Symmetric explicit padding of {@code pixels} on each side; 0 is "valid". */
  record Explicit(int pixels) implements Padding {}

  Padding SAME = new Same();
  Padding VALID = new Explicit(0);
}
