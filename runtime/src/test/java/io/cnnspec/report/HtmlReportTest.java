package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

  /** The page is also well-formed XML (its style and script hold no '<' or '&'), so a parser can check it. */
  private static Document parse(String html) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  @Test
  void everyLayerHasARowThatNamesItsBox() throws Exception {
    NetworkInfo tiny = TestNetworks.tiny();
    String html = HtmlReport.render(tiny, ReportOptions.DEFAULT);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
    Document doc = parse(html);
    Set<String> boxes = new HashSet<>();
    for (Element g : elements(doc, "g")) {
      if (g.getAttribute("class").equals("box")) {
        boxes.add(g.getAttribute("id"));
      }
    }
    assertEquals(8, boxes.size());
    List<Element> rows = elements(doc, "tr").stream().filter(tr -> tr.hasAttribute("data-box")).toList();
    assertEquals(tiny.layers().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals("r" + i, rows.get(i).getAttribute("id"));
      assertTrue(boxes.contains(rows.get(i).getAttribute("data-box")), rows.get(i).getAttribute("data-box"));
    }
    // conv2's share of the 2,114 parameters, and the totals as the text table has them
    assertTrue(html.contains("<td class=\"share params\" style=\"--p:27.63%\">27.63%</td>"), html);
    // bn2's 16 of 2,114 would read 0.76%; a share under 0.005% reads as less than 0.01%, never 0.00%
    assertTrue(html.contains("<td class=\"share params\" style=\"--p:0.76%\">0.76%</td>"), html);
    assertTrue(html.contains("<td>Total params</td><td class=\"n\">2,114</td>"), html);
    assertTrue(html.contains("<h2>Memory at fp32, batch 1</h2>"), html);
  }

  @Test
  void selfContainedLoadingNothing() {
    String html = HtmlReport.render(TestNetworks.tiny(), ReportOptions.DEFAULT)
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String reference : List.of("src=", "http:", "https:", "@import", "url(http", "<link rel=\"stylesheet\"")) {
      assertFalse(html.contains(reference), reference);
    }
  }

  @Test
  void deterministicAndTheFormatsEntryPointGivesTheSamePage() {
    NetworkInfo tiny = TestNetworks.tiny();
    String page = HtmlReport.render(tiny, ReportOptions.DEFAULT);
    assertEquals(page, HtmlReport.render(tiny, ReportOptions.DEFAULT));
    assertEquals(page, Reports.render(tiny, ReportFormat.HTML, ReportOptions.DEFAULT));
    assertEquals(ReportFormat.HTML, ReportFormat.parse(" HTML "));
  }

  @Test
  void depthKeepsTheShallowRowsAndFoldsTheirMerges() throws Exception {
    Document doc = parse(HtmlReport.render(TestNetworks.tiny(), ReportOptions.DEFAULT.withRows(Rows.toDepth(0))));
    List<Element> rows = elements(doc, "tr").stream().filter(tr -> tr.hasAttribute("data-box")).toList();
    assertEquals(List.of("r0", "r1", "r2", "r6", "r7"), rows.stream().map(tr -> tr.getAttribute("id")).toList());
    // the residual and its two branches are one box
    assertEquals(5, elements(doc, "g").stream().filter(g -> g.getAttribute("class").equals("box")).count());
  }

  @Test
  void noRowsLeavesTheTableOutAndKeepsTheDiagramAndTotals() throws Exception {
    String html = HtmlReport.render(TestNetworks.tiny(), ReportOptions.DEFAULT.withRows(Rows.NONE));
    Document doc = parse(html);
    assertEquals(0, elements(doc, "tr").stream().filter(tr -> tr.hasAttribute("data-box")).count());
    assertEquals(8, elements(doc, "g").stream().filter(g -> g.getAttribute("class").equals("box")).count());
    assertTrue(html.contains("<td>Total params</td><td class=\"n\">2,114</td>"), html);
  }

  @Test
  void aTinyShareIsNotShownAsNothing() {
    Shape map = Shape.of(8, 8, 8);
    LayerInfo big = TestNetworks.layer("fc1", "fc", "fc100", 0, 0, map, map, 1_000_000, 0, 0, 100, 1, 1);
    LayerInfo small = TestNetworks.layer("bn1", "bn", "bn", 0, 0, map, map, 16, 16, 0, 512, 1, 1);
    NetworkInfo network = new NetworkInfo("N", map, map, List.of(big, small), 1_000_016, 1_000_016, 16, 0, 1024);
    String html = HtmlReport.render(network, ReportOptions.DEFAULT);
    assertTrue(html.contains("<td class=\"share params\" style=\"--p:0.00%\">&lt;0.01%</td>"), html);
  }

  @Test
  void namesAreEscaped() throws Exception {
    Shape map = Shape.of(8, 8, 8);
    LayerInfo layer = TestNetworks.layer("</td><script>x</script>", "conv", "conv3-8 &amp;", 0, 0, map, map,
        584, 0, 0, 512, 3, 1);
    NetworkInfo network = new NetworkInfo("A<B>&\"C\"", map, map, List.of(layer), 584, 584, 0, 0, 1024);
    String html = HtmlReport.render(network, ReportOptions.DEFAULT);
    assertFalse(html.contains("<script>x"), html);
    Document doc = parse(html);
    assertEquals("A<B>&\"C\"", elements(doc, "h1").get(0).getTextContent());
    assertTrue(doc.getDocumentElement().getTextContent().contains("conv3-8 &amp;"));
  }
}
