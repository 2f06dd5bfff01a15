package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cnnspec.lang.syntax.Header;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.model.LayerTable;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkChecksTest {

  private static NetworkInfo fc(Parts parts, long params) {
    LayerTable.Builder rows = LayerTable.builder();
    int row = rows.reserve();
    // fc10 on 100 values: 100 x 10 weights + 10 biases, 1,000 MACs
    rows.set(row, "fc", 1, "fc", "fc10", 0, 0, Shape.vector(100), Shape.vector(10), params, 0, 1_000, 10, 1, 1);
    return new NetworkChecks(parts.source).totals("N", Shape.vector(100), Shape.vector(10), Parts.AT, rows.build(), List.of(), List.of());
  }

  @Test
  void totalsAddTheRows() {
    Parts parts = Parts.reporting();
    NetworkInfo net = fc(parts, 1_010);
    assertEquals(1_010, net.params());
    assertEquals(1_000, net.macs());
    assertEquals(2_000, net.flops());
    assertEquals(110, net.activations(), "the input's 100 and the output's 10");
  }

  @Test
  void totalsThatPassSixtyFourBitsAreAnError() {
    Parts parts = Parts.reporting();
    LayerTable.Builder rows = LayerTable.builder();
    int row = rows.reserve();
    rows.set(row, "fc", 1, "fc", "fc10", 0, 0, Shape.vector(100), Shape.vector(10), 1, 0, Long.MAX_VALUE / 2 + 1, 10, 1, 1);
    assertNull(new NetworkChecks(parts.source).totals("N", Shape.vector(100), Shape.vector(10), Parts.AT, rows.build(), List.of(), List.of()));
    assertEquals(List.of("counts-overflow"), parts.codes());
  }

  @Test
  void expectLinesCompareFigures() {
    Parts parts = Parts.reporting();
    NetworkChecks checks = new NetworkChecks(parts.source);
    NetworkInfo net = fc(parts, 1_010);
    checks.expect(new Statement.Expect("params", 1_010, Parts.AT, Parts.AT), net);
    checks.expect(new Statement.Expect("Non-Trainable", 0, Parts.AT, Parts.AT), net);
    checks.expect(new Statement.Expect("flops", 1_000, Parts.AT, Parts.AT), net);
    checks.expect(new Statement.Expect("parms", 1, Parts.AT, Parts.AT), net);
    assertEquals(List.of("expect-differs", "unknown-figure"), parts.codes());
    assertEquals("did you mean expect params?", parts.reporter.diagnostics().get(1).hint());
  }

  @Test
  void theDeclaredOutput() {
    Parts parts = Parts.reporting();
    NetworkChecks checks = new NetworkChecks(parts.source);
    checks.declaredOutput(Shape.vector(1000), new Header.ShapeLiteral(List.of(1000L), Parts.AT));
    checks.declaredOutput(Shape.of(1, 1, 1000), new Header.ShapeLiteral(List.of(1000L), Parts.AT));
    checks.declaredOutput(Shape.of(7, 7, 512), new Header.ShapeLiteral(List.of(7L, 7L, 512L), Parts.AT));
    checks.declaredOutput(Shape.vector(10), new Header.ShapeLiteral(List.of(1000L), Parts.AT));
    assertEquals(List.of("declared-output-differs"), parts.codes());
  }
}
