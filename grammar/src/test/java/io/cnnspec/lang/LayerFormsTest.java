package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every layer form of docs/language.md's tables on a known input: output shape, params, MACs, stored values. */
class LayerFormsTest {

  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource(delimiter = ';', value = {
      // input; layer; output; params; non-trainable; MACs; activations
      "32x32x3; conv3-16; 32x32x16; 448; 0; 442368; 16384",
      "32x32x3; conv3-16 nobias; 32x32x16; 432; 0; 442368; 16384",
      "32x32x3; conv3-16/2; 16x16x16; 448; 0; 110592; 4096",
      "32x32x3; conv3-16 valid; 30x30x16; 448; 0; 388800; 14400",
      "32x32x3; conv3-16 p2; 34x34x16; 448; 0; 499392; 18496",
      "32x32x3; conv3-16 d2; 32x32x16; 448; 0; 442368; 16384",
      "32x32x3; conv3-16 d2 valid; 28x28x16; 448; 0; 338688; 12544",
      "32x32x4; conv3-16 g2; 32x32x16; 304; 0; 294912; 16384",
      "32x32x3; conv1x7-16; 32x32x16; 352; 0; 344064; 16384",
      "32x32x3; conv7x1-16 valid; 26x32x16; 352; 0; 279552; 13312",
      "224x224x3; conv11-96/4 valid; 54x54x96; 34944; 0; 101616768; 279936",
      "32x32x8; dwconv3; 32x32x8; 80; 0; 73728; 8192",
      "32x32x8; dwconv3/2 nobias; 16x16x8; 72; 0; 18432; 2048",
      "32x32x8; dwconv3-16; 32x32x16; 160; 0; 147456; 16384",
      "32x32x8; sepconv3-16; 32x32x16; 216; 0; 204800; 16384",
      "32x32x8; sepconv3-16 nobias; 32x32x16; 200; 0; 204800; 16384",
      "16x16x8; deconv4-4/2 p1; 32x32x4; 516; 0; 131072; 4096",
      "16x16x8; deconv2-4/2; 32x32x4; 132; 0; 32768; 4096",
      "16x16x8; deconv3-4/2 same; 32x32x4; 292; 0; 73728; 4096",
      "7x7x512; fc4096; 4096; 102764544; 0; 102760448; 4096",
      "7x7x512; fc-4096; 4096; 102764544; 0; 102760448; 4096",
      "7x7x512; FC-4096; 4096; 102764544; 0; 102760448; 4096",
      "100; fc10 nobias; 10; 1000; 0; 1000; 10",
      "32x32x8; maxpool; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; pool; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; maxpool3/2; 15x15x8; 0; 0; 0; 1800",
      "32x32x8; maxpool3/2 ceil; 16x16x8; 0; 0; 0; 2048",
      // ceil mode on an input smaller than the window: PyTorch 1.13 gives one output (issue 12)
      "2x2x8; maxpool3/2 ceil; 1x1x8; 0; 0; 0; 8",
      "2x2x8; avgpool3/2 ceil; 1x1x8; 0; 0; 0; 8",
      "1x1x8; maxpool2/2 ceil; 1x1x8; 0; 0; 0; 8",
      "3x3x8; maxpool4/3 ceil; 1x1x8; 0; 0; 0; 8",
      // per-axis windows stride by their window per axis; PyTorch 1.13 MaxPool2d((1,2)), ((2,3)) (issue 12)
      "32x32x8; maxpool1x2; 32x16x8; 0; 0; 0; 4096",
      "32x32x8; maxpool2x3; 16x10x8; 0; 0; 0; 1280",
      // per-axis strides and paddings, height then width: MaxPool2d(2, stride=(2,1)),
      // Conv2d(8, 64, 3, stride=(2,1), padding=1), Conv2d(3, 16, 3, padding=(1,0)),
      // MaxPool2d(3, stride=(2,1), padding=(1,0)), ConvTranspose2d(8, 4, 4, stride=(2,1), padding=(1,0))
      "32x32x8; maxpool2/2x1; 16x31x8; 0; 0; 0; 3968",
      "32x32x8; conv3-64/2x1 p1; 16x32x64; 4672; 0; 2359296; 32768",
      "32x32x8; conv3-64/2x1; 16x32x64; 4672; 0; 2359296; 32768",
      "32x32x3; conv3-16 p1x0; 32x30x16; 448; 0; 414720; 15360",
      "32x32x8; maxpool3/2x1 p1x0; 16x30x8; 0; 0; 0; 3840",
      "16x16x8; deconv4-4/2x1 p1x0; 32x19x4; 516; 0; 131072; 2432",
      "32x32x8; maxpool3/2 p1; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; maxpool3/2 same; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; maxpool3; 10x10x8; 0; 0; 0; 800",
      "32x32x8; avgpool2; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; avgpool; 16x16x8; 0; 0; 0; 2048",
      "32x32x8; gap; 1x1x8; 0; 0; 0; 8",
      "32x32x8; gmp; 1x1x8; 0; 0; 0; 8",
      "13x13x256; adaptiveavgpool6; 6x6x256; 0; 0; 0; 9216",
      "13x13x256; adaptiveavgpool6x3; 6x3x256; 0; 0; 0; 4608",
      "13x13x256; adaptivemaxpool1; 1x1x256; 0; 0; 0; 256",
      "32x32x8; bn; 32x32x8; 16; 16; 0; 8192",
      "32x32x8; batchnorm; 32x32x8; 16; 16; 0; 8192",
      "100; bn; 100; 200; 200; 0; 100",
      "32x32x8; ln; 32x32x8; 16; 0; 0; 8192",
      "32x32x8; gn4; 32x32x8; 16; 0; 0; 8192",
      "32x32x8; scale; 32x32x8; 8; 0; 0; 8192",
      "16x16x8; upsample2; 32x32x8; 0; 0; 0; 8192",
      "16x16x8; upsample2 bilinear; 32x32x8; 0; 0; 0; 8192",
      "16x16x8; zeropad1; 18x18x8; 0; 0; 0; 2592",
      "32x32x8; prelu; 32x32x8; 8; 0; 0; 0",
      "32x32x8; relu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; relu6; 32x32x8; 0; 0; 0; 0",
      "32x32x8; lrelu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; lrelu0.1; 32x32x8; 0; 0; 0; 0",
      "32x32x8; sigmoid; 32x32x8; 0; 0; 0; 0",
      "32x32x8; tanh; 32x32x8; 0; 0; 0; 0",
      "32x32x8; silu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; swish; 32x32x8; 0; 0; 0; 0",
      "32x32x8; hswish; 32x32x8; 0; 0; 0; 0",
      "32x32x8; hsigmoid; 32x32x8; 0; 0; 0; 0",
      "32x32x8; gelu; 32x32x8; 0; 0; 0; 0",
      "10; softmax; 10; 0; 0; 0; 0",
      "10; soft-max; 10; 0; 0; 0; 0",
      "32x32x8; lrn; 32x32x8; 0; 0; 0; 8192",
      "32x32x8; dropout; 32x32x8; 0; 0; 0; 0",
      "32x32x8; dropout0.5; 32x32x8; 0; 0; 0; 0",
      "32x32x8; flatten; 8192; 0; 0; 0; 0",
      "32x32x8; id; 32x32x8; 0; 0; 0; 0",
      // figures below from PyTorch 1.13 (sum(p.numel()), MACs by forward hooks) and Keras's docs
      "32x32x8; elu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; selu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; celu; 32x32x8; 0; 0; 0; 0",
      "32x32x8; mish; 32x32x8; 0; 0; 0; 0",
      "32x32x8; softplus; 32x32x8; 0; 0; 0; 0",
      "32x32x8; hardtanh; 32x32x8; 0; 0; 0; 0",
      "10; logsoftmax; 10; 0; 0; 0; 0",
      "32x32x8; stochasticdepth; 32x32x8; 0; 0; 0; 0",
      "32x32x8; stochasticdepth0.2; 32x32x8; 0; 0; 0; 0",
      "32x32x8; instancenorm; 32x32x8; 0; 0; 0; 8192",
      "32x32x8; instancenorm affine; 32x32x8; 16; 0; 0; 8192",
      "10x10x18; pixelshuffle3; 30x30x2; 0; 0; 0; 1800",
      "8x8x4; deconv3-4/2 outpad1; 18x18x4; 148; 0; 9216; 1296",
      "224x224x3; sepconv3-4 valid dm2; 222x222x4; 82; 0; 3844152; 197136",
      "32x32x8; dwconv3 dm2; 32x32x16; 160; 0; 147456; 16384",
      "16x16x16; padchannels-32; 16x16x32; 0; 0; 0; 8192",
      "16x16x16; padchannels-16; 16x16x16; 0; 0; 0; 4096",
      "65x65x21; resize520 bilinear; 520x520x21; 0; 0; 0; 5678400",
      "13x13x8; resize20x30; 20x30x8; 0; 0; 0; 4800",
      "568x568x64; crop392; 392x392x64; 0; 0; 0; 9834496",
      "9x8x2; crop3x4; 3x4x2; 0; 0; 0; 24",
      "28x28x240; channelshuffle3; 28x28x240; 0; 0; 0; 188160"})
  void layer(String input, String layer, String output, long params, long nonTrainable, long macs, long activations) {
    NetworkInfo net = Specs.inline(input, layer);
    assertEquals(1, net.layers().size(), "rows");
    LayerInfo row = net.layers().get(0);
    assertEquals(output, row.output().toString(), "output");
    assertEquals(params, row.params(), "params");
    assertEquals(nonTrainable, row.nonTrainableParams(), "non-trainable");
    assertEquals(macs, row.macs(), "MACs");
    assertEquals(activations, row.activations(), "stored activations");
  }

