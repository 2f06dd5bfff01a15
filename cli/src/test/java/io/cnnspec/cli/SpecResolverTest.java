package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specs that cannot be read: one clean line on stderr, exit 2, never a stack trace. */
class SpecResolverTest {

  @TempDir
  Path dir;

  private static Cli.Result summaryAndCheck(String arg, int exit, String message) {
    Cli.Result summary = Cli.run("summary", arg).noStackTrace();
    assertEquals(exit, summary.exit(), summary::toString);
    assertEquals("", summary.out());
    assertEquals("cnnspec: error: " + message, summary.err().lines().findFirst().orElse(""), summary::toString);
    Cli.Result check = Cli.run("check", arg).noStackTrace();
    assertEquals(exit, check.exit(), check::toString);
    assertEquals(summary.err(), check.err());
    return summary;
  }

  @Test
  void missingFile() {
    String missing = dir.resolve("nope.cnn").toString();
    summaryAndCheck(missing, 2, "cannot read " + missing + ": no such file");
  }

  @Test
  void missingRelativeFileIsNamedAsTyped() {
    summaryAndCheck("specs/nope.cnn", 2, "cannot read specs/nope.cnn: no such file");
    summaryAndCheck("nope.cnn", 2, "cannot read nope.cnn: no such file");
  }

  @Test
  void directory() {
    summaryAndCheck(dir.toString(), 2, dir + " is a directory; give the .cnn files in it, e.g. " + dir + "/*.cnn");
  }

  @Test
  void binaryFile() throws IOException {
    Path file = dir.resolve("model.cnn");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    summaryAndCheck(file.toString(), 2, file + " is not a text file (cnnspec specs are UTF-8 text)");
  }

  @Test
  void textWithNulIsNotText() throws IOException {
    Path file = dir.resolve("nul.cnn");
    Files.writeString(file, "network A : 10\u0000 fc1\n");
    summaryAndCheck(file.toString(), 2, file + " is not a text file (cnnspec specs are UTF-8 text)");
  }

  @Test
  void latin1IsNotUtf8AndTheSpotIsNamed() throws IOException {
    Path file = dir.resolve("latin1.cnn");
    Files.write(file, "# Caf\u00e9 net\nnetwork A : 10\n  fc1 # r\u00e9sum\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    summaryAndCheck(file.toString(), 2,
        file + " is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8 at line 1, byte 6");
  }

  @Test
  void unreadableFile() throws IOException {
    Path file = Specs.write(dir, "secret.cnn", Specs.TINY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    summaryAndCheck(file.toString(), 2, "cannot read " + file + ": permission denied");
  }

  @Test
  void fileThatFailsToRead() {
    // Linux: reading a process's own memory at offset 0 fails with EIO, even as root
    Path mem = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(mem), "no /proc");
    Cli.Result r = Cli.run("check", mem.toString()).noStackTrace();
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().startsWith("cnnspec: error: cannot read /proc/self/mem: "), r.err());
  }

  @Test
  void emptyFileIsASpecError() throws IOException {
    Path file = Specs.write(dir, "empty.cnn", "");
    Cli.Result r = Cli.run("check", file.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(file + ":1:1: error: "), r.err());
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    Path file = Specs.write(dir, "bom.cnn", "\uFEFF" + Specs.TINY);
    Cli.Result r = Cli.run("check", "-v", file.toString());
    assertEquals(0, r.exit(), r::toString);
  }

  @Test
  void utf8CommentsAreFine() throws IOException {
    Path file = Specs.write(dir, "utf8.cnn", "# Café — ünïcode ✓\n" + Specs.TINY);
    assertEquals(0, Cli.run("check", file.toString()).exit());
  }

  @Test
  void stdinThatIsNotText() {
    Cli.Result r = Cli.runWithStdin(new java.io.ByteArrayInputStream(new byte[] {0, 1, 2}), "check", "-").noStackTrace();
    assertEquals(2, r.exit());
    assertEquals("cnnspec: error: standard input is not a text file (cnnspec specs are UTF-8 text)\n", r.err());
  }

  @Test
  void stdinThatFailsToRead() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Input/output error");
      }
    };
    Cli.Result r = Cli.runWithStdin(broken, "summary", "-").noStackTrace();
    assertEquals(2, r.exit());
    assertEquals("cnnspec: error: cannot read standard input: Input/output error\n", r.err());
  }

  @Test
  void emptyName() {
    Cli.Result r = Cli.run("summary", "").noStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("cnnspec: error: an empty name"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.cnn", "A.CNN", "dir/vgg16", "./vgg16", "../x", "~/x"})
  void pathsAreRecognised(String arg) {
    assertTrue(SpecResolver.looksLikePath(arg));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vgg16", "resnet50", "ResNet50", "mobilenet_v2"})
  void namesAreNotPaths(String arg) {
    assertFalse(SpecResolver.looksLikePath(arg));
  }
}
