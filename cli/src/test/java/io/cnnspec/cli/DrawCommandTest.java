package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.picture.Diagram;
import io.cnnspec.picture.DiagramLayout;
import io.cnnspec.picture.Folding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DrawCommandTest {

  @TempDir
  Path dir;

  static int boxes(String svg) {
    return svg.split("<g class=\"box\"", -1).length - 1;
  }

  @Test
  void vgg16IsOneColumnOfABoxPerLayer() throws Exception {
    Cli.Result r = Cli.run("draw", "vgg16").noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    String svg = r.out();
    assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), svg);
    // 13 convolutions, 15 ReLUs, 5 pools, 3 fully connected, 2 dropouts, softmax
    assertEquals(39, boxes(svg));
    assertTrue(svg.contains(">fc4096</text>"));
    assertTrue(svg.contains(">4096 · 103M params · 74.3%</text>"), "fc1's 102,764,544 params, rounded, and their share");
    assertTrue(svg.contains(">Params 138.4M (non-trainable state 0)</text>"));
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals(svg, Cli.run("draw", "vgg16").out(), "the same bytes every time");
  }

  @Test
  void resnet50IsFoldedUnlessADepthIsGiven() {
    String folded = Cli.run("draw", "resnet50").out();
    // stem (4 rows), 8 blocks (a call, then a repetition, per stage), gap and fc
    assertEquals(14, boxes(folded));
    assertTrue(folded.contains(">bottleneck_id x5</text>"), folded);
    assertTrue(folded.contains(">bottleneck(128, 2)</text>"), folded);

    String top = Cli.run("draw", "resnet50", "--depth", "0").out();
    assertTrue(top.contains(">res {2}</text>") && top.contains(">res {1}</text>"), top);
    assertEquals(174, boxes(Cli.run("draw", "resnet50", "--unfold").out()));
    assertEquals(174, boxes(Cli.run("draw", "resnet50", "-d", "1").out()));
  }

  @Test
  void googlenetsAuxiliaryClassifiersAreSideOutputsNotMerges() {
    String svg = Cli.run("draw", "googlenet_aux").noStackTrace().out();
    assertTrue(svg.contains(">aux1 output 1000</text>") && svg.contains(">aux2 output 1000</text>"), svg);
    // 9 inception blocks, 2 aux heads folded as the def aux, their 2 output boxes, 16 layers
    assertEquals(29, boxes(svg));
    assertTrue(svg.contains(">side output</text>"), "in the legend");
    String unfolded = Cli.run("draw", "googlenet_aux", "--unfold").out();
    assertEquals(214, boxes(unfolded), "a box per row");
    assertTrue(unfolded.contains("<title>aux1: side output, 14x14x512 → 1000, its branch 4.170M MACs</title>"),
        "torchvision's aux1 on 14x14x512: 4,169,728 MACs");
  }

  @Test
  void aChunkDrawsLikeACat() throws Exception {
    Path file = dir.resolve("unit.cnn");
    Files.writeString(file, """
        network Unit : 28x28x116
          chunk { id | conv1-58 nobias bn relu dwconv3 nobias bn conv1-58 nobias bn relu } channelshuffle2
          cat { crop | conv3-8 valid l2norm } resize input
        """);
    NetworkInfo net = CnnSpec.compile(new SpecInput.File(Files.readString(file), "unit.cnn"), CompileOptions.DEFAULT)
        .networkOrThrow();
    Diagram diagram = DiagramLayout.layout(net, Folding.NONE);
    assertEquals(List.of(), diagram.overlaps());
    Diagram.Box chunk = box(diagram, 0);
    Diagram.Box id = box(diagram, 1);
    Diagram.Box conv = box(diagram, 2);
    assertEquals(List.of("chunk", "28x28x116"), chunk.lines());
    assertEquals(id.y(), conv.y(), "the branches start on one line, as a cat's");
    assertTrue(id.x() + id.width() < conv.x(), "the first branch on the left");
    assertTrue(chunk.y() > box(diagram, 9).y(), "the merge below its branches");
    assertEquals(io.cnnspec.picture.KindColor.MERGE, chunk.color());
    assertEquals(io.cnnspec.picture.KindColor.NORMALIZATION, box(diagram, 14).color(), "l2norm");
    String svg = Cli.run("draw", file.toString()).noStackTrace().out();
    assertTrue(svg.contains(">chunk</text>") && svg.contains(">crop</text>") && svg.contains(">resize input</text>"), svg);
  }

  private static Diagram.Box box(Diagram diagram, int row) {
    return diagram.boxes().stream().filter(b -> b.firstRow() <= row && row < b.endRow()).findFirst().orElseThrow();
  }

  @Test
  void writesTheFileGiven() throws Exception {
    Path file = dir.resolve("tiny.svg");
    Cli.Result r = Cli.runWithStdin(Specs.TINY, "draw", "-", "-o", file.toString()).noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    String svg = Files.readString(file);
    assertTrue(svg.contains(">Tiny</text>"), svg);
    assertEquals(5, boxes(svg));
  }

  @Test
  void errorsAreReportedAndNothingIsDrawn() throws Exception {
    Cli.Result bad = Cli.runWithStdin(Specs.BAD, "draw", "-").noStackTrace();
    assertEquals(1, bad.exit(), bad::toString);
    assertEquals("", bad.out());
    Cli.Result missing = Cli.run("draw", "vgg61").noStackTrace();
    assertEquals(2, missing.exit(), missing::toString);
    Cli.Result nowhere = Cli.run("draw", "vgg16", "-o", dir.resolve("no/such/dir/x.svg").toString()).noStackTrace();
    assertEquals(2, nowhere.exit(), nowhere::toString);
    assertTrue(nowhere.err().startsWith("cnnspec: error: cannot write "), nowhere.err());
    for (String[] args : List.of(new String[] {"draw", "vgg16", "--depth", "-1"},
        new String[] {"draw", "vgg16", "--depth", "1", "--unfold"})) {
      Cli.Result r = Cli.run(args).noStackTrace();
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("--help"), r.err());
    }
  }

  @Test
  void aRepetitionOfAHundredThousandLayersDrawsFolded() {
    // the layer limit (100,000) keeps an unfolded drawing within DiagramLayout.MAX_BOXES, whose
    // refusal DiagramLayoutTest checks; one more turn is the layer limit's error
    String spec = "network Long : 8x8x8\n  (conv3-8 relu)x50000\n";
    Cli.Result folded = Cli.runWithStdin(spec, "draw", "-").noStackTrace();
    assertEquals(0, folded.exit(), folded::toString);
    assertEquals(1, boxes(folded.out()));
    assertTrue(folded.out().contains(" x50000</text>"), folded.out());
    Cli.Result past = Cli.runWithStdin(spec.replace("x50000", "x50001"), "draw", "-").noStackTrace();
    assertEquals(1, past.exit(), past::toString);
    assertTrue(past.err().startsWith("<stdin>:2:3: error: the spec expands past the layer limit"), past.err());
  }

  static Stream<Zoo.Entry> zoo() {
    return Zoo.bundled().entries().stream();
  }

  @Test
  void theZooDrawnIncludesTheNetworksWithNewLayersAndSideOutputs() {
    List<String> names = zoo().map(Zoo.Entry::name).toList();
    assertTrue(names.containsAll(List.of("googlenet_aux", "inception_v3_aux", "unet", "espcn", "resnet20_cifar",
        "shufflenet_v2_x1_0", "fcn_resnet50", "deeplabv3_resnet50", "lraspp_mobilenet_v3_large", "ssd300_vgg16")), names::toString);
  }

  /** Every bundled network, folded, unfolded and at depth 1: each row in one box, no box over another. */
  @ParameterizedTest
  @MethodSource("zoo")
  void everyZooNetworkDrawsWithoutOverlaps(Zoo.Entry entry) {
    NetworkInfo network = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT).network().orElseThrow();
    for (Folding folding : List.of(Folding.BLOCKS, Folding.NONE, Folding.depth(1))) {
      Diagram diagram = DiagramLayout.layout(network, folding);
      diagram.boxOfRow(network.layers().size());
      assertEquals(List.of(), diagram.overlaps(), entry.origin() + " " + folding);
    }
  }

  @Test
  void summaryWritesTheHtmlPage() throws Exception {
    Path file = dir.resolve("vgg16.html");
    Cli.Result r = Cli.run("summary", "vgg16", "--format", "html", "-o", file.toString()).noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
    assertEquals(39, html.split("<tr id=\"r", -1).length - 1);
    assertEquals(39, boxes(html));
    assertTrue(html.contains("<td>Total params</td><td class=\"n\">138,357,544</td>"), html);
    // fc1's share of VGG-16's parameters: 102,764,544 / 138,357,544
    assertTrue(html.contains(">74.27%</td>"), html);
    assertEquals(html, Cli.run("summary", "vgg16", "-f", "html").out());
  }

  @Test
  void htmlIsForOneNetwork() {
    Cli.Result zoo = Cli.run("zoo", "-f", "html").noStackTrace();
    assertEquals(2, zoo.exit(), zoo::toString);
    assertTrue(zoo.err().contains("--format html draws one network"), zoo.err());
    // totals only: the diagram and the totals, no table
    Cli.Result totals = Cli.run("summary", "vgg16", "-f", "html", "--totals-only").noStackTrace();
    assertEquals(0, totals.exit(), totals::toString);
    assertEquals(0, totals.out().split("<tr id=\"r", -1).length - 1);
    assertEquals(39, boxes(totals.out()));
  }

  @Test
  void summaryWritesAnyFormatToAFile() throws Exception {
    Path file = dir.resolve("tiny.csv");
    Cli.Result r = Cli.runWithStdin(Specs.TINY, "summary", "-", "-f", "csv", "--output", file.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals(Cli.runWithStdin(Specs.TINY, "summary", "-", "-f", "csv").out(), Files.readString(file));
  }
}
