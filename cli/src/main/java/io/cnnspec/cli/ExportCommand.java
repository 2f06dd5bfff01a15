package io.cnnspec.cli;

import io.cnnspec.export.Export;
import io.cnnspec.export.ExportException;
import io.cnnspec.lang.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code cnnspec export}: a network as a PyTorch module or an ONNX model. The export classes (and
 * protobuf) are touched only in {@link #call}, so the other commands do not load them.
 */
final class ExportCommand implements Callable<Integer> {

  private final CnnspecCommand parent;
  private final CommandSpec command = Commands.create(this, "export");

  private final PositionalParamSpec spec = CompiledSpec.specParameter();

  private final OptionSpec to = OptionSpec.builder("--to")
      .paramLabel("FORMAT")
      .type(String.class)
      .required(true)
      .completionCandidates(java.util.List.of("pytorch", "onnx"))
      .description("pytorch (a Python module importing only torch) or onnx (an opset-17 model).")
      .build();

  private final OutputFile output = new OutputFile("the module (UTF-8) or the model");

  private final OptionSpec weights = OptionSpec.builder("--weights")
      .paramLabel("WHICH")
      .type(String.class)
      .completionCandidates(java.util.List.of("none", "zeros"))
      .description("ONNX only: none (default: weights are graph inputs with their shapes, a small file) or "
          + "zeros (zero-filled initializers, 4 bytes per parameter).")
      .build();

  private final OptionSpec input = CompiledSpec.inputOption();

  ExportCommand(CnnspecCommand parent) {
    this.parent = parent;
    command.usageMessage()
        .header("The network as a PyTorch module or an ONNX model.")
        .description("Writes the spec's network for a framework: with --to pytorch, a Python module with one "
            + "nn.Module class named after the network (defs as submodule classes, branches as forward code, "
            + "NCHW, TensorFlow's \"same\" padding as explicit F.pad where it is asymmetric); with --to onnx, an "
            + "ONNX model (opset 17) with an input 'input' and an output 'output' of static shapes. With --input, "
            + "the network at that input size, with every size that follows from it (an fc's inputs after flatten, "
            + "resize input, a bare crop) taken at that size. Neither carries trained weights.");
    Commands.exitCodes(command,
        "0:written",
        "1:the spec has errors, or a layer has no equivalent in the format (the message says which)",
        "2:usage error, the spec cannot be read, or the output cannot be written");
    command.addPositional(spec);
    command.addOption(to);
    command.addOption(output.option());
    command.addOption(weights);
    command.addOption(input);
    Commands.addStandardHelpOptions(command);
  }

  CommandSpec spec() {
    return command;
  }

  @Override
  public Integer call() {
    Io io = parent.io();
    String format = this.to.<String>getValue().strip().toLowerCase(Locale.ROOT);
    if (!format.equals("pytorch") && !format.equals("onnx")) {
      throw new ParameterException(command.commandLine(),
          "unknown --to '" + this.to.getValue() + "'; use pytorch or onnx");
    }
    String weightsText = this.weights.getValue();
    Export.Weights weights = Export.Weights.NONE;
    if (weightsText != null) {
      if (format.equals("pytorch")) {
        throw new ParameterException(command.commandLine(),
            "--weights applies to --to onnx only; a PyTorch module initialises its own weights");
      }
      switch (weightsText.strip().toLowerCase(Locale.ROOT)) {
        case "none" -> weights = Export.Weights.NONE;
        case "zeros" -> weights = Export.Weights.ZEROS;
        default -> throw new ParameterException(command.commandLine(),
            "unknown --weights '" + weightsText + "'; use none or zeros");
      }
    }
    CompiledSpec compiled = CompiledSpec.of(parent, spec.getValue(), input.getValue());
    if (compiled.network() == null) {
      return compiled.exit();
    }
    SpecResolver.Spec source = compiled.source();
    Compilation compilation = compiled.compilation();
    byte[] bytes;
    try {
      bytes = format.equals("pytorch")
          ? Export.pytorch(compilation).getBytes(StandardCharsets.UTF_8)
          : Export.onnx(compilation, weights);
    } catch (ExportException e) {
      io.err().println("cnnspec: error: " + source.origin() + ": cannot export to " + format + ": " + e.getMessage());
      return Main.SPEC_ERROR;
    }
    return output.write(io, bytes);
  }
}