  @ParameterizedTest(name = "TF same padding: {1} on {0}")
  @CsvSource(delimiter = ';', value = {
      "224x224x3; conv7-64/2; 112x112x64",
      "225x225x3; conv3-8/2; 113x113x8",
      "5x5x1; conv4-1/3; 2x2x1",
      "7x7x1; conv2-1; 7x7x1"})
  void samePaddingIsTheTensorFlowRule(String input, String layer, String output) {
    assertEquals(output, Specs.inline(input, layer).output().toString());
  }

  @ParameterizedTest(name = "ceil mode: {1} on {0}")
  @CsvSource(delimiter = ';', value = {
      "112x112x64; maxpool3/2 ceil; 56x56x64",
      "56x56x192; maxpool3/2 ceil; 28x28x192",
      "14x14x1; maxpool2/2 ceil; 7x7x1",
      "13x13x1; maxpool2/2 ceil; 7x7x1",
      "6x6x1; maxpool3/3 p1 ceil; 3x3x1",
      "5x5x1; maxpool2/2 p1 ceil; 3x3x1"})
  void ceilModeIsPyTorchs(String input, String layer, String output) {
    assertEquals(output, Specs.inline(input, layer).output().toString());
  }

  @Test
  void optionNobiasSparesFullyConnectedLayers() {
    NetworkInfo net = Specs.inline("8x8x4", "option nobias conv3-8 dwconv3 sepconv3-8 deconv2-8/2 conv1-8 bias fc10");
    assertEquals(3 * 3 * 4 * 8, net.layers().get(0).params());
    assertEquals(3 * 3 * 8, net.layers().get(1).params());
    assertEquals(3 * 3 * 8 + 8 * 8, net.layers().get(2).params());
    assertEquals(2 * 2 * 8 * 8, net.layers().get(3).params());
    assertEquals(8 * 8 + 8, net.layers().get(4).params());
    assertEquals(16 * 16 * 8 * 10 + 10, net.layers().get(5).params());
  }

