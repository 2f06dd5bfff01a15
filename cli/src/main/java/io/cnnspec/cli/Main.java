package io.cnnspec.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code cnnspec} command's entry point. {@link #run} does the work and returns the exit code,
 * so tests call it in-process with their own streams; {@link #main} only wires it to the process.
 */
public final class Main {

  /** Exit code: everything fine. */
  public static final int OK = 0;
  /** Exit code: a spec has errors (or, rarely, cnnspec itself failed; the message says which). */
  public static final int SPEC_ERROR = 1;
  /**
   * Exit code: the command line is wrong, a spec it names cannot be read, or the output cannot be
   * written (standard output closed or its disk full).
   */
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    // Reports are UTF-8 (the tree marks, specs' own text), whatever the platform's default is.
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.in);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line {@code args}: reports go to {@code out}, diagnostics and usage errors to
   * {@code err}, {@code -} reads {@code in}. Never throws; returns the exit code, {@link #USAGE}
   * when what was written to {@code out} did not arrive, whatever the command.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    int code;
    try {
      code = CnnspecCommand.execute(args, new Io(out, err, in));
    } catch (RuntimeException | Error e) {
      // A last resort: CnnspecCommand maps failures itself, so reaching this is a bug in cnnspec.
      err.println(Failures.message(e));
      code = SPEC_ERROR;
    }
    // A PrintStream swallows write errors; checkError flushes and tells. A report lost to a full
    // disk or a closed pipe is a failure, never exit 0 (cnnspec summary vgg16 > /dev/full).
    if (out.checkError()) {
      err.println("cnnspec: error: could not write the output: standard output is closed or its device is full");
      code = USAGE;
    }
    err.flush();
    return code;
  }
}
