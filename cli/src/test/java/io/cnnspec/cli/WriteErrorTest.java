package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that cannot be written is exit 2 with a message: standard output ({@code > /dev/full}, a
 * closed pipe) for every command, and the {@code -o} file of summary, draw and export, worded alike.
 */
class WriteErrorTest {

  @TempDir
  Path dir;

  /** The commands that take {@code -o FILE}, with the SPEC and options each needs. */
  private static final List<List<String>> WRITERS = List.of(
      List.of("summary", "lenet5"), List.of("summary", "lenet5", "-f", "html"), List.of("draw", "lenet5"),
      List.of("export", "lenet5", "--to", "pytorch"), List.of("export", "lenet5", "--to", "onnx"));

  private static Cli.Result run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new)).noStackTrace();
  }

  @ParameterizedTest(name = "cnnspec {0} -o no/such/dir/out")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aFileInADirectoryThatDoesNotExistSaysSo(int writer) {
    String file = dir.resolve("no/such/dir/out").toString();
    Cli.Result r = run(WRITERS.get(writer), "-o", file);
    assertEquals(Main.USAGE, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("cnnspec: error: cannot write " + file + ": its directory does not exist\n", r.err());
  }

  @ParameterizedTest(name = "cnnspec {0} -o DIRECTORY")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aDirectoryGivesTheSystemsReasonOnce(int writer) {
    Cli.Result r = run(WRITERS.get(writer), "-o", dir.toString());
    assertEquals(Main.USAGE, r.exit(), r::toString);
    // the reason once, not the file name again: "cannot write /x.onnx: /x.onnx" said nothing
    assertEquals("cnnspec: error: cannot write " + dir + ": Is a directory\n", r.err());
  }

  @ParameterizedTest(name = "cnnspec {0} -o ''")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void anEmptyFileNameIsAUsageErrorBeforeAnythingIsCompiled(int writer) {
    for (String option : new String[] {"-o", "--output"}) {
      Cli.Result r = run(WRITERS.get(writer), option, "");
      assertEquals(Main.USAGE, r.exit(), r::toString);
      assertEquals("", r.out());
      assertTrue(r.err().startsWith("cnnspec: error: Invalid value for option '--output': the file name is empty; "
          + "give a file to write, or leave out -o to write to standard output\n"), r.err());
      assertTrue(r.err().contains("Try 'cnnspec " + WRITERS.get(writer).get(0) + " --help'"), r.err());
    }
  }

  @Test
  void theReasonsAreWords() {
    assertEquals("permission denied", OutputFile.reason(new java.nio.file.AccessDeniedException("/x.onnx")));
    assertEquals("its directory does not exist", OutputFile.reason(new java.nio.file.NoSuchFileException("/a/x")));
    assertEquals("Read-only file system",
        OutputFile.reason(new FileSystemException("/x.onnx", null, "Read-only file system")));
    assertEquals("FileSystemException", OutputFile.reason(new FileSystemException("/x.onnx")));
    assertEquals("not a valid file name (Nul character not allowed)",
        OutputFile.reason(new java.nio.file.InvalidPathException("a\0b", "Nul character not allowed")));
  }

  @Test
  void aReadOnlyFileIsPermissionDenied() throws Exception {
    Path file = Files.writeString(dir.resolve("locked.py"), "kept\n");
    assumeTrue(file.toFile().setWritable(false, false) && !Files.isWritable(file),
        "a read-only file is writable here (running as root); theReasonsAreWords checks the wording");
    Cli.Result r = run(WRITERS.get(3), "-o", file.toString());
    assertEquals(Main.USAGE, r.exit(), r::toString);
    assertEquals("cnnspec: error: cannot write " + file + ": permission denied\n", r.err());
    assertEquals("kept\n", Files.readString(file));
  }

  /** As /dev/full: every write fails. */
  private static final class Full extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @ParameterizedTest(name = "cnnspec {0}")
  @ValueSource(strings = {"summary vgg16", "summary vgg16 -f json", "summary vgg16 -f csv", "summary vgg16 -f markdown",
      "summary vgg16 --totals-only", "check vgg16 --verbose", "zoo", "--help", "help summary", "--version"})
  void aFullStandardOutputIsExitTwoWithAMessage(String command) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(command.split(" "), new PrintStream(new Full(), false, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(Main.USAGE, exit, message);
    assertTrue(message.contains("cnnspec: error: could not write the output"), message);
  }

  @ParameterizedTest(name = "cnnspec {0}")
  @ValueSource(strings = {"check vgg16"})
  void aCommandThatWritesNothingIsNotHurtByAFullOutput(String command) {
    // check prints nothing on standard output for a clean spec: nothing was lost
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(command.split(" "), new PrintStream(new Full(), false, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
    assertEquals(Main.OK, exit, err.toString(StandardCharsets.UTF_8));
  }
}
