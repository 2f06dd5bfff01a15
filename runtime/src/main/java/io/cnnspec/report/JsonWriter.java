package io.cnnspec.report;

import io.cnnspec.model.Shape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;

/**
 * A small streaming JSON writer, what the JSON report and the command line's zoo listing write
 * with. The runtime has no dependencies, since every generated class depends on it, so it writes
 * its own JSON rather than bringing in a JSON library; what it needs is small (objects, arrays,
 * strings, integers, booleans, one double) and its output is fixed by tests.
 *
 * <p>Strings escape {@code "}, {@code &#92;} and the control characters below U+0020 ({@code &#92;b &#92;t &#92;n
 * &#92;f &#92;r}, the rest as {@code &#92;u00XX}); everything else is written as it is. Pretty output indents
 * by two spaces, writes {@code "key": value}, keeps arrays of values on one line ({@code [224, 224,
 * 3]}) and puts the elements of the top-level array and of arrays under the named fields one a
 * line; compact output has no white space at all. Either ends in one line break.
 */
public final class JsonWriter {

  /** Indented over lines, or all on one line. */
  public enum Style {
    PRETTY,
    COMPACT
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** An open object or array: its values so far and, for an array, whether it goes one element a line. */
  private static final class Scope {
    final boolean object;
    final boolean multiline;
    int values;

    Scope(boolean object, boolean multiline) {
      this.object = object;
      this.multiline = multiline;
    }
  }

  private final StringBuilder out = new StringBuilder();
  private final boolean pretty;
  private final Set<String> multilineArrays;
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private String pendingName;
  private int nesting;

  /**
   * @param multilineArrays the fields whose array gets one element a line in pretty output, e.g.
   *     {@code "layers"}
   */
  public JsonWriter(Style style, Set<String> multilineArrays) {
    this.pretty = Objects.requireNonNull(style, "style") == Style.PRETTY;
    this.multilineArrays = Set.copyOf(multilineArrays);
  }

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    scopes.push(new Scope(true, true));
    nesting++;
    return this;
  }

  public JsonWriter endObject() {
    Scope scope = scopes.pop();
    if (!scope.object) {
      throw new IllegalStateException("endObject inside an array");
    }
    nesting--;
    if (pretty && scope.values > 0) {
      newline();
    }
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    Scope enclosing = scopes.peek();
    boolean multiline = enclosing == null || (enclosing.object && multilineArrays.contains(pendingName));
    beforeValue();
    out.append('[');
    scopes.push(new Scope(false, multiline));
    if (multiline) {
      nesting++;
    }
    return this;
  }

  public JsonWriter endArray() {
    Scope scope = scopes.pop();
    if (scope.object) {
      throw new IllegalStateException("endArray inside an object");
    }
    if (scope.multiline) {
      nesting--;
      if (pretty && scope.values > 0) {
        newline();
      }
    }
    out.append(']');
    return this;
  }

  /** The next field's name; the value follows. */
  public JsonWriter name(String name) {
    Scope scope = scopes.peek();
    if (scope == null || !scope.object || pendingName != null) {
      throw new IllegalStateException("a field name outside an object, or two in a row: " + name);
    }
    if (scope.values++ > 0) {
      out.append(',');
    }
    if (pretty) {
      newline();
    }
    string(name);
    out.append(pretty ? ": " : ":");
    pendingName = name;
    return this;
  }

  public JsonWriter value(String text) {
    beforeValue();
    string(text);
    return this;
  }

  /** JSON's {@code null}: a value that does not exist here. */
  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  public JsonWriter value(long number) {
    beforeValue();
    out.append(number);
    return this;
  }

  public JsonWriter value(boolean flag) {
    beforeValue();
    out.append(flag);
    return this;
  }

  /**
   * An integer when the value is one ({@code 32}, not {@code 32.0}); otherwise Java's shortest
   * decimal that reads back as the same double ({@code 0.5}); {@code null} for infinities and NaN,
   * which JSON cannot write.
   */
  public JsonWriter value(double number) {
    if (Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) < 0x1p53) {
      return value((long) number);
    }
    beforeValue();
    out.append(Double.isFinite(number) ? Double.toString(number) : "null");
    return this;
  }

  /** A shape as an array of its dimensions: {@code [224, 224, 3]}, or {@code [10]} for a vector. */
  public JsonWriter value(Shape shape) {
    beginArray();
    for (int dim : shape.dims()) {
      value(dim);
    }
    return endArray();
  }

  public JsonWriter field(String name, String text) {
    return name(name).value(text);
  }

  public JsonWriter field(String name, long number) {
    return name(name).value(number);
  }

  public JsonWriter field(String name, boolean flag) {
    return name(name).value(flag);
  }

  public JsonWriter field(String name, double number) {
    return name(name).value(number);
  }

  public JsonWriter field(String name, Shape shape) {
    return name(name).value(shape);
  }

  /**
   * The document written, ending in a line break.
   *
   * @throws IllegalStateException if an object or array is still open
   */
  public String finish() {
    if (!scopes.isEmpty()) {
      throw new IllegalStateException("an object or array is still open");
    }
    return out.toString() + '\n';
  }

  private void beforeValue() {
    Scope scope = scopes.peek();
    if (scope == null) {
      if (out.length() > 0) {
        throw new IllegalStateException("a second top-level value");
      }
      return;
    }
    if (scope.object) {
      if (pendingName == null) {
        throw new IllegalStateException("a value in an object needs a name first");
      }
      pendingName = null;
      return;
    }
    if (scope.values++ > 0) {
      out.append(',');
      if (pretty && !scope.multiline) {
        out.append(' ');
      }
    }
    if (pretty && scope.multiline) {
      newline();
    }
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < nesting; i++) {
      out.append("  ");
    }
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
