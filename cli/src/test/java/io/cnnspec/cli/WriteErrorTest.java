package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output that cannot be written ({@code > /dev/full}, a closed pipe) is exit 2 with a message, for every command. */
class WriteErrorTest {

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
