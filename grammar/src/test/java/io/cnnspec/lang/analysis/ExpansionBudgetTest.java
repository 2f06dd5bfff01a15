package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cnnspec.lang.diagnostics.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpansionBudgetTest {

  private static ExpansionBudget budget(Parts parts, int maxLayers) {
    return new ExpansionBudget(parts.source, Limits.DEFAULT.withMaxLayers(maxLayers),
        Definitions.check(parts.defs(), parts.source));
  }

  @Test
  void theLowerBoundCountsRepetitionGroupsBranchesAndDefs() {
    Parts parts = Parts.of("def blk { conv3-4 relu }\n relu x3 (conv3-4 relu) x2 blk add { relu | relu relu } fire(1)");
    ExpansionBudget budget = budget(parts, 100);
    List<Long> rows = parts.elements.stream().map(e -> budget.minRows(e, 0)).toList();
    // relu x3 is 1 per turn (the caller multiplies); a group of 2; blk calls a def of 2;
    // add is its merge and 3 layers; an unknown def counts nothing
    assertEquals(List.of(1L, 2L, 2L, 4L, 0L), rows);
  }

  @Test
  void aRepetitionPastTheLimitIsRefusedBeforeExpanding() {
    Parts parts = Parts.of("(relu relu) x6");
    ExpansionBudget budget = budget(parts, 10);
    assertThrows(Abort.class, () -> budget.expand(parts.elements.get(0), 6));
    assertEquals(List.of("layer-limit"), parts.codes());
    assertEquals("this repetition alone expands to at least 12 layers; the limit is 10",
        parts.reporter.diagnostics().get(0).detail());
  }

  @Test
  void aDefCallPastTheLimitIsRefusedBeforeExpanding() {
    // 41 defs, each calling the next twice: blk0 is 2^40 layers, known from the defs alone
    StringBuilder spec = new StringBuilder("def blk40 { relu }\n");
    for (int i = 39; i >= 0; i--) {
      spec.append("def blk").append(i).append(" { blk").append(i + 1).append(" blk").append(i + 1).append(" }\n");
    }
    Parts parts = Parts.of(spec + "blk0");
    ExpansionBudget budget = budget(parts, 2_000_000);
    assertEquals(1L << 40, budget.minRows(parts.elements.get(0), 0));
    assertThrows(Abort.class, () -> budget.expand(parts.elements.get(0), 1));
    assertEquals(List.of("layer-limit"), parts.codes());
    assertEquals("this def call alone expands to at least 1,099,511,627,776 layers; the limit is 2,000,000",
        parts.reporter.diagnostics().get(0).detail());
  }

  @Test
  void aSingleLayerIsLeftToTheWalk() {
    Parts parts = Parts.of("relu add { relu | relu }");
    ExpansionBudget budget = budget(parts, 1);
    budget.walk(Parts.AT);
    budget.expand(parts.elements.get(0), 1);
    budget.expand(parts.elements.get(1), 1);
    assertEquals(List.of(), parts.codes());
  }

  @Test
  void walkingPastTheLimitStopsTheWalk() {
    Parts parts = Parts.reporting();
    ExpansionBudget budget = budget(parts, 3);
    budget.walk(Parts.AT);
    budget.walk(Parts.AT);
    budget.walk(Parts.AT);
    assertEquals(3, budget.walked());
    assertThrows(Abort.class, () -> budget.walk(Parts.AT));
    assertEquals(List.of("layer-limit"), parts.codes());
  }

  @Test
  void saturatingArithmeticNeverWraps() {
    assertEquals(Long.MAX_VALUE / 4, ExpansionBudget.saturatingMultiply(Long.MAX_VALUE / 2, 3));
    assertEquals(Long.MAX_VALUE / 4, ExpansionBudget.saturatingAdd(Long.MAX_VALUE, 1));
    assertEquals(6, ExpansionBudget.saturatingMultiply(2, 3));
  }
}
