package io.cnnspec.cli;

import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import java.io.PrintStream;

/** Prints a compilation's diagnostics to standard error, compiler style. */
final class Diagnostics {

  private Diagnostics() {}

  /**
   * Prints every diagnostic: {@code origin:line:col: error: message}, the source line with a caret
   * under the spot, and the hint. When the spec was compiled with {@code --input}, a problem in that
   * shape is named after the option, since it is not in the file.
   *
   * @return true when an error is about the {@code --input} value rather than the spec
   */
  static boolean print(Compilation compilation, PrintStream err, String inputOverride) {
    boolean inputError = false;
    for (Diagnostic d : compilation.diagnostics()) {
      if (inputOverride != null && d.part() == Diagnostic.Part.INPUT) {
        inputError |= d.severity() == Diagnostic.Severity.ERROR;
        StringBuilder line = new StringBuilder("cnnspec: ").append(d.severity())
            .append(": --input ").append(inputOverride).append(": ").append(d.message());
        if (!d.hint().isEmpty()) {
          line.append("\n    hint: ").append(d.hint());
        }
        err.println(line);
      } else {
        err.println(d.format());
      }
    }
    return inputError;
  }
}
