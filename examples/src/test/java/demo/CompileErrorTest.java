package demo;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.cnnspec.processor.NetworkProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec that does not fit is a compile error, from javac itself, on the {@code @Network}
 * annotation. The broken sources live in {@code src/test/resources/broken/}, out of the normal
 * build; each test compiles one with javac and the real processor, as Maven would.
 */
class CompileErrorTest {

  private static Compiler javac(String... options) {
    return Compiler.javac().withProcessors(new NetworkProcessor()).withOptions(List.of(options));
  }

  private static Path resource(String name) {
    try {
      return Path.of(CompileErrorTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the file specs of BrokenFileSpecs are: the broken specs, and the repository's zoo. */
  private static String specPath() {
    return resource("broken") + File.pathSeparator + Path.of(System.getProperty("cnnspec.root", ".."), "zoo");
  }

  @Test
  void aResidualBlockWithoutProjectionDoesNotCompile() {
    JavaFileObject source = JavaFileObjects.forResource("broken/BrokenResNetSpec.java");
    Compilation compilation = javac().compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // The position in the spec (line 2, column 1 of the text block) and the fix, in one sentence,
    // reported on the annotation's value, where an IDE underlines it.
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:shape-mismatch] residual branches disagree at 2:1: the main path ends in 28x28x128 but the"
            + " shortcut passes 56x56x64; give the shortcut a projection, e.g. res { ... | conv1-128/2 bn }")
        .inFile(source)
        .onLine(12);
    // Then the spec's line and a caret under the spot.
    assertThat(compilation).hadErrorContaining("res { conv3-128/2 bn relu conv3-128 bn }\n      ^^^");
  }

  @Test
  void theErrorIsJavacsOwn() {
    Compilation compilation = javac().compile(JavaFileObjects.forResource("broken/BrokenResNetSpec.java"));
    assertEquals(1, compilation.errors().size());
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertEquals(Diagnostic.Kind.ERROR, error.getKind());
    assertEquals(12L, error.getLineNumber());
    assertTrue(error.getMessage(null).startsWith("[cnnspec:shape-mismatch] residual branches disagree"), error.getMessage(null));
  }

  @Test
  void aFileSpecErrorNamesTheFileAndItsPosition() {
    JavaFileObject source = JavaFileObjects.forResource("broken/BrokenFileSpecs.java");
    Compilation compilation = javac("-Acnnspec.path=" + specPath()).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:expect-differs] vgg16_typo.cnn:4:15: expected params differ: the spec has 137,767,464 params"
            + " but expect says 138,357,544; fix the layers, or update the figure to 137,767,464 if the spec is right")
        .inFile(source)
        .onLineContaining("vgg16_typo.cnn");
  }

  /**
   * The same, through javax.tools as a build tool runs javac: one bad spec does not stop the others,
   * so LeNet-5, declared on the same type, is still generated; the broken one is not.
   */
  @Test
  void oneBadSpecDoesNotStopTheOthers(@TempDir Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path generated = Files.createDirectories(out.resolve("generated"));
    Path classes = Files.createDirectories(out.resolve("classes"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("-proc:only", "-s", generated.toString(), "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"), "-Acnnspec.path=" + specPath());
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(resource("broken/BrokenFileSpecs.java")));
      task.setProcessors(List.of(new NetworkProcessor()));
      assertFalse(task.call(), "the compilation fails");
    }
    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(10L, errors.get(0).getLineNumber());
    assertTrue(Files.isRegularFile(generated.resolve("broken/LeNet5.java")), "LeNet5 is generated");
    assertFalse(Files.exists(generated.resolve("broken/Vgg16Typo.java")), "Vgg16Typo is not");
  }

  @Test
  void theSameSpecCompilesOnceFixed() {
    JavaFileObject fixed = JavaFileObjects.forSourceString("broken.FixedResNetSpec", """
        package broken;

        import io.cnnspec.Network;

        @Network(
            name = "FixedResNet",
            input = "56x56x64",
            value = \"""
                conv3-64 bn relu
                res { conv3-128/2 bn relu conv3-128 bn | conv1-128/2 bn }
                relu
                \""")
        class FixedResNetSpec {}
        """);
    Compilation compilation = javac().compile(fixed);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("broken.FixedResNet").contentsAsUtf8String()
        .contains("public static final long PARAMS = 267_584L;");
  }
}
