package io.cnnspec.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.cnnspec.model.LayerConstant;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The writer alone, on hand-made analyses: what it writes compiles, runs and reads well. */
class NetworkClassWriterTest {

  static NetworkInfo tiny() {
    return new NetworkInfo("Tiny", Shape.of(8, 8, 3), Shape.vector(10), List.of(
        new LayerInfo("conv1", "conv", "conv3-4", 0, 0, Shape.of(8, 8, 3), Shape.of(8, 8, 4), 112, 0, 6_912, 256, 3, 1.0),
        new LayerInfo("relu1", "relu", "relu", 0, 0, Shape.of(8, 8, 4), Shape.of(8, 8, 4), 0, 0, 0, 0, 3, 1.0),
        new LayerInfo("pool1", "maxpool", "maxpool2/2", 0, 0, Shape.of(8, 8, 4), Shape.of(4, 4, 4), 0, 0, 0, 64, 4, 2.0),
        new LayerInfo("fc1", "fc", "fc10", 0, 0, Shape.of(4, 4, 4), Shape.vector(10), 650, 0, 640, 10, 10, 8.0)),
        762, 762, 0, 7_552, 522);
  }

  static String write(NetworkInfo network, String spec) {
    return NetworkClassWriter.write(new NetworkClassWriter.Request(
        "demo", network.name(), network, spec, "demo.Specs", "@Network on demo.Specs")).toString();
  }

  static Compilation compileWithUse(String generated, String use) {
    return Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(
        JavaFileObjects.forSourceString("demo.Tiny", generated),
        JavaFileObjects.forSourceString("demo.Use", use));
  }

