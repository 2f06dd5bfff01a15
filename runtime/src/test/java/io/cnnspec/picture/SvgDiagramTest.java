package io.cnnspec.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgDiagramTest {

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSameNetworkGivesTheSameBytes() {
    assertEquals(SvgDiagram.render(Nets.tiny(), Folding.BLOCKS), SvgDiagram.render(Nets.tiny(), Folding.BLOCKS));
  }

  @Test
  void aWellFormedDocumentWithABoxPerLayerAndTheLegendOfTheColoursUsed() throws Exception {
    String svg = SvgDiagram.render(Nets.tiny(), Folding.BLOCKS);
    assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
    Document doc = parse(svg);
    NodeList groups = doc.getElementsByTagName("g");
    int boxes = 0;
    String legend = null;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").equals("box")) {
        assertEquals("b" + boxes, g.getAttribute("id"));
        boxes++;
      }
      if (g.getAttribute("class").equals("legend")) {
        legend = g.getTextContent();
      }
    }
    assertEquals(8, boxes);
    assertEquals("convolutionfully connectedpoolingnormalizationactivationmergeother"
        + "bar under a box: its share of the parameters", legend);
    assertTrue(svg.contains(">Params 2.114K (non-trainable state 0)</text>"), svg);
    assertTrue(svg.contains(">Tiny</text>"));
    assertTrue(svg.contains("<title>conv2: conv3-8, 8x8x8 → 8x8x8, 584 params, 37.38K MACs, 27.6% of the params</title>"),
        svg);
  }

  @Test
  void everyNameIsEscaped() throws Exception {
    List<LayerInfo> rows = new ArrayList<>(Nets.tinyRows());
    rows.set(0, Nets.row("<b>&\"x\"</b>", "conv", "conv3-8 </text><script>", 0, 0, Nets.IN, Nets.MAP, 224));
    rows.set(1, Nets.row("bell\u0007", "relu", "relu\u0000", 0, 0, Nets.MAP, Nets.MAP, 0));
    NetworkInfo network = Nets.network("Net<&>\"'", rows, List.of());
    String svg = SvgDiagram.render(network, Folding.BLOCKS);
    assertFalse(svg.contains("<script>") || svg.contains("<b>") || svg.contains("\u0007") || svg.contains("\u0000"));
    Document doc = parse(svg);
    String text = doc.getDocumentElement().getTextContent();
    assertTrue(text.contains("Net<&>\"'"), text);
    assertTrue(text.contains("conv3-8 </text><script>"), text);
    assertTrue(text.contains("<b>&\"x\"</b>: conv3-8"), text);
    assertTrue(text.contains("relu\uFFFD"), text);
  }

  @Test
  void aThousandLayerSpecIsOneDocumentWithABoxEach() throws Exception {
    String svg = SvgDiagram.render(Nets.chain(1_000), Folding.BLOCKS);
    NodeList groups = parse(svg).getElementsByTagName("g");
    int boxes = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      boxes += ((Element) groups.item(i)).getAttribute("class").equals("box") ? 1 : 0;
    }
    assertEquals(1_000, boxes);
  }

  @Test
  void aSideOutputsBoxSaysWhatItOutputsAndTheLegendNamesIt() throws Exception {
    String svg = SvgDiagram.render(Nets.withSideOutput(), Folding.BLOCKS);
    parse(svg);
    assertTrue(svg.contains(">aux1 output 10</text>"), svg);
    // the branch's 90 x 64 = 5,760 MACs, as the side output gives them
    assertTrue(svg.contains("<title>aux1: side output, 8x8x8 → 10, its branch 5.760K MACs</title>"), svg);
    assertTrue(svg.contains(">side output</text>"), "in the legend");
    assertFalse(svg.contains(">merge</text>"), "a side output is no merge");
    // conv1 and fc1: (224 + 90) x 64 = 20,096 MACs on the main path
    assertTrue(svg.contains(">MACs 20.10K (main output) · FLOPs (2 x MACs) 40.19K</text>"), svg);
    assertTrue(svg.contains(">Side output aux1: 10 · MACs 5.760K</text>"), svg);
  }

  @Test
  void newerLayerKindsHaveTheirColours() {
    for (String kind : List.of("elu", "selu", "celu", "mish", "softplus", "hardtanh", "logsoftmax")) {
      assertEquals(KindColor.ACTIVATION, KindColor.of(kind), kind);
    }
    assertEquals(KindColor.NORMALIZATION, KindColor.of("instancenorm"));
    for (String kind : List.of("upsample", "resize", "pixelshuffle", "crop", "zeropad", "padchannels",
        "channelshuffle", "flatten")) {
      assertEquals(KindColor.RESHAPING, KindColor.of(kind), kind);
    }
    assertEquals(KindColor.SIDE_OUTPUT, KindColor.of("side"));
    assertEquals(KindColor.OTHER, KindColor.of("dropout"));
  }
}
