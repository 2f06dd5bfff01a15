package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.NetworkInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Common slips get a direct fix (issue 12): each is one error with its own code, at the slip, with
 * a hint whose text, put in place of the slip, compiles.
 */
class SlipsTest {

  /**
   * {@code spec} fails with exactly one error of {@code code} at {@code line:column} whose hint is
   * {@code hint}; {@code fixed}, the spec as the hint says to write it, compiles.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `network N : 32x32x3\\nconv3-64 x 2 maxpool`      | repetition-apart       | 2 | 10 | write conv3-64x2                | `network N : 32x32x3\\nconv3-64x2 maxpool`
      `network N : 32x32x3\\nconv3-64 relu x 3`         | repetition-apart       | 2 | 15 | write relu x3                   | `network N : 32x32x3\\nconv3-64 relu x3`
      `network N : 32x32x3\\n(conv3-8 relu) x 2`        | repetition-apart       | 2 | 16 | write (conv3-8 relu) x2         | `network N : 32x32x3\\n(conv3-8 relu) x2`
      `network N : 32x32x3\\nfc 4096`                   | number-apart           | 2 | 1  | write fc4096                    | `network N : 32x32x3\\nfc4096`
      `network N : 32x32x3\\nfc10 dropout 0.5`          | number-apart           | 2 | 6  | write dropout0.5                | `network N : 32x32x3\\nfc10 dropout0.5`
      `network N : 32x32x3\\nconv3 64`                  | number-apart           | 2 | 1  | write conv3-64                  | `network N : 32x32x3\\nconv3-64`
      `network N : 32x32x3\\nconv3-8 p 1`               | number-apart           | 2 | 9  | write p1                        | `network N : 32x32x3\\nconv3-8 p1`
      `network N : 224x224\\nconv3-64`                  | input-needs-channels   | 1 | 13 | write 224x224x3 for a colour image, or 224x224x1 for a grey one | `network N : 224x224x3\\nconv3-64`
      `network N : 28x28 -> 10\\nfc10`                  | input-needs-channels   | 1 | 13 | write 28x28x3 for a colour image, or 28x28x1 for a grey one     | `network N : 28x28x1 -> 10\\nfc10`
      `network N : 32x32x3\\nconv3-64\\nexpect params 1792` | statement-after-layers | 3 | 1 | move the expect line above the first layer | `network N : 32x32x3\\nexpect params 1792\\nconv3-64`
      `network N : 32x32x3\\nconv3-64\\noption nobias`   | statement-after-layers | 3 | 1  | move the option line above the first layer | `network N : 32x32x3\\noption nobias\\nconv3-64`
      `network N : 32x32x3\\nmaxpool(conv3-64) x2`      | layer-not-def          | 2 | 1  | layers are written in the order they run, not nested as calls: write (conv3-64 maxpool) x2 | `network N : 32x32x3\\n(conv3-64 maxpool) x2`
      `network N : 32x32x3\\nmaxpool(3)`                | layer-not-def          | 2 | 1  | a layer's number is glued to its word: write maxpool3 | `network N : 32x32x3\\nmaxpool3`
      `network N : 32x32x3\\nconv3_64`                  | unknown-layer          | 2 | 1  | write conv3-64                  | `network N : 32x32x3\\nconv3-64`
      `network N : 32x32x3\\nconv3-64 stride2`          | unknown-layer          | 2 | 10 | write conv3-64/2: the stride follows a slash | `network N : 32x32x3\\nconv3-64/2`
      `network N : 32x32x3\\nconv3-64 p1 stride2`       | unknown-layer          | 2 | 13 | write conv3-64/2 p1: the stride follows a slash | `network N : 32x32x3\\nconv3-64/2 p1`
      `network N : 32x32x3\\nmaxpool3 stride2`          | unknown-layer          | 2 | 10 | write maxpool3/2: the stride follows a slash | `network N : 32x32x3\\nmaxpool3/2`
      `network N : 32x32x3\\nconv3-64 stride 2`         | number-apart           | 2 | 10 | write the stride after a slash on that layer, e.g. conv3-64/2 | `network N : 32x32x3\\nconv3-64/2`
      `network N : 32x32x3\\nconcat { id | conv3-8 }`   | unknown-branch-kind    | 2 | 1  | write cat { ... }               | `network N : 32x32x3\\ncat { id | conv3-8 }`
      `network N : 32x32x3\\nsum { id | conv3-3 }`      | unknown-branch-kind    | 2 | 1  | write add { ... }               | `network N : 32x32x3\\nadd { id | conv3-3 }`
      `network T : 32x32x8\\n  adaptiveavgpool\\n` | missing-number | 2 | 3 | write it after the word, e.g. adaptiveavgpool7 | `network T : 32x32x8\\n  adaptiveavgpool7\\n`
      `network T : 32x32x8\\n  adaptivemaxpool\\n` | missing-number | 2 | 3 | write it after the word, e.g. adaptivemaxpool7 | `network T : 32x32x8\\n  adaptivemaxpool7\\n`
      `network T : 32x32x8\\n  upsample\\n` | missing-number | 2 | 3 | write it after the word, e.g. upsample2 | `network T : 32x32x8\\n  upsample2\\n`
      `network T : 32x32x8\\n  channelshuffle\\n` | missing-number | 2 | 3 | write it after the word, e.g. channelshuffle2 | `network T : 32x32x8\\n  channelshuffle2\\n`
      `network T : 32x32x8\\n  pixelshuffle\\n` | missing-number | 2 | 3 | write it after the word, e.g. pixelshuffle2 | `network T : 32x32x8\\n  pixelshuffle2\\n`
      `network T : 32x32x8\\n  gn\\n` | missing-number | 2 | 3 | write it after the word, e.g. gn2 | `network T : 32x32x8\\n  gn2\\n`
      `network T : 32x32x8\\n  zeropad\\n` | missing-number | 2 | 3 | write it after the word, e.g. zeropad1 | `network T : 32x32x8\\n  zeropad1\\n`
      `network T : 32x32x8\\n  AdaptiveAvgPool\\n` | missing-number | 2 | 3 | write it after the word, e.g. adaptiveavgpool7 | `network T : 32x32x8\\n  adaptiveavgpool7\\n`
      `network T : 32x32x8\\n  Conv2d\\n` | unknown-layer | 2 | 3 | did you mean conv3-64? | `network T : 32x32x8\\n  conv3-64\\n`
      `network T : 32x32x8\\n  conv3d\\n` | unknown-layer | 2 | 3 | did you mean conv3-64? | `network T : 32x32x8\\n  conv3-64\\n`
      `network T : 32x32x8\\n  convv\\n` | unknown-layer | 2 | 3 | did you mean conv3-64? | `network T : 32x32x8\\n  conv3-64\\n`
      `network T : 32x32x8\\n  sepconvv\\n` | unknown-layer | 2 | 3 | did you mean sepconv3-128? | `network T : 32x32x8\\n  sepconv3-128\\n`
      `network T : 32x32x8\\n  deconvv\\n` | unknown-layer | 2 | 3 | did you mean deconv4-256/2? | `network T : 32x32x8\\n  deconv4-256/2\\n`
      `network T : 32x32x8\\n  padchanels\\n` | unknown-layer | 2 | 3 | did you mean padchannels-32? | `network T : 32x32x8\\n  padchannels-32\\n`
      `network T : 32x32x8\\n  fcc\\n` | unknown-layer | 2 | 3 | did you mean fc4096? | `network T : 32x32x8\\n  fc4096\\n`
      `network T : 32x32x8\\n  convv3-16\\n` | unknown-layer | 2 | 3 | did you mean conv3? | `network T : 32x32x8\\n  conv3-16\\n`
      `network T : 32x32x8\\n  rleu\\n`      | unknown-layer | 2 | 3 | did you mean relu? | `network T : 32x32x8\\n  relu\\n`
      `network T: 32 x 32 x 16\\n  conv3-8\\n` | shape-apart | 1 | 12 | write 32x32x16 | `network T: 32x32x16\\n  conv3-8\\n`
      `network T : 32 x 32 x 16 -> 10\\n  gap fc10\\n` | shape-apart | 1 | 13 | write 32x32x16 | `network T : 32x32x16 -> 10\\n  gap fc10\\n`
      `network T : 32x32x8\\n  conv3–8 relu\\n` | typographic-dash | 2 | 3 | write conv3-8 | `network T : 32x32x8\\n  conv3-8 relu\\n`
      `network T : 32x32x8\\n  conv3—8\\n` | typographic-dash | 2 | 3 | write conv3-8 | `network T : 32x32x8\\n  conv3-8\\n`
      `network T : 32x32x8\\n  relu@a x2\\n`       | repetition-after-name | 2 | 10 | write relu x2 @a | `network T : 32x32x8\\n  relu x2 @a\\n`
      `network T : 32x32x8\\n  conv3-8 p1 @a x2 fc10\\n` | repetition-after-name | 2 | 17 | write p1 x2 @a | `network T : 32x32x8\\n  conv3-8 p1 x2 @a fc10\\n`
      `network T : 32x32x8\\n  res { relu } @blk x2\\n` | repetition-after-name | 2 | 21 | write res { relu } x2 @blk | `network T : 32x32x8\\n  res { relu } x2 @blk\\n`
      `network T : 32x32x8\\ndef b(k) { conv{k}-8 p1 @c x2 }\\nb(3) @a x2\\n` | repetition-after-name | 2 | 28 | write p1 x2 @c | `network T : 32x32x8\\ndef b(k) { conv{k}-8 p1 x2 @c }\\nb(3) x2 @a\\n`
      `network T : 32x32x8\\ndef b(k) { conv{k}-8@c x2 }\\nb(3)\\n` | repetition-after-name | 2 | 24 | write conv{k}-8 x2 @c | `network T : 32x32x8\\ndef b(k) { conv{k}-8 x2 @c }\\nb(3)\\n`
      `network T : 32x32x8\\n  residual { relu }\\n` | unknown-branch-kind | 2 | 3 | write res { ... } | `network T : 32x32x8\\n  res { relu }\\n`
      `network T : 32x32x8\\n  Residual{relu} fc10\\n` | unknown-branch-kind | 2 | 3 | write res { ... } | `network T : 32x32x8\\n  res{relu} fc10\\n`
      `network T : 32x32x8\\n  se { gap }\\n`       | unknown-branch-kind | 2 | 3 | write mul { ... } | `network T : 32x32x8\\n  mul { gap }\\n`
      `network T : 32x32x8\\n  se { id | gap }\\n`  | unknown-branch-kind | 2 | 3 | write mul { ... } | `network T : 32x32x8\\n  mul { id | gap }\\n`
      `network T : 32x32x8\\n  concat { relu }\\n`  | unknown-branch-kind | 2 | 3 | write cat { ... } | `network T : 32x32x8\\n  cat { relu }\\n`
      `network T : 8x6x4\\n  cat { crop | crop }\\n` | crop-without-target | 2 | 9 | remove the crop from the branch whose size the others should take, or give the size, here at most the map's 8x6: crop6 or crop8x6 | `network T : 8x6x4\\n  cat { crop6 | crop }\\n`
      `network V : 784 -> 10\\n  conv3-8 relu fc10\\n` | vector-input | 2 | 3 | write the input as 28x28x1 (HxWxC) | `network V : 28x28x1 -> 10\\n  conv3-8 relu fc10\\n`
      `network V : 3072 -> 10\\n  conv3-8 relu fc10\\n` | vector-input | 2 | 3 | write the input as 32x32x3 (HxWxC) | `network V : 32x32x3 -> 10\\n  conv3-8 relu fc10\\n`
      `network V : 784\\n  relu maxpool fc10\\n` | vector-input | 2 | 8 | write the input as 28x28x1 (HxWxC) | `network V : 28x28x1\\n  relu maxpool fc10\\n`
      `network N : 32x32x3\\nconv3-64 s2`               | unknown-layer          | 2 | 10 | write conv3-64/2: the stride follows a slash | `network N : 32x32x3\\nconv3-64/2`
      `network N : 32x32x3\\nmaxpool3 strides2`         | unknown-layer          | 2 | 10 | write maxpool3/2: the stride follows a slash | `network N : 32x32x3\\nmaxpool3/2`
      `network N : 32x32x4\\nconv3-64 p1 groups2`       | unknown-layer          | 2 | 13 | write conv3-64 p1 g2: groups are the modifier gN | `network N : 32x32x4\\nconv3-64 p1 g2`
      `network N : 32x32x3\\nconv3-64 groups2`          | unknown-layer          | 2 | 10 | write g2 after the conv it belongs to, e.g. conv3-64 g2 | `network N : 32x32x4\\nconv3-64 g2`
      `network N : 32x32x3\\ngap dense10`               | unknown-layer          | 2 | 5  | write fc10                      | `network N : 32x32x3\\ngap fc10`
      `network N : 32x32x3\\nflatten Linear`            | unknown-layer          | 2 | 9  | write fc4096                    | `network N : 32x32x3\\nflatten fc4096`
      `network N : 32x32x3\\nglobalavgpool fc10`        | unknown-layer          | 2 | 1  | write gap                       | `network N : 32x32x3\\ngap fc10`
      `network N : 32x32x3\\nGlobalMaxPool fc10`        | unknown-layer          | 2 | 1  | write gmp                       | `network N : 32x32x3\\ngmp fc10`
      `network N : 32x32x3\\nGlobalAveragePooling2D fc10` | unknown-layer        | 2 | 1  | write gap                       | `network N : 32x32x3\\ngap fc10`
      `network T : 32x32x8\\n  fcc10\\n`                 | unknown-layer          | 2 | 3  | did you mean fc10?              | `network T : 32x32x8\\n  fc10\\n`
      `network N : 32x32x3\\nconv3-64 padding=1`        | keyword-argument       | 2 | 10 | write conv3-64 p1               | `network N : 32x32x3\\nconv3-64 p1`
      `network N : 32x32x3\\nconv3-64 padding=valid`    | keyword-argument       | 2 | 10 | write conv3-64 valid            | `network N : 32x32x3\\nconv3-64 valid`
      `network N : 32x32x3\\nconv3-64 stride=2 relu`    | keyword-argument       | 2 | 10 | write conv3-64/2                | `network N : 32x32x3\\nconv3-64/2 relu`
      `network N : 32x32x3\\nconv3-64 p1 strides=2`     | keyword-argument       | 2 | 13 | write conv3-64/2 p1             | `network N : 32x32x3\\nconv3-64/2 p1`
      `network N : 32x32x3\\nconv3-64 bias=False`       | keyword-argument       | 2 | 10 | write conv3-64 nobias           | `network N : 32x32x3\\nconv3-64 nobias`
      `network N : 32x32x3\\nconv3-64 p1 bias=False`    | keyword-argument       | 2 | 13 | write conv3-64 p1 nobias        | `network N : 32x32x3\\nconv3-64 p1 nobias`
      `network N : 32x32x3\\ngap fc10 use_bias=False`   | keyword-argument       | 2 | 10 | write fc10 nobias               | `network N : 32x32x3\\ngap fc10 nobias`
      `network N : 32x32x4\\nconv3-64 groups=2`         | keyword-argument       | 2 | 10 | write conv3-64 g2               | `network N : 32x32x4\\nconv3-64 g2`
      `network N : 32x32x3\\nrelu padding=1`            | keyword-argument       | 2 | 6  | write p1 after the layer it belongs to, e.g. conv3-64 p1 | `network N : 32x32x3\\nconv3-64 p1`
      `network N : 32x32x3\\nconv3-64 valid padding=1`  | keyword-argument       | 2 | 16 | write p1 after the layer it belongs to, e.g. conv3-64 p1 | `network N : 32x32x3\\nconv3-64 p1`
      `network N : 32x32x3\\nfc10 stride=2`             | keyword-argument       | 2 | 6  | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2 | `network N : 32x32x3\\nconv3-64/2 fc10`
      `network N : 32x32x3\\nfc10 dropout(0.5)`         | layer-not-def          | 2 | 6  | a layer's number is glued to its word: write dropout0.5 | `network N : 32x32x3\\nfc10 dropout0.5`
      `network N : 32x32x3\\nConv2d(3, 64, 3) relu`     | framework-module       | 2 | 1  | write conv3-64 valid, which is this Conv2d in cnnspec | `network N : 32x32x3\\nconv3-64 valid relu`
      `network N : 32x32x3\\nConv2d(3, 64, 3, 2, 1)`    | framework-module       | 2 | 1  | write conv3-64/2 p1, which is this Conv2d in cnnspec | `network N : 32x32x3\\nconv3-64/2 p1`
      `network N : 32x32x3\\nConv2d(3, 64, 1)`          | framework-module       | 2 | 1  | write conv1-64, which is this Conv2d in cnnspec | `network N : 32x32x3\\nconv1-64`
      `network N : 32x32x3\\nConv2d(3, k)`              | framework-module       | 2 | 1  | write a conv with its kernel size and output channels, e.g. conv3-64 (cnnspec pads it by 1 unless told valid) | `network N : 32x32x3\\nconv3-64`
      `network N : 32x32x3\\ngap Linear(3, 10)`         | framework-module       | 2 | 5  | write fc10, which is this Linear in cnnspec | `network N : 32x32x3\\ngap fc10`
      `network N : 32x32x3\\nMaxPool2d(3, 2, 1)`        | framework-module       | 2 | 1  | write maxpool3/2 p1, which is this MaxPool2d in cnnspec | `network N : 32x32x3\\nmaxpool3/2 p1`
      `network N : 32x32x3\\nMaxPool2d(2)`              | framework-module       | 2 | 1  | write maxpool2, which is this MaxPool2d in cnnspec | `network N : 32x32x3\\nmaxpool2`
      `network N : 32x32x3\\nAvgPool2d(2, 1)`           | framework-module       | 2 | 1  | write avgpool2/1, which is this AvgPool2d in cnnspec | `network N : 32x32x3\\navgpool2/1`
      `network N : 32x32x3\\nConv2d(3, 64, kernel_size=3, padding=1)` | framework-module | 2 | 1 | write conv3-64 p1, which is this Conv2d in cnnspec | `network N : 32x32x3\\nconv3-64 p1`
      `network N : 32x32x3\\nConv2d(in_channels=3, out_channels=8, kernel_size=3, stride=2)` | framework-module | 2 | 1 | write conv3-8/2 valid, which is this Conv2d in cnnspec | `network N : 32x32x3\\nconv3-8/2 valid`
      `network N : 32x32x3\\nConv2d(3, 64, 3, bias=False)` | framework-module | 2 | 1 | write a conv with its kernel size and output channels, e.g. conv3-64 (cnnspec pads it by 1 unless told valid) | `network N : 32x32x3\\nconv3-64`
      `network N : 32x32x3\\nMaxPool2d(kernel_size=3, stride=2)` | framework-module | 2 | 1 | write maxpool3/2, which is this MaxPool2d in cnnspec | `network N : 32x32x3\\nmaxpool3/2`
      `network N : 32x32x3\\ngap Linear(in_features=3, out_features=10)` | framework-module | 2 | 5 | write fc10, which is this Linear in cnnspec | `network N : 32x32x3\\ngap fc10`
      `network N : 32x32x3\\nfc10 Dropout(p=0.5)`       | keyword-argument       | 2 | 6  | write dropout0.5                | `network N : 32x32x3\\nfc10 dropout0.5`
      `network N : 32x32x3\\nfc10 Dropout(0.5)`         | layer-not-def          | 2 | 6  | a layer's number is glued to its word: write dropout0.5 | `network N : 32x32x3\\nfc10 dropout0.5`
      `network N : 32x32x3\\nconv3-64 s0`               | unknown-layer          | 2 | 10 | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2 | `network N : 32x32x3\\nconv3-64/2`
      `network N : 32x32x4\\nconv3-64 groups1`          | unknown-layer          | 2 | 10 | write the groups as the modifier gN after the conv they belong to, e.g. conv3-64 g2 | `network N : 32x32x4\\nconv3-64 g2`
      `network N : 32x32x3\\nconv3-64 stride=0`         | syntax                 | 2 | 16 | expected the end of the spec here | `network N : 32x32x3\\nconv3-64/2`
      `network N : 32x32x3\\nBatchNorm2d(3)`            | framework-module       | 2 | 1  | write bn: its channels come from the layer before | `network N : 32x32x3\\nbn`
      `network N : 32x32x3\\nconv3-8 ReLU()`            | layer-not-def          | 2 | 9  | a layer takes no parentheses: write relu | `network N : 32x32x3\\nconv3-8 relu`
      `network T : 8x8x4\\n  fc10 add { id | resize }\\n` | spatial-after-flatten | 2 | 19 | a resize needs a map (HxWxC): place it where its branch begins at one, before flatten or fc | `network T : 8x8x4\\n  add { id | resize } fc10\\n`
      """)
  void slipGetsItsFix(String spec, String code, int line, int column, String hint, String fixed) {
    Diagnostic d = Specs.onlyError(spec.replace("\\n", "\n"));
    assertEquals(code, d.code(), d.format());
    assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.format());
    assertEquals(hint, d.hint(), d.format());
    NetworkInfo network = Specs.compile(fixed.replace("\\n", "\n"));
    assertTrue(network.layers().size() > 0);
  }

  /**
   * A stride written as a word of its own is rewritten onto the layer before it only when that is
   * one plain convolution or pooling row of the same sequence without a stride; otherwise the hint
   * is the general one.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `(conv3-64 stride2)`                | write conv3-64/2: the stride follows a slash
      `conv3-8 (maxpool2 stride2)`        | write maxpool2/2: the stride follows a slash
      `conv3-64 x2 stride2`               | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      `conv3-64 (stride2)`                | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      `(conv3-64) stride2`                | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      `conv3-64 relu stride2`             | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      `conv3-64/2 stride2`                | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      `def b { conv3-64 }\\nb stride2`     | write the stride after a slash on the layer it belongs to, e.g. conv3-64/2
      """)
  void aStrideWordIsMovedOntoThePlainLayerJustBeforeIt(String layers, String hint) {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n" + layers.replace("\\n", "\n") + "\n");
    assertEquals("unknown-layer", d.code(), d.format());
    assertEquals(hint, d.hint(), d.format());
  }

  /** A bare crop outside a merge is offered a size no larger than its map, which compiles there. */
  @ParameterizedTest
  @CsvSource({"8x8x4, crop8, crop8", "8x6x4, crop6 or crop8x6, crop8x6"})
  void aBareCropOutsideAMergeIsOfferedTheMapsSize(String input, String sizes, String fixed) {
    Diagnostic d = Specs.onlyError("network T : " + input + "\n  crop\n");
    assertEquals("crop-without-merge", d.code(), d.format());
    assertEquals("2:3", d.line() + ":" + d.column());
    String shape = input.substring(0, input.lastIndexOf('x'));
    assertEquals("move it to the end of that branch, e.g. cat { crop | ... }, or give the size, here at most the map's "
        + shape + ": " + sizes, d.hint());
    Specs.compile("network T : " + input + "\n  " + fixed + "\n");
    Specs.compile("network T : " + input + "\n  " + sizes.split(" ")[0] + "\n");
  }

