package io.cnnspec.report;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import java.util.ArrayList;
import java.util.List;

/** The figures under the layer rows, shared by the text table and the Markdown report. */
final class Totals {

  /**
   * One figure: a label, the value, and an optional note shown after it in parentheses.
   *
   * @param note e.g. {@code 15.47 G} or {@code 60,950,432 bytes}, or null
   */
  record Line(String label, String value, String note) {}

  private Totals() {}

  static List<Line> counts(NetworkInfo network) {
    List<Line> lines = new ArrayList<>();
    lines.add(count("Total params", network.params()));
    lines.add(count("Trainable params", network.trainableParams()));
    lines.add(count("Non-trainable params", network.nonTrainableParams()));
    lines.add(count("Total (Keras, incl. non-trainable)", network.kerasTotalParams()));
    if (network.sideOutputs().isEmpty()) {
      lines.add(count("MACs", network.macs()));
      lines.add(count("FLOPs (2 x MACs)", network.flops()));
    } else {
      // every output with its shape; the totals' MACs are the main output's, as torchvision counts
      lines.add(new Line("Main output", network.output().toString(), null));
      for (SideOutput side : network.sideOutputs()) {
        lines.add(new Line("Side output " + side.name(), side.shape().toString(),
            Figures.grouped(side.macs()) + " MACs of its own"));
      }
      lines.add(count("MACs (main output)", network.macs()));
      lines.add(count("FLOPs (2 x MACs, main output)", network.flops()));
      lines.add(count("MACs (all outputs)", network.allMacs()));
    }
    lines.add(count("Activations (values, incl. the input)", network.activations()));
    return lines;
  }

  /** What the memory figures assume, e.g. {@code Memory at fp32, batch 8, with gradients}. */
  static String memoryHeading(ReportOptions options) {
    StringBuilder heading = new StringBuilder("Memory at ")
        .append(options.dtype().label())
        .append(", batch ")
        .append(Figures.grouped(options.batch()));
    if (options.gradients()) {
      heading.append(", with gradients");
    }
    if (options.optimizerStates() > 0) {
      heading.append(options.gradients() ? " and " : ", with ")
          .append(options.optimizerStates())
          .append(options.optimizerStates() == 1 ? " optimizer state" : " optimizer states")
          .append(" per parameter");
    }
    if (MemoryEstimate.mixedPrecision(options)) {
      heading.append(" (mixed precision: fp32 master weights and optimizer states)");
    }
    return heading.toString();
  }

  /** @throws ArithmeticException if a byte count overflows, see {@link MemoryEstimate#of} */
  static List<Line> memory(NetworkInfo network, ReportOptions options) {
    MemoryEstimate memory = MemoryEstimate.of(network, options);
    List<Line> lines = new ArrayList<>();
    lines.add(mib("Input size (MiB)", memory.inputBytes()));
    lines.add(mib(paramsLabel(options), memory.paramsBytes()));
    lines.add(mib("Forward pass size (MiB)", memory.forwardBytes()));
    lines.add(mib("Forward/backward pass size (MiB)", memory.forwardBackwardBytes()));
    lines.add(mib("Estimated total size (MiB)", memory.totalBytes()));
    return lines;
  }

  // Name what the parameter bytes include, so a reader comparing with torchinfo sees why they differ.
  private static String paramsLabel(ReportOptions options) {
    String label = "Params";
    if (options.gradients()) {
      label += " + gradients";
    }
    if (MemoryEstimate.mixedPrecision(options)) {
      label += " + fp32 master weights + fp32 optimizer states";
    } else if (options.optimizerStates() > 0) {
      label += " + optimizer states";
    }
    return label + " size (MiB)";
  }

  private static Line count(String label, long value) {
    return new Line(label, Figures.grouped(value), Figures.abbreviated(value));
  }

  // The exact bytes ride along: a small network's 0.0 MiB would otherwise say nothing.
  private static Line mib(String label, long bytes) {
    return new Line(label, Figures.mebibytes(bytes), Figures.grouped(bytes) + " bytes");
  }
}
