package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The channel split ({@code chunk { A | B }}), the crop to what a merge needs (a bare {@code crop}),
 * the resize to the enclosing branch's start (a bare {@code resize}) or to the network's input
 * ({@code resize input}), and SSD's {@code l2norm}. Every figure here is PyTorch's (torch 1.13,
 * torchvision 0.14): parameters by {@code sum(p.numel())}, BN statistics running mean + variance,
 * MACs of convolutions (weights x output pixels) and transposed ones (weights x input pixels).
 */
class ConstructsTest {

  private static Compilation compile(String source) {
    return CnnSpec.compile(new SpecInput.File(source, "test.cnn"), CompileOptions.DEFAULT);
  }

  // ---- chunk ----

  @Test
  void shuffleNetV2sStrideOneUnitIsTorchvisions() {
    // torchvision.models.shufflenetv2.InvertedResidual(116, 116, 1) on 1x116x28x28:
    // 7,598 params, 348 BN statistics, 5,684,000 MACs, output 1x116x28x28
    NetworkInfo n = Specs.compile("""
        network N : 28x28x116 -> 28x28x116
          chunk { id | conv1-58 nobias bn relu dwconv3 nobias bn conv1-58 nobias bn relu } channelshuffle2
        """);
    assertEquals(7_598, n.params());
    assertEquals(348, n.nonTrainableParams());
    assertEquals(5_684_000, n.macs());
    LayerInfo chunk = n.layers().get(0);
    assertEquals("chunk", chunk.kind());
    assertTrue(chunk.isMerge());
    assertEquals("28x28x116", chunk.input().toString());
    assertEquals("28x28x116", chunk.output().toString());
    assertEquals(0, chunk.params());
    assertEquals(0, chunk.macs());
    // each branch runs on its 58-channel slice
    assertEquals("28x28x58", n.layers().get(1).input().toString());
    assertEquals(1, n.layers().get(1).branch());
    assertEquals("28x28x58", n.layers().get(2).input().toString());
    assertEquals(2, n.layers().get(2).branch());
  }

  @Test
  void threeSlicesAndAnEmptyBranch() {
    // x1, x2, x3 = x.chunk(3, dim=1); cat([conv1x1(3->4)(x1), x2, conv1x1(3->2)(x3)]): 24 params, 1,152 MACs
    NetworkInfo three = Specs.inline("8x8x9", "chunk { conv1-4 | | conv1-2 }");
    assertEquals("8x8x9", three.output().toString());
    assertEquals(24, three.params());
    assertEquals(1_152, three.macs());
    assertEquals("8x8x12", Specs.inline("8x8x8", "chunk { id | conv1-8 }").output().toString());
    assertEquals("5", Specs.inline("10", "chunk { fc3 | fc2 }").output().toString());
  }

  @Test
  void aChunkThatDoesNotDivideTheChannelsIsAPositionedError() {
    Diagnostic e = Specs.onlyError("network N : 8x8x10\n  conv1-10 chunk { id | id | conv1-2 }\n");
    assertEquals("channels-do-not-divide", e.code());
    assertEquals(2, e.line());
    assertEquals(12, e.column());
    assertTrue(e.detail().contains("10 channels into 3"), e.detail());
    assertTrue(e.hint().contains("multiple of 3") && e.hint().contains("write 2 branches"), e.hint());
  }

  @Test
  void chunkIsNoLongerAMissingWordButSplitSaysHowToWriteIt() {
    Diagnostic e = Specs.onlyError("network N : 8x8x4\n  split2\n");
    assertEquals("unsupported-operation", e.code());
    assertTrue(e.hint().contains("chunk { A | B }"), e.hint());
    assertEquals("unsupported-operation", Specs.onlyError("network N : 8x8x4\n  channelsplit\n").code());
  }

  // ---- a bare crop ----

