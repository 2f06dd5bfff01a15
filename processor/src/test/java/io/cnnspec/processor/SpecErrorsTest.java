package io.cnnspec.processor;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in specs: each on the annotation member that holds it, carrying the spec position, the
 * caret line and the fix, and counted exactly. The expected text is the language's own diagnostic
 * in the processor's form, so these tests pin where and how errors are reported, not their wording.
 */
class SpecErrorsTest {

  @TempDir Path dir;

  /**
   * Compiles a holder with one inline spec, each member on its own line, and checks that javac
   * shows exactly the language's errors, the first one as expected, on the member holding it.
   */
  private static Compilation assertInlineError(String input, String value, String expectedStart) {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Bad",
            input = %s,
            value = %s)""".formatted(NetworkClassWriter.literal(input), NetworkClassWriter.literal(value)));
    Compilation compilation = Sources.compile(specs);
    AnnotatedSpec.Inline source = new AnnotatedSpec.Inline("Bad", input, value, "@Network on demo.Specs");
    List<Diagnostic> errors = NetworkValidator.compile(source).errors();
    assertThat(errors).isNotEmpty();
    String expected = ErrorReporter.format(source, errors.get(0));
    assertThat(expected).startsWith(expectedStart);
    assertThat(compilation).hadErrorCount(errors.size());
    String member = errors.get(0).part() == Diagnostic.Part.INPUT ? "input = " : "value = ";
    assertThat(compilation).hadErrorContaining(Sources.asJavacShows(expected)).inFile(specs).onLineContaining(member);
    return compilation;
  }

  @Test
  void syntaxErrorShowsPositionAndCaret() {
    Compilation compilation = assertInlineError("8x8x3", "conv3-4 frobnicate fc10", "[cnnspec:unknown-layer] unknown layer 'frobnicate' at 1:9");
    assertThat(compilation).hadErrorContaining("\n      conv3-4 frobnicate fc10\n              ^^^^^^^^^^");
  }

  @Test
  void aMulOfMoreThanTwoBranchesOrAGateThatDoesNotFitReportsByCodeAndPosition() {
    assertInlineError("8x8x4", "relu mul { id | gap | gap }",
        "[cnnspec:branch-count] mul takes one or two branches at 1:6");
    assertInlineError("8x8x4", "mul { conv1-8 | gap conv1-4 sigmoid }",
        "[cnnspec:shape-mismatch] mul branch does not fit at 1:1");
  }

  @Test
  void theNewConstructsReportByCodeAndPosition() {
    assertInlineError("8x8x10", "conv1-10 chunk { id | id | conv1-2 }",
        "[cnnspec:channels-do-not-divide] chunk does not divide the channels at 1:10");
    assertInlineError("8x8x4", "cat { crop relu | conv3-4 valid }",
        "[cnnspec:crop-without-merge] crop without a size outside a merge's end at 1:7");
    assertInlineError("8x8x4", "add { conv3-4 crop | crop }",
        "[cnnspec:crop-without-target] nothing to crop to at 1:15");
    assertInlineError("32x32x3", "conv3-8/2 resize bilinear",
        "[cnnspec:resize-outside-branch] resize without a size outside any branch at 1:11");
    assertInlineError("8x8x3", "resize16 input", "[cnnspec:two-sizes] resize is given two sizes at 1:1");
  }

  @Test
  void anErrorInsideADefNamesTheCallThatReachedItOnTheValue() {
    // 28 -> 13 -> 5 -> 1: the fourth call's conv3 valid has nothing left
    assertInlineError("28x28x1", "def blk { conv3-32 valid relu maxpool }\nblk blk blk blk",
        "[cnnspec:size-reaches-zero] size reaches zero at 1:11 (in blk, called at 2:13): conv3-32 valid would produce a 0x0 map;");
  }

  @Test
  void anErrorInsideADefOfASpecFileNamesTheChainInnermostFirst() {
    AnnotatedSpec.InFile file = new AnnotatedSpec.InFile("m.cnn", "demo/m.cnn",
        "def blk { conv3-32 valid relu maxpool }\ndef two { blk\n  blk }\nnetwork M : 28x28x1\n  two two\n",
        "demo.Specs", null);
    List<Diagnostic> errors = NetworkValidator.compile(file).errors();
    assertThat(errors).hasSize(1);
    assertThat(ErrorReporter.format(file, errors.get(0))).startsWith("[cnnspec:size-reaches-zero] m.cnn:1:11: size reaches zero:"
        + " conv3-32 valid would produce a 0x0 map (in blk, called at 3:3; in two, called at 5:7); the input is too small here");
  }

  @Test
  void anInputOfTwoNumbersIsReportedOnTheInputWithChannelsSuggested() {
    assertInlineError("224x224", "conv3-64", "[cnnspec:input-needs-channels] input shape without channels at 1:1: cnnspec reads"
        + " an input as height x width x channels (or one number for a vector), and 224x224 gives no channel count;"
        + " write 224x224x3 for a colour image, or 224x224x1 for a grey one");
  }

  @Test
  void positionsCountLinesOfTheSpec() {
    assertInlineError("8x8x3", "conv3-4 relu\npool\nfrobnicate fc10", "[cnnspec:unknown-layer] unknown layer 'frobnicate' at 3:1");
  }

  @Test
  void sizeReachingZero() {
    assertInlineError("8x8x3", "maxpool maxpool maxpool maxpool", "[cnnspec:size-reaches-zero] size reaches zero at 1:25");
  }

  @Test
  void residualBranchesThatDisagree() {
    assertInlineError("32x32x16", "res { conv3-32/2 relu }", "[cnnspec:shape-mismatch] ");
  }

  @Test
  void concatenatedBranchesThatDisagree() {
    assertInlineError("32x32x16", "cat { conv3-8 | conv3-8/2 }", "[cnnspec:shape-mismatch] ");
  }

  @Test
  void groupsThatDoNotDivideTheChannels() {
    assertInlineError("8x8x3", "conv3-10 g3", "[cnnspec:groups-do-not-divide] groups do not divide the channels at 1:1");
  }

  @Test
  void aConvolutionAfterFlatten() {
    assertInlineError("8x8x3", "fc10 conv3-8", "[cnnspec:spatial-after-flatten] a spatial layer after flatten at 1:6");
  }

  @Test
  void anExpectedFigureThatDiffers() {
    assertInlineError("8x8x3", "expect params 1\nconv3-8", "[cnnspec:expect-differs] expected params differ at 1:15");
  }

  @Test
  void anUnknownDef() {
    assertInlineError("8x8x3", "foo(3)", "[cnnspec:unknown-def] unknown def 'foo' at 1:1");
  }

  @Test
  void aWrongArgumentCount() {
    assertInlineError("8x8x3", "def block(c) { conv3-{c} relu }\nblock(8, 2)", "[cnnspec:wrong-argument-count] ");
  }

  @Test
  void aRecursiveDef() {
    assertInlineError("8x8x3", "def a { b }\ndef b { a }\na", "[cnnspec:recursive-def] ");
  }

  @Test
  void anInputShapeErrorIsReportedOnInput() {
    assertInlineError("224 224 3", "conv3-8", "[cnnspec:syntax] ");
  }

  @Test
  void severalErrorsInOneSpecAreAllReported() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Bad",
            input = "8x8x3",
            value = "conv3-4 frobnicate fc10 frobnicate")""");
    Compilation compilation = Sources.compile(specs);
    int expected = CnnSpec.compile(new SpecInput.Inline("Bad", "8x8x3", "conv3-4 frobnicate fc10 frobnicate", "x"), CompileOptions.DEFAULT).errors().size();
    assertThat(compilation).hadErrorCount(expected);
    assertThat(compilation).hadErrorContaining("at 1:9").inFile(specs).onLineContaining("value = ");
    assertThat(compilation).hadErrorContaining("at 1:25").inFile(specs).onLineContaining("value = ");
  }

  @Test
  void thousandsOfErrorsAreCappedThenCounted() {
    // 900: past 1,000 layers walked the processor's layer limit stops the analysis
    String body = "frobnicate ".repeat(900);
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Bad",
            input = "8x8x3",
            value = "%s")""".formatted(body));
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(21);
    assertThat(compilation).hadErrorContaining("[cnnspec:too-many-errors] 880 more errors not shown").inFile(specs)
        .onLineContaining("value = ");
  }

  @Test
  void anInvalidJavaNameIsReportedOnceOnName() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "my-net",
            input = "8x8x3",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:invalid-name]")
        .inFile(specs).onLineContaining("name = ");
  }

  /**
   * A keyword, or an identifier Java reserves for types (JLS 17, 3.8: var, yield, record, sealed,
   * permits: no keywords, so SourceVersion.isKeyword let them through and javac refused "class var").
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"enum", "var", "yield", "record", "sealed", "permits"})
  void aKeywordOrRestrictedIdentifierCannotNameTheClass(String name) {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "%s",
            input = "8x8x3",
            value = "conv3-4 pool fc10")""".formatted(name));
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:invalid-name]")
        .inFile(specs).onLineContaining("name = ");
  }

  @Test
  void aNameThatLexesAsARepetitionNamesTheClass() {
    // X2 lexed as a repetition and the header was "unexpected 'X2'"
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "X2",
            input = "8x8x3",
            value = "conv3-4@x1 pool fc10")""");
    assertThat(Sources.compile(specs)).succeededWithoutWarnings();
  }

  @Test
  void theGeneratedClassCannotBeNamedLikeItsEnum() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Layer",
            input = "8x8x3",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-clash]")
        .inFile(specs).onLineContaining("name = ");
  }

  @Test
  void theGeneratedClassCannotHideAJavaLangType() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Module",
            input = "8x8x3",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-clash]")
        .inFile(specs).onLineContaining("name = ");
  }

  /** java.lang.Shutdown is package-private: a class of that name elsewhere hides nothing. */
  @Test
  void aNonPublicJavaLangTypeDoesNotStandInTheWay() {
    assertThat(Sources.compile(Sources.holder("""
        @Network(name = "Shutdown", input = "8x8x3", value = "conv3-4 pool fc10")"""))).succeededWithoutWarnings();
  }

  @Test
  void theGeneratedClassCannotBeNamedLikeTheAnnotatedType() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Specs",
            input = "8x8x3",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-clash]")
        .inFile(specs).onLineContaining("name = ");
  }

  /** The generated class is top-level in the package, where the class enclosing a nested holder is. */
  @Test
  void theGeneratedClassCannotBeNamedLikeTheClassEnclosingTheAnnotatedType() {
    JavaFileObject specs = com.google.testing.compile.JavaFileObjects.forSourceString("demo.N", """
        package demo;

        import io.cnnspec.Network;

        class N {
          @Network(
              name = "N",
              input = "8x8x3",
              value = "conv3-4 pool fc10")
          static class Clash {}
        }
        """);
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-clash] the generated class N would have the same name as demo.N, the class that "
            + "encloses the annotated type demo.N.Clash")
        .inFile(specs).onLineContaining("name = ");
  }

  @Test
  void twoSpecsCannotGenerateTheSameClass() {
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Twin", input = "8x8x3", value = "conv3-4 pool fc10")""");
    JavaFileObject other = Sources.holder("Other", """
        @Network(
            name = "Twin",
            input = "8x8x3",
            value = "conv3-8 pool fc10")""");
    Compilation compilation = Sources.compile(specs, other);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:duplicate-name]")
        .inFile(other).onLineContaining("name = ");
    assertThat(compilation).hadNoteContaining("[cnnspec:duplicate-name]").inFile(specs).onLineContaining("Twin");
  }

  @Test
  void aDuplicateIsReportedOnTheLaterDeclarationWithANoteOnTheFirst() {
    JavaFileObject specs = Sources.holder("""
        @Network(name = "Twin", input = "8x8x3", value = "conv3-4 pool fc10")
        @Network(
            name = "Twin",
            input = "8x8x3",
            value = "conv3-8 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:duplicate-name]").inFile(specs).onLine(6);
    assertThat(compilation).hadNoteContaining("[cnnspec:duplicate-name]").inFile(specs).onLine(4);
  }

  @Test
  void anInlineOutputThatMatchesCompiles() {
    Compilation compilation = Sources.compile(Sources.holder("""
        @Network(name = "Tiny", input = "8x8x3", output = "10", value = "conv3-4 pool fc10")
        @Network(name = "Trunk", input = "8x8x3", output = "4x4x4", value = "conv3-4 pool")
        @Network(name = "Gap", input = "8x8x3", output = "4", value = "conv3-4 gap")"""));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void anInlineOutputThatDiffersIsAnErrorOnOutput() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = "8x8x3",
            output = "100",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:output-mismatch]").inFile(specs).onLineContaining("output = ");
    assertThat(compilation).hadErrorContaining("ends in 10, not the declared output 100");
  }

  @Test
  void aMapOutputMustMatchExactly() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Trunk",
            input = "8x8x3",
            output = "4x4x8",
            value = "conv3-4 pool")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:output-mismatch]").inFile(specs).onLineContaining("output = ");
  }

  @Test
  void anOutputThatIsNoShapeIsAnError() {
    JavaFileObject specs = Sources.holder("""
        @Network(
            name = "Tiny",
            input = "8x8x3",
            output = "ten",
            value = "conv3-4 pool fc10")""");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:invalid-output]").inFile(specs).onLineContaining("output = ");
  }

  @Test
  void aFileSpecDeclaresItsOutputInItsHeader() throws IOException {
    Files.writeString(dir.resolve("tiny.cnn"), "network Tiny : 8x8x3 -> 10\n  conv3-4 pool fc10\n");
    JavaFileObject specs = Sources.holder("""
        @Network(
            file = "tiny.cnn",
            output = "10")""");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:output-with-file]").inFile(specs).onLineContaining("output = ");
  }

  @Test
  void aNetworkOnALocalClassIsAWarning() {
    JavaFileObject holder = JavaFileObjects.forSourceString("demo.Holder", """
        package demo;

        import io.cnnspec.Network;

        class Holder {
          void method() {
            @Network(name = "Lost", input = "8x8x3", value = "conv3-4 pool fc10")
            class Local {}
          }
        }
        """);
    Compilation compilation = Sources.compile(holder);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[cnnspec:local-class]").inFile(holder).onLine(7);
    assertThat(compilation.generatedSourceFile("demo.Lost")).isEmpty();
  }

  @Test
  void aNetworkOnAMemberClassIsNoLocalClass() {
    Compilation compilation = Sources.compile(JavaFileObjects.forSourceString("demo.Holder", """
        package demo;

        import io.cnnspec.Network;

        class Holder {
          @Network(name = "Kept", input = "8x8x3", value = "conv3-4 pool fc10")
          static class Member {}

          Object anonymous = new Object() {};

          void method() {
            @Deprecated
            class Local {}
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("demo.Kept");
  }

  @Test
  void aFileSpecErrorNamesTheFileAndItsPosition() throws IOException {
    Files.writeString(dir.resolve("bad.cnn"), "# a comment\nnetwork Bad : 8x8x3\n  conv3-4 relu\n  pool frobnicate fc10\n");
    JavaFileObject specs = Sources.holder("""
        @Network(
            file = "bad.cnn")""");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:unknown-layer] bad.cnn:4:8: unknown layer 'frobnicate'")
        .inFile(specs).onLineContaining("file = ");
    assertThat(compilation).hadErrorContaining("\n        pool frobnicate fc10\n             ^^^^^^^^^^");
  }

  @Test
  void aDeclaredOutputThatDiffersIsAnErrorInTheFile() throws IOException {
    Files.writeString(dir.resolve("out.cnn"), "network Out : 8x8x3 -> 100\n  conv3-4 pool fc10\n");
    JavaFileObject specs = Sources.holder("""
        @Network(
            file = "out.cnn")""");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:declared-output-differs] out.cnn:").inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aHeaderNameThatClashesSaysHowToRenameTheClass() throws IOException {
    Files.writeString(dir.resolve("specs.cnn"), "network Specs : 8x8x3\n  conv3-4 pool fc10\n");
    JavaFileObject specs = Sources.holder("""
        @Network(
            file = "specs.cnn")""");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + dir), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:name-clash]")
        .inFile(specs).onLineContaining("file = ");
  }
}
