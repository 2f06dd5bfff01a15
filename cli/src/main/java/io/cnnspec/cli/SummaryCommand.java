package io.cnnspec.cli;

import io.cnnspec.lang.Compilation;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.DType;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnnspec summary}: the per-layer table and the totals of one network. */
@Command(
    name = "summary",
    aliases = {"s"},
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "The per-layer table and the totals of one network.",
    description = {
      "Prints one row per layer (branches indented as a tree) with its spec, output shape, "
          + "parameters, MACs, stored activations and receptive field, then the totals: parameters "
          + "(total, trainable, non-trainable, and Keras's total), MACs and FLOPs (= 2 x MACs), "
          + "activations, and memory in MiB at the chosen dtype and batch.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:fine",
      "1:the spec has errors (printed to standard error)",
      "2:usage error, or the spec cannot be read",
    })
final class SummaryCommand implements Callable<Integer> {

  @ParentCommand
  CnnspecCommand parent;

  @Spec
  CommandSpec command;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "A .cnn file, a bundled network's name (see 'cnnspec zoo', e.g. vgg16), or - for standard input.")
  String spec;

  @Mixin
  OutputFormat output;

  @Option(
      names = {"-b", "--batch"},
      paramLabel = "N",
      defaultValue = "1",
      description = "Batch size for the memory figures (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = {"-t", "--dtype"},
      paramLabel = "DTYPE",
      defaultValue = "fp32",
      converter = Options.DTypeConverter.class,
      completionCandidates = Options.DTypeNames.class,
      description = "Element type for the memory figures: fp32, fp16, bf16 or int8 (default: ${DEFAULT-VALUE}).")
  DType dtype;

  @Option(
      names = {"-d", "--depth"},
      paramLabel = "N",
      description = "Show rows at most N branches deep (0: only the top level), like torchinfo's depth; "
          + "totals always cover the whole network.")
  Integer depth;

  @Option(
      names = {"--totals-only", "--no-layers"},
      description = "Print the totals without the layer rows.")
  boolean totalsOnly;

  @Option(
      names = {"-g", "--gradients"},
      description = "Count a gradient per trainable parameter in the memory estimate (training).")
  boolean gradients;

  @Option(
      names = {"-O", "--optimizer"},
      paramLabel = "NAME",
      converter = Options.OptimizerConverter.class,
      completionCandidates = Options.OptimizerNames.class,
      description = "Count gradients and the optimizer's state per trainable parameter: sgd (none), "
          + "momentum, rmsprop, adagrad (1), adam, adamw (2).")
  Options.Optimizer optimizer;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "HxWxC",
      description = "Analyse the spec at another input size, e.g. 299x299x3; its declared output and "
          + "expect lines are then not checked.")
  String input;

  @Override
  public Integer call() {
    Io io = parent.io();
    validate();
    SpecSource.Spec source;
    Compilation compilation;
    try {
      source = parent.sources().resolve(spec);
      compilation = input == null
          ? SpecCompiler.compile(source)
          : SpecCompiler.compileWithInput(source, input);
    } catch (InputException e) {
      io.err().println("cnnspec: error: " + e.getMessage());
      return Main.USAGE;
    }
    boolean inputError = Diagnostics.print(compilation, io.err(), input);
    if (!compilation.ok()) {
      return inputError ? Main.USAGE : Main.SPEC_ERROR;
    }
    NetworkInfo network = compilation.network().orElseThrow();
    ReportOptions options = new ReportOptions(
        dtype, batch, gradients || optimizer != null, optimizer == null ? 0 : optimizer.states());
    List<LayerInfo> rows = rows(network);
    String report;
    try {
      report = output.format == Options.Format.JSON
          ? JsonReport.render(network, rows, options, output.compact)
          : render(network, rows, options);
    } catch (ArithmeticException e) {
      io.err().println("cnnspec: error: " + source.origin() + ": the memory figures at batch " + batch
          + " exceed 64-bit byte counts; give a smaller --batch");
      return Main.USAGE;
    }
    io.out().print(report);
    return Main.OK;
  }

  private void validate() {
    if (batch < 1) {
      throw new ParameterException(command.commandLine(), "--batch must be at least 1, not " + batch);
    }
    if (depth != null && depth < 0) {
      throw new ParameterException(command.commandLine(), "--depth must be 0 or more, not " + depth);
    }
    output.validate(command);
    if (totalsOnly && output.format == Options.Format.CSV) {
      throw new ParameterException(command.commandLine(),
          "--totals-only has nothing to print as CSV, which holds the layer rows only; use table, markdown or json");
    }
  }

  /** The rows to show: all, those down to --depth, or none. */
  private List<LayerInfo> rows(NetworkInfo network) {
    if (totalsOnly) {
      return List.of();
    }
    if (depth == null) {
      return network.layers();
    }
    return network.layers().stream().filter(layer -> layer.depth() <= depth).toList();
  }

  /** Table, Markdown or CSV: the runtime's reports, the same ones generated classes print. */
  private String render(NetworkInfo network, List<LayerInfo> rows, ReportOptions options) {
    NetworkInfo shown = rows == network.layers() ? network : withLayers(network, rows);
    String report = Reports.render(shown, output.format.report(), options);
    return totalsOnly && output.format == Options.Format.TABLE ? TableTrim.withoutLayerHeader(report) : report;
  }

  /** The same network and totals with fewer rows; the totals are carried, never recomputed. */
  static NetworkInfo withLayers(NetworkInfo network, List<LayerInfo> rows) {
    return new NetworkInfo(network.name(), network.input(), network.output(), rows,
        network.params(), network.trainableParams(), network.nonTrainableParams(),
        network.macs(), network.activations());
  }
}
