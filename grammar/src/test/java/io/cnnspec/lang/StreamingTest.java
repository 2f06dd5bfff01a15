package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The top level is analysed while the parser reads it; what the user sees must be what parsing
 * everything first and analysing after gave.
 */
class StreamingTest {

  @Test
  void aSyntaxErrorAfterAnAnalysisErrorIsTheOnlyError() {
    // the fast pass has analysed "rleu" (unknown) before it meets ")"; that is taken back
    List<Diagnostic> errors = Specs.errors("network N : 32x32x3\n  conv3-8 rleu conv3-8\n  relu ) relu\n");
    assertEquals(List.of("unexpected ')'"), errors.stream().map(Diagnostic::title).toList());
  }

  @Test
  void nestingTooDeepAfterAnAnalysisErrorIsTheOnlyError() {
    String deep = "(".repeat(80) + "relu" + ")".repeat(80);
    List<Diagnostic> errors = Specs.errors("network N : 32x32x3\n  conv3-8 rleu\n  " + deep + "\n");
    assertEquals(List.of("nesting too deep"), errors.stream().map(Diagnostic::title).toList());
  }

  @Test
  void modifiersFoldIntoTheLayerBeforeThemUpToTheLastLayer() {
    NetworkInfo net = Specs.compile("network N : 32x32x3\n  conv3-8 valid\n  conv3-8/2 p0 nobias\n  maxpool3/2 ceil\n");
    assertEquals(List.of("conv3-8 valid", "conv3-8/2 p0 nobias", "maxpool3/2 ceil"),
        net.layers().stream().map(LayerInfo::spec).toList());
  }

  @Test
  void aModifierFirstFollowsNoLayer() {
    assertEquals("modifier 'p1' does not follow a layer", Specs.onlyError("network N : 32x32x3\n  p1 conv3-8\n").title());
  }

  @Test
  void streamedAndWholeAnalysisAgreeAcrossInputForms() {
    String body = "def block(c) { conv3-{c} bn relu }\n block(16) x3 @b maxpool block(32) gap fc10";
    NetworkInfo inline = Specs.inline("32x32x3", body);
    NetworkInfo file = Specs.compile("network N : 32x32x3\n" + body + "\n");
    assertEquals(inline.layers(), file.layers());
    assertEquals(inline.params(), file.params());
    Compilation other = CnnSpec.compile(new SpecInput.File("network N : 32x32x3\nexpect params 1\n" + body + "\n", "n.cnn"),
        CompileOptions.DEFAULT.withInputSize("64x64x3"));
    assertEquals(inline.params(), other.network().orElseThrow().params());
  }

  @Test
  void errorsComeInTheOrderOfTheSpecThoughLayersAreHandedOverInBatches() {
    // the walk takes the top level a batch at a time; an error the parser reports (a number too
    // large) must still come after the walk's errors (an unknown layer) on the lines before it
    StringBuilder spec = new StringBuilder("network N : 8x8x3\n");
    int expected = 0;
    for (int line = 2; line < 302; line++) {
      boolean error = line % 50 == 7 || line % 50 == 30;
      expected += error ? 1 : 0;
      spec.append(line % 50 == 7 ? "rleu" : line % 50 == 30 ? "conv3-99999999999999999999" : "relu").append('\n');
    }
    List<Diagnostic> errors = Specs.errors(spec.toString());
    assertEquals(expected, errors.size());
    List<Integer> lines = errors.stream().map(Diagnostic::line).toList();
    assertEquals(lines.stream().sorted().toList(), lines);
    assertEquals(List.of("unknown layer 'rleu'", "number too large"), errors.subList(0, 2).stream().map(Diagnostic::title).toList());
  }

  @Test
  void aModifierFoldsIntoItsLayerAcrossEveryBatchBoundary() {
    NetworkInfo net = Specs.compile("network N : 8x8x3\n" + "conv3-8 p1 nobias\n".repeat(300));
    assertEquals(300, net.layers().size());
    assertEquals(List.of("conv3-8 p1 nobias"), net.layers().stream().map(LayerInfo::spec).distinct().toList());
  }
}
