package io.cnnspec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes in writing {@code @Network} itself, found before any spec is compiled. */
class AnnotationUseTest {

  @Test
  void bothValueAndFileIsAnErrorOnFile() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = "8x8x3",
            value = "conv3-4 pool fc10",
            file = "tiny.cnn")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:value-and-file]")
        .inFile(specs).onLineContaining("file = \"tiny.cnn\"");
  }

  @Test
  void anEmptySpecIsAnErrorWithAHint() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = "8x8x3",
            value = "  \\n ")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:empty-spec]")
        .inFile(specs).onLineContaining("value = ");
  }

  @Test
  void aBareAnnotationIsAnEmptySpec() {
    JavaFileObject specs = Sources.holder("@Network");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:empty-spec]")
        .inFile(specs).onLineContaining("@Network");
  }

  @Test
  void inlineSpecNeedsNameAndInput() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:missing-name]")
        .inFile(specs).onLineContaining("@Network(");
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:missing-input]")
        .inFile(specs).onLineContaining("@Network(");
  }

  @Test
  void blankInputIsReportedOnInput() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = " ",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:missing-input]")
        .inFile(specs).onLineContaining("input = ");
  }

  @Test
  void aFileSpecTakesItsInputFromTheHeader() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            file = "tiny.cnn",
            input = "8x8x3")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:input-with-file]")
        .inFile(specs).onLineContaining("input = ");
  }
}
