package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code side { ... }}: extra outputs whose input passes on, with their shapes, rows and MACs. */
class SideOutputsTest {

  @Test
  void theMainPathGoesOnWithTheInputAndTheHeadIsAnOutput() {
    NetworkInfo n = Specs.compile("""
        network N : 16x16x4 -> 16x16x8
          side { conv3-2 } @head
          conv3-8
        """);
    // conv3-8 sees 16x16x4, the side's input, not the head's 16x16x2
    assertEquals(3 * 3 * 4 * 8 + 8, n.layer("conv1").params());
    assertEquals(List.of(new SideOutput("head", io.cnnspec.model.Shape.of(16, 16, 2), 0, 2, 3 * 3 * 4 * 2 * 256)),
        n.sideOutputs());
    LayerInfo side = n.layers().get(0);
    assertEquals("side", side.kind());
    assertEquals(side.input(), side.output());
    assertEquals(0, side.activations());
    assertTrue(side.isMerge());
    LayerInfo head = n.layer("head.conv1");
    assertEquals(1, head.depth());
    assertEquals(1, head.branch());
    // params and activations count the head; MACs only the main output
    assertEquals(3 * 3 * 4 * 2 + 2 + 3 * 3 * 4 * 8 + 8, n.params());
    assertEquals(3L * 3 * 4 * 8 * 256, n.macs());
    assertEquals(3L * 3 * 4 * 8 * 256 + 3 * 3 * 4 * 2 * 256, n.allMacs());
    assertEquals(16 * 16 * 4 + 16 * 16 * 2 + 16 * 16 * 8, n.activations());
  }

  @Test
  void aNestedSideOutputCountsItsOwnMacsOnly() {
    NetworkInfo n = Specs.compile("""
        network N : 8x8x2
          side { conv1-4 side { fc3 } @inner fc5 } @outer
          conv1-2
        """);
    SideOutput outer = n.sideOutputs().get(0);
    SideOutput inner = n.sideOutputs().get(1);
    assertEquals("outer", outer.name());
    assertEquals("outer.inner", inner.name());
    assertEquals(2L * 4 * 64 + 8 * 8 * 4 * 5, outer.macs());
    assertEquals(8L * 8 * 4 * 3, inner.macs());
    assertEquals(2L * 2 * 64, n.macs());
    assertEquals(io.cnnspec.model.Shape.vector(5), outer.shape());
  }

  @Test
  void sideOutputsInDefsAndRepetitionsAreNamedByTheirScope() {
    NetworkInfo n = Specs.compile("""
        network N : 8x8x2
          def stage { conv3-2 side { gap fc10 } }
          stage x2
        """);
    assertEquals(List.of("stage1.side1", "stage2.side1"), n.sideOutputs().stream().map(SideOutput::name).toList());
    assertNull(Specs.compile("network N : 8x8x2\n  conv3-2\n").sideOutputs().isEmpty() ? null : "side outputs");
  }

  @Test
  void expectAllmacsChecksEveryOutput() {
    Diagnostic d = Specs.onlyError("network N : 4x4x1\n  expect allmacs 1\n  side { fc2 } fc3\n");
    assertEquals("expect-differs", d.code());
    assertTrue(d.detail().contains("has 80 allmacs"), d.detail());
  }

  @Test
  void aSideTakesOneBranch() {
    Diagnostic d = Specs.onlyError("network N : 4x4x1\n  side { fc2 | fc3 }\n");
    assertEquals("branch-count", d.code());
    assertEquals("side takes one branch", d.title());
  }

  @Test
  void anErrorInTheHeadLeavesTheMainPathChecked() {
    // the head's error is reported, and so is the main path's own, independent one
    List<Diagnostic> errors = Specs.errors("network N : 8x8x4\n  side { conv3-8 g3 }\n  conv3-8 g5\n");
    assertEquals(List.of("groups-do-not-divide", "groups-do-not-divide"), errors.stream().map(Diagnostic::code).toList());
  }

  @Test
  void sideIsAKeyword() {
    assertEquals("syntax", Specs.errors("network N : 4x4x1\n  def side { relu }\n  relu\n").get(0).code());
  }
}
