package io.cnnspec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small specs whose figures are worked out by hand in the comments. */
final class Specs {

  /**
   * conv3-8 on 28x28x1: 3*3*1*8 + 8 = 80 params, 9*8*28*28 = 56,448 MACs, 6,272 values; maxpool to
   * 14x14x8 = 1,568 values; fc10: 1,568*10 + 10 = 15,690 params, 15,680 MACs, 10 values. Totals:
   * 15,770 params, 72,128 MACs, 784 + 6,272 + 1,568 + 10 = 8,634 activations.
   */
  static final String TINY = """
      # Tiny: a test network
      network Tiny : 28x28x1 -> 10
        conv3-8 relu maxpool
        fc10 softmax
      """;

  /** Line 3, column 16: an unknown layer word. */
  static final String BAD = """
      # Bad: a misspelt layer
      network Bad : 28x28x1 -> 10
        conv3-8 relu maxpol fc10
      """;

  /** A residual whose branches disagree: 28x28x16 against the 28x28x8 shortcut. */
  static final String MISMATCH = """
      network Mismatch : 28x28x3
        conv3-8
        res { conv3-16 }
        gap fc10
      """;

  private Specs() {}

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
