package io.cnnspec.cli;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.DType;
import io.cnnspec.report.JsonReport;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;
import io.cnnspec.report.Rows;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code cnnspec summary}: the per-layer table and the totals of one network. */
final class SummaryCommand implements Callable<Integer> {

  private final CnnspecCommand parent;
  private final CommandSpec command = Commands.create(this, "summary").aliases("s");

  private final PositionalParamSpec spec = CompiledSpec.specParameter();

  private final OutputFormat output = new OutputFormat(true);

  private final OutputFile file = new OutputFile("the report (UTF-8)");

  private final OptionSpec batch = OptionSpec.builder("-b", "--batch")
      .paramLabel("N")
      .type(int.class)
      .defaultValue("1")
      .description("Batch size for the memory figures (default: ${DEFAULT-VALUE}).")
      .build();

  private final OptionSpec dtype = OptionSpec.builder("-t", "--dtype")
      .paramLabel("DTYPE")
      .type(DType.class)
      .defaultValue("fp32")
      .converters(Options.DTYPE)
      .completionCandidates(Options.DTYPE_NAMES)
      .description("Element type for the memory figures: fp32, fp16, bf16 or int8 (default: ${DEFAULT-VALUE}).")
      .build();

  private final OptionSpec depth = OptionSpec.builder("-d", "--depth")
      .paramLabel("N")
      .type(Integer.class)
      .description("Show rows down to nesting level N (0: only the top level), like torchinfo's depth: branches "
          + "and blocks (def calls, repetitions, labelled groups) each nest a level, and a row at level N that "
          + "stands for more carries its totals, so the rows shown add up to the totals.")
      .build();

  private final OptionSpec totalsOnly =
      Commands.flag("Print the totals without the layer rows.", "--totals-only", "--no-layers");

  private final OptionSpec gradients =
      Commands.flag("Count a gradient per trainable parameter in the memory estimate (training).", "-g", "--gradients");

  private final OptionSpec optimizer = OptionSpec.builder("-O", "--optimizer")
      .paramLabel("NAME")
      .type(Options.Optimizer.class)
      .converters(Options.OPTIMIZER)
      .completionCandidates(Options.OPTIMIZER_NAMES)
      .description("Count gradients and the optimizer's state per trainable parameter: sgd (none), "
          + "momentum, rmsprop, adagrad (1), adam, adamw (2).")
      .build();

  private final OptionSpec input = CompiledSpec.inputOption();

  SummaryCommand(CnnspecCommand parent) {
    this.parent = parent;
    command.usageMessage()
        .header("The per-layer table and the totals of one network.")
        .description("Prints one row per layer (branches indented as a tree) with its spec, output shape, "
            + "parameters, MACs, stored activations and receptive field, then the totals: parameters "
            + "(total, trainable, non-trainable, and Keras's total), MACs and FLOPs (= 2 x MACs), "
            + "activations, and memory in MiB at the chosen dtype and batch.");
    Commands.exitCodes(command,
        "0:fine",
        "1:the spec has errors (printed to standard error)",
        "2:usage error, the spec cannot be read, or the output file cannot be written");
    command.addPositional(spec);
    output.addTo(command);
    command.addOption(file.option());
    for (OptionSpec option : new OptionSpec[] {batch, dtype, depth, totalsOnly, gradients, optimizer, input}) {
      command.addOption(option);
    }
    Commands.addStandardHelpOptions(command);
  }

  CommandSpec spec() {
    return command;
  }

  @Override
  public Integer call() {
    Io io = parent.io();
    int batch = this.batch.getValue();
    Integer depth = this.depth.getValue();
    boolean totalsOnly = this.totalsOnly.getValue();
    Options.Optimizer optimizer = this.optimizer.getValue();
    String input = this.input.getValue();
    ReportFormat format = output.format();
    validate(batch, depth, totalsOnly, format);
    CompiledSpec compiled = CompiledSpec.of(parent, spec.getValue(), input);
    if (compiled.network() == null) {
      return compiled.exit();
    }
    SpecResolver.Spec source = compiled.source();
    NetworkInfo network = compiled.network();
    boolean gradients = this.gradients.getValue();
    Rows rows = totalsOnly ? Rows.NONE : depth == null ? Rows.ALL : Rows.toDepth(depth);
    ReportOptions options = new ReportOptions(dtype.getValue(), batch, gradients || optimizer != null,
        optimizer == null ? 0 : optimizer.states(), rows);
    String report;
    try {
      // the runtime's reports, the same ones generated classes print
      report = format == ReportFormat.JSON
          ? JsonReport.render(network, options, output.jsonStyle())
          : Reports.render(network, format, options);
    } catch (IllegalArgumentException e) {
      // only the HTML page draws, and its layout refuses a diagram too large to read
      if (format != ReportFormat.HTML) {
        throw e;
      }
      return DrawCommand.tooLarge(io, source, e);
    } catch (ArithmeticException e) {
      io.err().println("cnnspec: error: " + source.origin() + ": the memory figures at batch " + batch
          + " exceed 64-bit byte counts; give a smaller --batch");
      return Main.USAGE;
    }
    return file.write(io, report);
  }

  private void validate(int batch, Integer depth, boolean totalsOnly, ReportFormat format) {
    if (batch < 1) {
      throw new ParameterException(command.commandLine(), "--batch must be at least 1, not " + batch);
    }
    if (depth != null && depth < 0) {
      throw new ParameterException(command.commandLine(), "--depth must be 0 or more, not " + depth);
    }
    output.validate(command);
    if (totalsOnly && format == ReportFormat.CSV) {
      throw new ParameterException(command.commandLine(),
          "--totals-only has nothing to print as CSV, which holds the layer rows only; use table, markdown or json");
    }
  }
}
