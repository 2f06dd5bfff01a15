package io.cnnspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.export.onnx.OnnxProto.ModelProto;
import io.cnnspec.export.onnx.OnnxProto.TensorProto;
import io.cnnspec.export.onnx.OnnxProto.ValueInfoProto;
import io.cnnspec.lang.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the exporters write, read back without a framework (FrameworkCheckTest builds them for real). */
class ExportTest {

  @Test
  void sameWithStrideTwoPadsTheOddPixelAtTheBottomRightAsTensorFlow() {
    // 16 -> ceil(16/2) = 8 needs (8-1)*2 + 3 - 16 = 1 pixel: TensorFlow puts it after, PyTorch cannot
    String py = Export.pytorch(Specs.compile("network P : 16x16x3\n conv3-8/2 maxpool2/1 same", "p"));
    assertTrue(py.contains("self.conv1 = nn.Conv2d(3, 8, kernel_size=3, stride=2)"), py);
    assertTrue(py.contains("x = self.conv1(F.pad(x, (0, 1, 0, 1)))"), py);
    // max pooling pads with -inf, so a padded pixel never wins
    assertTrue(py.contains("x = self.pool1(F.pad(x, (0, 1, 0, 1), value=float('-inf')))"), py);
  }

  @Test
  void symmetricSamePaddingIsTheLayersOwn() {
    String py = Export.pytorch(Specs.compile("network P : 16x16x3\n conv3-8 conv5x3-8 nobias", "p"));
    assertTrue(py.contains("nn.Conv2d(3, 8, kernel_size=3, padding=1)"), py);
    assertTrue(py.contains("nn.Conv2d(8, 8, kernel_size=(5, 3), padding=(2, 1), bias=False)"), py);
    assertFalse(py.contains("F.pad(x"), py);
  }

  @Test
  void callsThatDifferInNumbersShareAClassWithParameters() {
    String py = Export.pytorch(Specs.compile("""
        network Calls : 8x8x4
          def block(c) { conv3-{c} bn relu }
          block(8) block(16) @last
        """, "calls"));
    assertTrue(py.contains("class Block(nn.Module):"), py);
    assertTrue(py.contains("def __init__(self, in_channels, conv1_out_channels):"), py);
    assertTrue(py.contains("self.block1 = Block(in_channels=4, conv1_out_channels=8)"), py);
    assertTrue(py.contains("self.last = Block(in_channels=8, conv1_out_channels=16)"), py);
    assertTrue(py.contains("class Calls(nn.Module):"), py);
    assertTrue(py.contains("cnnspec's totals: 1,512 params"), py);
  }

  @Test
  void callsInsideALabelledGroupOrBranchGetAnAttributeEachAndShareTheirClass() {
    String py = Export.pytorch(Specs.compile("""
        network L3 : 8x8x4
          def blk { conv3-4 relu }
          (blk blk) @g
          res { blk blk } @r
        """, "l3"));
    assertTrue(py.contains("self.g_blk1 = Blk()\n        self.g_blk2 = Blk()\n"), py);
    assertTrue(py.contains("x = self.g_blk1(x)\n        x = self.g_blk2(x)\n"), py);
    assertTrue(py.contains("self.r_blk1 = Blk()\n        self.r_blk2 = Blk()\n"), py);
    // the four calls differ only in where they stand: one class, its rows named within the call
    assertFalse(py.contains("class Blk2"), py);
    assertTrue(py.contains("self.conv1 = nn.Conv2d(4, 4, kernel_size=3, padding=1)"), py);
  }

  @Test
  void namesOfNnModuleMembersAndLeadingUnderscoresGetATrailingUnderscore() {
    String py = Export.pytorch(Specs.compile(
        "network Members : 8x8x4\n conv1-4@double relu conv1-4@_modules conv1-4@training bn@float", "m"));
    assertTrue(py.contains("self.double_ = nn.Conv2d(4, 4, kernel_size=1)"), py);
    assertTrue(py.contains("self._modules_ = nn.Conv2d"), py);
    assertTrue(py.contains("self.training_ = nn.Conv2d"), py);
    assertTrue(py.contains("self.float_ = nn.BatchNorm2d(4)"), py);
    assertEquals("__call___", PyTorchWriter.identifier("__call__"));
    assertEquals("zero_grad_", PyTorchWriter.identifier("zero_grad"));
  }

  @Test
  void namesThatDifferOnlyByDotOrUnderscoreGetDistinctAttributes() {
    String py = Export.pytorch(Specs.compile("""
        network Coll : 8x8x4
          side { side { conv1-2 } @cls conv1-3 } @box
          side { conv1-5 } @box_cls
        """, "coll"));
    assertTrue(py.contains("self.box_cls_conv1 = nn.Conv2d(4, 2, kernel_size=1)"), py);
    assertTrue(py.contains("self.box_cls_conv1_2 = nn.Conv2d(4, 5, kernel_size=1)"), py);
    assertTrue(py.contains("b3 = self.box_cls_conv1_2(x)"), py);
  }

  @Test
  void aNumberNoLineReadsIsNoConstructorParameter() {
    // as ShuffleNet's unit: the calls' in_channels differ (8, 16), but only the chunk's half is read
    String py = Export.pytorch(Specs.compile(
        "network Units : 8x8x8\n def unit { chunk { id | conv1-4 relu } }\n unit conv1-16 unit", "units"));
    assertTrue(py.contains("def __init__(self, conv1_in_channels):"), py);
    assertTrue(py.contains("self.unit1 = Unit(conv1_in_channels=4)"), py);
    assertTrue(py.contains("self.unit2 = Unit(conv1_in_channels=8)"), py);
  }

