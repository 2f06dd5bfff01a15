package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Sequence;
import io.cnnspec.model.Shape;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchMergeTest {

  private static Element.Branch branch(Element.BranchKind kind, int count) {
    return new Element.Branch(kind, Collections.nCopies(count, new Sequence(List.of(), Parts.AT)), null, null, Parts.AT);
  }

  @Test
  void catJoinsChannels() {
    Parts parts = Parts.reporting();
    // GoogLeNet's inception (3a): 64 + 128 + 32 + 32 on 28x28
    Shape merged = new BranchMerge(parts.source).merge(branch(Element.BranchKind.CAT, 4), Shape.of(28, 28, 192),
        List.of(Shape.of(28, 28, 64), Shape.of(28, 28, 128), Shape.of(28, 28, 32), Shape.of(28, 28, 32)));
    assertEquals(Shape.of(28, 28, 256), merged);
  }

  @Test
  void addNeedsEqualShapesAndResSuggestsAProjection() {
    Parts parts = Parts.reporting();
    BranchMerge merges = new BranchMerge(parts.source);
    assertEquals(Shape.of(8, 8, 4), merges.merge(branch(Element.BranchKind.ADD, 2), Shape.of(8, 8, 4),
        List.of(Shape.of(8, 8, 4), Shape.of(8, 8, 4))));
    assertNull(merges.merge(branch(Element.BranchKind.RES, 1), Shape.of(56, 56, 64),
        List.of(Shape.of(28, 28, 128), Shape.of(56, 56, 64))));
    assertEquals(List.of("shape-mismatch"), parts.codes());
    assertEquals("give the shortcut a projection, e.g. res { ... | conv1-128/2 bn }", parts.reporter.diagnostics().get(0).hint());
  }

  @Test
  void mulScalesEachChannel() {
    Parts parts = Parts.reporting();
    BranchMerge merges = new BranchMerge(parts.source);
    Shape in = Shape.of(14, 14, 96);
    assertEquals(in, merges.merge(branch(Element.BranchKind.MUL, 1), in, List.of(Shape.vector(96))));
    assertEquals(in, merges.merge(branch(Element.BranchKind.MUL, 1), in, List.of(Shape.of(1, 1, 96))));
    assertNull(merges.merge(branch(Element.BranchKind.MUL, 1), in, List.of(Shape.vector(24))));
    assertEquals(List.of("mul branch does not fit"), parts.titles());
  }

  @Test
  void mulOfTwoBranchesScalesTheFirstByTheSecond() {
    Parts parts = Parts.reporting();
    BranchMerge merges = new BranchMerge(parts.source);
    // LR-ASPP's head on 33x33x960: a 1x1 convolution to 128 times a gate of 128 from the same map
    Shape in = Shape.of(33, 33, 960);
    assertEquals(Shape.of(33, 33, 128), merges.merge(branch(Element.BranchKind.MUL, 2), in,
        List.of(Shape.of(33, 33, 128), Shape.of(1, 1, 128))));
    assertEquals(Shape.of(33, 33, 128), merges.merge(branch(Element.BranchKind.MUL, 2), in,
        List.of(Shape.of(33, 33, 128), Shape.of(33, 33, 1))));
    assertNull(merges.merge(branch(Element.BranchKind.MUL, 2), in, List.of(Shape.of(33, 33, 128), Shape.of(1, 1, 960))));
    assertEquals(List.of("shape-mismatch"), parts.codes());
    assertEquals("mul's gate (its second branch) yields 1x1x960 for a map of 33x33x128; it must yield 128 or 1x1x128"
        + " to scale each channel, 33x33x1 to scale each position, or 33x33x128 to scale each value",
        parts.reporter.diagnostics().get(0).detail());
    // the four it lists are the four it takes
    assertEquals(Shape.of(33, 33, 128), merges.merge(branch(Element.BranchKind.MUL, 2), in,
        List.of(Shape.of(33, 33, 128), Shape.of(33, 33, 128))));
  }

  @Test
  void branchCounts() {
    Parts parts = Parts.reporting();
    BranchMerge merges = new BranchMerge(parts.source);
    assertTrue(merges.countFits(branch(Element.BranchKind.RES, 2)));
    assertTrue(merges.countFits(branch(Element.BranchKind.CAT, 5)));
    assertFalse(merges.countFits(branch(Element.BranchKind.RES, 3)));
    assertTrue(merges.countFits(branch(Element.BranchKind.MUL, 2)));
    assertFalse(merges.countFits(branch(Element.BranchKind.MUL, 3)));
    assertEquals(List.of("branch-count", "branch-count"), parts.codes());
  }
}