  @Test
  void uNetsCopyAndCropTakesTheSizeOfTheOtherBranch() {
    // torch: cat([x[:, :, 4:60, 4:60], up(x)]) with up = maxpool2, conv3(512->1024), relu,
    // conv3(1024->1024), relu, convtranspose2/2(1024->512) on 1x512x64x64: 16,255,488 params,
    // 13,289,652,224 MACs, output 1x1024x56x56
    Compilation c = compile("""
        network N : 64x64x512 -> 56x56x1024
          cat { crop | maxpool conv3-1024 valid relu conv3-1024 valid relu deconv2-512/2 }
        """);
    NetworkInfo n = c.networkOrThrow();
    assertEquals(16_255_488, n.params());
    assertEquals(13_289_652_224L, n.macs());
    LayerInfo crop = n.layers().get(1);
    assertEquals("crop", crop.kind());
    assertEquals("crop1", crop.name());
    assertEquals(1, crop.branch());
    assertEquals("56x56x512", crop.output().toString());
    LayerOp.Crop op = assertInstanceOf(LayerOp.Crop.class, c.ops().get(1));
    assertEquals(56, op.height());
    assertEquals(56, op.width());
  }

  @Test
  void aBareCropFitsEveryMergeKind() {
    assertEquals("8x8x4", Specs.inline("8x8x4", "add { conv3-4 | upsample2 conv3-4 crop }").output().toString());
    // the one-branch res adds the input: the crop fits the input
    assertEquals("8x8x8", Specs.inline("8x8x8", "res { upsample2 conv3-8 crop @c }").output().toString());
    assertEquals("8x8x8", Specs.inline("8x8x8", "mul { upsample2 conv1-8 sigmoid crop }").output().toString());
    assertEquals("6x6x8", Specs.inline("8x8x8", "chunk { crop | conv3-4 valid }").output().toString());
    // two crops, one target; names as written
    NetworkInfo two = Specs.inline("9x9x2", "cat { crop | conv3-2 valid | crop @c }");
    assertEquals("7x7x6", two.output().toString());
    assertEquals("c", two.layers().get(3).name());
  }

  @Test
  void aBareCropElsewhereIsAPositionedErrorWithAHint() {
    Diagnostic notLast = Specs.onlyError("network N : 8x8x4\n  cat { crop relu | conv3-4 valid }\n");
    assertEquals("crop-without-merge", notLast.code());
    assertEquals(9, notLast.column());
    assertTrue(notLast.hint().endsWith("here at most the map's 8x8: crop8"), notLast.hint());
    assertEquals("crop-without-merge", Specs.onlyError("network N : 8x8x4\n  crop\n").code());
    assertEquals("crop-without-merge", Specs.onlyError("network N : 8x8x4\n  side { conv3-4 crop }\n").code());
    assertEquals("crop-without-merge", Specs.onlyError("network N : 8x8x4\n  cat { (conv3-4 crop) | id }\n").code());
    Diagnostic all = Specs.onlyError("network N : 8x8x4\n  add { conv3-4 crop | crop }\n");
    assertEquals("crop-without-target", all.code());
    assertEquals(17, all.column());
    Diagnostic larger = Specs.onlyError("network N : 8x8x4\n  cat { crop | upsample2 }\n");
    assertEquals("crop-too-large", larger.code());
    assertEquals(9, larger.column());
    assertEquals("modifier-not-applicable", Specs.onlyError("network N : 8x8x4\n  cat { crop valid | id }\n").code());
    assertEquals("unexpected-channels", Specs.onlyError("network N : 8x8x4\n  cat { crop-4 | id }\n").code());
    assertEquals("unexpected-stride", Specs.onlyError("network N : 8x8x4\n  cat { crop/2 | id }\n").code());
    assertEquals("unexpected-stride", Specs.onlyError("network N : 8x8x4\n  cat { resize/2x1 | id }\n").code());
  }

  // ---- a bare resize and resize input ----

