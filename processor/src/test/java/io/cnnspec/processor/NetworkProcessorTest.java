package io.cnnspec.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;
import io.cnnspec.report.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor end to end: specs in, classes with the exact figures out. */
class NetworkProcessorTest {

  static final String VGG16 = "conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x3 maxpool conv3-512x3 maxpool"
      + " conv3-512x3 maxpool fc4096 fc4096 fc1000 softmax";

  static final String ALEXNET = """
      network AlexNet : 227x227x3 -> 1000        # Krizhevsky et al. 2012, two-GPU groups (Caffe)
        conv11-96/4 valid relu lrn maxpool3/2
        conv5-256 g2 relu lrn maxpool3/2
        conv3-384 relu  conv3-384 g2 relu  conv3-256 g2 relu  maxpool3/2
        fc4096 relu dropout  fc4096 relu dropout  fc1000 softmax
      """;

  @TempDir Path dir;

  /**
   * The whole generated class, byte for byte. The summary table in its Javadoc is the runtime's
   * rendering, checked here against {@code INFO.summary()} rather than frozen, so that a change of
   * the report's layout does not need a new golden file.
   */
  @Test
  void goldenSourceForASmallNetwork() throws Exception {
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "Tiny", input = "8x8x3", value = "conv3-4 relu pool fc10")"""));
    assertThat(compilation).succeededWithoutWarnings();
    String expected;
    try (InputStream in = getClass().getResourceAsStream("/golden/Tiny.java.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = Sources.generatedSource(compilation, "demo.Tiny");
    int start = actual.indexOf(" * <pre>\n") + " * <pre>\n".length();
    int end = actual.indexOf(" * </pre>\n");
    assertEquals(expected, actual.substring(0, start) + " * {{summary}}\n" + actual.substring(end));

    Class<?> tiny = Sources.load(compilation, "demo.Tiny");
    String summary = (String) tiny.getMethod("summary").invoke(null);
    NetworkInfo info = (NetworkInfo) Sources.staticField(tiny, "INFO");
    assertEquals(Reports.render(info, ReportFormat.TABLE, ReportOptions.DEFAULT), summary);
    assertEquals(Reports.render(info, ReportFormat.JSON, ReportOptions.DEFAULT.withRows(Rows.NONE)),
        tiny.getMethod("render", ReportFormat.class, ReportOptions.class)
            .invoke(null, ReportFormat.JSON, ReportOptions.DEFAULT.withRows(Rows.NONE)));
    String table = NetworkClassWriter.doc(summary).stripTrailing().replace("\n", "\n * ");
    assertEquals(" * " + table + "\n", actual.substring(start, end).replaceAll(" +\n", "\n").replace(" *\n", " * \n"));
  }

  @Test
  void vgg16InlineHasTheExactConstants() throws Exception {
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Vgg16", input = "224x224x3", value = "%s")""".formatted(VGG16));
    JavaFileObject use = JavaFileObjects.forSourceString("demo.Use", """
        package demo;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;

        class Use {
          @Retention(RetentionPolicy.SOURCE)
          @interface Budget { long params(); long macs(); }

          static final String LABEL = "VGG-16: " + Vgg16.PARAMS + " params";

          @Budget(params = Vgg16.PARAMS, macs = Vgg16.MACS)
          static String describe(int value, String label) {
            switch (value) {
              case (int) Vgg16.PARAMS: return "params";
              case Vgg16.INPUT_HEIGHT: return "height";
              case Vgg16.OUTPUT_CHANNELS: return "classes";
              default: break;
            }
            return switch (label) {
              case LABEL -> "label";
              default -> "other";
            };
          }
        }
        """);
    Compilation compilation = Sources.compile(specs, use);
    assertThat(compilation).succeededWithoutWarnings();
    String source = Sources.generatedSource(compilation, "demo.Vgg16");
    assertThat(source).contains("public static final long PARAMS = 138_357_544L;");
    assertThat(source).contains("public static final long TRAINABLE_PARAMS = 138_357_544L;");
    assertThat(source).contains("public static final long NON_TRAINABLE_PARAMS = 0L;");
    assertThat(source).contains("public static final long MACS = 15_470_264_320L;");
    assertThat(source).contains("public static final long FLOPS = 30_940_528_640L;");
    assertThat(source).contains("public static final long ACTIVATIONS = 15_237_608L;");
    assertThat(source).contains("public static final int INPUT_HEIGHT = 224;");
    assertThat(source).contains("public static final int INPUT_CHANNELS = 3;");
    assertThat(source).contains("public static final long INPUT_SIZE = 150_528L;");
    assertThat(source).contains("public static final int OUTPUT_HEIGHT = 1;");
    assertThat(source).contains("public static final int OUTPUT_CHANNELS = 1000;");
    assertThat(source).contains("public static final String SPEC = \"" + VGG16 + "\";");

    Class<?> vgg16 = Sources.load(compilation, "demo.Vgg16");
    NetworkInfo info = (NetworkInfo) Sources.staticField(vgg16, "INFO");
    assertEquals(138_357_544L, info.params());
    assertEquals(15_470_264_320L, info.macs());
    assertEquals(15_237_608L, info.activations());
    assertEquals(Shape.vector(1000), info.output());
    assertEquals(22, info.layers().size());
    assertEquals(212, info.layer("pool5").receptiveField());
    assertEquals(102_764_544L, info.layer("fc1").params());
    assertTrue(((String) vgg16.getMethod("summary").invoke(null)).contains("138,357,544"));
    Class<?> layer = Class.forName("demo.Vgg16$Layer", true, vgg16.getClassLoader());
    Object pool5 = layer.getMethod("valueOf", String.class).invoke(null, "POOL5");
    assertEquals(212L, layer.getMethod("receptiveField").invoke(pool5));
    assertEquals(info.layer("pool5"), layer.getMethod("info").invoke(pool5));
  }

  @Test
  void alexNetFromAFileOnTheSourcePath() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/demo"));
    Files.writeString(sources.resolve("alexnet.cnn"), ALEXNET);
    JavaFileObject specs = Sources.holder("@Network(file = \"alexnet.cnn\")");
    Compilation compilation = Sources.compile(List.of("-sourcepath", dir.resolve("src").toString()), specs);
    assertThat(compilation).succeededWithoutWarnings();
    assertAlexNet(compilation, "demo.AlexNet");
    assertThat(Sources.generatedSource(compilation, "demo.AlexNet"))
        .contains("comments = \"from demo/alexnet.cnn (@Network on demo.Specs)\"");
  }

  @Test
  void alexNetFromAFileOnTheCnnspecPathUnderAnotherName() throws Exception {
    Path root = Files.createDirectories(dir.resolve("cnn"));
    Files.writeString(root.resolve("alexnet.cnn"), ALEXNET);
    JavaFileObject specs = Sources.holder("@Network(name = \"Krizhevsky\", file = \"alexnet.cnn\")");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir.resolve("none") + java.io.File.pathSeparator + root), specs);
    assertThat(compilation).succeededWithoutWarnings();
    assertAlexNet(compilation, "demo.Krizhevsky");
    assertThat(Sources.generatedSource(compilation, "demo.Krizhevsky"))
        .contains("public static final String NAME = \"AlexNet\";");
  }

  @Test
  void aFileNextToTheSourcesOnTheCnnspecPathIsFoundByPackage() throws Exception {
    Path root = dir.resolve("java");
    Files.createDirectories(root.resolve("demo/nets"));
    Files.writeString(root.resolve("demo/nets/alexnet.cnn"), ALEXNET);
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + root),
        Sources.holder("@Network(file = \"./nets/../nets/alexnet.cnn\")"));
    assertThat(compilation).succeededWithoutWarnings();
    assertAlexNet(compilation, "demo.AlexNet");
  }

  private static void assertAlexNet(Compilation compilation, String className) throws Exception {
    String source = Sources.generatedSource(compilation, className);
    assertThat(source).contains("public static final long PARAMS = 60_965_224L;");
    assertThat(source).contains("public static final long MACS = 724_406_816L;");
    assertThat(source).contains("public static final long ACTIVATIONS = 1_413_347L;");
    assertThat(source).contains("public static final int INPUT_HEIGHT = 227;");
    assertThat(source).contains("public static final int INPUT_WIDTH = 227;");
    assertThat(source).contains("public static final int OUTPUT_CHANNELS = 1000;");
    assertThat(source).contains("public static final String SPEC = " + NetworkClassWriter.literal(ALEXNET) + ";");
    NetworkInfo info = (NetworkInfo) Sources.staticField(Sources.load(compilation, className), "INFO");
    assertEquals(60_965_224L, info.params());
    assertEquals(724_406_816L, info.macs());
    assertEquals(Shape.of(227, 227, 3), info.input());
  }

  @Test
  void severalNetworksOnOneTypeAreEachGenerated() {
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "Small", input = "8x8x3", value = "conv3-4 pool fc10")
        @Network(name = "Large", input = "32x32x3", value = "conv3-16 pool conv3-32 pool fc10")"""));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("demo.Small");
    assertThat(compilation).generatedSourceFile("demo.Large");
  }

  @Test
  void aBadSpecBesideAGoodOneStillGeneratesTheGoodOne() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Good",
            input = "8x8x3",
            value = "conv3-4 pool fc10")
        @Network(
            name = "Bad",
            input = "8x8x3",
            value = "conv3-4 frobnicate fc10")
        @Network(
            name = "AlsoGood",
            input = "8x8x3",
            value = "conv3-8 pool fc10")""");
    JavaFileObject other = Sources.holder("Other", """
        @Network(name = "Elsewhere", input = "8x8x3", value = "fc10")""");
    Compilation compilation = Sources.compile(specs, other);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:unknown-layer] unknown layer 'frobnicate' at 1:9")
        .inFile(specs).onLineContaining("value = \"conv3-4 frobnicate fc10\"");

    var errors = Sources.generateInto(dir, new NetworkProcessor(), specs, other);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(Files.isRegularFile(dir.resolve("demo/Good.java")));
    assertTrue(Files.isRegularFile(dir.resolve("demo/AlsoGood.java")));
    assertTrue(Files.isRegularFile(dir.resolve("demo/Elsewhere.java")));
    assertTrue(Files.notExists(dir.resolve("demo/Bad.java")));
  }

  @Test
  void repeatedAnnotationsInAnExplicitContainerAreReportedOnTheirOwnLine() {
    JavaFileObject specs = JavaFileObjects.forSourceString("demo.Specs", """
        package demo;

        import io.cnnspec.Network;
        import io.cnnspec.Networks;

        @Networks({
          @Network(name = "One", input = "8x8x3", value = "conv3-4 pool fc10"),
          @Network(
              name = "Two",
              input = "8x8x3",
              value = "conv3-4 frobnicate")
        })
        class Specs {}
        """);
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:unknown-layer] unknown layer 'frobnicate' at 1:9")
        .inFile(specs).onLineContaining("value = \"conv3-4 frobnicate\"");
  }

  /** A processor whose spec compiler throws {@code failure} for the spec {@code trigger}. */
  private static java.util.function.Supplier<NetworkProcessor> failingOn(String trigger, Error failure) {
    return () -> new NetworkProcessor(source -> {
      if (source.text().contains(trigger)) {
        throw failure;
      }
      return NetworkValidator.compile(source);
    });
  }

  /** Compiles Failing (whose compiler throws) next to Fine: one error on Failing, containing {@code message}; Fine generated. */
  private void oneFailureAndTheOtherSpecGenerated(java.util.function.Supplier<NetworkProcessor> processor, String message) {
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Failing", input = "8x8x3", value = "boom")
        @Network(name = "Fine", input = "8x8x3", value = "conv3-4 pool fc10")""");
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(processor.get()).compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:internal]")
        .inFile(specs).onLineContaining("name = \"Failing\"");
    assertThat(compilation).hadErrorContaining(message);

    var errors = Sources.generateInto(dir, processor.get(), specs);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(Files.isRegularFile(dir.resolve("demo/Fine.java")));
  }

  @Test
  void anExceptionInsideTheProcessorIsAnErrorAndTheOtherSpecsGoOn() {
    java.util.function.Supplier<NetworkProcessor> processor = () -> new NetworkProcessor(source -> {
      if (source.text().contains("boom")) {
        throw new IllegalStateException("boom");
      }
      return NetworkValidator.compile(source);
    });
    oneFailureAndTheOtherSpecGenerated(processor, "; please report this");
  }

  @Test
  void anOutOfMemoryErrorIsReportedOnItsAnnotationAndTheOtherSpecsGoOn() {
    oneFailureAndTheOtherSpecGenerated(failingOn("boom", new OutOfMemoryError("Java heap space")),
        "give javac more heap or stack (-J-Xmx1g");
  }

  @Test
  void aSpecOfMillionsOfLayersStopsAtTheEnumLimit() {
    // each def call opened a naming scope: a million of them took javac's heap before the limit
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Big", input = "8x8x3", value = "def b { relu } b x1000000")
        @Network(name = "Fine", input = "8x8x3", value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:too-many-layers] network Big expands past the 1,000 layers a generated Layer enum"
            + " can hold")
        .inFile(specs).onLineContaining("name = \"Big\"");
    var errors = Sources.generateInto(dir, new NetworkProcessor(), specs);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(Files.isRegularFile(dir.resolve("demo/Fine.java")));
  }

  @Test
  void aClassNameOfThreeHundredCharactersIsTooLong() {
    String name = "N" + "e".repeat(299);
    JavaFileObject specs = Sources.holder("""
        @Network(name = "%s", input = "8x8x3", value = "conv3-4 pool fc10")""".formatted(name));
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-too-long]")
        .inFile(specs).onLineContaining("value = ");
    assertThat(compilation).hadErrorContaining("has 300 characters, and a class name may have at most 128");
  }

  @Test
  void layerNamesTooLongForAClassAreRefusedBeforeGenerating() {
    // 60 labelled groups of 128-character names around 900 rows: 7 million characters of names
    String label = "a".repeat(128);
    String body = "relu x900";
    for (int i = 0; i < 60; i++) {
      body = "(" + body + ") @" + label;
    }
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Wide", input = "8x8x3", value = "%s")""".formatted(body));
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:class-too-large] network Wide cannot be generated: its layers' names and specs")
        .inFile(specs).onLineContaining("value = ");
  }

  @Test
  void warningsAreReportedAndTheClassIsStillGenerated() {
    NetworkProcessor processor = new NetworkProcessor(source -> {
      io.cnnspec.lang.Compilation clean = NetworkValidator.compile(source);
      io.cnnspec.lang.diagnostics.Diagnostic warning = new io.cnnspec.lang.diagnostics.Diagnostic(io.cnnspec.lang.diagnostics.Diagnostic.Severity.WARNING,
          "pool-after-pool", "x", io.cnnspec.lang.diagnostics.Diagnostic.Part.SPEC, 1, 9, 4, "pool after pool", "", "remove one", source.text(), 9);
      return new io.cnnspec.lang.Compilation(clean.network(), List.of(warning));
    });
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = "8x8x3",
            value = "conv3-4 pool pool fc10")""");
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(processor).compile(specs);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(Sources.asJavacShows("[cnnspec:pool-after-pool] pool after pool at 1:9; remove one\n"
            + "    conv3-4 pool pool fc10\n            ^^^^"))
        .inFile(specs).onLineContaining("value = ");
    assertThat(compilation).generatedSourceFile("demo.Tiny");
  }

  @Test
  void outputIsDeterministic() {
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Vgg16", input = "224x224x3", value = "%s")""".formatted(VGG16));
    String first = Sources.generatedSource(Sources.compile(specs), "demo.Vgg16");
    String second = Sources.generatedSource(Sources.compile(specs), "demo.Vgg16");
    assertEquals(first, second);
    assertThat(first).doesNotContain("date =");
    assertThat(first).contains("@Generated(\n    value = \"io.cnnspec.processor.NetworkProcessor\",\n"
        + "    comments = \"from @Network on demo.Specs\"\n)");
  }

  @Test
  void aNetworkTooLargeForAnEnumIsAClearError() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Deep",
            input = "8x8x3",
            value = "conv3-8 relu x1000")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:too-many-layers]")
        .inFile(specs).onLineContaining("value = ");
  }

  @Test
  void aHolderInTheUnnamedPackageOrNestedWorks() {
    JavaFileObject unnamed = JavaFileObjects.forSourceString("Top", """
        @io.cnnspec.Network(name = "TopNet", input = "8x8x3", value = "conv3-4 pool fc10")
        class Top {}
        """);
    JavaFileObject nested = JavaFileObjects.forSourceString("demo.Outer", """
        package demo;

        class Outer {
          @io.cnnspec.Network(name = "InnerNet", input = "8x8x3", value = "conv3-4 pool fc10")
          static class Inner {}
        }
        """);
    Compilation compilation = Sources.compile(unnamed, nested);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("TopNet");
    assertThat(compilation).generatedSourceFile("demo.InnerNet");
  }

  @Test
  void sideOutputsGetConstantsAndTheirPlaceInInfo() throws Exception {
    // an auxiliary classifier on the 16x16x16 map and a second head on the last map
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "TwoHeads", input = "32x32x3", value = "conv3-16 maxpool side { avgpool4 conv1-8 relu fc10 } @aux1 conv3-32 maxpool side { gap fc5 } gap fc10")"""));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> net = Sources.load(compilation, "demo.TwoHeads");
    NetworkInfo info = (NetworkInfo) Sources.staticField(net, "INFO");
    // main output: 3·3·3·16·32·32 + 3·3·16·32·16·16 + 32·10; aux1: 16·8·4·4 + 128·10; side1: 32·5
    assertEquals(442_368L + 1_179_648L + 320L, Sources.staticField(net, "MACS"));
    assertEquals(2_048L + 1_280L, Sources.staticField(net, "AUX1_MACS"));
    assertEquals(160L, Sources.staticField(net, "SIDE1_MACS"));
    assertEquals(10, Sources.staticField(net, "AUX1_OUTPUT_CHANNELS"));
    assertEquals(1, Sources.staticField(net, "AUX1_OUTPUT_HEIGHT"));
    assertEquals(5L, Sources.staticField(net, "SIDE1_OUTPUT_SIZE"));
    assertEquals(10, Sources.staticField(net, "OUTPUT_CHANNELS"));
    // every head's parameters count: 448 + 4,640 + 330, aux1 136 + 1,290, side1 165
    assertEquals(448L + 4_640L + 330L + 136L + 1_290L + 165L, Sources.staticField(net, "PARAMS"));
    assertEquals(List.of("aux1", "side1"), info.sideOutputs().stream().map(io.cnnspec.model.SideOutput::name).toList());
    assertEquals(Shape.vector(5), info.sideOutputs().get(1).shape());
    assertEquals("side", info.layers().get(info.sideOutputs().get(0).row()).kind());
    assertEquals(info.macs() + 3_328L + 160L, info.allMacs());
  }

  @Test
  void theChannelSplitCropResizeAndL2NormGetTheirConstants() throws Exception {
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "ShuffleUnit", input = "28x28x116",
            value = "chunk { id | conv1-58 nobias bn relu dwconv3 nobias bn conv1-58 nobias bn relu } channelshuffle2")
        @Network(name = "FcnHead", input = "500x500x3", value = "conv3-8/2 p1 relu "
            + "cat { adaptiveavgpool1 conv1-8 resize bilinear | crop } l2norm conv1-21 resize input bilinear")"""));
    assertThat(compilation).succeededWithoutWarnings();
    // torchvision's InvertedResidual(116, 116, 1): 7,598 params, 348 BN statistics, 5,684,000 MACs
    Class<?> unit = Sources.load(compilation, "demo.ShuffleUnit");
    assertEquals(7_598L, Sources.staticField(unit, "PARAMS"));
    assertEquals(348L, Sources.staticField(unit, "NON_TRAINABLE_PARAMS"));
    assertEquals(5_684_000L, Sources.staticField(unit, "MACS"));
    assertEquals(116, Sources.staticField(unit, "OUTPUT_CHANNELS"));
    NetworkInfo info = (NetworkInfo) Sources.staticField(unit, "INFO");
    assertEquals("chunk", info.layers().get(0).kind());
    // torch: conv, relu, cat([interpolate(conv1x1(pool(y))), y]), F.normalize * scale(16), conv1x1,
    // interpolate to 500x500: 669 params, 34,500,064 MACs, output 1x21x500x500
    Class<?> head = Sources.load(compilation, "demo.FcnHead");
    assertEquals(669L, Sources.staticField(head, "PARAMS"));
    assertEquals(34_500_064L, Sources.staticField(head, "MACS"));
    assertEquals(500, Sources.staticField(head, "OUTPUT_HEIGHT"));
    assertEquals(21, Sources.staticField(head, "OUTPUT_CHANNELS"));
  }

  @Test
  void aMulOfTwoBranchesGetsItsConstants() throws Exception {
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "GatedHead", input = "33x33x960",
            value = "mul { conv1-128 nobias bn relu | gap conv1-128 nobias sigmoid }")"""));
    assertThat(compilation).succeededWithoutWarnings();
    // torchvision's LRASPPHead(40, 960, 21, 128): cbr(x) * scale(x) has 246,016 params, 256 BN
    // statistics, 133,939,200 MACs (forward hooks on its Conv2d layers), output 1x128x33x33
    Class<?> head = Sources.load(compilation, "demo.GatedHead");
    assertEquals(246_016L, Sources.staticField(head, "PARAMS"));
    assertEquals(256L, Sources.staticField(head, "NON_TRAINABLE_PARAMS"));
    assertEquals(133_939_200L, Sources.staticField(head, "MACS"));
    assertEquals(33, Sources.staticField(head, "OUTPUT_HEIGHT"));
    assertEquals(128, Sources.staticField(head, "OUTPUT_CHANNELS"));
  }
}
