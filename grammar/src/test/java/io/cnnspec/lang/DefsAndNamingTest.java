package io.cnnspec.lang;

import io.cnnspec.lang.diagnostics.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defs, parameters, in, repetition, branches and the names rows get. */
class DefsAndNamingTest {

  private static List<String> names(NetworkInfo net) {
    return net.layers().stream().map(LayerInfo::name).toList();
  }

  @Test
  void repetitionGluedSpacedAndGrouped() {
    NetworkInfo glued = Specs.inline("8x8x3", "conv3-4x2");
    NetworkInfo spaced = Specs.inline("8x8x3", "conv3-4 x2");
    NetworkInfo grouped = Specs.inline("8x8x3", "(conv3-4 relu)x3");
    assertEquals(List.of("conv1", "conv2"), names(glued));
    assertEquals(names(glued), names(spaced));
    assertEquals(List.of("conv1", "relu1", "conv2", "relu2", "conv3", "relu3"), names(grouped));
  }

  @Test
  void squeezeNetFireModule() {
    NetworkInfo net = Specs.inline("55x55x96", """
        def fire(s, e) { conv1-{s} relu cat { conv1-{e} relu | conv3-{e} relu } }
        fire(16, 64) fire(16, 64)x2
        """);
    assertEquals("55x55x128", net.output().toString());
    assertEquals(List.of("fire1.conv1", "fire1.relu1", "fire1.cat1", "fire1.conv2", "fire1.relu2", "fire1.conv3",
        "fire1.relu3"), names(net).subList(0, 7));
    assertEquals("fire3.cat1", names(net).get(16));
    LayerInfo cat = net.layer("fire1.cat1");
    assertEquals("cat", cat.kind());
    assertEquals(0, cat.depth());
    assertEquals(1, net.layer("fire1.conv2").branch());
    assertEquals(2, net.layer("fire1.conv3").branch());
    assertEquals(1, net.layer("fire1.conv3").depth());
    // 96*16+16 + 16*64+64 + 9*16*64+64, then twice more on 128 channels
    assertEquals(11920 + 12432 * 2, net.params());
  }

  @Test
  void defaultsAndExpressions() {
    NetworkInfo net = Specs.inline("56x56x64", """
        option nobias
        def bottleneck(c, s = 1) {
          res { conv1-{c} bn relu  conv3-{c}/{s} bn relu  conv1-{4*c} bn
              | conv1-{4*c}/{s} bn }
          relu
        }
        bottleneck(64) bottleneck(128, 2)
        """);
    assertEquals("28x28x512", net.output().toString());
  }

  @Test
  void inIsTheChannelCountArrivingAtTheCall() {
    NetworkInfo net = Specs.inline("8x8x16", """
        def expand(t) { conv1-{in*t} bn relu6 }
        def halve { conv1-{in/2} }
        expand(6) halve
        """);
    assertEquals(96, net.layer("expand1.conv1").output().channels());
    assertEquals(48, net.output().channels());
  }

  @Test
  void parameterlessDefCalledByNameAndRepeated() {
    NetworkInfo net = Specs.inline("8x8x16", """
        def dense { cat { id | bn relu conv1-128 bn relu conv3-32 } }
        dense x6
        """);
    assertEquals(16 + 6 * 32, net.output().channels());
    assertNotNull(net.layer("dense6.cat1"));
  }

  @Test
  void callArgumentsMayBeBraced() {
    // a call's arguments are evaluated where the call is written: at the top level, in is the input's 16
    NetworkInfo net = Specs.inline("8x8x16", "def c(n) { conv1-{n} } c({in/4}) c(in*2)");
    assertEquals(4, net.layer("c1.conv1").output().channels());
    assertEquals(32, net.output().channels());
  }

  @Test
  void defsMayCallOtherDefs() {
    NetworkInfo net = Specs.inline("8x8x3", """
        def unit(c) { conv3-{c} bn relu }
        def stage(c, n) { unit(c) x{n} maxpool }
        stage(8, 2) stage(16, 3)
        """);
    assertEquals("2x2x16", net.output().toString());
    assertNotNull(net.layer("stage2.unit3.conv1"));
  }

  @Test
  void usersNameLayersGroupsAndBranches() {
    NetworkInfo net = Specs.inline("32x32x3", """
        conv7-8/2 @stem bn relu
        (conv3-8 relu) x2 @block
        res { conv3-8 bn } @skip
        fc10 @logits
        """);
    assertEquals(List.of("stem", "bn1", "relu1", "block_1.conv1", "block_1.relu1", "block_2.conv1", "block_2.relu1",
        "skip", "skip.conv1", "skip.bn1", "logits"), names(net));
  }

  @Test
  void generatedNamesStepAroundUserNames() {
    NetworkInfo net = Specs.inline("8x8x3", "conv3-4 @conv2 conv3-4 conv3-4");
    assertEquals(List.of("conv2", "conv1", "conv3"), names(net));
  }

  @Test
  void aUserNameMayNotTakeAGeneratedOne() {
    Diagnostic error = Specs.onlyError("network N : 8x8x3\n conv3-4 conv3-4 relu @conv2");
    assertEquals("duplicate layer name 'conv2'", error.title());
    assertEquals(3, Specs.inline("8x8x3", "conv3-4 conv3-4 relu @conv3").layers().size());
  }

  @Test
  void generatedNamesOfStemsEndingInDigitsNeverCollide() {
    // def b2 names its calls b21, b22, ...: so would a def b at its 21st call
    NetworkInfo net = Specs.inline("8x8x3", """
        def b { relu }
        def b2 { relu }
        b2 b x21 b2
        """);
    List<String> names = names(net).stream().map(n -> n.substring(0, n.indexOf('.'))).toList();
    assertEquals(List.of("b21", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13",
        "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b22", "b23"), names);
    Diagnostic error = Specs.onlyError("network N : 8x8x3\n def b2 { relu }\n b2 relu @b21");
    assertEquals("duplicate layer name 'b21'", error.title());
  }