  @Test
  void constantsAreCompileTimeConstants() {
    String use = """
        package demo;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;

        class Use {
          @Retention(RetentionPolicy.SOURCE)
          @interface Figures { long params(); long macs(); int height(); String spec(); }

          static final String LABEL = "params " + Tiny.PARAMS;

          @Figures(params = Tiny.PARAMS, macs = Tiny.MACS, height = Tiny.INPUT_HEIGHT, spec = Tiny.SPEC)
          static String describe(int value, String label) {
            switch (value) {
              case Tiny.INPUT_HEIGHT: return "height";
              case Tiny.OUTPUT_CHANNELS: return "classes";
              case (int) Tiny.PARAMS: return "params";
              case (int) (Tiny.FLOPS / 2): return "macs";
              default: break;
            }
            return switch (label) {
              case LABEL -> "label";
              default -> "other";
            };
          }
        }
        """;
    Compilation compilation = compileWithUse(write(tiny(), "conv3-4 relu pool fc10"), use);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** The accessors live in LayerConstant; code written against the enum reads and compiles as before. */
  @Test
  void layerAccessorsCompileInUsersCode() {
    String use = """
        package demo;

        import io.cnnspec.model.LayerConstant;
        import io.cnnspec.model.LayerInfo;
        import io.cnnspec.model.Shape;

        class Use {
          static long sum(LayerConstant... layers) {
            long params = 0;
            for (LayerConstant layer : layers) {
              params += layer.params();
            }
            return params;
          }

          static String describe(Tiny.Layer layer) {
            Shape out = layer.output();
            LayerInfo info = layer.info();
            long rf = layer.receptiveField();
            return switch (layer) {
              case CONV1, FC1 -> layer.layerName() + " " + layer.kind() + " " + layer.spec() + " " + out + " " + rf;
              default -> info.name() + " " + layer.depth() + layer.branch() + layer.nonTrainableParams()
                  + layer.macs() + layer.activations() + layer.jump() + layer.input() + sum(Tiny.Layer.values());
            };
          }
        }
        """;
    assertThat(compileWithUse(write(tiny(), "conv3-4 relu pool fc10"), use)).succeededWithoutWarnings();
  }

  @Test
  void generatedCodeBuildsTheAnalysisAtRunTime() throws Exception {
    Compilation compilation = Compiler.javac().compile(
        JavaFileObjects.forSourceString("demo.Tiny", write(tiny(), "conv3-4 relu pool fc10")));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> tiny = Sources.load(compilation, "demo.Tiny");
    assertEquals(tiny(), Sources.staticField(tiny, "INFO"));
    assertEquals(15_104L, Sources.staticField(tiny, "FLOPS"));
    assertEquals(192L, Sources.staticField(tiny, "INPUT_SIZE"));
    assertEquals(1, Sources.staticField(tiny, "OUTPUT_HEIGHT"));
    assertEquals(10, Sources.staticField(tiny, "OUTPUT_CHANNELS"));
    Class<?> layer = Class.forName("demo.Tiny$Layer", true, tiny.getClassLoader());
    assertTrue(LayerConstant.class.isAssignableFrom(layer), "the accessors come from LayerConstant");
    Object[] layers = layer.getEnumConstants();
    assertEquals(List.of("CONV1", "RELU1", "POOL1", "FC1"), List.of(layers).stream().map(Object::toString).toList());
    Object pool = layers[2];
    assertEquals("pool1", layer.getMethod("layerName").invoke(pool));
    assertEquals(Shape.of(4, 4, 4), layer.getMethod("output").invoke(pool));
    assertEquals(4L, layer.getMethod("receptiveField").invoke(pool));
    assertEquals(2.0, layer.getMethod("jump").invoke(pool));
    assertEquals(tiny().layers().get(2), layer.getMethod("info").invoke(pool));
  }

  @Test
  void outputIsAsciiAndEscapesEverythingJavacOrJavadocWouldRead() throws Exception {
    String spec = "conv3-4 relu pool fc10  # <tiny> & */ \\u000a \u00d7 \u2014 @param {@code x} \"q\"\ttab\r\n\u0001";
    String generated = write(tiny(), spec);
    assertTrue(generated.chars().allMatch(c -> c < 0x80), "non-ASCII in generated source");
    Compilation compilation = Compiler.javac().compile(JavaFileObjects.forSourceString("demo.Tiny", generated));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(spec, Sources.staticField(Sources.load(compilation, "demo.Tiny"), "SPEC"));
  }

  @Test
  void javadocHoldsTheTableEscaped() {
    NetworkInfo network = tiny();
    List<LayerInfo> layers = new ArrayList<>(network.layers());
    layers.set(0, new LayerInfo("conv1", "conv", "conv3-4 */ <b>", 0, 0, Shape.of(8, 8, 3), Shape.of(8, 8, 4), 112, 0, 6_912, 256, 3, 1.0));
    String generated = write(new NetworkInfo("Tiny", network.input(), network.output(), layers, 762, 762, 0, 7_552, 522), "x");
    assertThat(generated).contains(" * <pre>\n * network Tiny : 8x8x3 -&gt; 10\n");
    assertThat(generated).contains("conv3-4 *&#47; &lt;b&gt;");
    assertThat(generated).contains("CONV1(\"conv1\", \"conv\", \"conv3-4 */ <b>\"");
    assertThat(Compiler.javac().compile(JavaFileObjects.forSourceString("demo.Tiny", generated))).succeededWithoutWarnings();
  }

  @Test
  void longSpecIsSplitBecauseAStringConstantHoldsAt64KiB() throws Exception {
    String spec = "# " + "\u00e9".repeat(40_000) + "\nconv3-4 relu pool fc10\n";
    assertFalse(NetworkClassWriter.fitsConstant(spec));
    String generated = write(tiny(), spec);
    assertThat(generated).contains("public static final String SPEC = String.join(\"\",");
    Compilation compilation = Compiler.javac().compile(JavaFileObjects.forSourceString("demo.Tiny", generated));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(spec, Sources.staticField(Sources.load(compilation, "demo.Tiny"), "SPEC"));
  }

  @Test
  void aThousandLayersFitTheEnumAndMoreAreRefused() throws Exception {
    List<LayerInfo> layers = new ArrayList<>();
    for (int i = 0; i < NetworkClassWriter.MAX_LAYERS; i++) {
      // worst case for the static initializer: every argument a distinct constant
      layers.add(new LayerInfo("conv" + i, "conv", "conv3-" + (1_000_000 + i) + " g1 d1 p1", 3, 2,
          Shape.of(1_000 + i, 1_000 + i, 1_000 + i), Shape.of(2_000 + i, 2_000 + i, 2_000 + i),
          10_000_000_000L + i, 20_000_000_000L + i, 30_000_000_000L + i, 40_000_000_000L + i, 50_000_000_000L + i, 1.5 + i));
    }
    NetworkInfo big = new NetworkInfo("Tiny", Shape.of(8, 8, 3), Shape.vector(10), layers, 1, 1, 0, 1, 1);
    Compilation compilation = Compiler.javac().compile(JavaFileObjects.forSourceString("demo.Tiny", write(big, "x")));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> tiny = Sources.load(compilation, "demo.Tiny");
    assertEquals(1_000, ((NetworkInfo) Sources.staticField(tiny, "INFO")).layers().size());

    layers.add(layers.get(0));
    NetworkInfo tooBig = new NetworkInfo("Tiny", Shape.of(8, 8, 3), Shape.vector(10), layers, 1, 1, 0, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> write(tooBig, "x"));
  }

  @Test
  void sameInputSameBytes() {
    assertEquals(write(tiny(), "conv3-4 relu pool fc10"), write(tiny(), "conv3-4 relu pool fc10"));
  }

  @Test
  void literalsGroupDigits() {
    assertEquals("138_357_544L", NetworkClassWriter.longLiteral(138_357_544L));
    assertEquals("15_470_264_320L", NetworkClassWriter.longLiteral(15_470_264_320L));
    assertEquals("4096L", NetworkClassWriter.longLiteral(4096));
    assertEquals("38_720L", NetworkClassWriter.longLiteral(38_720));
    assertEquals("0L", NetworkClassWriter.longLiteral(0));
    assertEquals("\"a\\\"b\\\\c\\n\\u00e9\\001\"", NetworkClassWriter.literal("a\"b\\c\n\u00e9\u0001"));
  }

  @Test
  void enumConstantNamesAreLegalAndUnique() {
    assertEquals(List.of("CONV1_1", "RES2A_BRANCH1", "_1X1", "LAYER_", "CONV1_1_2", "CONV1_1_3", "A_B"),
        EnumConstantNames.of(List.of("conv1_1", "res2a.branch1", "1x1", "-", "conv1-1", "CONV1_1", "a\u00e9b".replace("\u00e9", "-"))));
    assertEquals("_3", EnumConstantNames.constantName("3"));
    assertEquals("CAF_", EnumConstantNames.constantName("caf\u00e9"));
  }

  @Test
  void typesInTheSamePackageStayUnqualified() {
    JavaFileObject source = JavaFileObjects.forSourceString("demo.Tiny", write(tiny(), "x"));
    assertThat(Compiler.javac().compile(source)).succeededWithoutWarnings();
    assertThat(write(tiny(), "x")).contains("import io.cnnspec.model.NetworkInfo;");
  }
}
