package io.cnnspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cnnspec.lang.Compilation;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.model.SideOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every zoo network, and small specs for the edge cases of the translation, exported and built by
 * the real PyTorch and ONNX (one Python process for all): PyTorch's parameter count, batch norm's
 * running values, conv/linear MACs measured with forward hooks, and the output shape must be
 * cnnspec's exactly; the ONNX model must pass the full checker, and its inferred output shape must
 * be cnnspec's. Skipped with a reason without torch and onnx, failed instead under CI=true.
 */
class FrameworkCheckTest {

  static final String PYTHON = System.getProperty("cnnspec.python", "/usr/bin/python3");

  /** Specs for what a zoo network may not show: each a line of the edge cases. */
  static final Map<String, String> EDGE_CASES = new LinkedHashMap<>();

  static {
    EDGE_CASES.put("SameEvenStride2", """
        network SameEvenStride2 : 15x16x3 -> 2x2x6
          conv4-8/2 conv2-8/2 same conv3x2-6/2 dwconv4/1 maxpool2/1 same
        """);
    EDGE_CASES.put("CeilPooling", """
        network CeilPooling : 56x56x8 -> 8x8x8
          maxpool3/2 ceil avgpool3/2 ceil maxpool2/2 ceil p1
        """);
    EDGE_CASES.put("FcAfterMap", """
        network FcAfterMap : 7x5x16 -> 10
          fc32 relu dropout0.3 fc10 bn softmax
        """);
    EDGE_CASES.put("GroupedDepthwise", """
        network GroupedDepthwise : 16x16x16 -> 8x8x64
          conv3-32 g4 nobias dwconv3-64/2 dwconv5 d2 sepconv3-64 nobias conv1-64 g8
        """);
    EDGE_CASES.put("MulGates", """
        network MulGates : 14x14x24 -> 14x14x24
          mul { gap fc6 relu fc24 sigmoid }
          mul { gap conv1-6 relu conv1-24 hsigmoid }
          mul { conv1-1 sigmoid }
          mul { conv3-24 tanh }
          mul { conv1-8 bn relu | gap conv1-8 sigmoid } conv1-24
          mul { conv1-24 | gap fc24 sigmoid }
        """);
    EDGE_CASES.put("TransposedSizes", """
        network TransposedSizes : 7x9x8 -> 232x296x2
          deconv4-8/2 p1 deconv3-8/2 deconv2-4/2 same deconv3-4/1 same deconv5-2/2 same d1 deconv1-2/2 same
        """);
    EDGE_CASES.put("Branches", """
        network Branches : 16x16x8 -> 10
          def blk(c, s = 1) { conv3-{c}/{s} bn relu }
          blk(8) x2 blk(16, 2) blk(16)
          res { conv3-16 bn } relu
          res { conv3-32/2 | conv1-32/2 }
          cat { id | conv1-8 | }
          add { conv3-72 | | conv1-72 }
          add { conv3-72 | }
          (conv3-8 relu) x2 @stage
          gap flatten fc10
        """);
    EDGE_CASES.put("OtherLayers", """
        network OtherLayers : 12x12x16 -> 24
          bn noscale ln gn4 scale prelu gn2 nocenter
          upsample2 bilinear zeropad1 upsample2 lrelu0.2 gelu silu relu6 tanh lrn
          adaptiveavgpool13 adaptivemaxpool1 flatten fc24 ln
        """);
    EDGE_CASES.put("PerAxisStrides", """
        network PerAxisStrides : 64x40x8
          maxpool2/2x1 p1x0 conv3-16/2x1 valid conv3x1-16/1x2 same avgpool3/2x1 p1x0 dwconv3/2x1 p0x1
          sepconv3-16/1x2 same deconv3-8/2x1 p1x0 maxpool1x2
          maxpool2/2x1 p1x0 ceil maxpool3/1x2 p0x1 ceil
        """);
    EDGE_CASES.put("NewActivations", """
        network NewActivations : 8x8x4
          elu selu celu mish softplus hardtanh res { conv3-4 stochasticdepth0.2 } logsoftmax
          gap flatten fc10 logsoftmax
        """);
    EDGE_CASES.put("InstanceNorms", """
        network InstanceNorms : 16x16x8
          instancenorm conv3-8 instancenorm affine relu
        """);
    EDGE_CASES.put("ShuffleAndPad", """
        network ShuffleAndPad : 8x8x3
          conv3-36 pixelshuffle3 conv1-12 g4 channelshuffle3 padchannels-17
          res { maxpool1/2 padchannels-24 | conv3-24/2 } gap flatten channelshuffle4 padchannels-40
        """);
    EDGE_CASES.put("MultiplierAndOutpad", """
        network MultiplierAndOutpad : 16x16x8
          dwconv3 dm2 sepconv3-32/2 dm3 dwconv3 dm2 deconv3-4/2 outpad1 p1
          deconv3-4/2x1 p1x0 maxpool2/1 crop18x17
        """);
    EDGE_CASES.put("ResizeAndCrop", """
        network ResizeAndCrop : 13x11x4
          resize20x30 bilinear resize17 resize9x7 crop7x5 adaptiveavgpool5x3 adaptivemaxpool7x5
        """);
    EDGE_CASES.put("ChannelSplit", """
        network ChannelSplit : 28x28x116
          chunk { id | conv1-58 nobias bn relu dwconv3 nobias bn conv1-58 nobias bn relu } channelshuffle2
          conv1-12 chunk { conv1-10 | | conv3-6/2 upsample2 res { conv1-6 } } gap flatten chunk { fc3 | id }
        """);
    EDGE_CASES.put("CropToFit", """
        network CropToFit : 64x64x8
          cat { crop | maxpool conv3-16 valid relu conv3-16 valid relu deconv2-8/2 }
          add { conv3-4 valid | conv1-4 crop @copy } mul { upsample2 conv1-4 sigmoid crop }
          res { deconv2-4/2 crop } chunk { crop | conv3-2 valid }
        """);
    EDGE_CASES.put("ResizeToFit", """
        network ResizeToFit : 33x31x4
          conv3-8/2 relu
          cat { adaptiveavgpool1 conv1-8 nobias bn relu resize bilinear | conv1-8 | maxpool resize }
          side { conv3-4/2 resize input bilinear } @head
          conv1-3 resize input
        """);
    EDGE_CASES.put("L2Norm", """
        network L2Norm : 19x19x16
          l2norm conv3-8 l2norm gap flatten l2norm fc4
        """);
    EDGE_CASES.put("GroupedCalls", """
        network GroupedCalls : 8x8x4
          def blk { conv3-4 relu }
          def cblk(c = 4) { cat { conv1-{c} | conv3-{c} } conv1-4 }
          (blk blk) @g
          res { blk blk } @r
          side { blk blk } @s
          cat { cblk(4) cblk(4) | id } @c
          conv1-4
          (blk conv3-4 blk) @h
          (cblk id cblk) x2 @k
          blk x2 @m
        """);
    EDGE_CASES.put("ModuleMemberNames", """
        network ModuleMemberNames : 8x8x4
          conv1-4@double relu conv1-4@_modules conv1-4@training conv1-4@__call__ conv1-4@type bn@float
          conv1-4@zero_grad conv1-4@forward
        """);
    EDGE_CASES.put("DotOrUnderscore", """
        network DotOrUnderscore : 8x8x4
          side { side { conv1-2 } @cls conv1-3 } @box
          side { conv1-5 } @box_cls
        """);
    EDGE_CASES.put("SideOutputs", """
        network SideOutputs : 32x32x3
          def head(k) { conv1-{k} relu gap flatten fc10 }
          conv3-16/2 relu
          side { head(8) } @aux1
          conv3-32/2 relu
          side { conv3-5 }
          side { } @features
          side { scale side { conv3-4 } @cls conv3-6 } @box
          gap flatten fc10
        """);
  }

