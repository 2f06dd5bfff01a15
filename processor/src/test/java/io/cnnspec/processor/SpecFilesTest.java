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
        .hadErrorContaining("[cnnspec] cannot find spec file \"alexnet.cnn\"; looked in the source path"
            + " (demo/alexnet.cnn), " + dir.resolve("demo/alexnet.cnn") + ", " + dir.resolve("alexnet.cnn")
            + ". Put it in the package's directory on the source path (javac -sourcepath), or pass its directory"
            + " with -Acnnspec.path=DIR")
        .inFile(specs).onLineContaining("file = ");
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
        .hadErrorContaining("[cnnspec] file \"../../secret.cnn\" leaves the source roots, and spec files are read only"
            + " from under the source path and the -Acnnspec.path directories; move the file there and give its path"
            + " relative to the package demo")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void anAbsolutePathIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("abs.cnn"), "network Abs : 8x8x3 conv3-4");
    JavaFileObject specs = fileSpec(file.toString());
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec] file \"" + file + "\" is an absolute path, and spec files are read only from"
            + " the source roots; give a path relative to the package demo, e.g. file = \"abs.cnn\"")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aDirectoryIsNotASpecFile() throws IOException {
    Files.createDirectories(dir.resolve("demo/nets.cnn"));
    JavaFileObject specs = fileSpec("nets.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec] spec file \"nets.cnn\" is a directory (" + dir.resolve("demo/nets.cnn")
            + "); name the .cnn file inside it")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
    Files.write(dir.resolve("latin1.cnn"), "network Caf : 8x8x3\n# caf\u00e9\nconv3-4\n".getBytes("ISO-8859-1"));
    JavaFileObject specs = fileSpec("latin1.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec] spec file \"latin1.cnn\" is not valid UTF-8 (line 2, byte 26); save it as UTF-8")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void anEmptyFileIsAnErrorWithAHint() throws IOException {
    Files.writeString(dir.resolve("empty.cnn"), " \n\n");
    JavaFileObject specs = fileSpec("empty.cnn");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[cnnspec] spec file \"empty.cnn\" is empty; write a header and the layers, e.g."
            + " network Tiny : 32x32x3 -> 10 conv3-16 relu pool fc10")
        .inFile(specs).onLineContaining("file = ");
  }

  @Test
  void aTrailingSlashNamesADirectory() {
    JavaFileObject specs = fileSpec("nets/");
    Compilation compilation = compileWithPath(specs);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[cnnspec] file \"nets/\" names a directory, not a spec file")
        .inFile(specs).onLineContaining("file = ");
  }
}
