package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.export.onnx.OnnxProto.ModelProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
