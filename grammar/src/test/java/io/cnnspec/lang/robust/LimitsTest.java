package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.model.NetworkInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each limit gives its clear error, at its position, whatever the size of what passes it: the
 * layer limit (before expanding), nesting (also through def calls), def call depth, expression
 * length, number size, count overflow, and the error cap. Every compilation here is also held to
 * all of {@link Properties}.
 */
class LimitsTest {

  private static Compilation compile(String source) {
    return Properties.check("limits", new Case.File(source));
  }

  private static Compilation compile(String source, Limits limits) {
    return Properties.check("limits", new Case.File(source, limits));
  }

  /** For the inputs of 100,000 lines and more: one compilation (no determinism check), more time. */
  /** Big inputs, under a layer limit raised to 2,000,000 as a compile option allows. */
  private static Compilation compileBig(String source) {
    return Properties.checkOnce("limits-big", new Case.File(source, Limits.DEFAULT.withMaxLayers(2_000_000)),
        Duration.ofSeconds(120));
  }

  private static Diagnostic firstError(Compilation result) {
    assertFalse(result.ok(), "expected an error");
    return result.errors().get(0);
  }

  private static void assertAt(Diagnostic d, int line, int column) {
    assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.format());
  }

  @Test
  void nestedRepetitionIsRefusedBeforeItIsExpanded() {
    Diagnostic d = firstError(compile("network N : 8x8x3\n  ((relu x1000) x1000) x1000\n"));
    assertEquals("the spec expands past the layer limit", d.title());
    assertEquals("this repetition alone expands to at least 1,000,000,000 layers; the limit is 100,000", d.detail());
    assertAt(d, 2, 3);
  }

  @Test
  void repetitionThroughDefsIsRefusedBeforeItIsExpanded() {
    Diagnostic d = firstError(compile("""
        network N : 8x8x3
        def a { relu x1000 }
        def b { a x1000 }
        def c(n) { b x{n} }
          c(1000) x1000
        """));
    assertEquals("the spec expands past the layer limit", d.title());
  }

  @Test
  void theLayerLimitIsAnOption() {
    String spec = "network N : 8x8x3\n  (conv3-8 relu) x60\n";
    assertEquals("the spec expands past the layer limit",
        firstError(compile(spec, Limits.DEFAULT.withMaxLayers(100))).title());
    assertEquals(120, compile(spec, Limits.DEFAULT.withMaxLayers(120)).networkOrThrow().layers().size());
  }

  @Test
  void aLayerLimitPassedLayerByLayerIsReportedAtTheLayer() {
    // x{n} is not a literal, so the lower bound does not see it; the walk stops at the limit
    Diagnostic d = firstError(compile("network N : 8x8x3\ndef f(n) { relu x{n} }\n  f(60) f(60)\n",
        Limits.DEFAULT.withMaxLayers(100)));
    assertEquals("the spec expands past the layer limit", d.title());
  }

  @Test
  void aMillionLayersWrittenOutCompile() {
    Compilation result = compileBig("network N : 8x8x3\n" + "relu ".repeat(1_000_000));
    assertEquals(1_000_000, result.networkOrThrow().layers().size());
  }

  @Test
  void aFileOfAHundredThousandLines() {
    String lines = "network N : 8x8x3\n" + "conv3-8 relu\n".repeat(99_998) + "fooo\n";
    Diagnostic d = firstError(compileBig(lines));
    assertEquals("unknown layer 'fooo'", d.title());
    assertAt(d, 100_000, 1);
  }

  @Test
  void bracketsTenThousandDeep() {
    Diagnostic groups = firstError(compile("network N : 8x8x3\n" + "(".repeat(10_000) + "relu" + ")".repeat(10_000)));
    assertEquals("nesting too deep", groups.title());
    assertAt(groups, 2, 65);
    Diagnostic branches = firstError(compile("network N : 8x8x3\n" + "cat { ".repeat(10_000) + "relu" + " }".repeat(10_000)));
    assertEquals("nesting too deep", branches.title());
    assertAt(branches, 2, 64 * 6 + 5);
    Diagnostic braces = firstError(compile("network N : 8x8x3\n conv3-" + "{".repeat(10_000) + "1" + "}".repeat(10_000)));
    assertEquals("nesting too deep", braces.title());
  }

  @Test
  void defCallsAreBracketsToo() {
    Diagnostic d = firstError(compile("network N : 8x8x3\ndef f { relu }\n" + "( f() ".repeat(10_000) + ")".repeat(10_000)));
    assertEquals("nesting too deep", d.title());
  }

  @Test
  void nestingIsAnOption() {
    assertTrue(compile("network N : 8x8x3\n ((relu))\n", new Limits(100, 2, 64, 100)).ok());
    assertEquals("nesting too deep", firstError(compile("network N : 8x8x3\n (((relu)))\n", new Limits(100, 2, 64, 100))).title());
  }

  @Test
  void nestingCountsThroughDefCalls() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\ndef e0 { relu }\n");
    for (int i = 1; i < 64; i++) {
      spec.append("def e").append(i).append(" { ").append("(".repeat(60)).append("e").append(i - 1)
          .append(")".repeat(60)).append(" }\n");
    }
    spec.append("e63\n");
    Diagnostic d = firstError(compile(spec.toString()));
    assertEquals("nesting too deep", d.title());
    assertEquals("with the def calls around it, groups and branches nest more than 64 levels here", d.detail());
    // a realistic depth is far from it
    assertTrue(compile("network N : 8x8x3\ndef a { (relu) }\ndef b { (a a) }\ndef c { cat { b | b } }\n c x2\n").ok());
  }

  @Test
  void defCallsDeeperThanTheLimit() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\ndef a0 { relu }\n");
    for (int i = 1; i <= 100; i++) {
      spec.append("def a").append(i).append(" { a").append(i - 1).append(" }\n");
    }
    Diagnostic d = firstError(compile(spec + "a100\n"));
    assertEquals("defs nest too deep", d.title());
    assertEquals("calls reach 64 defs deep here", d.detail());
    assertEquals(1, compile(spec + "a63\n").networkOrThrow().layers().size());
    Limits three = new Limits(100, 64, 3, 100);
    assertTrue(compile(spec + "a2\n", three).ok());
    assertEquals("defs nest too deep", firstError(compile(spec + "a3\n", three)).title());
  }

  @Test
  void aHundredThousandChainedDefs() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\ndef a0 { relu }\n");
    for (int i = 1; i < 100_000; i++) {
      spec.append("def a").append(i).append(" { a").append(i - 1).append(" }\n");
    }
    assertEquals("defs nest too deep", firstError(compileBig(spec + "a99999\n")).title());
    assertEquals("defs nest too deep", firstError(compileBig(spec + "a99999 x2\n")).title());
  }

  @Test
  void aHundredThousandDefsInOneCycle() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\n");
    for (int i = 0; i < 100_000; i++) {
      spec.append("def c").append(i).append(" { c").append((i + 1) % 100_000).append(" }\n");
    }
    List<Diagnostic> errors = compileBig(spec + "relu\n").errors();
    assertEquals("recursive def 'c0'", errors.get(0).title());
    assertEquals("it reaches itself through a long chain of other defs", errors.get(0).detail());
    assertEquals("99900 more errors not shown", errors.get(100).title());
  }

  @Test
  void aLongCycleIsShownByItsEnds() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\n");
    for (int i = 0; i < 20; i++) {
      spec.append("def c").append(i).append(" { relu c").append((i + 1) % 20).append(" }\n");
    }
    assertEquals("it reaches itself: c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8 -> ... -> c0",
        compile(spec + "relu\n").errors().get(0).detail());
  }

  @Test
  void anExpressionOfAHundredThousandTerms() {
    Diagnostic d = firstError(compile("network N : 8x8x3\n conv3-{" + "1+".repeat(100_000) + "1}\n"));
    assertEquals("expression too long", d.title());
    assertAt(d, 2, 9);
    // a long but reasonable one is computed exactly
    NetworkInfo net = compile("network N : 8x8x3\n conv3-{" + "1+".repeat(200) + "1}\n").networkOrThrow();
    assertEquals(201, net.output().channels());
  }

  @Test
  void aRunOfMinusSigns() {
    Diagnostic d = firstError(compile("network N : 8x8x3\n conv3-{" + "-".repeat(100_000) + "1}\n"));
    assertEquals("nesting too deep", d.title());
    assertEquals(8, compile("network N : 8x8x3\n conv3-{" + "-".repeat(10) + "8}\n").networkOrThrow().output().channels());
  }

  @Test
  void numbersPast64Bits() {
    String huge = "99999999999999999999";
    for (String spec : List.of("conv3-" + huge, "conv3-8/" + huge, "relu x" + huge, "conv3-{" + huge + "}",
        "conv{" + huge + "}-8")) {
      Diagnostic d = firstError(compile("network N : 8x8x3\n " + spec + "\n"));
      assertEquals("number too large", d.title(), spec);
      assertEquals(huge + " does not fit in 64 bits", d.detail());
    }
    assertEquals("number too large", firstError(compile("network N : " + huge + "x8x3\n relu\n")).title());
    assertEquals("number too large", firstError(compile("network N : 8x8x3\nexpect params " + huge + "\n relu\n")).title());
    for (String word : List.of("fc", "conv", "maxpool", "upsample", "zeropad", "gn", "adaptiveavgpool")) {
      Diagnostic d = firstError(compile("network N : 8x8x3\n " + word + huge + (word.equals("conv") ? "-8" : "") + "\n"));
      assertTrue(d.title().startsWith("absurd "), d.format());
    }
  }

  @Test
  void numbersPastTheLayerBound() {
    Diagnostic d = firstError(compile("network N : 8x8x3\n conv3-1000000001\n"));
    assertEquals("absurd channel count", d.title());
    assertEquals("absurd input size", firstError(compile("network N : 1000000001x8x3\n relu\n")).title());
  }

  @Test
  void numbersPastTheLayerBoundInWords() {
    List<Diagnostic> errors = compile("network N : 100000x100000x1000\n fc2000000000 fc2000000000 fc2000000000\n").errors();
    assertEquals(List.of("absurd fc size", "absurd fc size", "absurd fc size"), errors.stream().map(Diagnostic::title).toList());
    assertEquals("'fc2000000000' has fc size 2000000000", errors.get(0).detail());
  }

  @Test
  void countsOverflowNamesTheLayer() {
    Diagnostic layer = firstError(compile("network N : 100000x100000x1000\n fc1000000000\n"));
    assertEquals("counts overflow", layer.title());
    assertEquals("the figures of fc1000000000 do not fit in 64 bits", layer.detail());
    assertAt(layer, 2, 2);
    Diagnostic totals = firstError(compile("network N : 30000x30000x3\n fc1000000000 fc1000000000 fc1000000000\n"));
    assertEquals("counts overflow", totals.title());
    assertTrue(totals.detail().endsWith("at layer fc3 (fc1000000000)"), totals.detail());
  }

  @Test
  void upsamplingUntilTheSizesOverflow() {
    Diagnostic d = firstError(compile("network N : 224x224x3\n upsample2 x40\n"));
    assertEquals("size too large", d.title());
    assertEquals("upsample2 would produce 1879048192x1879048192x3, more values than a 64-bit count holds", d.detail());
    Diagnostic dims = firstError(compile("network N : 224x224x3\n upsample1000 x4\n"));
    assertEquals("upsample1000 would produce 224000000000x224000000000x3", dims.detail());
    Diagnostic values = firstError(compile("network N : 224x224x3\n conv1-100000 upsample2 x16\n"));
    assertEquals("size too large", values.title());
    assertTrue(values.detail().endsWith("more values than a 64-bit count holds"), values.detail());
  }

  @Test
  void receptiveFieldsPastExactArithmetic() {
    // the jump reaches 10^18 at the second layer: past 2^53 the next size could not be exact
    Diagnostic d = firstError(compile("network N : 8x8x3\n conv1-1/1000000000 x2 conv3-1\n"));
    assertEquals("counts overflow", d.title());
    assertAt(d, 2, 2);
    assertTrue(compile("network N : 8x8x3\n conv1-1/1000000 x2 conv3-1\n").ok());
  }

  @Test
  void errorsPastTheCapAreCounted() {
    List<Diagnostic> errors = compile("network N : 8x8x3\n" + "fooo ".repeat(1000)).errors();
    assertEquals(101, errors.size());
    assertEquals("900 more errors not shown", errors.get(100).title());
    List<Diagnostic> two = compile("network N : 8x8x3\n" + "fooo ".repeat(10), new Limits(100, 64, 64, 2)).errors();
    assertEquals("8 more errors not shown", two.get(2).title());
  }

  @Test
  void repeatingNothingCostsNothing() {
    assertEquals(0, compile("network N : 8x8x3\n (() x100000) x100000\n").networkOrThrow().layers().size());
    assertEquals(0, compile("network N : 8x8x3\n (() x{100000+0}) x{100000+0}\n").networkOrThrow().layers().size());
    assertEquals(1, compile("network N : 8x8x3\n (foo() x100000) x100000\n").errors().size());
  }

  @Test
  void layersAfterAnErrorCountTowardsTheLimit() {
    // after fc0 the shape is unknown and no rows are added; x{...} is not a literal, so only the
    // count of layers walked stops the expansion
    List<String> titles = compile("network N : 8x8x3\n fc0 (relu x{1000+0}) x{1000+0}\n",
        Limits.DEFAULT.withMaxLayers(10_000)).errors().stream().map(Diagnostic::title).toList();
    assertEquals(List.of("non-positive fc size", "the spec expands past the layer limit"), titles);
  }
}
