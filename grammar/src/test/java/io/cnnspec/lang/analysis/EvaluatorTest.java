package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.syntax.Expr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static Expr lit(long v) {
    return new Expr.Literal(v, Parts.AT);
  }

  private static Expr bin(char op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b, Parts.AT);
  }

  @Test
  void evaluatesWithParametersAndIn() {
    Parts parts = Parts.reporting();
    Evaluator numbers = new Evaluator(parts.source);
    // {4*c + in/2} with c = 16 and 64 channels arriving
    Expr expr = bin('+', bin('*', lit(4), new Expr.Variable("c", Parts.AT)), bin('/', new Expr.InChannels(Parts.AT), lit(2)));
    assertEquals(96L, numbers.evaluate(expr, Map.of("c", 16L), 64L));
    assertEquals(-5L, numbers.evaluate(new Expr.Negate(lit(5), Parts.AT), Map.of(), null));
    assertEquals(List.of(), parts.codes());
  }

  @Test
  void reportsUnknownNamesDivisionByZeroAndOverflow() {
    Parts parts = Parts.reporting();
    Evaluator numbers = new Evaluator(parts.source);
    assertNull(numbers.evaluate(new Expr.Variable("d", Parts.AT), Map.of("c", 1L), 3L));
    assertNull(numbers.evaluate(bin('/', lit(1), lit(0)), Map.of(), 3L));
    assertNull(numbers.evaluate(bin('*', lit(Long.MAX_VALUE), lit(2)), Map.of(), 3L));
    assertEquals(List.of("unknown-name", "division-by-zero", "number-overflow"), parts.codes());
  }

  @Test
  void theOneDivisionThatOverflowsIsAnError() {
    Parts parts = Parts.reporting();
    Evaluator numbers = new Evaluator(parts.source);
    // Long.MIN_VALUE / -1 is 2^63, one past Long.MAX_VALUE; Java's / wraps it to Long.MIN_VALUE
    assertNull(numbers.evaluate(bin('/', lit(Long.MIN_VALUE), lit(-1)), Map.of(), null));
    assertEquals(Long.MIN_VALUE + 1, numbers.evaluate(bin('/', lit(Long.MIN_VALUE + 1), lit(-1)), Map.of(), null) * -1);
    assertEquals(Long.MIN_VALUE / 2, numbers.evaluate(bin('/', lit(Long.MIN_VALUE), lit(2)), Map.of(), null));
    assertEquals(List.of("number-overflow"), parts.codes());
  }

  @Test
  void layerNumbersAreBetweenOneAndTheLimit() {
    Parts parts = Parts.reporting();
    Evaluator numbers = new Evaluator(parts.source);
    assertTrue(numbers.inRange(null, lit(1), "stride"));
    assertTrue(numbers.inRange(1_000_000_000L, lit(1), "stride"));
    assertFalse(numbers.inRange(0L, lit(0), "stride"));
    assertFalse(numbers.inRange(1_000_000_001L, lit(1), "channel count"));
    assertEquals(List.of("non-positive stride", "absurd channel count"), parts.titles());
  }
}
