package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

/** One test per error kind of docs/language.md's "Errors": message, position, caret and hint. */
class ErrorsTest {

  private static void assertAt(Diagnostic d, int line, int column) {
    assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.format());
  }

  @Test
  void anErrorInsideADefNamesTheCallThatReachedIt() {
    // 28 -> 26 -> 13, 11 -> 5, 3 -> 1: only the fourth call's conv3 valid has nothing left
    Diagnostic d = Specs.onlyError("def blk { conv3-32 valid relu maxpool }\nnetwork M : 28x28x1  blk blk blk blk\n");
    assertEquals("size-reaches-zero", d.code());
    assertAt(d, 1, 11);
    assertEquals(List.of(new Diagnostic.CallSite("blk", 2, 34)), d.calls());
    assertEquals(0, d.moreCalls());
    assertEquals("in blk, called at 2:34", d.callChain());
    assertTrue(d.positionedMessage().startsWith("size reaches zero at 1:11 (in blk, called at 2:34): "), d.positionedMessage());
    assertTrue(d.format().endsWith("\ntest.cnn:2:34: note: in blk, called here"), d.format());
  }

  @Test
  void nestedDefsNameTheWholeChainInnermostFirst() {
    Diagnostic d = Specs.onlyError("def blk { conv3-32 valid relu maxpool }\ndef two { blk\n  blk }\nnetwork M : 28x28x1\n  two two\n");
    assertAt(d, 1, 11);
    assertEquals(List.of(new Diagnostic.CallSite("blk", 3, 3), new Diagnostic.CallSite("two", 5, 7)), d.calls());
    assertEquals("in blk, called at 3:3; in two, called at 5:7", d.callChain());
    assertTrue(d.format().endsWith("\ntest.cnn:3:3: note: in blk, called here\ntest.cnn:5:7: note: in two, called here"),
        d.format());
  }

  @Test
  void aDefaultArgumentsErrorNamesTheCallButAnArgumentsErrorIsAtTheCall() {
    Diagnostic inDefault = Specs.onlyError("def blk(c = {in/0}) { conv1-{c} }\nnetwork M : 8x8x3\n  blk\n");
    assertEquals("division-by-zero", inDefault.code());
    assertEquals(List.of(new Diagnostic.CallSite("blk", 3, 3)), inDefault.calls());
    Diagnostic inArgument = Specs.onlyError("def blk(c) { conv1-{c} }\nnetwork M : 8x8x3\n  blk({1/0})\n");
    assertEquals("division-by-zero", inArgument.code());
    assertEquals(List.of(), inArgument.calls());
  }

  @Test
  void aDeepChainKeepsTheInnermostCallsAndCountsTheRest() {
    StringBuilder spec = new StringBuilder("def b0 { conv3-8 valid }\n");
    int depth = 20;
    for (int i = 1; i <= depth; i++) {
      spec.append("def b").append(i).append(" { b").append(i - 1).append(" }\n");
    }
    spec.append("network M : 2x2x1\n  b").append(depth).append('\n');
    Diagnostic d = Specs.onlyError(spec.toString());
    assertEquals(Diagnostic.MAX_CALLS, d.calls().size());
    assertEquals(depth - Diagnostic.MAX_CALLS + 1, d.moreCalls()); // 21 calls: b0 ... b20
    assertEquals(new Diagnostic.CallSite("b0", 2, 10), d.calls().get(0));
    assertTrue(d.callChain().endsWith("; and 13 more calls around those"), d.callChain());
    assertTrue(d.format().endsWith("\ntest.cnn: note: and 13 more calls around those, not shown"), d.format());
  }

  @Test
  void anErrorOutsideDefsNamesNoCalls() {
    Diagnostic d = Specs.onlyError("def blk { relu }\nnetwork M : 4x4x1  blk maxpool maxpool maxpool\n");
    assertEquals(List.of(), d.calls());
    assertEquals("", d.callChain());
  }

  @Test
  void unexpectedToken() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 ) relu\n");
    assertEquals("unexpected ')'", d.title());
    assertAt(d, 2, 12);
    assertTrue(d.caret().endsWith("\n               ^"), d.caret());
  }

  @Test
  void namesPastTheNameLengthLimitAreRefusedWhereTheyAreGiven() {
    String longest = "b".repeat(Limits.MAX_NAME_LENGTH);
    Specs.compile("network N : 8x8x3\ndef " + longest + " { relu @" + longest + " }\n" + longest);
    String tooLong = longest + "b";
    Diagnostic def = Specs.onlyError("network N : 8x8x3\ndef " + tooLong + " { relu }\n" + tooLong);
    assertEquals("name-too-long", def.code());
    assertEquals("def name too long", def.title());
    assertAt(def, 2, 5);
    Diagnostic label = Specs.onlyError("network N : 8x8x3\nconv3-8 @" + tooLong);
    assertEquals("name-too-long", label.code());
    assertAt(label, 2, 10);
    Diagnostic param = Specs.onlyError("network N : 8x8x3\ndef d(" + tooLong + ") { conv3-{" + tooLong + "} }\nd(4)");
    assertEquals("parameter name too long", param.title());
    assertAt(param, 2, 7);
  }

  @Test
  void unknownWordSuggestsTheNearestLayer() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 rleu\n");
    assertEquals("unknown layer 'rleu'", d.title());
    assertEquals("did you mean relu?", d.hint());
    assertAt(d, 2, 12);
  }

  @Test
  void equallyNearSuggestionsAlwaysGiveTheSame() {
    // relu and relu6 are both one edit from relux: the first alphabetically, on every run
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 relux\n");
    assertEquals("did you mean relu?", d.hint());
  }

  @Test
  void misspelledWordKeepsItsNumbersInTheSuggestion() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  convv3-64\n");
    assertEquals("did you mean conv3?", d.hint());
  }

  @Test
  void aWordForAnOperationTheLanguageLacksSaysSo() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 split2\n");
    assertEquals("unsupported operation 'split2'", d.title());
    assertEquals("it names a channel split (ShuffleNet V2's chunk) as a layer, which cnnspec does not have", d.detail());
    assertEquals("unsupported-operation", d.code());
    assertAt(d, 2, 12);
    assertEquals("unsupported operation 'lstm'", Specs.onlyError("network N : 32x32x3\n  lstm\n").title());
  }

  /** interpolate is resize (or upsample) in cnnspec, so it is not called missing, and the hint's forms compile. */
  @Test
  void interpolateIsToldItsCnnspecWords() {
    Diagnostic d = Specs.onlyError("network N : 8x8x4\n  interpolate\n");
    assertEquals("unsupported-operation", d.code());
    assertEquals("cnnspec writes it as resize: resizeHxW is interpolate(size=(H, W)), resize input sizes to the"
        + " network's input and a bare resize to where its branch began; upsampleN is interpolate(scale_factor=N)", d.detail());
    assertEquals("write resizeHxW, resize input, a bare resize at the end of a branch, or upsampleN", d.hint());
    assertEquals("12x10x4", Specs.compile("network N : 8x8x4\n  resize12x10\n").output().toString());
    assertEquals("8x8x4", Specs.compile("network N : 8x8x4\n  upsample2 resize input\n").output().toString());
    assertEquals("8x8x8", Specs.compile("network N : 8x8x4\n  cat { id | maxpool upsample2 resize }\n").output().toString());
  }

  @Test
  void anOutputSizeOfZeroTakesAn() {
    assertEquals("an output size must be at least 1", Specs.onlyError("network N : 8x8x4\n  crop0\n").hint());
    assertEquals("an output size must be at least 1", Specs.onlyError("network N : 8x8x4\n  resize0\n").hint());
    assertEquals("a group count must be at least 1", Specs.onlyError("network N : 8x8x4\n  gn0\n").hint());
  }

  @Test
  void depthMultiplierAndChannelsAreOneSizeGivenTwice() {
    Diagnostic d = Specs.onlyError("network N : 32x32x8\n  dwconv3-16 dm2\n");
    assertEquals("two-sizes", d.code());
    assertEquals("depthwise conv is given two sizes", d.title());
  }

  @Test
  void outputPaddingMustBeBelowStrideOrDilation() {
    Diagnostic d = Specs.onlyError("network N : 8x8x4\n  deconv3-4/2 outpad2\n");
    assertEquals("output-padding-too-large", d.code());
    assertEquals("use outpad1", d.hint().replaceAll(".*; ", ""));
    // PyTorch accepts output padding below the dilation even at stride 1
    assertEquals("11x11x4", Specs.inline("8x8x4", "deconv2-4 d2 outpad1").output().toString());
  }

  @Test
  void pixelShuffleNeedsAMultipleOfTheSquaredFactor() {
    Diagnostic d = Specs.onlyError("network N : 8x8x10\n  pixelshuffle3\n");
    assertEquals("channels-do-not-divide", d.code());
  }

  @Test
  void padChannelsCannotRemoveChannels() {
    Diagnostic d = Specs.onlyError("network N : 8x8x10\n  padchannels-8\n");
    assertEquals("unexpected-channels", d.code());
    assertEquals("missing-channels", Specs.onlyError("network N : 8x8x10\n  padchannels\n").code());
  }

  @Test
  void channelShuffleGroupsMustDivideTheChannels() {
    Diagnostic d = Specs.onlyError("network N : 8x8x240\n  channelshuffle7\n");
    assertEquals("groups-do-not-divide", d.code());
    assertEquals("use a group count that divides 240, e.g. channelshuffle6", d.hint());
  }

  @Test
  void aCropKeepsAtMostItsInput() {
    Diagnostic d = Specs.onlyError("network N : 8x8x2\n  crop9x4\n");
    assertEquals("crop-too-large", d.code());
    assertEquals("crop larger than its input", d.title());
  }

  @Test
  void instanceNormNeedsAMap() {
    // a vector input is the one vector there is: the fix is an HxWxC input (was spatial-after-flatten)
    assertEquals("vector-input", Specs.onlyError("network N : 10\n  instancenorm\n").code());
    assertEquals("spatial-after-flatten", Specs.onlyError("network N : 4x4x2\n  flatten instancenorm\n").code());
  }

  @Test
  void stochasticDepthIsAProbability() {
    assertEquals("probability-out-of-range", Specs.onlyError("network N : 8x8x1\n  stochasticdepth1.0\n").code());
  }

  @Test
  void unknownCharacter() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 % relu\n");
    assertEquals("unexpected character '%'", d.title());
    assertAt(d, 2, 12);
  }

  @Test
  void missingEnd() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  cat { conv3-8 | conv1-8\n");
    assertEquals("unexpected end of spec", d.title());
  }

  @Test
  void anOverflowingQuotientIsAnErrorNotAWrappedNumber() {
    // (MIN - 1 + 1) / -1 wrapped to Long.MIN_VALUE, and + MAX + 9 then gave 8: conv3-8 compiled
    Diagnostic d = Specs.onlyError(
        "network N : 8x8x3\n  conv3-{(0-9223372036854775807-1)/(0-1) + 9223372036854775807 + 9}\n");
    assertEquals("number-overflow", d.code());
    assertAt(d, 2, 35); // the division
  }

  @Test
  void aChannelsFirstInputIsNamedAsSuch() {
    // following the old hint (pad the layer) compiled a network 1 pixel high with 28 channels
    Diagnostic d = Specs.onlyError("network M : 1x28x28\n  conv3-32 relu maxpool conv3-64 relu maxpool fc10\n");
    assertEquals("size-reaches-zero", d.code());
    assertTrue(d.hint().contains("height x width x channels"), d.hint());
    assertTrue(d.hint().endsWith("write the input as 28x28x1"), d.hint());
    Diagnostic rgb = Specs.onlyError("network M : 3x224x224\n  conv7-64/2 p3 maxpool3/2 p1 maxpool fc10\n");
    assertTrue(rgb.hint().endsWith("write the input as 224x224x3"), rgb.hint());
    // an input that is height x width x channels keeps the usual hint
    assertTrue(Specs.onlyError("network N : 8x8x3\n  conv3-8 maxpool maxpool maxpool conv5-8 valid\n").hint()
        .startsWith("the input is too small here"));
  }

  @Test
  void aChannelsFirstInputThatCompilesIsWarnedAbout() {
    // 3x224x224 with same padding compiles: 3 pixels high with 224 channels, 129,088 params in conv1
    Compilation c = CnnSpec.compile(new SpecInput.File("network T : 3x224x224 -> 10\n  conv3-64 relu gap fc10\n", "t.cnn"),
        CompileOptions.DEFAULT);
    assertTrue(c.ok(), c.diagnostics()::toString);
    assertEquals(1, c.diagnostics().size(), c.diagnostics()::toString);
    Diagnostic w = c.diagnostics().get(0);
    assertEquals(Diagnostic.Severity.WARNING, w.severity());
    assertEquals("channels-first-input", w.code());
    assertAt(w, 1, 13);
    assertTrue(w.hint().endsWith("write the input as 224x224x3"), w.hint());
    // the fix compiles, without the warning
    Compilation fixed = CnnSpec.compile(new SpecInput.File("network T : 224x224x3 -> 10\n  conv3-64 relu gap fc10\n", "t.cnn"),
        CompileOptions.DEFAULT);
    assertTrue(fixed.ok() && fixed.diagnostics().isEmpty(), fixed.diagnostics()::toString);
    // the annotation's input and --input are warned about on the input
    Compilation inline = CnnSpec.compile(new SpecInput.Inline("T", "1x28x28", "conv3-8 relu", "T.java"), CompileOptions.DEFAULT);
    assertTrue(inline.ok());
    assertEquals(Diagnostic.Part.INPUT, inline.diagnostics().get(0).part());
    assertTrue(inline.diagnostics().get(0).hint().endsWith("write the input as 28x28x1"));
  }

  /** The declared output's hint names real layers that, appended, reach the declared output. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "8x8x3; 8x8x16; conv3-8; conv1-16",
      "32x32x3; 8x8x16; conv3-8; maxpool4 conv1-16",
      "8x8x3; 16x16x8; conv3-8; upsample2",
      "10x10x3; 3x3x8; conv3-8; adaptiveavgpool3",
      "10x10x3; 3x4x8; conv3-8; adaptiveavgpool3x4"})
  void aDeclaredMapIsReachedByTheHintsLayers(String input, String output, String layers, String fix) {
    // "gap fc8x8x16" was the hint for a map: not a layer, and it would flatten the map
    Diagnostic d = Specs.onlyError("network N : " + input + " -> " + output + "\n  " + layers + "\n");
    assertEquals("declared-output-differs", d.code());
    assertEquals("end the network with " + fix + " to reach " + output + ", or fix the header to -> "
        + Specs.inline(input, layers).output(), d.hint());
    Specs.compile("network N : " + input + " -> " + output + "\n  " + layers + " " + fix + "\n");
  }

  @Test
  void aDeclaredMapAfterAVectorSaysItCannotBeReached() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3 -> 4x4x10\n  fc10\n");
    assertEquals("a flat vector does not become a map again: fix the header to -> 10, or end the network before its fc or flatten",
        d.hint());
  }

  @Test
  void anOddSizeRoundedDownByAPoolIsNamedAsTheCause() {
    Diagnostic d = Specs.onlyError("network N : 9x9x4\n  cat { id | maxpool conv3-4 upsample2 }\n");
    assertEquals("shape-mismatch", d.code());
    assertTrue(d.detail().contains("branch 1 ends in 9x9x4 but branch 2 ends in 8x8x4"), d.detail());
    assertEquals("the input's odd height 9 is rounded down by a stride and scaled back up to 8: "
        + "give the cat an input of even size, or make the other branches shrink it the same way", d.hint());
    // the fix it names: an input of even size
    Specs.compile("network N : 8x8x4\n  cat { id | maxpool conv3-4 upsample2 }\n");
  }

  @Test
  void sizeReachesZero() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3\n  conv3-8 maxpool maxpool maxpool conv5-8 valid\n");
    assertEquals("size reaches zero", d.title());
    assertTrue(d.detail().contains("conv5-8 valid would produce a 0x0 map") || d.detail().contains("-3x-3"), d.detail());
    assertAt(d, 2, 35);
  }

  @Test
  void residualBranchesDisagree() {
    Diagnostic d = Specs.onlyError("""
        network N : 56x56x64
          conv3-64
          res { conv3-128/2 bn relu conv3-128 bn }
        """);
    assertEquals("residual branches disagree", d.title());
    assertEquals("the main path ends in 28x28x128 but the shortcut passes 56x56x64", d.detail());
    assertEquals("give the shortcut a projection, e.g. res { ... | conv1-128/2 bn }", d.hint());
    assertAt(d, 3, 3);
    assertEquals("residual branches disagree at 3:3: the main path ends in 28x28x128 but the shortcut passes "
        + "56x56x64; give the shortcut a projection, e.g. res { ... | conv1-128/2 bn }", d.positionedMessage());
  }

  @Test
  void addedBranchesDisagree() {
    Diagnostic d = Specs.onlyError("network N : 8x8x4\n  add { conv3-8 | conv3-4 }\n");
    assertEquals("added branches disagree", d.title());
    assertEquals("branch 1 ends in 8x8x8 but branch 2 ends in 8x8x4", d.detail());
  }

  @Test
  void concatenatedBranchesDisagree() {
    Diagnostic d = Specs.onlyError("network N : 8x8x4\n  cat { conv3-8/2 | maxpool3/1 }\n");
    assertEquals("concatenated branches disagree", d.title());
    assertTrue(d.detail().startsWith("branch 1 ends in 4x4x8 but branch 2 ends in 6x6x4"), d.detail());
  }

  @Test
  void mulBranchDoesNotFit() {
    Diagnostic d = Specs.onlyError("network N : 8x8x16\n  mul { gap fc4 relu fc8 sigmoid }\n");
    assertEquals("mul branch does not fit", d.title());
    assertEquals("end the branch with fc16 or conv1-16 (and sigmoid)", d.hint());
  }

  @Test
  void squeezeAndExcitationFits() {
    assertEquals(16 * 4 + 4 + 4 * 16 + 16,
        Specs.inline("8x8x16", "mul { gap fc4 relu fc16 sigmoid }").params());
    assertEquals("8x8x16", Specs.inline("8x8x16", "mul { gap conv1-4 relu conv1-16 hsigmoid }").output().toString());
  }

  @Test
  void groupsDoNotDivideTheChannels() {
    Diagnostic d = Specs.onlyError("network N : 8x8x6\n  conv3-8 g4\n");
    assertEquals("groups do not divide the channels", d.title());
    assertEquals("conv3-8 g4 has 4 groups, which do not divide its 6 input channels", d.detail());
    assertEquals("use a group count that divides both 6 and 8, e.g. g2", d.hint());
  }

  @Test
  void groupNormGroupsDoNotDivide() {
    Diagnostic d = Specs.onlyError("network N : 8x8x6\n  gn4\n");
    assertEquals("groups do not divide the channels", d.title());
  }

  @Test
  void convAfterFlatten() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3\n  conv3-8 flatten fc100 conv3-8\n");
    assertEquals("a spatial layer after flatten", d.title());
    assertTrue(d.detail().contains("gets a flat vector of 100"), d.detail());
    assertAt(d, 2, 25);
  }

  @Test
  void declaredOutputDiffers() {
    Diagnostic d = Specs.onlyError("network N : 224x224x3 -> 1000\n  conv3-64 maxpool\n");
    assertEquals("declared output differs", d.title());
    assertEquals("the network ends in 112x112x64 but the header declares 1000", d.detail());
    assertAt(d, 1, 26);
  }

  @Test
  void declaredVectorMatchesAOneByOneMap() {
    assertEquals("1x1x10", Specs.compile("network N : 8x8x3 -> 10\n conv1-10 gap\n").output().toString());
  }

  @Test
  void expectedFigureDiffers() {
    Diagnostic d = Specs.onlyError("network N : 10 -> 5\n  expect params 56\n  fc5\n");
    assertEquals("expected params differ", d.title());
    assertEquals("the spec has 55 params but expect says 56", d.detail());
    assertAt(d, 2, 17);
  }

  @Test
  void everyExpectedFigureIsChecked() {
    Specs.compile("""
        network N : 4x4x2 -> 3
          expect params 99
          expect trainable 99
          expect nontrainable 0
          expect macs 96
          expect flops 192
          expect activations 35
          flatten fc3
        """);
    Diagnostic d = Specs.onlyError("network N : 10 -> 5\n  expect parameters_count 55\n  fc5\n");
    assertEquals("unknown figure 'parameters_count'", d.title());
  }

  @Test
  void unknownDef() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3\n  def fire(s, e) { conv1-{s} }\n  fier(16, 64)\n");
    assertEquals("recursive def 'self'", Specs.onlyError("network N : 8x8x3\n def self { relu self }\n relu\n").title());
    assertEquals("unknown def 'fier'", d.title());
    assertEquals("did you mean fire?", d.hint());
    assertAt(d, 3, 3);
  }

  @Test
  void recursiveDef() {
    List<Diagnostic> errors = Specs.errors("network N : 8x8x3\n  def a { b }\n  def b { relu a }\n  a\n");
    assertEquals(List.of("recursive def 'a'", "recursive def 'b'"), errors.stream().map(Diagnostic::title).toList());
    assertEquals("it reaches itself: a -> b -> a", errors.get(0).detail());
    assertAt(errors.get(0), 2, 7);
  }

  @Test
  void wrongArgumentCount() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3\n  def fire(s, e) { conv1-{s} }\n  fire(16)\n");
    assertEquals("wrong number of arguments to fire", d.title());
    assertEquals("fire takes 2 (s, e) but is given 1", d.detail());
  }

  @Test
  void unknownNameInAnExpression() {
    Diagnostic d = Specs.onlyError("network N : 8x8x3\n  def block(c) { conv3-{cc} }\n  block(8)\n");
    assertEquals("unknown name 'cc'", d.title());
    assertEquals("did you mean c?", d.hint());
    assertAt(d, 2, 25);
  }

  @Test
  void nonPositiveNumbers() {
    assertEquals("non-positive channel count", Specs.onlyError("network N : 8x8x3\n conv3-0\n").title());
    assertEquals("non-positive kernel size", Specs.onlyError("network N : 8x8x3\n conv0-8\n").title());
    assertEquals("non-positive stride", Specs.onlyError("network N : 8x8x3\n conv3-8/0\n").title());
    assertEquals("non-positive repetition", Specs.onlyError("network N : 8x8x3\n relu x0\n").title());
    assertEquals("non-positive input size", Specs.onlyError("network N : 0x8x3\n relu\n").title());
    assertEquals("non-positive channel count",
        Specs.onlyError("network N : 8x8x3\n def b(c) { conv3-{c-8} }\n b(8)\n").title());
  }

  @Test
  void absurdNumbers() {
    assertEquals("absurd channel count", Specs.onlyError("network N : 8x8x3\n conv3-5000000000\n").title());
    assertEquals("number too large", Specs.onlyError("network N : 8x8x3\n conv3-99999999999999999999\n").title());
  }

  @Test
  void countsOverflow() {
    Diagnostic d = Specs.onlyError("network N : 1000000x1000000x1000\n  fc1000000000\n");
    assertEquals("counts overflow", d.title());
    assertEquals("the figures of fc1000000000 do not fit in 64 bits", d.detail());
  }

  @Test
  void layerLimit() {
    Compilation result = CnnSpec.compile(new SpecInput.File("network N : 8x8x3\n  ((relu x1000) x1000) x1000\n", "n.cnn"), CompileOptions.DEFAULT);
    assertFalse(result.ok());
    assertEquals("the spec expands past the layer limit", result.errors().get(0).title());
    Compilation small = CnnSpec.compile(new SpecInput.File("network N : 8x8x3\n  relu x20\n", "n.cnn"),
        CompileOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxLayers(10)));
    assertEquals("the spec expands past the layer limit", small.errors().get(0).title());
  }

  @Test
  void modifierInTheWrongPlace() {
    assertEquals("modifier 'p1' does not apply here", Specs.onlyError("network N : 8x8x3\n relu p1\n").title());
    assertEquals("modifier 'valid' does not follow a layer", Specs.onlyError("network N : 8x8x3\n valid relu\n").title());
    assertEquals("conflicting modifiers", Specs.onlyError("network N : 8x8x3\n conv3-8 p1 valid\n").title());
  }

  @Test
  void defShadowingALayerWord() {
    assertEquals("def 'relu' shadows a layer word", Specs.onlyError("network N : 8x8x3\n def relu { id }\n id\n").title());
  }

  @Test
  void severalErrorsInOnePass() {
    List<Diagnostic> errors = Specs.errors("""
        network N : 32x32x3 -> 10
          conv3-16 rleu
          conv3-32 g5
          fc10 sigmod
        """);
    assertEquals(List.of("unknown layer 'rleu'", "groups do not divide the channels", "unknown layer 'sigmod'"),
        errors.stream().map(Diagnostic::title).toList());
  }

  @Test
  void errorsAreCappedAndCounted() {
    String body = "network N : 8x8x3\n" + "  rleu\n".repeat(150);
    List<Diagnostic> errors = Specs.errors(body);
    assertEquals(101, errors.size());
    assertEquals("50 more errors not shown", errors.get(100).title());
  }

  @Test
  void inlineErrorsNameTheirPart() {
    Compilation result = CnnSpec.compile(new SpecInput.Inline("Net", "224x224", "conv3-64", "Net"), CompileOptions.DEFAULT);
    assertEquals(Diagnostic.Part.INPUT, result.errors().get(0).part());
    Compilation badName = CnnSpec.compile(new SpecInput.Inline("9Net", "224x224x3", "conv3-64", "Net"), CompileOptions.DEFAULT);
    assertEquals(Diagnostic.Part.NAME, badName.errors().get(0).part());
    Compilation empty = CnnSpec.compile(new SpecInput.Inline("Net", "224x224x3", "  # only a comment\n", "Net"), CompileOptions.DEFAULT);
    assertEquals("empty spec", empty.errors().get(0).title());
  }

  @Test
  void formatIsFileLineColumnWithCaretAndHint() {
    Diagnostic d = Specs.onlyError("network N : 32x32x3\n  conv3-64 rleu\n");
    assertEquals("""
        test.cnn:2:12: error: unknown layer 'rleu'
              conv3-64 rleu
                       ^^^^
            hint: did you mean relu?""", d.format());
  }

  @Test
  void compilingAtAnotherInputSkipsTheFiguresOfTheOriginal() {
    String spec = "network N : 32x32x3 -> 10\n  expect params 30730\n  conv3-8 gap fc10\n";
    Compilation bigger = CnnSpec.compile(new SpecInput.File(spec, "n.cnn"), CompileOptions.DEFAULT.withInputSize("64x64x3"));
    assertTrue(bigger.ok(), bigger.diagnostics().toString());
    assertEquals("64x64x3", bigger.network().orElseThrow().input().toString());
    Compilation bad = CnnSpec.compile(new SpecInput.File(spec, "n.cnn"), CompileOptions.DEFAULT.withInputSize("64x64"));
    assertEquals(Diagnostic.Part.INPUT, bad.errors().get(0).part());
  }

  @Test
  void aRepeatedProblemIsReportedOnce() {
    assertEquals("unknown layer 'rleu'", Specs.onlyError("network N : 8x8x3\n  rleu x3\n").title());
    assertEquals("unknown def 'fier'",
        Specs.onlyError("network N : 8x8x3\n  def fire(s, e) { conv1-{s} }\n  fier(16, 64)x2\n").title());
  }

  @Test
  void branchCountsOfResAndMul() {
    assertEquals("mul takes one or two branches",
        Specs.onlyError("network N : 8x8x4\n  mul { id | gap | gap }\n").title());
    assertEquals("res takes one or two branches",
        Specs.onlyError("network N : 8x8x4\n  res { id | id | id }\n").title());
  }
}
