package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that broke a property, each with what it did before its fix. The ones that need 100,000
 * lines are in {@link LimitsTest} (chained defs and one huge cycle hung the recursion check; a
 * chain with a repetition overflowed the stack), the character ones in
 * {@link HostileCharactersTest} (raw NUL and bidi marks in messages, the caret after an emoji).
 */
class RegressionTest {

  private static List<String> titles(String source) {
    Compilation result = Properties.check("regression", new Case.File(source));
    return result.errors().stream().map(Diagnostic::title).toList();
  }

  private static Diagnostic onlyError(String source) {
    Compilation result = Properties.check("regression", new Case.File(source));
    assertEquals(1, result.errors().size(), result.diagnostics()::toString);
    return result.errors().get(0);
  }

  // ---- hangs: repetition of what expands to no layer looped for every turn ----

  @Test
  void repeatedEmptyGroups() {
    assertTrue(titles("network N : 8x8x3\n (() x100000) x100000\n").isEmpty());
  }

  @Test
  void repeatedCallOfAnUnknownDef() {
    assertEquals(List.of("unknown def 'foo'"), titles("network N : 8x8x3\n (foo() x100000) x100000\n"));
  }

  @Test
  void repeatedLayersAfterAnError() {
    // after fc0 no row is added, and x{...} hides the count from the bound computed up front
    assertEquals(List.of("non-positive fc size", "the spec expands past the layer limit"),
        titles("network N : 8x8x3\n fc0 (relu x{1000000+0}) x{1000000+0}\n"));
  }

  // ---- stack overflows, reported as "spec too deeply nested" at 1:1 ----

  @Test
  void groupsInsideDefsCalledInsideGroups() {
    StringBuilder spec = new StringBuilder("network N : 8x8x3\ndef e0 { relu }\n");
    for (int i = 1; i < 64; i++) {
      spec.append("def e").append(i).append(" { ").append("(".repeat(60)).append("e").append(i - 1)
          .append(")".repeat(60)).append(" }\n");
    }
    Diagnostic d = onlyError(spec + "e63 x2\n");
    assertEquals("nesting too deep", d.title());
    assertEquals(64, d.line());
  }

  @Test
  void defCallsBetweenBrackets() {
    assertEquals("nesting too deep", onlyError("network N : 8x8x3\ndef f { relu }\n" + "( f() ".repeat(5_000)
        + ")".repeat(5_000) + "\n").title());
  }

  @Test
  void aRunOfMinusSigns() {
    assertEquals("nesting too deep", onlyError("network N : 8x8x3\n conv3-{" + "-".repeat(5_000) + "1}\n").title());
  }

  @Test
  void aLongSum() {
    assertEquals("expression too long", onlyError("network N : 8x8x3\n conv3-{" + "1+".repeat(3_000) + "1}\n").title());
  }

  // ---- exceptions caught as "internal error" ----

  @Test
  void zeropadPast64Bits() {
    assertEquals("absurd padding", onlyError("network N : 8x8x3\n zeropad99999999999999999999\n").title());
  }

  @Test
  void aLayerOutputWithMoreValuesThanALongHolds() {
    // each dimension fits an int, the product of the three does not fit a long: negative activations
    Diagnostic d = onlyError("network N : 224x224x3000\n adaptiveavgpool1000000000\n");
    assertEquals("size too large", d.title());
    assertEquals("adaptiveavgpool1000000000 would produce 1000000000x1000000000x3000, more values than a 64-bit "
        + "count holds", d.detail());
  }

  @Test
  void anInputWithMoreValuesThanALongHolds() {
    assertEquals("absurd input size", onlyError("network N : 1000000000x1000000000x1000000000\n relu\n").title());
  }

  @Test
  void concatenatedChannelsWithMoreValuesThanALongHolds() {
    Diagnostic d = onlyError("network N : 1000000000x1000000000x1\n cat { id | id | id | id | id | id | id | id | id | id }\n");
    assertEquals("size too large", d.title());
    assertEquals("cat yields 10 channels of 1000000000x1000000000, more values than a 64-bit count holds", d.detail());
  }