  /**
   * One layer word in braces after a word that takes a number ({@code resize { id }}) is no number
   * either, so it is the branch-kind slip too; a def's parameter in braces stays a number.
   */
  @org.junit.jupiter.api.Test
  void aLayerWordInBracesIsABranchEvenAfterAWordThatTakesANumber() {
    Diagnostic d = Specs.onlyError("network T : 32x32x8\n  resize { id }\n");
    assertEquals("unknown-branch-kind", d.code(), d.format());
    assertEquals("2:3", d.line() + ":" + d.column());
    assertEquals("'resize' is not a branch kind", d.title());
    Diagnostic unknownName = Specs.onlyError("network T : 32x32x8\n  conv{k}-8\n");
    assertEquals("unknown-name", unknownName.code(), unknownName.format());
    assertEquals("32x32x8", Specs.compile("network T : 32x32x8\ndef b(k) { conv{k}-8 p1 }\nb(3)\n").output().toString());
  }

  @ParameterizedTest
  @CsvSource({"split", "channelsplit", "Split"})
  void aChannelSplitWordIsNotABranchKindAndTheKindsAreListed(String word) {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n" + word + " { id | conv3-8 }\n");
    assertEquals("unknown-branch-kind", d.code());
    assertEquals("2:1", d.line() + ":" + d.column());
    assertEquals("'" + word + "' is not a branch kind", d.title());
    // the kinds come from the parser's one list, so a kind added there is listed here
    String kinds = String.join(", ", java.util.Arrays.stream(io.cnnspec.lang.syntax.Element.BranchKind.values())
        .map(k -> k.keyword() + " { ... }").toList());
    assertEquals("branches are written " + kinds, d.detail());
    assertEquals("write chunk { ... }", d.hint());
    // the hint compiles
    Specs.compile("network N : 32x32x4\nchunk { id | conv3-2 }\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "conv{k | 3}",          // a word that takes a number: a plain syntax error inside its braces
      "conv3-64 x",           // x with nothing after it
      "Dropout(p=",           // a keyword with no value: nothing to glue
      "conv3-64 bias=0",      // neither True nor False
      "conv3-64 padding=",    // no value
  })
  void whatIsNoSlipStaysAPlainSyntaxError(String layers) {
    Diagnostic d = Specs.errors("network N : 32x32x3\n" + layers + "\n").get(0);
    assertEquals("syntax", d.code(), d.format());
  }

