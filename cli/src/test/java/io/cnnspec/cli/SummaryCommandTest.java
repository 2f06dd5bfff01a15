package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cnnspec.report.CsvReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void tableOfAZooNetworkHasRowsTotalsAndMemory() {
    Cli.Result r = Cli.run("summary", "vgg16").noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    String out = r.out();
    assertTrue(out.startsWith("network Vgg16 : 224x224x3 -> 1000\n"), out);
    // rows: name, spec, output shape, params, MACs, activations, receptive field
    assertTrue(out.lines().anyMatch(l -> l.matches("conv1\\s+conv3-64\\s+224x224x64\\s+1,792\\s+86,704,128\\s+3,211,264\\s+3")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("pool5") && l.endsWith(" 212")), "VGG-16's last pool sees 212 pixels");
    assertTrue(out.contains("102,764,544"), out);
    // footer
    assertLine(out, "Total params:", "138,357,544");
    assertLine(out, "Trainable params:", "138,357,544");
    assertLine(out, "Non-trainable params:", "0");
    assertLine(out, "Total (Keras, incl. non-trainable):", "138,357,544");
    assertLine(out, "MACs:", "15,470,264,320");
    assertLine(out, "FLOPs (2 x MACs):", "30,940,528,640");
    assertLine(out, "Activations (values, incl. the input):", "15,237,608");
    assertLine(out, "Forward pass size (MiB):", "58.1");
    assertTrue(out.contains("Input size (MiB):"), out);
    assertTrue(out.contains("Params size (MiB):"), out);
    assertTrue(out.contains("Forward/backward pass size (MiB):"), out);
    assertTrue(out.contains("Estimated total size (MiB):"), out);
  }

  private static void assertLine(String out, String label, String value) {
    assertTrue(out.lines().anyMatch(l -> l.startsWith(label) && l.substring(label.length()).strip().split(" ")[0].equals(value)),
        () -> "no line '" + label + " " + value + "' in\n" + out);
  }

  @Test
  void zooNamesMatchInAnyCase() {
    Cli.Result r = Cli.run("summary", "VGG16", "--totals-only");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("138,357,544"));
  }

  @Test
  void branchesAreIndentedAsATree() {
    Cli.Result r = Cli.run("summary", "resnet50");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("├─"), r.out());
    assertTrue(r.out().contains("└─"), r.out());
    assertLine(r.out(), "Total params:", "25,557,032");
    assertLine(r.out(), "Non-trainable params:", "53,120");
    assertLine(r.out(), "Total (Keras, incl. non-trainable):", "25,610,152");
  }

  @Test
  void depthHidesDeeperRowsButKeepsTotals() throws Exception {
    JsonNode all = JSON.readTree(Cli.run("summary", "resnet50", "-f", "json").out());
    JsonNode top = JSON.readTree(Cli.run("summary", "resnet50", "-f", "json", "--depth", "0").out());
    assertTrue(all.get("layers").size() > top.get("layers").size());
    for (JsonNode layer : top.get("layers")) {
      assertEquals(0, layer.get("depth").asInt());
    }
    assertEquals(all.get("params"), top.get("params"));
    assertEquals(all.get("macs"), top.get("macs"));

    Cli.Result table = Cli.run("summary", "resnet50", "--depth", "0");
    assertEquals(0, table.exit(), table::toString);
    assertFalse(table.out().contains("├─"), table.out());
    assertLine(table.out(), "Total params:", "25,557,032");

    // bottleneck(64) is level 0, its res level 1, the res's branches level 2
    Cli.Result one = Cli.run("summary", "resnet50", "-d", "1");
    assertFalse(one.out().contains("├─"), one.out());
    Cli.Result two = Cli.run("summary", "resnet50", "-d", "2");
    assertTrue(two.out().contains("├─"), two.out());
    assertFalse(two.out().contains("│ ├─"), "nothing two branches deep");
  }

  @Test
  void totalsOnlyDropsTheRows() throws Exception {
    Cli.Result r = Cli.run("summary", "vgg16", "--totals-only");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.out().contains("conv1"), r.out());
    assertFalse(r.out().contains("Output shape"), r.out());
    assertTrue(r.out().startsWith("network Vgg16"), r.out());
    assertLine(r.out(), "Total params:", "138,357,544");
    assertLine(r.out(), "Estimated total size (MiB):", "644.0");

    assertEquals(r.out(), Cli.run("summary", "vgg16", "--no-layers").out());
    JsonNode json = JSON.readTree(Cli.run("summary", "vgg16", "--totals-only", "-f", "json").out());
    assertEquals(0, json.get("layers").size());
    assertEquals(138_357_544L, json.get("params").asLong());

    Cli.Result md = Cli.run("summary", "vgg16", "--totals-only", "-f", "md");
    assertEquals(0, md.exit());
    assertFalse(md.out().contains("conv3-64"), md.out());
  }

  @Test
  void markdown() {
    Cli.Result r = Cli.run("summary", "vgg16", "--format", "markdown");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("## Vgg16"), r.out());
    assertTrue(r.out().contains("| Layer |"), r.out());
    assertTrue(r.out().contains("`conv3-64`"), r.out());
    assertTrue(r.out().contains("138,357,544"), r.out());
    assertEquals(r.out(), Cli.run("summary", "vgg16", "-f", "MD").out(), "formats in any case, md for short");
  }

  @Test
  void csvHasAHeaderAndOneRecordPerLayer() throws Exception {
    Cli.Result r = Cli.run("summary", "vgg16", "--format", "csv");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(CsvReport.HEADER, lines.get(0));
    JsonNode json = JSON.readTree(Cli.run("summary", "vgg16", "-f", "json").out());
    assertEquals(json.get("layers").size() + 1, lines.size());
    assertTrue(lines.get(1).startsWith("conv1,conv,conv3-64,0,0,224x224x3,224x224x64,1792,0,86704128,3211264,3,1"), lines.get(1));
  }

  @Test
  void jsonCarriesEveryFigure() throws Exception {
    Path file = Specs.write(dir, "tiny.cnn", Specs.TINY);
    Cli.Result r = Cli.run("summary", file.toString(), "--format", "json");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals("Tiny", root.get("name").asText());
    assertEquals("[28,28,1]", root.get("input").toString());
    assertEquals("[10]", root.get("output").toString());
    assertEquals(15_770, root.get("params").asLong());
    assertEquals(15_770, root.get("trainableParams").asLong());
    assertEquals(0, root.get("nonTrainableParams").asLong());
    assertEquals(72_128, root.get("macs").asLong());
    assertEquals(144_256, root.get("flops").asLong());
    assertEquals(8_634, root.get("activations").asLong());
    assertTrue(root.get("params").isIntegralNumber());

    JsonNode layers = root.get("layers");
    assertEquals(5, layers.size());
    JsonNode conv = layers.get(0);
    assertEquals("conv", conv.get("kind").asText());
    assertEquals("conv3-8", conv.get("spec").asText());
    assertFalse(conv.get("name").asText().isEmpty());
    assertEquals("[28,28,1]", conv.get("input").toString());
    assertEquals("[28,28,8]", conv.get("output").toString());
    assertEquals(80, conv.get("params").asLong());
    assertEquals(0, conv.get("nonTrainableParams").asLong());
    assertEquals(56_448, conv.get("macs").asLong());
    assertEquals(6_272, conv.get("activations").asLong());
    assertEquals(3, conv.get("receptiveField").asLong());
    assertTrue(conv.get("jump").isIntegralNumber(), "jump 1, not 1.0");
    assertEquals(1, conv.get("jump").asInt());
    assertEquals(0, conv.get("depth").asInt());
    assertEquals(0, conv.get("branch").asInt());

    JsonNode relu = layers.get(1);
    assertEquals("relu", relu.get("kind").asText());
    assertEquals(0, relu.get("activations").asLong(), "in place");

    JsonNode pool = layers.get(2);
    assertEquals("[14,14,8]", pool.get("output").toString());
    assertEquals(1_568, pool.get("activations").asLong());
    assertEquals(4, pool.get("receptiveField").asLong());
    assertEquals(2, pool.get("jump").asInt());

    JsonNode fc = layers.get(3);
    assertEquals("[14,14,8]", fc.get("input").toString());
    assertEquals("[10]", fc.get("output").toString());
    assertEquals(15_690, fc.get("params").asLong());
    assertEquals(15_680, fc.get("macs").asLong());

    JsonNode memory = root.get("memory");
    assertEquals("fp32", memory.get("dtype").asText());
    assertEquals(1, memory.get("batch").asInt());
    assertEquals(784 * 4, memory.get("inputBytes").asLong());
    assertEquals(15_770 * 4, memory.get("paramsBytes").asLong());
    assertEquals(8_634 * 4, memory.get("forwardBytes").asLong());
    assertEquals(8_634 * 8, memory.get("forwardBackwardBytes").asLong());
    assertEquals(8_634 * 8 + 15_770 * 4, memory.get("totalBytes").asLong());
  }

  @Test
  void jsonIsIndentedWithShapesOnOneLineOrCompact() throws Exception {
    Path file = Specs.write(dir, "tiny.cnn", Specs.TINY);
    String pretty = Cli.run("summary", file.toString(), "-f", "json").out();
    assertTrue(pretty.startsWith("{\n  \"name\": \"Tiny\",\n  \"input\": [28, 28, 1],\n"), pretty);
    assertTrue(pretty.contains("  \"layers\": [\n    {\n      \"name\": "), pretty);
    assertTrue(pretty.endsWith("\n  ]\n}\n"), pretty);

    String compact = Cli.run("summary", file.toString(), "-f", "json", "--compact").out();
    assertEquals(1, compact.lines().count());
    assertTrue(compact.startsWith("{\"name\":\"Tiny\",\"input\":[28,28,1],"), compact);
    assertEquals(JSON.readTree(pretty), JSON.readTree(compact));
  }

  @Test
  void batchDtypeAndOptimizerSetTheMemoryFigures() throws Exception {
    Path file = Specs.write(dir, "tiny.cnn", Specs.TINY);
    JsonNode memory = JSON.readTree(Cli.run("summary", file.toString(), "-f", "json",
        "--batch", "4", "--dtype", "fp16", "--optimizer", "adam").out()).get("memory");
    assertEquals("fp16", memory.get("dtype").asText());
    assertEquals(4, memory.get("batch").asInt());
    assertTrue(memory.get("gradients").asBoolean(), "an optimizer implies gradients");
    assertEquals(2, memory.get("optimizerStates").asInt());
    assertEquals(784 * 2 * 4, memory.get("inputBytes").asLong());
    assertEquals(8_634 * 2 * 4, memory.get("forwardBytes").asLong());
    assertEquals(8_634 * 2 * 4 * 2, memory.get("forwardBackwardBytes").asLong());
    // mixed precision (ZeRO's 16 bytes per parameter with Adam): fp16 values and gradients, an fp32
    // master copy and two fp32 Adam states, not multiplied by the batch
    assertEquals(15_770 * (2 + 2 + 4 + 2 * 4), memory.get("paramsBytes").asLong());
    assertEquals(8_634 * 2 * 4 * 2 + 15_770 * 16, memory.get("totalBytes").asLong());

    JsonNode gradientsOnly = JSON.readTree(Cli.run("summary", file.toString(), "-f", "json", "--gradients",
        "-t", "int8").out()).get("memory");
    assertEquals(15_770 * 2, gradientsOnly.get("paramsBytes").asLong());
    assertEquals(0, gradientsOnly.get("optimizerStates").asInt());

    Cli.Result table = Cli.run("summary", "vgg16", "-b", "32", "-t", "bf16", "-O", "momentum");
    assertEquals(0, table.exit(), table::toString);
    assertTrue(table.out().contains("Memory at bf16, batch 32, with gradients and 1 optimizer state per parameter"
        + " (mixed precision: fp32 master weights and optimizer states)"), table.out());
    // 15,237,608 values x 2 bytes x 32 = 975,206,912 bytes = 930.0 MiB
    assertLine(table.out(), "Forward pass size (MiB):", "930.0");
  }

  @Test
  void inputOverrideRecompilesAtAnotherSize() throws Exception {
    Path file = Specs.write(dir, "tiny.cnn",
        Specs.TINY.replace("-> 10\n", "-> 10\nexpect params 15_770\nexpect macs 72_128\n"));
    assertEquals(0, Cli.run("check", file.toString()).exit());
    // at 32x32x1: fc10 sees 16*16*8 = 2,048 values, 20,490 params; total 20,570
    Cli.Result r = Cli.run("summary", file.toString(), "-f", "json", "--input", "32x32x1");
    assertEquals(0, r.exit(), r::toString);
    JsonNode root = JSON.readTree(r.out());
    assertEquals("Tiny", root.get("name").asText());
    assertEquals("[32,32,1]", root.get("input").toString());
    assertEquals(20_570, root.get("params").asLong());
    assertEquals("[16,16,8]", root.get("layers").get(2).get("output").toString());

    Cli.Result resnet = Cli.run("summary", "resnet50", "--input", "160x160x3", "-f", "json");
    assertEquals(0, resnet.exit(), "the zoo's expect lines belong to 224x224x3: " + resnet);
    JsonNode net = JSON.readTree(resnet.out());
    assertEquals(25_557_032, net.get("params").asLong(), "global pooling: same parameters");
    assertTrue(net.get("macs").asLong() < 4_089_184_256L);
  }

  /**
   * torchvision's documented minimum input sizes (its model builders' "min_size"), measured with
   * PyTorch 1.13: squeezenet1_0 runs at 21x21 and fails at 20x20, squeezenet1_1 at 17 / 16,
   * googlenet (aux_logits=False) at 15 / 14. Their ceil-mode pools overhang the small maps there.
   */
  @ParameterizedTest(name = "{0} runs at {1}")
  @CsvSource({"squeezenet1_0, 21", "squeezenet1_1, 17", "googlenet, 15"})
  void zooRunsDownToTorchvisionsMinimumSize(String network, int size) {
    Cli.Result runs = Cli.run("summary", network, "--totals-only", "--input", size + "x" + size + "x3");
    assertEquals(0, runs.exit(), runs::toString);
    int below = size - 1;
    Cli.Result fails = Cli.run("summary", network, "--totals-only", "--input", below + "x" + below + "x3").noStackTrace();
    assertEquals(1, fails.exit(), fails::toString);
    assertTrue(fails.err().contains("size reaches zero"), fails::toString);
  }

  @Test
  void inputOverrideKeepsErrorPositions() throws Exception {
    Path file = Specs.write(dir, "bad.cnn", Specs.BAD);
    Cli.Result plain = Cli.run("summary", file.toString());
    Cli.Result overridden = Cli.run("summary", file.toString(), "--input", "64x64x1").noStackTrace();
    assertEquals(1, overridden.exit(), overridden::toString);
    assertEquals(plain.err(), overridden.err());
  }

  @Test
  void badInputOverrideIsAUsageError() throws Exception {
    Path file = Specs.write(dir, "tiny.cnn", Specs.TINY);
    Cli.Result r = Cli.run("summary", file.toString(), "--input", "0x0x3").noStackTrace();
    assertNotEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("0x0x3"), r.err());
    assertEquals("", r.out());
  }

  /**
   * torchvision 0.14's resnet18, each child module's parameters and MACs (conv: output values x
   * Cin/groups x kh x kw, linear: in x out, counted with forward hooks by /usr/bin/python3):
   * conv1 9,408 / 118,013,952; bn1 128; layer1 147,968 / 462,422,016 (layer1.0 and layer1.1
   * 73,984 / 231,211,008 each); layer2.0 230,144 / 179,830,784; layer2.1 295,424 / 231,211,008;
   * layer3.0 919,040 / 179,830,784; layer3.1 1,180,672 / 231,211,008; layer4.0 3,673,088 /
   * 179,830,784; layer4.1 4,720,640 / 231,211,008; fc 513,000 / 512,000. In all 11,689,512 and
   * 1,814,073,344. The zoo writes layer2 to layer4 as two blocks each (basic_down(c) basic).
   */
  @ParameterizedTest(name = "--depth 0 as {0}")
  @CsvSource({"json", "csv"})
  void collapsedRowsCarryTheirSubtreesTotalsAsTorchvisionsModules(String format) throws Exception {
    Cli.Result r = Cli.run("summary", "resnet18", "--depth", "0", "-f", format);
    assertEquals(0, r.exit(), r::toString);
    List<String> specs = new java.util.ArrayList<>();
    List<Long> params = new java.util.ArrayList<>();
    List<Long> macs = new java.util.ArrayList<>();
    if (format.equals("json")) {
      for (JsonNode layer : JSON.readTree(r.out()).get("layers")) {
        specs.add(layer.get("spec").asText());
        params.add(layer.get("params").asLong());
        macs.add(layer.get("macs").asLong());
      }
    } else {
      for (String line : r.out().lines().skip(1).toList()) {
        String[] fields = line.split(",");
        specs.add(fields[2]);
        params.add(Long.parseLong(fields[7]));
        macs.add(Long.parseLong(fields[9]));
      }
    }
    assertEquals(List.of("conv7-64/2 p3", "bn", "relu", "maxpool3/2 p1", "basic x2", "basic_down(128)", "basic",
        "basic_down(256)", "basic", "basic_down(512)", "basic", "gap", "fc1000"), specs);
    assertEquals(List.of(9_408L, 128L, 0L, 0L, 147_968L, 230_144L, 295_424L, 919_040L, 1_180_672L, 3_673_088L,
        4_720_640L, 0L, 513_000L), params);
    assertEquals(List.of(118_013_952L, 0L, 0L, 0L, 462_422_016L, 179_830_784L, 231_211_008L, 179_830_784L,
        231_211_008L, 179_830_784L, 231_211_008L, 0L, 512_000L), macs);
    assertEquals(11_689_512L, params.stream().mapToLong(Long::longValue).sum());
    assertEquals(1_814_073_344L, macs.stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void atDepthOneARepetitionOpensIntoItsCallsAndACallIntoItsRows() throws Exception {
    Cli.Result r = Cli.run("summary", "resnet18", "--depth", "1", "-f", "json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode layers = JSON.readTree(r.out()).get("layers");
    // layer1.0 and layer1.1: 73,984 params and 231,211,008 MACs each
    for (int i : new int[] {4, 5}) {
      assertEquals("basic", layers.get(i).get("spec").asText());
      assertEquals("call", layers.get(i).get("kind").asText());
      assertEquals(73_984, layers.get(i).get("params").asLong());
      assertEquals(231_211_008L, layers.get(i).get("macs").asLong());
    }
    assertEquals("basic1", layers.get(4).get("name").asText());
    assertEquals("basic2", layers.get(5).get("name").asText());
    // layer2.0 is a res (all its parameters) and a relu
    assertEquals("basic_down1.res1", layers.get(6).get("name").asText());
    assertEquals("res { ... }", layers.get(6).get("spec").asText());
    assertEquals(230_144, layers.get(6).get("params").asLong());
    assertEquals(1_280, layers.get(6).get("nonTrainableParams").asLong() + layers.get(8).get("nonTrainableParams").asLong());
    long sum = 0;
    for (JsonNode layer : layers) {
      sum += layer.get("params").asLong();
    }
    assertEquals(11_689_512L, sum);
  }

  @Test
  void everyTableFormatShowsTheCollapsedFigures() {
    String text = Cli.run("summary", "resnet18", "-d", "0").out();
    assertTrue(text.contains("\nbasic1..basic2  basic x2         56x56x64        147,968  462,422,016    2,007,040   43\n"), text);
    String markdown = Cli.run("summary", "resnet18", "-d", "0", "-f", "markdown").out();
    assertTrue(markdown.contains("| basic1..basic2 | `basic x2` | 56x56x64 | 147,968 | 462,422,016 | 2,007,040 | 43 |"), markdown);
    String html = Cli.run("summary", "resnet18", "-d", "0", "-f", "html").out();
    assertTrue(html.contains(">basic1..basic2</td><td class=\"spec\">basic x2</td><td>56x56x64</td><td class=\"n\">147,968</td>"), html);
  }

  @Test
  void anInputOfTwoNumbersSaysItNeedsChannelsAndSuggestsThem() {
    Cli.Result r = Cli.run("summary", "vgg16", "--input", "224x224").noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals(List.of(
        "cnnspec: error: --input 224x224: input shape without channels: cnnspec reads an input as height x width"
            + " x channels (or one number for a vector), and 224x224 gives no channel count",
        "    hint: write 224x224x3 for a colour image, or 224x224x1 for a grey one"), r.err().lines().toList());
    assertEquals(0, Cli.run("summary", "vgg16", "--totals-only", "--input", "224x224x3").exit());
  }

  @Test
  void standardInput() {
    Cli.Result r = Cli.runWithStdin(Specs.TINY, "summary", "-", "--totals-only");
    assertEquals(0, r.exit(), r::toString);
    assertLine(r.out(), "Total params:", "15,770");
  }

  @Test
  void specErrorsGoToStderrWithPositionCaretAndHint() throws Exception {
    Path file = Specs.write(dir, "bad.cnn", Specs.BAD);
    Cli.Result r = Cli.run("summary", file.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.get(0).startsWith(file + ":3:16: error: "), r.err());
    assertTrue(lines.get(0).contains("maxpol"), r.err());
    assertEquals("      conv3-8 relu maxpol fc10", lines.get(1));
    assertEquals("                   ^^^^^^", lines.get(2));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("    hint: ") && l.contains("maxpool")), r.err());
  }

  @Test
  void stdinErrorsAreNamedStdin() {
    Cli.Result r = Cli.runWithStdin(Specs.BAD, "summary", "-").noStackTrace();
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("<stdin>:3:16: error: "), r.err());
  }

  @Test
  void shapeErrorsExitOne() throws Exception {
    Path file = Specs.write(dir, "mismatch.cnn", Specs.MISMATCH);
    Cli.Result r = Cli.run("summary", file.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(file + ":3:"), r.err());
    assertTrue(r.err().contains("^"), r.err());
  }

  @Test
  void unknownZooNameSuggestsAndExplainsPaths() {
    Cli.Result r = Cli.run("summary", "vgg61").noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cnnspec: error: 'vgg61' is not a zoo network"), r.err());
    assertTrue(r.err().contains("did you mean") && r.err().contains("vgg16"), r.err());
    assertTrue(r.err().contains(".cnn or a slash"), r.err());

    Cli.Result prefix = Cli.run("summary", "resnet");
    assertTrue(prefix.err().contains("resnet18") && prefix.err().contains("resnet50"), prefix.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "markdown", "csv", "json"})
  void everyFormatGoesToStdoutAlone(String format) {
    Cli.Result r = Cli.run("summary", "mobilenet_v2", "--format", format).noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    assertTrue(r.out().endsWith("\n"));
    // CSV holds the layer rows only (a spreadsheet sums them); the others carry the totals
    assertTrue(r.out().contains(switch (format) {
      case "csv" -> "\r\nconv1,conv,";
      case "json" -> "\"params\": 3504872,";
      default -> "3,504,872";
    }), r.out());
  }
}