  // ---- wrong numbers ----

  @Test
  void zeropadWrappedToANegativeSize() {
    Diagnostic d = onlyError("network N : 8x8x3\n zeropad4611686018427387904\n");
    assertEquals("absurd padding", d.title());
    assertTrue(!d.detail().contains("-"), d.detail());
  }

  @Test
  void aReceptiveFieldRoundedPast2To53() {
    // was 2,000,000,002,000,000,000 for 2,000,000,002,000,000,003
    assertEquals("counts overflow", onlyError("network N : 8x8x3\n conv1-1/1000000000 x2 conv3-1\n").title());
  }

  @Test
  void aReceptiveFieldThatBecameNaN() {
    // the jump overflowed to infinity, and a 1x1 kernel's 0 x infinity made the size NaN, shown as 0
    assertEquals("counts overflow", onlyError("network N : 8x8x3\n conv1-1/1000000000 x40 conv1-1\n").title());
  }

  @Test
  void flopsPast64Bits() {
    // MACs of 4.7e18 were accepted; NetworkInfo.flops() = 2 x MACs then threw
    Diagnostic d = onlyError("network N : 30000x30000x3\n fc1000000000 fc1000000000 fc1000000000\n");
    assertEquals("counts overflow", d.title());
  }

  @Test
  void aRecursiveDefCountedAsItsBodyInTheLayerBound() {
    // a recursive def expands to nothing; counting its body added a false "expands past the limit"
    assertEquals(List.of("recursive def 'a'"), titles("network N : 8x8x3\ndef a { relu x1000 a }\n a x5000\n"));
  }

  @Test
  void aDefWordWithModifiersCountedAsTheDefInTheLayerBound() {
    // blk p1 is a layer word (an unknown one), not a call; the bound counted 1000 x 5000 rows
    List<String> titles = titles("network N : 8x8x3\ndef blk { relu x1000 }\n blk p1 x5000\n");
    assertTrue(titles.stream().noneMatch(t -> t.contains("layer limit")), titles::toString);
  }

  @Test
  void aDropoutProbabilityRoundedToOne() {
    // found by the fuzzer: parsed as a double, 0.99999999999999999999 is 1.0 and was refused as
    // "drops 0.99999999999999999999 of its input", out of range
    assertTrue(titles("network N : 8x8x3\n dropout0.99999999999999999999\n").isEmpty());
    assertEquals("dropout probability out of range", onlyError("network N : 8x8x3\n dropout1.0\n").title());
  }

  // ---- hints that said nothing ----

  @Test
  void aRepetitionGluedToALayersNumber() {
    // once an unknown word with a hint to add a space; now a repetition, as conv3-64x2 always was
    // (docs/language.md, "A trailing xN"): forty doublings of 8 pass any size a shape holds
    assertEquals("size too large", onlyError("network N : 8x8x3\n upsample2x40\n").title());
    assertTrue(titles("network N : 8\n fc4096x2\n").isEmpty());
  }

  @Test
  void aMegabyteWordIsQuotedByItsEnds() {
    // the title quoted the whole word, a megabyte on one line
    Diagnostic d = onlyError("network N : 8x8x3\n relu " + "a".repeat(1_000_000) + "z relu\n");
    assertEquals("unknown layer '" + "a".repeat(185) + "..." + "a".repeat(198) + "z'", d.title());
  }

  @Test
  void aWordWhoseStemIsRight() {
    assertEquals("did you mean gap?", onlyError("network N : 8x8x3\n gap3\n").hint());
  }

  // ---- issue 13: gigabytes, or javac's crash, from small specs ----

  private static List<String> codes(String source) {
    Compilation result = Properties.checkBounded("regression", new Case.File(source));
    return result.errors().stream().map(Diagnostic::code).distinct().toList();
  }

  @Test
  void theHostileSeedsAreAnsweredWithinTheirBounds() {
    for (Seeds.Seed seed : Seeds.hostile()) {
      Properties.checkBounded(seed.name(), new Case.File(seed.text()));
    }
  }

