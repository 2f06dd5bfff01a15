package io.cnnspec.lang.robust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a failing input whole to target/fuzz-failures, since the message cuts long ones. */
final class FailureLog {

  private FailureLog() {}

  static String write(String id, Case c) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Path file = dir.resolve(id.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt");
      Files.writeString(file, c.describe().length() < Escape.SHOWN ? c.describe() + "\n" : fullText(c),
          StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String fullText(Case c) {
    if (c instanceof Case.File f) {
      return f.source();
    }
    if (c instanceof Case.Inline i) {
      return "name: " + i.name() + "\ninput: " + i.input() + "\nbody:\n" + i.body();
    }
    Case.WithInput w = (Case.WithInput) c;
    return "input: " + w.input() + "\nsource:\n" + w.source();
  }
}
