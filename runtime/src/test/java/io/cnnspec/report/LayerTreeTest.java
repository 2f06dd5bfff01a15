package io.cnnspec.report;

import static io.cnnspec.report.TestNetworks.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTreeTest {

  private static final Shape MAP = Shape.of(8, 8, 8);

  private static LayerInfo row(String name, int depth, int branch) {
    return layer(name, "x", name, depth, branch, MAP, MAP, 0, 0, 0, 0, 1, 1);
  }

  @Test
  void marksTheStartOfEachBranchAndContinuesUnderIt() {
    String[] prefixes = LayerTree.prefixes(TestNetworks.tiny().layers());
    assertArrayEquals(new String[] {"", "", "", "├─", "│ ", "└─", "", ""}, prefixes);
  }

  @Test
  void threeBranchesOfOneRowEach() {
    List<LayerInfo> layers = List.of(row("cat1", 0, 0), row("a", 1, 1), row("b", 1, 2), row("c", 1, 3));
    assertArrayEquals(new String[] {"", "├─", "├─", "└─"}, LayerTree.prefixes(layers));
  }

  @Test
  void nestedMergeKeepsTheOuterGuide() {
    // cat { conv res { conv | id } | pool } relu
    List<LayerInfo> layers = List.of(
        row("cat1", 0, 0),
        row("conv1", 1, 1),
        row("res1", 1, 1),
        row("conv2", 2, 1),
        row("id1", 2, 2),
        row("pool1", 1, 2),
        row("relu1", 0, 0));
    assertArrayEquals(new String[] {"", "├─", "│ ", "│ ├─", "│ └─", "└─", ""}, LayerTree.prefixes(layers));
  }

  @Test
  void adjacentMergesStartTheirOwnBranches() {
    // res { a } res { b }: the second merge's branch 1 is a new branch though the number repeats
    List<LayerInfo> layers = List.of(
        row("res1", 0, 0), row("a", 1, 1), row("id1", 1, 2),
        row("res2", 0, 0), row("b", 1, 1), row("id2", 1, 2));
    assertArrayEquals(new String[] {"", "├─", "└─", "", "├─", "└─"}, LayerTree.prefixes(layers));
  }

  @Test
  void lastBranchContinuesWithoutAGuide() {
    List<LayerInfo> layers = List.of(row("add1", 0, 0), row("a", 1, 1), row("b", 1, 2), row("c", 1, 2));
    assertArrayEquals(new String[] {"", "├─", "└─", "  "}, LayerTree.prefixes(layers));
  }
}
