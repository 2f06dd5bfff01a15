package io.cnnspec.cli;

import io.cnnspec.picture.Folding;
import io.cnnspec.picture.SvgDiagram;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code cnnspec draw}: the network as an SVG diagram. */
final class DrawCommand implements Callable<Integer> {

  private final CnnspecCommand parent;
  private final CommandSpec command = Commands.create(this, "draw");

  private final PositionalParamSpec spec = CompiledSpec.specParameter();

  private final OutputFile output = new OutputFile("the SVG (UTF-8)");

  private final OptionSpec depth = OptionSpec.builder("-d", "--depth")
      .paramLabel("N")
      .type(Integer.class)
      .description("Unfold def calls and repetitions, and draw layer by layer the rows at most N branches deep "
          + "(0: only the top level), like summary's --depth; a merge whose branches lie deeper is one box.")
      .build();

  private final OptionSpec unfold = Commands.flag("Draw every layer as its own box (no folding at all).", "--unfold");

  private final OptionSpec input = CompiledSpec.inputOption();

  DrawCommand(CnnspecCommand parent) {
    this.parent = parent;
    command.usageMessage()
        .header("The network as an SVG diagram.")
        .description("Draws the layers as boxes in execution order, top to bottom, branches side by side and "
            + "rejoined at their merge; each box shows the layer as written, its output shape and its "
            + "parameters, with a bar for its share of them. Def calls and repetitions are folded into one "
            + "box each (e.g. 'bottleneck_id x2', with their summed figures) unless --depth or --unfold is "
            + "given. Colours by layer kind, with a legend; the totals in a footer.");
    Commands.exitCodes(command,
        "0:fine",
        "1:the spec has errors (printed to standard error)",
        "2:usage error, the spec cannot be read, or the output file cannot be written");
    command.addPositional(spec);
    for (OptionSpec option : new OptionSpec[] {output.option(), depth, unfold, input}) {
      command.addOption(option);
    }
    Commands.addStandardHelpOptions(command);
  }

  CommandSpec spec() {
    return command;
  }

  @Override
  public Integer call() {
    Integer depth = this.depth.getValue();
    boolean unfold = this.unfold.getValue();
    if (depth != null && depth < 0) {
      throw new ParameterException(command.commandLine(), "--depth must be 0 or more, not " + depth);
    }
    if (depth != null && unfold) {
      throw new ParameterException(command.commandLine(), "--depth and --unfold exclude each other; give one");
    }
    CompiledSpec compiled = CompiledSpec.of(parent, spec.getValue(), input.getValue());
    if (compiled.network() == null) {
      return compiled.exit();
    }
    Folding folding = unfold ? Folding.NONE : depth != null ? Folding.depth(depth) : Folding.BLOCKS;
    String svg;
    try {
      svg = SvgDiagram.render(compiled.network(), folding);
    } catch (IllegalArgumentException e) {
      return tooLarge(parent.io(), compiled.source(), e);
    }
    return output.write(parent.io(), svg);
  }

  /**
   * A network too large to draw ({@link io.cnnspec.picture.DiagramLayout#MAX_BOXES}), for draw and
   * the HTML summary: the layout's message and how to fold it; a usage error.
   */
  static int tooLarge(Io io, SpecResolver.Spec source, IllegalArgumentException e) {
    io.err().println("cnnspec: error: " + source.origin() + ": " + e.getMessage()
        + "\n    hint: draw it folded (without --unfold), or with a smaller --depth");
    return Main.USAGE;
  }
}