  @Test
  void aDefNamedLikeTheNetworkGetsAnotherClassName() {
    String py = Export.pytorch(Specs.compile("network Block : 8x8x4\n def block { conv3-8 relu }\n block", "b"));
    assertTrue(py.contains("class Block2(nn.Module):"), py);
    assertTrue(py.contains("self.block1 = Block2()"), py);
    assertTrue(py.contains("class Block(nn.Module):"), py);
  }

  @Test
  void onnxWithoutWeightsTakesThemAsInputsWithTheirShapes() throws Exception {
    Compilation c = Specs.compile("network Small : 8x8x3 -> 10\n conv3-16 bn relu gap fc10", "small");
    ModelProto model = ModelProto.parseFrom(Export.onnx(c, Export.Weights.NONE));
    assertEquals(17, model.getOpsetImport(0).getVersion());
    List<String> inputs = model.getGraph().getInputList().stream().map(ValueInfoProto::getName).toList();
    assertEquals(List.of("input", "conv1.weight", "conv1.bias", "bn1.weight", "bn1.bias", "bn1.running_mean",
        "bn1.running_var", "fc1.weight", "fc1.bias"), inputs);
    assertEquals(List.of(1L, 3L, 8L, 8L), dims(model.getGraph().getInput(0)));
    assertEquals(List.of(16L, 3L, 3L, 3L), dims(model.getGraph().getInput(1)));
    assertEquals("output", model.getGraph().getOutput(0).getName());
    assertEquals(List.of(1L, 10L), dims(model.getGraph().getOutput(0)));
    assertTrue(model.getGraph().getInitializerList().stream().allMatch(t -> t.getDataType() == TensorProto.DataType.INT64_VALUE),
        "only shape constants are initializers");
  }

  @Test
  void onnxWithZerosCarriesFourBytesPerParameter() throws Exception {
    Compilation c = Specs.compile("network Small : 8x8x3 -> 10\n conv3-16 bn relu gap fc10", "small");
    ModelProto model = ModelProto.parseFrom(Export.onnx(c, Export.Weights.ZEROS));
    long bytes = model.getGraph().getInitializerList().stream().mapToLong(t -> t.getRawData().size()).sum();
    long params = c.networkOrThrow().params() + c.networkOrThrow().nonTrainableParams();
    assertEquals(4 * params, bytes);
    assertEquals(1, model.getGraph().getInputCount());
  }

  @Test
  void aSpecWithErrorsIsRefused() {
    Compilation bad = Specs.attempt("network Bad : 8x8x3\n convv3-8", "bad");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Export.pytorch(bad));
    assertTrue(e.getMessage().contains("fix them first"), e.getMessage());
  }

  @Test
  void aLayerWithoutAnEquivalentIsNamedInTheError() {
    Compilation c = Specs.compile("network D : 8x8x3\n avgpool3/1 d2", "d");
    ExportException py = assertThrows(ExportException.class, () -> Export.pytorch(c));
    assertTrue(py.getMessage().startsWith("layer pool1 (avgpool3/1 d2) is an average pooling with dilation"),
        py.getMessage());
    // 5 rows with p1: PyTorch drops the last window, which would start in the padding (3, ONNX's
    // ceil mode 4); 7 columns without padding round up (4, ONNX's floor mode 3)
    Compilation ceil = Specs.compile("network C : 5x7x3\n maxpool2/2 p1x0 ceil", "c");
    ExportException onnx = assertThrows(ExportException.class, () -> Export.onnx(ceil, Export.Weights.NONE));
    assertTrue(onnx.getMessage().startsWith("layer pool1 (maxpool2/2 p1x0 ceil) rounds up on one axis"),
        onnx.getMessage());
  }

  @Test
  void sideOutputsAreExtraOutputsAfterTheMainOne() throws Exception {
    Compilation c = Specs.compile("""
        network S : 16x16x3 -> 10
          conv3-8/2 relu
          side { conv1-4 } @aux1
          gap flatten fc10
        """, "s");
    String py = Export.pytorch(c);
    assertTrue(py.contains("        b1 = self.aux1_conv1(x)\n"), py);
    assertTrue(py.contains("        return x, b1\n"), py);
    assertTrue(py.contains("forward returns a tuple (output, aux1)"), py);
    ModelProto model = ModelProto.parseFrom(Export.onnx(c, Export.Weights.NONE));
    assertEquals(List.of("output", "aux1"), model.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
    assertEquals(List.of(1L, 4L, 8L, 8L), dims(model.getGraph().getOutput(1)));
  }

  @Test
  void aSideOutputInsideADefIsRefusedForPyTorchOnly() {
    Compilation c = Specs.compile("""
        network S : 16x16x3
          def block { conv3-8 side { conv1-4 } relu }
          block
        """, "s");
    ExportException e = assertThrows(ExportException.class, () -> Export.pytorch(c));
    assertTrue(e.getMessage().startsWith("the def 'block' (block) holds a side output"), e.getMessage());
    assertTrue(Export.onnx(c, Export.Weights.NONE).length > 0);
  }

  private static List<Long> dims(ValueInfoProto value) {
    return value.getType().getTensorType().getShape().getDimList().stream().map(d -> d.getDimValue()).toList();
  }
}