  @Test
  void activationsCountTheInputAndStoredOutputsOnly() {
    NetworkInfo net = Specs.inline("4x4x2", "conv3-2 relu dropout id flatten fc3 softmax");
    assertEquals(32 + 32 + 3, net.activations());
  }

  @Test
  void receptiveFieldGrowsWithKernelDilationAndStride() {
    NetworkInfo net = Specs.inline("64x64x3", "conv3-8 conv3-8/2 conv3-8 d2 maxpool2");
    assertEquals(3, net.layer("conv1").receptiveField());
    assertEquals(5, net.layer("conv2").receptiveField());
    assertEquals(2.0, net.layer("conv2").jump());
    assertEquals(5 + 2 * 2 * 2, net.layer("conv3").receptiveField());
    assertEquals(13 + 2, net.layer("pool1").receptiveField());
    assertEquals(4.0, net.layer("pool1").jump());
  }

  @Test
  void upsamplingMakesTheJumpFractional() {
    NetworkInfo net = Specs.inline("32x32x3", "conv3-8/2 upsample2 conv3-8");
    assertEquals(1.0, net.layer("upsample1").jump());
    assertEquals(5, net.layer("conv2").receptiveField());
  }

  @Test
  void theFirstFcAfterAFlattenSeesTheWholeMap() {
    NetworkInfo direct = Specs.inline("8x8x3", "conv3-8 fc10 fc5");
    NetworkInfo flattened = Specs.inline("8x8x3", "conv3-8 flatten dropout fc10 fc5");
    assertEquals(3, flattened.layer("flatten1").receptiveField());
    assertEquals(10, direct.layer("fc1").receptiveField());
    assertEquals(10, flattened.layer("fc1").receptiveField());
    assertEquals(10, flattened.layer("fc2").receptiveField());
  }