  @Test
  void aMillionDefCallsCompileAsAMillionLayersDo() {
    Compilation result = Properties.checkBounded("calls", new Case.File("network Big : 8x8x3\ndef b { relu } b x1000000\n",
        Limits.DEFAULT.withMaxLayers(2_000_000)));
    assertEquals(1_000_000, result.networkOrThrow().layers().size());
    assertEquals("b1000000.relu1", ((io.cnnspec.model.LayerTable) result.networkOrThrow().layers()).name(999_999));
  }

  @Test
  void theDoublingChainOfFortyOneDefsIsRefusedBeforeExpanding() {
    StringBuilder chain = new StringBuilder("network Chain : 8x8x3\ndef blk40 { relu }\n");
    for (int i = 39; i >= 0; i--) {
      chain.append("def blk").append(i).append(" { blk").append(i + 1).append(" blk").append(i + 1).append(" }\n");
    }
    Diagnostic only = onlyError(chain + "blk0\n");
    assertEquals("layer-limit", only.code());
    assertEquals(43, only.line());
  }

  @Test
  void aChainOfSingleCallsIsRefusedForItsBlocksBeforeExpanding() {
    // 63 def calls a layer, which kept 36 bytes each alive and ran a 256 MB heap out at 1,999,999 layers
    Diagnostic only = onlyError(Seeds.callChain());
    assertEquals("layer-limit", only.code());
    assertEquals("this repetition alone expands to at least 6,299,937 def calls, repetitions and labelled groups;"
        + " the limit is 100,000", only.detail());
    assertEquals(65, only.line());
  }

  @Test
  void nestedLabelledGroupsAreRefusedForTheirBlocksBeforeExpanding() {
    Diagnostic only = onlyError(Seeds.groupNest());
    assertEquals("layer-limit", only.code());
    assertEquals("this repetition alone expands to at least 5,999,940 def calls, repetitions and labelled groups;"
        + " the limit is 100,000", only.detail());
  }

  @Test
  void theTurnsOfALabelledRepetitionAreNamedAndCheckedWithoutANameEach() {
    Compilation result = Properties.check("labels", new Case.File("network L : 8x8x3\nrelu x3 @a conv3-8 @b\n"));
    assertEquals(List.of("a_1", "a_2", "a_3", "b"),
        result.networkOrThrow().layers().stream().map(io.cnnspec.model.LayerInfo::name).toList());
    assertEquals(List.of("duplicate layer name 'a_2'"), titles("network L : 8x8x3\nrelu x3 @a relu@a_2\n"));
    assertEquals(List.of("duplicate layer name 'a_2'"), titles("network L : 8x8x3\nrelu@a_2 relu x3 @a\n"));
  }

  @Test
  void aThirtyThousandCharacterDefNameIsTooLong() {
    assertEquals(List.of("name-too-long"), codes("network N : 8x8x3\ndef " + "b".repeat(30_000) + " { relu }\nrelu\n"));
  }

  @Test
  void threeHundredLongNearMissesOfALongDefNameAreAnsweredCheaply() {
    String name = "b".repeat(128);
    String nearMiss = "b".repeat(63) + "c" + "b".repeat(64);
    String longMiss = "b".repeat(4_999) + "c";
    Compilation result = Properties.checkBounded("near-misses", new Case.File("network N : 8x8x3\ndef " + name
        + " { relu }\n" + (nearMiss + "\n").repeat(150) + (longMiss + "\n").repeat(150)));
    assertEquals("did you mean " + name + "?", result.errors().get(0).hint());
    assertEquals(List.of("unknown-layer", "too-many-errors"), result.errors().stream().map(Diagnostic::code).distinct().toList());
  }

  @Test
  void aSeventyThousandCharacterLabelIsTooLong() {
    assertEquals(List.of("name-too-long"), codes("network N : 8x8x3\nconv3-8 @" + "l".repeat(70_000) + "\n"));
  }
}
