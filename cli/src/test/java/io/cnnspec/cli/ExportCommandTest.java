package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.export.onnx.OnnxProto.ModelProto;
import io.cnnspec.export.onnx.OnnxProto.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

  @TempDir
  Path dir;

  @Test
  void pytorchGoesToStandardOutput() {
    Cli.Result r = Cli.run("export", "lenet5", "--to", "pytorch").noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("\nimport torch\n"), r.out());
    assertTrue(r.out().contains("class LeNet5(nn.Module):"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void onnxGoesToTheFileGiven() throws Exception {
    Path file = dir.resolve("net.onnx");
    Cli.Result r = Cli.run("export", "resnet18", "--to", "onnx", "-o", file.toString(), "--weights", "none")
        .noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
    assertEquals("ResNet18", model.getGraph().getName());
    assertTrue(Files.size(file) < 200_000, "weights left out: " + Files.size(file) + " bytes");
  }

  @Test
  void weightsAreForOnnxOnly() {
    Cli.Result r = Cli.run("export", "lenet5", "--to", "pytorch", "--weights", "zeros").noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--weights applies to --to onnx only"), r.err());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli.Result r = Cli.run("export", "lenet5", "--to", "keras").noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("unknown --to 'keras'; use pytorch or onnx"), r.err());
  }

  @Test
  void aLayerWithoutAnEquivalentIsOneLineAndExitOne() throws Exception {
    Path spec = dir.resolve("d.cnn");
    Files.writeString(spec, "network D : 8x8x3\n  avgpool3/1 d2\n", StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("export", spec.toString(), "--to", "pytorch").noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cnnspec: error: " + spec + ": cannot export to pytorch: layer pool1"), r.err());
  }

  @Test
  void specErrorsArePrintedAsByCheck() throws Exception {
    Path spec = dir.resolve("bad.cnn");
    Files.writeString(spec, "network Bad : 8x8x3\n  convv3-8\n", StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("export", spec.toString(), "--to", "onnx").noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(spec + ":2:3: error: unknown layer 'convv3'"), r.err());
  }

  @Test
  void anotherInputSizeIsTheModelsInputAndSizesFollowFromIt() throws Exception {
    Path file = dir.resolve("vgg16-64.onnx");
    Cli.Result r = Cli.run("export", "vgg16", "--to", "onnx", "--input", "64x64x3", "-o", file.toString()).noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
    assertEquals(List.of(1L, 3L, 64L, 64L), dims(model, "input"));
    // five poolings take 64x64 to 2x2, so the first fc takes 2 * 2 * 512 values, not 25,088
    assertEquals(List.of(4096L, 2048L), model.getGraph().getInputList().stream()
        .filter(v -> dims(v).size() == 2 && dims(v).get(0) == 4096L).findFirst().map(ExportCommandTest::dims).orElseThrow());
  }

  @Test
  void anInputTheNetworkCannotTakeIsReportedOnTheOption() {
    Cli.Result r = Cli.run("export", "vgg16", "--to", "pytorch", "--input", "16x16x3").noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains("error: size reaches zero"), r.err());
  }

  private static List<Long> dims(ModelProto model, String name) {
    return model.getGraph().getInputList().stream().filter(v -> v.getName().equals(name)).findFirst()
        .map(ExportCommandTest::dims).orElseThrow();
  }

  private static List<Long> dims(ValueInfoProto value) {
    return value.getType().getTensorType().getShape().getDimList().stream().map(d -> d.getDimValue()).toList();
  }
}
