package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import java.util.Set;

/**
 * The summary as JSON, with the same figures as {@link SummaryTable}. The schema is stable and
 * documented in the README:
 *
 * <pre>
 * { "name", "input": [h, w, c] or [n], "output", "params", "trainableParams", "nonTrainableParams",
 *   "macs", "flops", "activations",
 *   "sideOutputs": [ { "name", "shape", "row", "macs" } ]  (only when the network has side outputs),
 *   "memory": { "dtype", "batch", "gradients", "optimizerStates", "inputBytes", "paramsBytes",
 *               "forwardBytes", "forwardBackwardBytes", "totalBytes" },
 *   "layers": [ { "name", "kind", "spec", "depth", "branch", "input", "output", "params",
 *                 "nonTrainableParams", "macs", "activations", "receptiveField", "jump" } ] }
 * </pre>
 *
 * Counts are exact integers, bytes included; {@code jump} is an integer when it is one. The
 * {@code layers} array holds the rows {@link ReportOptions#rows()} selects (empty for
 * {@link Rows#NONE}). Pretty output indents by two spaces with shapes on one line and one layer a
 * line; compact output is one line. Both end in a line break.
 */
public final class JsonReport {

  private JsonReport() {}

  /**
   * @throws ArithmeticException if a total or a byte count overflows {@code long}
   */
  public static String render(NetworkInfo network, ReportOptions options, JsonWriter.Style style) {
    MemoryEstimate memory = MemoryEstimate.of(network, options);
    JsonWriter json = new JsonWriter(style, Set.of("layers", "sideOutputs"));
    json.beginObject()
        .field("name", network.name())
        .field("input", network.input())
        .field("output", network.output())
        .field("params", network.params())
        .field("trainableParams", network.trainableParams())
        .field("nonTrainableParams", network.nonTrainableParams())
        .field("macs", network.macs())
        .field("flops", network.flops())
        .field("activations", network.activations());
    if (!network.sideOutputs().isEmpty()) {
      // macs above is the main output's; each side output's own MACs are here
      json.name("sideOutputs").beginArray();
      for (SideOutput side : network.sideOutputs()) {
        json.beginObject()
            .field("name", side.name())
            .field("shape", side.shape())
            .field("row", side.row())
            .field("macs", side.macs())
            .endObject();
      }
      json.endArray();
    }
    json.name("memory").beginObject()
        .field("dtype", options.dtype().label())
        .field("batch", options.batch())
        .field("gradients", options.gradients())
        .field("optimizerStates", options.optimizerStates())
        .field("inputBytes", memory.inputBytes())
        .field("paramsBytes", memory.paramsBytes())
        .field("forwardBytes", memory.forwardBytes())
        .field("forwardBackwardBytes", memory.forwardBackwardBytes())
        .field("totalBytes", memory.totalBytes())
        .endObject();
    json.name("layers").beginArray();
    for (LayerInfo layer : options.rows().select(network)) {
      json.beginObject()
          .field("name", layer.name())
          .field("kind", layer.kind())
          .field("spec", layer.spec())
          .field("depth", layer.depth())
          .field("branch", layer.branch())
          .field("input", layer.input())
          .field("output", layer.output())
          .field("params", layer.params())
          .field("nonTrainableParams", layer.nonTrainableParams())
          .field("macs", layer.macs())
          .field("activations", layer.activations())
          .field("receptiveField", layer.receptiveField())
          .field("jump", layer.jump())
          .endObject();
    }
    return json.endArray().endObject().finish();
  }
}
