package io.cnnspec.lang.robust;

import io.cnnspec.lang.diagnostics.Limits;

/** Inputs written back as Java literals, so a failing case can be pasted into a regression test. */
final class Escape {

  private Escape() {}

  /** Longer inputs are cut in the message; the whole text is written to target/fuzz-failures. */
  static final int SHOWN = 4_000;

  static String java(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(text.length(), SHOWN);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (text.length() > end) {
      out.append(" /* ... ").append(text.length() - end).append(" more chars */");
    }
    return out.toString();
  }

  static String limits(Limits limits) {
    return limits.equals(Limits.DEFAULT) ? "Limits.DEFAULT"
        : "new Limits(" + limits.maxLayers() + ", " + limits.maxNesting() + ", " + limits.maxCallDepth() + ", "
            + limits.maxErrors() + ")";
  }
}
