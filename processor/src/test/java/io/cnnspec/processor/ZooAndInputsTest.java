package io.cnnspec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Network(file = "zoo:NAME")} from the bundled zoo, the hint for a missing file, and the
 * record of which spec file a generated class came from ({@link SpecInputs}).
 */
class ZooAndInputsTest {

  @TempDir Path dir;

  @Test
  void aZooNetworkIsFoundOnTheProcessorsClassLoader() throws Exception {
    Compilation compilation = Sources.compile(Sources.holder("@Network(file = \"zoo:resnet50\")"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> resnet = Sources.load(compilation, "demo.ResNet50");
    // torchvision's resnet50: sum(p.numel() for p in model.parameters()), as zoo/resnet50.cnn expects
    assertEquals(25_557_032L, Sources.staticField(resnet, "PARAMS"));
    assertEquals(4_089_184_256L, Sources.staticField(resnet, "MACS"));
    assertTrue(Sources.generatedSource(compilation, "demo.ResNet50").contains("zoo:resnet50 (@Network on demo.Specs)"));
    // the zoo changes only with the processor's jar: nothing to record for build tools
    assertTrue(compilation.generatedFiles().stream().noneMatch(f -> f.getName().contains("META-INF/cnnspec")),
        compilation.generatedFiles()::toString);
  }

  @Test
  void zooNamesAreMatchedInAnyCase() throws Exception {
    Compilation compilation = Sources.compile(Sources.holder("@Network(file = \"zoo:VGG16\")"));
    assertThat(compilation).succeededWithoutWarnings();
    // VGG-16, configuration D: torchvision's vgg16, 138,357,544 parameters
    assertEquals(138_357_544L, Sources.staticField(Sources.load(compilation, "demo.Vgg16"), "PARAMS"));
  }

  @Test
  void anUnknownZooNameListsTheZoo() {
    JavaFileObject specs = Sources.holder("@Network(\n    file = \"zoo:resnet51\")");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:zoo-unknown] there is no zoo network \"resnet51\"; the zoo has alexnet, ")
        .inFile(specs).onLineContaining("file = ");
    assertThat(compilation).hadErrorContaining(", resnet50, ");
    assertThat(compilation).hadErrorContaining("(cnnspec zoo lists them with their figures)");
  }

  @Test
  void aZooNameWithAPathIsRefused() {
    JavaFileObject specs = Sources.holder("@Network(\n    file = \"zoo:../secret\")");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:zoo-unknown] \"zoo:../secret\" is not a zoo network's name: after zoo: comes a name such as"
            + " resnet50, letters, digits and underscores only; the zoo has alexnet, ")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aMissingFileHintsAtTheZoo() {
    JavaFileObject specs = Sources.holder("@Network(\n    file = \"resnet50.cnn\")");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("A network of the zoo needs no file: write file = \"zoo:resnet50\", or copy it to edit with"
            + " cnnspec zoo resnet50 > src/main/cnn/resnet50.cnn")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aClassFromAFileRecordsTheFileAndItsHash() throws Exception {
    String text = "\uFEFFnetwork Tiny : 8x8x3\n  conv3-4 relu gap fc10\n";
    Path spec = Files.writeString(dir.resolve("tiny.cnn"), text);
    JavaFileObject holder = com.google.testing.compile.JavaFileObjects.forSourceString("demo.Outer",
        "package demo;\nimport io.cnnspec.Network;\nclass Outer {\n  @Network(file = \"tiny.cnn\")\n  static class Inner {}\n}\n");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir), holder);
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject record = compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, "", "META-INF/cnnspec/inputs/demo.Tiny.properties")
        .orElseThrow(() -> new AssertionError("no record in " + compilation.generatedFiles()));
    Properties properties = new Properties();
    properties.load(new StringReader(record.getCharContent(false).toString()));
    assertEquals("demo.Tiny", properties.getProperty(SpecInputs.GENERATED));
    assertEquals("demo.Outer.Inner", properties.getProperty(SpecInputs.HOLDER));
    // the top-level type's class file: the one Maven's compiler plugin compares with Outer.java
    assertEquals("demo/Outer.class", properties.getProperty(SpecInputs.CLASS_FILE));
    assertEquals(spec.toUri().toASCIIString(), properties.getProperty(SpecInputs.SPEC));
    // sha256 of the text without the byte order mark, computed here with the JDK's own digest
    assertEquals(hex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.substring(1).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        properties.getProperty(SpecInputs.SHA256));
  }

  @Test
  void anInlineSpecRecordsNothing() {
    Compilation compilation = Sources.compile(Sources.holder(
        "@Network(name = \"Tiny\", input = \"8x8x3\", value = \"conv3-4 relu gap fc10\")"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.generatedFiles().stream().noneMatch(f -> f.getName().contains("META-INF/cnnspec")),
        compilation.generatedFiles()::toString);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }
}
