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
        .hadErrorContaining("[cnnspec] @Network has both value and file; give the layers inline in value, or name a"
            + " .cnn file in file, not both")
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
        .hadErrorContaining("[cnnspec] @Network has an empty spec; write the layers in value, e.g."
            + " value = \"conv3-64x2 pool fc10\", or name a .cnn file with file = \"vgg16.cnn\"")
        .inFile(specs).onLineContaining("value = ");
  }

  @Test
  void aBareAnnotationIsAnEmptySpec() {
    JavaFileObject specs = Sources.holder("@Network");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec] @Network has an empty spec")
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
        .hadErrorContaining("[cnnspec] an inline @Network needs name, the simple name of the class to generate;"
            + " add e.g. name = \"Vgg16\"")
        .inFile(specs).onLineContaining("@Network(");
    assertThat(compilation)
        .hadErrorContaining("[cnnspec] an inline @Network needs input, the shape of its input; add e.g."
            + " input = \"224x224x3\" (height x width x channels), or input = \"784\" for a vector")
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
    assertThat(compilation).hadErrorContaining("[cnnspec] an inline @Network needs input")
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
        .hadErrorContaining("[cnnspec] the input shape of @Network(file = \"tiny.cnn\") is the one its header"
            + " declares; remove input, or change the header's shape")
        .inFile(specs).onLineContaining("input = ");
  }
}
