package io.cnnspec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading {@code @Network(file = ...)}: the problems, each a clean error on {@code file}. */
class SpecFilesTest {

  @TempDir Path dir;

  private static JavaFileObject fileSpec(String file) {
    return Sources.holder("""
        @Network(
            file = "%s")""".formatted(file));
  }

  private Compilation compileWithPath(JavaFileObject specs) {
    return Sources.compile(List.of("-Acnnspec.path=" + dir), specs);
  }

  @Test
  void aMissingFileListsWhereItWasLookedFor() {
    JavaFileObject specs = fileSpec("alexnet.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:file-not-found]")
        .inFile(specs).onLineContaining("file = ");
    assertThat(compilation).hadErrorContaining("looked in the source path (demo/alexnet.cnn), "
        + dir.resolve("demo/alexnet.cnn") + ", " + dir.resolve("alexnet.cnn"));
  }

  @Test
  void withoutAPathOptionTheMessageSaysSo() {
    JavaFileObject specs = fileSpec("alexnet.cnn");
    Compilation compilation = Sources.compile(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("(no -Acnnspec.path directories are set)")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aPathLeavingTheRootsIsRefused() throws IOException {
    Files.writeString(dir.resolve("secret.cnn"), "network Secret : 8x8x3 conv3-4");
    Path root = Files.createDirectories(dir.resolve("root"));
    JavaFileObject specs = fileSpec("../../secret.cnn");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + root), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:outside-source-roots]")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aPathWithANulIsAUserErrorShownEscaped() {
    JavaFileObject specs = fileSpec("a\\u0000b.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:invalid-path] file \"a\\u0000b.cnn\" is not a path: it holds the control"
            + " character U+0000 at position 2")
        .inFile(specs).onLineContaining("file = ");
    org.junit.jupiter.api.Assertions.assertFalse(compilation.errors().get(0).getMessage(null).contains("\u0000"));
  }

  @Test
  void aLinkToAFileOutsideTheRootsIsRefusedWithoutShowingTheFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret first line\n");
    Path root = Files.createDirectories(dir.resolve("root/demo")).getParent();
    Files.createSymbolicLink(root.resolve("demo/leak.cnn"), secret);
    JavaFileObject specs = fileSpec("leak.cnn");
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + root), specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:outside-source-roots]")
        .inFile(specs).onLineContaining("file = ");
    org.junit.jupiter.api.Assertions.assertFalse(compilation.errors().get(0).getMessage(null).contains("secret"),
        () -> compilation.errors().get(0).getMessage(null));
  }

  @Test
  void aLinkThatStaysInsideItsRootIsFollowed() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root/demo")).getParent();
    Files.writeString(root.resolve("nets.cnn"), "network Linked : 8x8x3\nconv3-4 pool fc10\n");
    Files.createSymbolicLink(root.resolve("demo/linked.cnn"), root.resolve("nets.cnn"));
    Compilation compilation = Sources.compile(List.of("-Acnnspec.path=" + root), fileSpec("linked.cnn"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("demo.Linked");
  }

  @Test
  void anAbsolutePathIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("abs.cnn"), "network Abs : 8x8x3 conv3-4");
    JavaFileObject specs = fileSpec(file.toString());
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:absolute-path]")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aDirectoryIsNotASpecFile() throws IOException {
    Files.createDirectories(dir.resolve("demo/nets.cnn"));
    JavaFileObject specs = fileSpec("nets.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:file-is-directory]")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
    Files.write(dir.resolve("latin1.cnn"), "network Caf : 8x8x3\n# caf\u00e9\nconv3-4\n".getBytes("ISO-8859-1"));
    JavaFileObject specs = fileSpec("latin1.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:file-not-utf8]")
        .inFile(specs).onLineContaining("file = ");
    // the position in the file, as the command line gives it: the line, and the byte within it
    assertThat(compilation).hadErrorContaining("line 2, byte 6");
  }

  @Test
  void anEmptyFileIsAnErrorWithAHint() throws IOException {
    Files.writeString(dir.resolve("empty.cnn"), " \n\n");
    JavaFileObject specs = fileSpec("empty.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec:empty-file]")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aNulByteMeansNoTextFile() throws IOException {
    Files.write(dir.resolve("binary.cnn"), new byte[] {'n', 'e', 't', 0, '\n'});
    JavaFileObject specs = fileSpec("binary.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:file-not-utf8]").inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheSpec() throws IOException {
    Files.writeString(dir.resolve("bom.cnn"), "\uFEFFnetwork Bom : 8x8x3 -> 10\n  conv3-4 pool fc10\n");
    Compilation compilation = compileWithPath(fileSpec("bom.cnn"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("demo.Bom").contentsAsUtf8String().contains("SPEC = \"network Bom");
  }

  @Test
  void aTrailingSlashNamesADirectory() {
    JavaFileObject specs = fileSpec("nets/");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec:file-is-directory]")
        .inFile(specs).onLineContaining("file = ");
  }
}