  @Test
  void aGroupMayFollowALayer() {
    NetworkInfo net = Specs.inline("32x32x3", "conv3-8 maxpool (conv3-16 relu) x2");
    assertEquals("16x16x16", net.output().toString());
  }

  @Test
  void headersStatementsCommentsAndCase() {
    NetworkInfo net = Specs.compile("""
        # a comment line
        option nobias          # before the header
        network Tiny : 28x28x1 -> 10
        expect params 7_894    # after it
        def block(c) { CONV3-{c} BN ReLU }
        Block(4) MaxPool FC-10 Soft-Max
        """);
    assertEquals("Tiny", net.name());
    assertEquals(36 + 8 + 14 * 14 * 4 * 10 + 10, net.params());
    assertEquals(List.of("block1.conv1", "block1.bn1", "block1.relu1", "pool1", "fc1", "softmax1"), names(net));
  }

  @Test
  void batchNormWithoutScaleAsKerasWritesIt() {
    NetworkInfo net = Specs.inline("8x8x16", "bn noscale");
    assertEquals(16, net.params());
    assertEquals(32, net.nonTrainableParams());
  }

  @Test
  void squeezeAndExcitationAndSpatialAttention() {
    NetworkInfo se = Specs.inline("8x8x16", "mul { gap fc4 relu fc16 sigmoid }");
    assertEquals("8x8x16", se.output().toString());
    assertEquals("mul", se.layers().get(0).kind());
    NetworkInfo spatial = Specs.inline("8x8x16", "mul { conv7-1 sigmoid }");
    assertEquals("8x8x16", spatial.output().toString());
  }

  @Test
  void residualWithAndWithoutShortcutAndAdd() {
    NetworkInfo identity = Specs.inline("8x8x16", "res { conv3-16 bn relu conv3-16 bn }");
    assertEquals(2 * (9 * 16 * 16 + 16) + 2 * 32, identity.params());
    NetworkInfo projection = Specs.inline("8x8x16", "res { conv3-32/2 bn | conv1-32/2 bn }");
    assertEquals("4x4x32", projection.output().toString());
    NetworkInfo add = Specs.inline("8x8x16", "add { conv3-16 | conv1-16 | id }");
    assertEquals(4 * 4 * 0 + 8 * 8 * 16 + 8 * 8 * 16 * 2 + 8 * 8 * 16, add.activations() - 0);
  }

  @Test
  void namesThatLexAsARepetitionAreNames() {
    // network X2, @x1 were "unexpected 'X2'": x2 lexes as a repetition (issue 12)
    NetworkInfo net = Specs.compile("network X2 : 8x8x3\n  conv3-4@x1 relu@X\n");
    assertEquals("X2", net.name());
    assertEquals(List.of("x1", "X"), net.layers().stream().map(l -> l.name()).toList());
    // a def named so could never be called bare (conv3-4 x2 repeats), so it is refused clearly
    Diagnostic def = Specs.onlyError("network N : 8x8x3\n  def x2 { relu }\n  conv3-4\n");
    assertEquals("def-shadows-word", def.code());
    assertEquals("def 'x2' reads as a repetition", def.title());
  }

  @Test
  void aComputedRepetitionOfZeroIsNone() {
    // MnasNet's stages: the first block, then the rest; a one-block stage repeats the rest 0 times
    String spec = "network N : 8x8x3\n  def stage(n, c) { conv3-{c} (conv3-{c} relu) x{n - 1} }\n"
        + "  stage(1, 8) stage(3, 16)\n";
    NetworkInfo net = Specs.compile(spec);
    assertEquals(List.of("stage1.conv1", "stage2.conv1", "stage2.conv2", "stage2.relu1", "stage2.conv3", "stage2.relu2"),
        net.layers().stream().map(l -> l.name()).toList());
    // a written x0, even in braces, repeats nothing by mistake: still an error
    assertEquals("non-positive-number", Specs.onlyError("network N : 8x8x3\n  conv3-8 x0\n").code());
    assertEquals("non-positive-number", Specs.onlyError("network N : 8x8x3\n  conv3-8 x{0}\n").code());
    // and a computed count below zero is an error too
    assertEquals("non-positive-number",
        Specs.onlyError("network N : 8x8x3\n  def s(n) { relu x{n - 2} }\n  conv3-8 s(1)\n").code());
  }

  /**
   * A layer with plain numbers inside a def reads once and is remembered by its element; what it
   * gives still depends on where it stands (its input), and a layer with an expression reads anew.
   */
  @Test
  void aPlainLayerInADefGivesWhatItsInputMakesItInEveryCall() {
    NetworkInfo net = Specs.compile("""
        network P : 8x8x3
          def b(c) { conv3-{c} conv3-8 p1 conv1-{in} }
          b(4) b(16) b(4)
        """);
    // conv3-8 on 4, 16 and 4 channels: 3*3*4*8+8, 3*3*16*8+8
    assertEquals(List.of(296L, 1160L, 296L), net.layers().stream().filter(l -> l.spec().equals("conv3-8 p1"))
        .map(LayerInfo::params).toList());
    assertEquals(List.of("conv3-4", "conv1-3", "conv3-16", "conv1-3", "conv3-4", "conv1-3"), net.layers().stream()
        .map(LayerInfo::spec).filter(spec -> !spec.equals("conv3-8 p1")).toList());
  }
}