  /** Zoo networks exported at another input size than their own, the input as {@code --input} takes it. */
  static final Map<String, String> OTHER_INPUTS = new LinkedHashMap<>();

  static {
    OTHER_INPUTS.put("vgg16", "64x64x3");
    OTHER_INPUTS.put("resnet18", "160x160x3");
    OTHER_INPUTS.put("fcn_resnet50", "320x480x3");
    OTHER_INPUTS.put("unet", "188x188x1");
  }

  @TempDir
  static Path dir;

  @TestFactory
  List<DynamicTest> exportedNetworksBuildInRealFrameworks() throws Exception {
    Map<String, Compilation> networks = new LinkedHashMap<>();
    for (Path file : Specs.zoo()) {
      networks.put(file.getFileName().toString(), Specs.compile(Specs.read(file), file.toString()));
    }
    EDGE_CASES.forEach((name, text) -> networks.put(name, Specs.compile(text, name)));
    networks.put("README.md", Specs.compile(ReadmeExportTest.readmeSpec(), "README.md"));
    // at another input size (cnnspec export --input): every size that follows from the input
    // (an fc's inputs after flatten, resize input, bare crops) must be taken at that size
    OTHER_INPUTS.forEach((name, input) -> networks.put(name + "-at-" + input,
        Specs.compileAt(Specs.read(Path.of(System.getProperty("cnnspec.zoo.dir", "../zoo"), name + ".cnn")), name, input)));
    assertFalse(networks.size() < 30, "the zoo was not found: " + networks.keySet());
    requireFrameworks("the PyTorch/ONNX checks of exported networks");
    StringBuilder jobs = new StringBuilder();
    Map<String, String> exportErrors = new HashMap<>();
    for (Map.Entry<String, Compilation> e : networks.entrySet()) {
      NetworkInfo net = e.getValue().networkOrThrow();
      String base = e.getKey().replace(".cnn", "").replace(".md", "");
      Path py = dir.resolve(base + ".py");
      Path onnx = dir.resolve(base + ".onnx");
      try {
        Files.writeString(py, Export.pytorch(e.getValue()));
        // the zoo's weights as graph inputs, the small edge cases' as zero-filled initializers
        Export.Weights weights = EDGE_CASES.containsKey(e.getKey()) ? Export.Weights.ZEROS : Export.Weights.NONE;
        Files.write(onnx, Export.onnx(e.getValue(), weights));
      } catch (RuntimeException ex) {
        exportErrors.put(e.getKey(), ex.toString());
        continue;
      }
      jobs.append(e.getKey()).append('\t').append(PyTorchWriter.identifier(net.name())).append('\t').append(py)
          .append('\t').append(onnx).append('\t').append(String.join(",", dims(net.input()))).append('\n');
    }
    Map<String, String[]> results = run(jobs.toString());
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Compilation> e : networks.entrySet()) {
      NetworkInfo net = e.getValue().networkOrThrow();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        if (exportErrors.containsKey(e.getKey())) {
          fail("export failed: " + exportErrors.get(e.getKey()));
        }
        String[] r = results.get(e.getKey());
        if (r == null) {
          fail("no result from Python for " + e.getKey());
        }
        if (r[1].equals("ERROR")) {
          fail("the real frameworks refused the export: " + r[2]);
        }
        assertEquals(net.params(), Long.parseLong(r[1]), "PyTorch's sum(p.numel())");
        assertEquals(net.nonTrainableParams(), Long.parseLong(r[2]), "batch norm running mean + var");
        // the exported forward computes every output, so the hooks see the side outputs' MACs too
        assertEquals(net.allMacs(), Long.parseLong(r[3]), "conv/linear MACs from forward hooks, every output");
        List<String> shapes = new ArrayList<>(List.of(String.join(",", dims(net.output()))));
        for (SideOutput side : net.sideOutputs()) {
          shapes.add(String.join(",", dims(side.shape())));
        }
        String shape = String.join(";", shapes);
        assertEquals(shape, r[4], "PyTorch output shapes (NCHW; main output, then side outputs)");
        assertEquals(shape, r[5], "ONNX inferred output shapes (main output, then side outputs)");
      }));
    }
    return tests;
  }

  @Test
  void theWritersListOfNnModuleMembersIsTheInstalledTorchs() throws Exception {
    requireFrameworks("the check of nn.Module's members");
    Process p = new ProcessBuilder(PYTHON, "-c", "import torch\n"
        + "print(' '.join(sorted(n for n in dir(torch.nn.Module()) if not n.startswith('_'))))")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, output);
    assertEquals(new TreeSet<>(List.of(output.split(" "))), new TreeSet<>(PyTorchWriter.MODULE_MEMBERS),
        "nn.Module's public members in the installed torch (PyTorchWriter.MODULE_MEMBERS is torch 1.13's)");
  }

  static List<String> dims(Shape shape) {
    return shape.vector() ? List.of("1", Integer.toString(shape.channels()))
        : List.of("1", Integer.toString(shape.channels()), Integer.toString(shape.height()),
            Integer.toString(shape.width()));
  }

  /** Skips {@code what} with the reason when torch and onnx are missing; fails instead under CI=true. */
  static void requireFrameworks(String what) {
    requireModules(what, "torch, onnx");
  }

  /**
   * Skips {@code what} with the reason when {@link #PYTHON} cannot import {@code modules} (as an
   * import statement lists them); fails instead under CI=true.
   */
  static void requireModules(String what, String modules) {
    String why = modulesMissing(modules);
    if (why != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but the real frameworks are missing: " + why);
      }
      System.err.println("[cnnspec] SKIPPED " + what + ": " + why);
      Assumptions.abort(what + " skipped: " + why);
    }
  }

  /** Why {@code modules} cannot be imported here, or null. */
  static String modulesMissing(String modules) {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return PYTHON + " did not import " + modules + " within 2 minutes";
      }
      return p.exitValue() == 0 ? null : PYTHON + " cannot import " + modules + ": " + output.strip();
    } catch (IOException e) {
      return PYTHON + " cannot be run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static Map<String, String[]> run(String jobs) throws Exception {
    Path script = dir.resolve("check_frameworks.py");
    try (InputStream in = FrameworkCheckTest.class.getResourceAsStream("check_frameworks.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p = new ProcessBuilder(PYTHON, script.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      w.write(jobs);
    }
    Map<String, String[]> results = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] fields = line.split("\t");
        results.put(fields[0], fields);
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return results;
  }
}