  /** A number too large for 64 bits in a module call is reported, and the hint takes it for no 1. */
  @org.junit.jupiter.api.Test
  void aModuleCallWithANumberTooLargeGetsTheExample() {
    java.util.List<Diagnostic> errors = Specs.errors("network N : 32x32x3\nConv2d(3, 64, 99999999999999999999999)\n");
    assertEquals(java.util.List.of("number-too-large", "framework-module"), errors.stream().map(Diagnostic::code).toList());
    assertEquals("write a conv with its kernel size and output channels, e.g. conv3-64 (cnnspec pads it by 1 unless told valid)",
        errors.get(1).hint());
  }

  /**
   * A vector given apart from the spec ({@code --input 8}, an annotation's input) is the fix, so
   * the error is said there: on the input, not at a layer of a spec the user may not have written.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"784 | write the input as 28x28x1 (HxWxC)", "8 | write the input as HxWxC"})
  void aVectorInputGivenApartIsTheErrorOfTheInput(String vector, String hint) {
    // after an fc the vector is the fc's, and moving the layer is the fix, as before
    assertEquals("spatial-after-flatten", Specs.onlyError("network V : 784\n  fc128 relu maxpool\n").code());
    Compilation overridden = CnnSpec.compile(new SpecInput.File("network V : 28x28x1\n  conv3-8 relu gap\n", "v.cnn"),
        CompileOptions.DEFAULT.withInputSize(vector));
    Compilation inline = CnnSpec.compile(new SpecInput.Inline("Net", vector, "conv3-8 relu gap", "Net"), CompileOptions.DEFAULT);
    for (Compilation result : java.util.List.of(overridden, inline)) {
      assertEquals(1, result.errors().size(), result.errors().toString());
      Diagnostic d = result.errors().get(0);
      assertEquals("vector-input", d.code());
      assertEquals(Diagnostic.Part.INPUT, d.part());
      assertEquals("1:1", d.line() + ":" + d.column());
      assertEquals(hint, d.hint());
      assertEquals("the input " + vector + " is a vector of " + vector + " values, with no height and width, and conv3-8"
          + " needs a map (HxWxC)", d.detail());
    }
    // the hint, followed, compiles
    assertEquals("28x28x1", Specs.compile("network V : 28x28x1\n  conv3-8 relu gap\n").input().toString());
  }

  @org.junit.jupiter.api.Test
  void anInlineInputOfTwoNumbersIsTheSameSlip() {
    Compilation result = CnnSpec.compile(new SpecInput.Inline("Net", "224x224", "conv3-64", "Net"), CompileOptions.DEFAULT);
    Diagnostic d = result.errors().get(0);
    assertEquals(1, result.errors().size());
    assertEquals("input-needs-channels", d.code());
    assertEquals(Diagnostic.Part.INPUT, d.part());
    assertEquals("1:1", d.line() + ":" + d.column());
    assertEquals("write 224x224x3 for a colour image, or 224x224x1 for a grey one", d.hint());
  }
}
