package io.cnnspec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams one run of the command uses. Standard input is read at most once and kept, so a
 * {@code check - -} does not wait for input a second time.
 */
final class Io {

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private byte[] stdin;

  Io(PrintStream out, PrintStream err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** All of standard input, read once; at most {@code limit + 1} bytes, so the caller can tell "too large". */
  byte[] stdin(int limit) throws IOException {
    if (stdin == null) {
      stdin = in == null ? new byte[0] : in.readNBytes(limit + 1);
    }
    return stdin;
  }
}
