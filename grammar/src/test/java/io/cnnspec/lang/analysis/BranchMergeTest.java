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
  void branchCounts() {
    Parts parts = Parts.reporting();
    BranchMerge merges = new BranchMerge(parts.source);
    assertTrue(merges.countFits(branch(Element.BranchKind.RES, 2)));
    assertTrue(merges.countFits(branch(Element.BranchKind.CAT, 5)));
    assertFalse(merges.countFits(branch(Element.BranchKind.RES, 3)));
    assertFalse(merges.countFits(branch(Element.BranchKind.MUL, 2)));
    assertEquals(List.of("branch-count", "branch-count"), parts.codes());
  }
}