  @Test
  void deepLabsPoolingBranchResizesToTheStartOfItsBranch() {
    // torch: cat([interpolate(pool(x), size=x.shape[-2:], mode='bilinear'), b0(x)]) with
    // pool = AdaptiveAvgPool2d(1), conv1x1(2048->256, no bias), BN, ReLU and b0 the same conv
    // without pooling, on 1x2048x65x65: 1,049,600 params, 1,024 BN statistics, 2,215,641,088 MACs
    Compilation c = compile("""
        network N : 65x65x2048 -> 65x65x512
          cat {
            adaptiveavgpool1 conv1-256 nobias bn relu resize bilinear
          | conv1-256 nobias bn relu
          }
        """);
    NetworkInfo n = c.networkOrThrow();
    assertEquals(1_049_600, n.params());
    assertEquals(1_024, n.nonTrainableParams());
    assertEquals(2_215_641_088L, n.macs());
    LayerInfo resize = n.layers().get(5);
    assertEquals("resize bilinear", resize.spec());
    assertEquals("65x65x256", resize.output().toString());
    LayerOp.Resize op = assertInstanceOf(LayerOp.Resize.class, c.ops().get(5));
    assertEquals(65, op.height());
    assertEquals(65, op.width());
  }

  @Test
  void theNearestEnclosingBranchCountsThroughDefsAndSides() {
    NetworkInfo n = Specs.compile("""
        network N : 32x24x8
          def down { maxpool resize }
          side { conv3-4/2 down } @head
          cat { conv3-8/2 add { pool conv1-8 resize nearest | id } resize | id }
        """);
    // the side's branch began on the 32x24 input: the head ends where it started
    assertEquals("32x24x4", n.sideOutputs().get(0).shape().toString());
    assertEquals("32x24x16", n.output().toString());
  }

  @Test
  void resizeInputResizesToTheNetworksInput() {
    // torch: interpolate(conv1x1(8->21)(relu(conv3x3/2 p1(3->8)(x))), size=(500, 500), mode='bilinear')
    // on 1x3x500x500: 413 params, 24,000,000 MACs, output 1x21x500x500
    Compilation c = compile("""
        network N : 500x500x3 -> 500x500x21
          conv3-8/2 p1 relu conv1-21 resize input bilinear
        """);
    NetworkInfo n = c.networkOrThrow();
    assertEquals(413, n.params());
    assertEquals(24_000_000, n.macs());
    LayerOp.Resize op = assertInstanceOf(LayerOp.Resize.class, c.ops().get(3));
    assertEquals(500, op.height());
    assertEquals("resize input bilinear", n.layers().get(3).spec());
    assertEquals("300x200x2", Specs.inline("300x200x1", "conv3-2/4 side { resize input } resize input nearest")
        .output().toString());
  }

  @Test
  void aBareResizeOutsideAnyBranchSuggestsResizeInput() {
    Diagnostic e = Specs.onlyError("network N : 32x32x3\n  conv3-8/2 resize bilinear\n");
    assertEquals("resize-outside-branch", e.code());
    assertEquals(2, e.line());
    assertEquals(13, e.column());
    assertTrue(e.hint().contains("resize input bilinear"), e.hint());
    assertEquals("two-sizes", Specs.onlyError("network N : 8x8x3\n  resize16 input\n").code());
    assertEquals("modifier-not-applicable", Specs.onlyError("network N : 8x8x3\n  upsample2 input\n").code());
    assertEquals("conflicting-modifiers", Specs.onlyError("network N : 8x8x3\n  resize input nearest bilinear\n").code());
  }

  @Test
  void errorsInsideBranchesStillFailTheSpecOnce() {
    List<Diagnostic> errors = Specs.errors("network N : 8x8x3\n  cat { bogus crop | conv3-4 valid }\n");
    assertEquals(List.of("unknown-layer"), errors.stream().map(Diagnostic::code).toList());
  }

  // ---- l2norm ----

  @Test
  void l2normLearnsAScalePerChannel() {
    // torchvision ssd300_vgg16: scale_weight is a Parameter of shape (512,): 512 params, no MACs
    NetworkInfo n = Specs.inline("38x38x512", "l2norm");
    LayerInfo row = n.layers().get(0);
    assertEquals("l2norm", row.kind());
    assertEquals("38x38x512", row.output().toString());
    assertEquals(512, row.params());
    assertEquals(0, row.macs());
    assertEquals(38 * 38 * 512, row.activations());
  }
}
