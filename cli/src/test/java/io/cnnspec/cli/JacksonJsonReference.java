package io.cnnspec.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import io.cnnspec.model.Shape;
import io.cnnspec.report.MemoryEstimate;
import io.cnnspec.report.ReportOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The command line's JSON writer before it moved to the runtime (io.cnnspec.report.JsonWriter),
 * written with Jackson's streaming generator: kept in the tests as the reference the runtime's
 * output must equal byte for byte. The schema is stable and
 * documented in the README:
 *
 * <pre>
 * { "name", "input": [h, w, c] or [n], "output", "params", "trainableParams", "nonTrainableParams",
 *   "macs", "flops", "activations",
 *   "memory": { "dtype", "batch", "gradients", "optimizerStates", "inputBytes", "paramsBytes",
 *               "forwardBytes", "forwardBackwardBytes", "totalBytes" },
 *   "layers": [ { "name", "kind", "spec", "depth", "branch", "input", "output", "params",
 *                 "nonTrainableParams", "macs", "activations", "receptiveField", "jump" } ] }
 * </pre>
 *
 * Counts are exact integers; {@code jump} is an integer when it is one. Pretty-printed with two
 * spaces and shapes on one line, or compact on a single line.
 */
final class JacksonJsonReference {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JacksonJsonReference() {}

  /** The report, ending in a line break. */
  static String render(NetworkInfo network, List<LayerInfo> layers, ReportOptions options, boolean compact) {
    return write(compact, Set.of("layers", "sideOutputs"), gen -> network(gen, network, layers, options));
  }

  /** Writes with a generator set up for {@code compact} or pretty output; the result ends in a line break. */
  static String write(boolean compact, Set<String> multilineArrays, Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      if (!compact) {
        gen.setPrettyPrinter(new Printer(multilineArrays));
      }
      body.write(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  /** What to write. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator gen) throws IOException;
  }

  private static void network(JsonGenerator gen, NetworkInfo network, List<LayerInfo> layers, ReportOptions options)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("name", network.name());
    shape(gen, "input", network.input());
    shape(gen, "output", network.output());
    gen.writeNumberField("params", network.params());
    gen.writeNumberField("trainableParams", network.trainableParams());
    gen.writeNumberField("nonTrainableParams", network.nonTrainableParams());
    gen.writeNumberField("macs", network.macs());
    gen.writeNumberField("flops", network.flops());
    gen.writeNumberField("activations", network.activations());
    if (!network.sideOutputs().isEmpty()) {
      gen.writeArrayFieldStart("sideOutputs");
      for (SideOutput side : network.sideOutputs()) {
        gen.writeStartObject();
        gen.writeStringField("name", side.name());
        shape(gen, "shape", side.shape());
        // the index in the printed layers; which collapsed row holds a side output at --depth is
        // SideOutputRowsTest's to check, so this reference covers every row or none
        if (layers.isEmpty()) {
          gen.writeNullField("row");
        } else if (layers.equals(network.layers())) {
          gen.writeNumberField("row", side.row());
        } else {
          throw new IllegalArgumentException("the reference writes side outputs for all rows or none");
        }
        gen.writeNumberField("macs", side.macs());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }

    MemoryEstimate memory = MemoryEstimate.of(network, options);
    gen.writeObjectFieldStart("memory");
    gen.writeStringField("dtype", options.dtype().label());
    gen.writeNumberField("batch", options.batch());
    gen.writeBooleanField("gradients", options.gradients());
    gen.writeNumberField("optimizerStates", options.optimizerStates());
    gen.writeNumberField("inputBytes", memory.inputBytes());
    gen.writeNumberField("paramsBytes", memory.paramsBytes());
    gen.writeNumberField("forwardBytes", memory.forwardBytes());
    gen.writeNumberField("forwardBackwardBytes", memory.forwardBackwardBytes());
    gen.writeNumberField("totalBytes", memory.totalBytes());
    gen.writeEndObject();

    gen.writeArrayFieldStart("layers");
    for (LayerInfo layer : layers) {
      layer(gen, layer);
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  private static void layer(JsonGenerator gen, LayerInfo layer) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("name", layer.name());
    gen.writeStringField("kind", layer.kind());
    gen.writeStringField("spec", layer.spec());
    gen.writeNumberField("depth", layer.depth());
    gen.writeNumberField("branch", layer.branch());
    shape(gen, "input", layer.input());
    shape(gen, "output", layer.output());
    gen.writeNumberField("params", layer.params());
    gen.writeNumberField("nonTrainableParams", layer.nonTrainableParams());
    gen.writeNumberField("macs", layer.macs());
    gen.writeNumberField("activations", layer.activations());
    gen.writeNumberField("receptiveField", layer.receptiveField());
    gen.writeFieldName("jump");
    number(gen, layer.jump());
    gen.writeEndObject();
  }

  static void shape(JsonGenerator gen, String field, Shape shape) throws IOException {
    gen.writeFieldName(field);
    int[] dims = shape.dims();
    gen.writeArray(dims, 0, dims.length);
  }

  /** An integer when the value is one (32, not 32.0); otherwise the shortest decimal that reads back the same. */
  static void number(JsonGenerator gen, double value) throws IOException {
    if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      gen.writeNumber((long) value);
    } else if (Double.isFinite(value)) {
      gen.writeNumber(value);
    } else {
      gen.writeNull(); // JSON has no infinity; the analysis never yields one
    }
  }

  /**
   * Two-space indentation, {@code "key": value}, arrays of numbers on one line ({@code [224, 224,
   * 3]}) and the named arrays of objects one element a line.
   */
  static final class Printer implements PrettyPrinter {

    private final Set<String> multilineArrays;
    private final Deque<Boolean> arrays = new ArrayDeque<>();
    private int nesting;

    Printer(Set<String> multilineArrays) {
      this.multilineArrays = multilineArrays;
    }

    private void newline(JsonGenerator gen) throws IOException {
      gen.writeRaw('\n');
      for (int i = 0; i < nesting; i++) {
        gen.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
      gen.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
      gen.writeRaw('{');
      nesting++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) throws IOException {
      newline(gen);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
      gen.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
      gen.writeRaw(',');
      newline(gen);
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int entries) throws IOException {
      nesting--;
      if (entries > 0) {
        newline(gen);
      }
      gen.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
      // The generator has entered the array's context already; its parent names the array's field.
      JsonStreamContext context = gen.getOutputContext();
      JsonStreamContext enclosing = context.inArray() ? context.getParent() : context;
      boolean multiline = enclosing == null || enclosing.inRoot()
          || (enclosing.inObject() && multilineArrays.contains(enclosing.getCurrentName()));
      arrays.push(multiline);
      gen.writeRaw('[');
      if (multiline) {
        nesting++;
      }
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) throws IOException {
      if (Boolean.TRUE.equals(arrays.peek())) {
        newline(gen);
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
      gen.writeRaw(',');
      if (Boolean.TRUE.equals(arrays.peek())) {
        newline(gen);
      } else {
        gen.writeRaw(' ');
      }
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int values) throws IOException {
      boolean multiline = Boolean.TRUE.equals(arrays.pop());
      if (multiline) {
        nesting--;
        if (values > 0) {
          newline(gen);
        }
      }
      gen.writeRaw(']');
    }
  }
}
