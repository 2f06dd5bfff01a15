package io.cnnspec.cli;

/** The one-line message for a failure that is cnnspec's fault, never a stack trace. */
final class Failures {

  private Failures() {}

  static String message(Throwable e) {
    String what = e.getClass().getName();
    String detail = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0].getClassName() + "." + trace[0].getMethodName() : "";
    if (e instanceof OutOfMemoryError) {
      return "cnnspec: error: out of memory; give the JVM more (JAVA_OPTS=-Xmx4g for the cnnspec script)";
    }
    if (e instanceof StackOverflowError) {
      return "cnnspec: error: the spec nests too deeply for this JVM's stack; give it more (JAVA_OPTS=-Xss16m)";
    }
    return "cnnspec: internal error: " + what + detail + where
        + " (this is a bug in cnnspec; please report it with the command and the spec)";
  }
}
