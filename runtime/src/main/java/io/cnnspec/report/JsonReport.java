package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import java.util.List;
import java.util.Set;

/**
 * The summary as JSON, with the same figures as {@link SummaryTable}. The schema is stable and
 * documented in the README:
 *
 * <pre>
 * { "name", "input": [h, w, c] or [n], "output", "params", "trainableParams", "nonTrainableParams",
 *   "macs", "flops", "activations",
 *   "sideOutputs": [ { "name", "shape", "row", "macs" } ]  (only when the network has side outputs;
 *                  row: the index in "layers" of the row that shows it, null when no row does),
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
    List<ShownRows.Shown> shown = ShownRows.of(options.rows(), network);
    if (!network.sideOutputs().isEmpty()) {
      // macs above is the main output's; each side output's own MACs are here
      json.name("sideOutputs").beginArray();
      for (SideOutput side : network.sideOutputs()) {
        json.beginObject()
            .field("name", side.name())
            .field("shape", side.shape());
        int row = shownIndex(shown, side.row());
        if (row < 0) {
          json.name("row").nullValue();
        } else {
          json.field("row", row);
        }
        json.field("macs", side.macs())
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
    for (ShownRows.Shown row : shown) {
      LayerInfo layer = row.row();
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

  /**
   * The index in the {@code layers} array of the row that shows network row {@code row}: the row
   * itself, or at {@code --depth} the collapsed row that holds it; -1 when no row shows it (no
   * rows are shown).
   */
  private static int shownIndex(List<ShownRows.Shown> shown, int row) {
    // the shown rows are in row order and do not overlap: the last that starts at or before row
    int low = 0;
    int high = shown.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (shown.get(mid).first() <= row) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found >= 0 && row < shown.get(found).end() ? found : -1;
  }
}
