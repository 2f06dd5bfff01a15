package io.cnnspec.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {

  /** Every row of the network in exactly one box, and no two boxes sharing any area. */
  static void assertWellFormed(NetworkInfo network, Diagram diagram) {
    diagram.boxOfRow(network.layers().size());
    for (Diagram.Box box : diagram.boxes()) {
      assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= diagram.width()
          && box.y() + box.height() <= diagram.height(), () -> "outside the diagram: " + box);
    }
    assertEquals(List.of(), diagram.overlaps());
  }

  @Test
  void overlapsAreFound() {
    Diagram.Box a = new Diagram.Box(0, 0, 100, 38, KindColor.OTHER, List.of("a"), 0, 1, 0, 0);
    Diagram.Box b = new Diagram.Box(99, 37, 100, 38, KindColor.OTHER, List.of("b"), 1, 2, 0, 0);
    Diagram.Box c = new Diagram.Box(199, 0, 10, 100, KindColor.OTHER, List.of("c"), 2, 3, 0, 0);
    assertEquals(1, new Diagram(300, 100, List.of(a, b, c), List.of()).overlaps().size());
    assertEquals(List.of(), new Diagram(300, 100, List.of(a, c), List.of()).overlaps());
  }

  private static Diagram.Box boxOf(Diagram diagram, int row) {
    return diagram.boxes().stream().filter(b -> b.firstRow() <= row && row < b.endRow()).findFirst().orElseThrow();
  }

  @Test
  void branchesStandSideBySideAboveTheirMerge() {
    NetworkInfo tiny = Nets.tiny();
    Diagram diagram = DiagramLayout.layout(tiny, Folding.BLOCKS);
    assertWellFormed(tiny, diagram);
    assertEquals(8, diagram.boxes().size());
    Diagram.Box conv2 = boxOf(diagram, 3);
    Diagram.Box bn2 = boxOf(diagram, 4);
    Diagram.Box id1 = boxOf(diagram, 5);
    Diagram.Box res = boxOf(diagram, 2);
    Diagram.Box pool = boxOf(diagram, 6);
    assertEquals(conv2.y(), id1.y(), "both branches start on one line");
    assertTrue(conv2.x() + conv2.width() < id1.x(), "the first branch on the left");
    assertTrue(bn2.y() > conv2.y());
    assertTrue(res.y() > bn2.y() + bn2.height(), "the merge below its branches");
    assertTrue(pool.y() > res.y() + res.height());
    assertEquals(List.of("res +", "8x8x8"), res.lines());
    assertEquals(List.of("conv3-8", "8x8x8 · 584 params · 27.6%"), conv2.lines());
    assertEquals(List.of("relu"), boxOf(diagram, 1).lines(), "a layer without params or new shape: one line");
    assertEquals(KindColor.MERGE, res.color());
    assertEquals(KindColor.CONVOLUTION, conv2.color());
  }

  @Test
  void aBlockIsOneBoxWithItsSummedFigures() {
    List<Block> blocks = List.of(new Block(Block.Kind.GROUP, "@unit", null, 2, 6, 0));
    NetworkInfo network = Nets.network("Grouped", Nets.tinyRows(), blocks);
    Diagram folded = DiagramLayout.layout(network, Folding.BLOCKS);
    assertWellFormed(network, folded);
    assertEquals(5, folded.boxes().size());
    Diagram.Box unit = boxOf(folded, 3);
    assertEquals(2, unit.firstRow());
    assertEquals(6, unit.endRow());
    assertEquals(584 + 16, unit.params());
    assertEquals(List.of("@unit", "8x8x8 · 600 params · 28.4%"), unit.lines());
    assertEquals(KindColor.BLOCK, unit.color());

    Diagram unfolded = DiagramLayout.layout(network, Folding.NONE);
    assertWellFormed(network, unfolded);
    assertEquals(8, unfolded.boxes().size());
  }

  @Test
  void theOutermostBlockFoldsAndARepetitionShowsItsCount() {
    List<LayerInfo> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(Nets.row("conv" + (i + 1), "conv", "conv3-8", 0, 0, Nets.MAP, Nets.MAP, 584));
    }
    List<Block> blocks = List.of(
        new Block(Block.Kind.REPEAT, "unit x2", null, 0, 4, 0),
        new Block(Block.Kind.CALL, "unit", "unit", 0, 2, 0),
        new Block(Block.Kind.CALL, "unit", "unit", 2, 4, 0));
    NetworkInfo network = Nets.network("Repeated", rows, blocks);
    Diagram diagram = DiagramLayout.layout(network, Folding.BLOCKS);
    assertEquals(1, diagram.boxes().size());
    assertEquals(List.of("unit x2", "8x8x8 · 2.34K params · 100.0%"), diagram.boxes().get(0).lines());
    assertEquals(4 * 584, diagram.boxes().get(0).params());
  }

  @Test
  void depthFoldsAMergeWithItsBranchesIntoOneBox() {
    NetworkInfo tiny = Nets.tiny();
    Diagram diagram = DiagramLayout.layout(tiny, Folding.depth(0));
    assertWellFormed(tiny, diagram);
    assertEquals(5, diagram.boxes().size());
    Diagram.Box res = boxOf(diagram, 2);
    assertEquals(6, res.endRow());
    assertEquals(List.of("res {2}", "8x8x8 · 600 params · 28.4%"), res.lines());
  }

  @Test
  void aResidualWithOneBranchKeepsItOnTheCentreLineWithTheShortcutBeside() {
    List<LayerInfo> rows = List.of(
        Nets.row("res1", "res", "res", 0, 0, Nets.MAP, Nets.MAP, 0),
        Nets.row("conv1", "conv", "conv3-8", 1, 1, Nets.MAP, Nets.MAP, 584),
        Nets.row("relu1", "relu", "relu", 0, 0, Nets.MAP, Nets.MAP, 0));
    NetworkInfo network = Nets.network("Res", rows, List.of());
    Diagram diagram = DiagramLayout.layout(network, Folding.BLOCKS);
    assertWellFormed(network, diagram);
    Diagram.Box conv = boxOf(diagram, 1);
    Diagram.Box res = boxOf(diagram, 0);
    assertEquals(res.x() + res.width() / 2, conv.x() + conv.width() / 2);
    // the shortcut: a line that leaves the split, runs right of the branch and rejoins above the merge
    assertTrue(diagram.edges().stream().anyMatch(e -> e.points().length == 8 && e.points()[2] > conv.x() + conv.width()));
  }

  @Test
  void aSideOutputStandsBesideTheMainLineAndEndsInItsOutputBoxWithoutRejoining() {
    NetworkInfo network = Nets.withSideOutput();
    Diagram diagram = DiagramLayout.layout(network, Folding.BLOCKS);
    assertWellFormed(network, diagram);
    assertEquals(7, diagram.boxes().size());
    Diagram.Box conv = boxOf(diagram, 0);
    Diagram.Box output = boxOf(diagram, 1);
    Diagram.Box gap = boxOf(diagram, 2);
    Diagram.Box fc = boxOf(diagram, 3);
    Diagram.Box relu = boxOf(diagram, 4);
    int main = conv.x() + conv.width() / 2;
    assertEquals(List.of("aux1 output 10"), output.lines());
    assertEquals(KindColor.SIDE_OUTPUT, output.color());
    assertEquals(2, output.endRow(), "the output box holds the side row (row 1) alone; the branch has its own boxes");
    // the branch and its output box: right of the main line, one under the other, the box last
    for (Diagram.Box box : List.of(gap, fc, output)) {
      assertTrue(box.x() > main, () -> box + " stands right of the main line at x = " + main);
    }
    assertTrue(gap.y() < fc.y() && fc.y() + fc.height() < output.y());
    assertEquals(fc.x() + fc.width() / 2, output.x() + output.width() / 2);
    // the main path goes straight on: relu on the same line, below the whole side output
    assertEquals(main, relu.x() + relu.width() / 2);
    assertTrue(relu.y() > output.y() + output.height());
    assertTrue(diagram.edges().stream().anyMatch(e -> {
      int[] p = e.points();
      return p.length == 4 && p[0] == main && p[2] == main && p[1] <= conv.y() + conv.height() + 18
          && p[3] >= output.y() + output.height();
    }), "one line along the main path past the whole side output");
    // no rejoin: no line leaves the lane for the main line; the only one touching both splits off above the branch
    for (Diagram.Edge edge : diagram.edges()) {
      int[] p = edge.points();
      boolean lane = false;
      boolean mainLine = false;
      for (int i = 0; i < p.length; i += 2) {
        lane |= p[i] > main;
        mainLine |= p[i] == main;
      }
      if (lane && mainLine) {
        assertEquals(main, p[0], "a line between lane and main line starts on the main line");
        assertTrue(p[p.length - 1] <= gap.y(), "and ends at the top of the branch");
      }
    }
  }

  @Test
  void aSideOutputBelowTheDepthDrawnIsItsOutputBoxAlone() {
    NetworkInfo network = Nets.withSideOutput();
    Diagram diagram = DiagramLayout.layout(network, Folding.depth(0));
    assertWellFormed(network, diagram);
    assertEquals(5, diagram.boxes().size());
    Diagram.Box output = boxOf(diagram, 1);
    assertEquals(4, output.endRow());
    assertEquals(List.of("aux1 output 10", "90 params · 22.3%"), output.lines(), "90 of the 404 params");
    assertEquals(90, output.params());
    assertTrue(output.x() > boxOf(diagram, 0).x() + boxOf(diagram, 0).width() / 2);
  }

  @Test
  void nestedMergesDoNotOverlap() {
    Shape m = Nets.MAP;
    List<LayerInfo> rows = List.of(
        Nets.row("cat1", "cat", "cat", 0, 0, m, Shape.of(8, 8, 32), 0),
        Nets.row("a", "conv", "conv1-8", 1, 1, m, m, 72),
        Nets.row("cat2", "cat", "cat", 1, 2, m, Shape.of(8, 8, 16), 0),
        Nets.row("b", "conv", "conv1x3-8", 2, 1, m, m, 200),
        Nets.row("c", "conv", "conv3x1-8", 2, 2, m, m, 200),
        Nets.row("d", "conv", "conv1-8", 1, 3, m, m, 72),
        Nets.row("e", "maxpool", "maxpool", 0, 0, Shape.of(8, 8, 32), Shape.of(4, 4, 32), 0));
    NetworkInfo network = Nets.network("Nested", rows, List.of());
    for (Folding folding : List.of(Folding.NONE, Folding.depth(1), Folding.depth(0))) {
      assertWellFormed(network, DiagramLayout.layout(network, folding));
    }
    assertEquals(7, DiagramLayout.layout(network, Folding.NONE).boxes().size());
    assertEquals(5, DiagramLayout.layout(network, Folding.depth(1)).boxes().size());
    assertEquals(2, DiagramLayout.layout(network, Folding.depth(0)).boxes().size());
  }

  @Test
  void aThousandLayersMakeOneColumn() {
    NetworkInfo chain = Nets.chain(1_000);
    Diagram diagram = DiagramLayout.layout(chain, Folding.BLOCKS);
    assertWellFormed(chain, diagram);
    assertEquals(1_000, diagram.boxes().size());
    assertEquals(999, diagram.edges().size());
    assertFalse(diagram.width() > 400, "one column, as wide as one box");
  }

  @Test
  void aDiagramTooLargeToReadIsRefusedWithAHint() {
    NetworkInfo huge = Nets.chain(DiagramLayout.MAX_BOXES + 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DiagramLayout.layout(huge, Folding.BLOCKS));
    assertEquals("the diagram would hold more than 100000 boxes (100001 layers), too many to read; "
        + "fold its blocks, or draw fewer branch levels", e.getMessage());
    assertEquals(DiagramLayout.MAX_BOXES, DiagramLayout.layout(Nets.chain(DiagramLayout.MAX_BOXES), Folding.BLOCKS)
        .boxes().size());
  }

  @Test
  void noLayersNoBoxes() {
    NetworkInfo empty = Nets.network("Empty", List.of(), List.of());
    Diagram diagram = DiagramLayout.layout(empty, Folding.BLOCKS);
    assertEquals(0, diagram.boxes().size());
    assertEquals(0, diagram.height());
  }
}