  @Test
  void aGluedPairIsPerAxisAndASpacedXnRepeats() {
    // glued to a stride, xN is the stride's width (the CRNN pool: 2 high, 1 wide) ...
    NetworkInfo glued = Specs.inline("32x32x8", "maxpool2/2x1");
    assertEquals(1, glued.layers().size());
    assertEquals("16x31x8", glued.output().toString());
    // ... and after a space it is a repetition, as after every layer
    NetworkInfo spaced = Specs.inline("32x32x8", "maxpool2/2 x2");
    assertEquals(2, spaced.layers().size());
    assertEquals("8x8x8", spaced.output().toString());
    // a per-axis stride and a repetition together
    NetworkInfo both = Specs.inline("32x32x8", "conv3-64/2x1x2");
    assertEquals(2, both.layers().size());
    assertEquals("8x32x64", both.output().toString());
    assertEquals("conv3-64/2x1", both.layers().get(0).spec());
    // glued to a padding modifier, xN is its width; after a space, a repetition
    assertEquals("32x30x16", Specs.inline("32x32x3", "conv3-16 p1x0").output().toString());
    assertEquals(2, Specs.inline("32x32x3", "conv3-16 p1 x2").layers().size());
  }

  @Test
  void aRepetitionGluedToAnyWordRepeatsIt() {
    // conv3-64x2 always repeated; relux2, fc10x2 and dropout0.5x2 were refused (issue 12)
    assertEquals(List.of("relu", "relu"), kinds(Specs.inline("8x8x3", "relux2")));
    assertEquals(List.of("fc", "fc"), kinds(Specs.inline("100", "fc10x2")));
    assertEquals(List.of("dropout", "dropout"), kinds(Specs.inline("100", "dropout0.5x2")));
    assertEquals(List.of("maxpool", "maxpool"), kinds(Specs.inline("8x8x3", "maxpoolx2")));
    // a kernel is a pair; a third number is a repetition, which must then come last
    assertEquals(List.of("conv", "conv"), kinds(Specs.inline("8x8x3", "conv3x1-4x2 valid")));
    var late = Specs.onlyError("network N : 8x8x3\n  conv3x1x2-4/2 valid\n");
    assertEquals("repetition-not-last", late.code());
    assertEquals("write the repetition last: conv3x1-4/2 x2", late.hint());
    assertEquals("repeated-twice", Specs.onlyError("network N : 8x8x3\n  relux2 x3\n").code());
    // so a def may not take such a name (it would be read as the word repeated) ...
    assertEquals("def-shadows-word", Specs.errors("network N : 8x8x3\n  def relux2 { conv3-8 }\n  relu\n").get(0).code());
    // ... and a hint is valid text: rleu2 was "did you mean relu2?", itself unknown
    assertEquals("did you mean relu?", Specs.onlyError("network N : 8x8x3\n  rleu2\n").hint());
  }

  private static List<String> kinds(NetworkInfo net) {
    return net.layers().stream().map(LayerInfo::kind).toList();
  }
}
