package io.cnnspec.cli;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.Escaping;
import io.cnnspec.report.Figures;
import io.cnnspec.report.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** {@code cnnspec zoo}: the bundled reference networks, or one of their specs. */
final class ZooCommand implements Callable<Integer> {

  static final int TABLE_WIDTH = 120;

  private final CnnspecCommand parent;
  private final CommandSpec command = Commands.create(this, "zoo");

  private final PositionalParamSpec name = PositionalParamSpec.builder()
      .index("0")
      .arity("0..1")
      .paramLabel("NAME")
      .type(String.class)
      .description("Print this network's spec.")
      .build();

  private final OutputFormat output = new OutputFormat(false);

  private final OptionSpec wide =
      Commands.flag("Show whole titles; the table cuts them at " + TABLE_WIDTH + " columns.", "-w", "--wide");

  ZooCommand(CnnspecCommand parent) {
    this.parent = parent;
    command.usageMessage()
        .header("The bundled reference networks.")
        .description("Lists the bundled networks, one a line: name, parameters, MACs and the spec's title. "
            + "With a NAME, prints that network's .cnn spec, ready to copy and edit (the options below lay out "
            + "the list, and are refused with a NAME): "
            + "cnnspec zoo resnet50 > my-resnet.cnn");
    Commands.exitCodes(command,
        "0:fine",
        "1:a bundled spec has errors (a bug in the zoo)",
        "2:usage error, or an unknown NAME");
    command.addPositional(name);
    output.addTo(command);
    command.addOption(wide);
    Commands.addStandardHelpOptions(command);
  }

  CommandSpec spec() {
    return command;
  }

  /** One listed network; {@code network} is empty when its spec does not compile. */
  private record Row(Zoo.Entry entry, String title, Optional<NetworkInfo> network) {}

  @Override
  public Integer call() {
    Io io = parent.io();
    Zoo zoo = parent.zoo();
    String name = this.name.getValue();
    if (name != null) {
      refuseListingOptions(name);
    }
    output.validate(command);
    if (name != null) {
      Optional<Zoo.Entry> entry = zoo.find(name);
      if (entry.isEmpty()) {
        List<String> close = zoo.suggestions(name);
        io.err().println("cnnspec: error: '" + name + "' is not a zoo network"
            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
            + "\n    hint: 'cnnspec zoo' lists them");
        return Main.USAGE;
      }
      String text = entry.get().text();
      io.out().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
      return Main.OK;
    }

    List<Row> rows = new ArrayList<>();
    boolean failed = false;
    for (Zoo.Entry entry : zoo.entries()) {
      String text = entry.text();
      Compilation compilation = CnnSpec.compile(new SpecInput.File(text, entry.origin()), CompileOptions.DEFAULT);
      Diagnostics.print(compilation, io.err(), null);
      failed |= !compilation.ok();
      rows.add(new Row(entry, Zoo.titleOf(text), compilation.network()));
    }
    if (rows.isEmpty()) {
      io.err().println("cnnspec: the zoo is empty (this build bundled no .cnn files)");
    }
    boolean wide = this.wide.getValue();
    io.out().print(switch (output.format()) {
      case TABLE -> table(rows, wide ? Integer.MAX_VALUE : TABLE_WIDTH);
      case MARKDOWN -> markdown(rows);
      case CSV -> csv(rows);
      case JSON -> json(rows);
      case HTML -> throw new IllegalStateException("refused by OutputFormat.validate");
    });
    return failed ? Main.SPEC_ERROR : Main.OK;
  }

  /**
   * Refuses {@code --format}, {@code --compact} and {@code --wide} with a NAME, as a usage error:
   * they lay out the list, and a spec is printed as its own text, so they would do nothing. (Rather
   * than print the network's list row as JSON: its figures in a format are what summary is for.)
   */
  private void refuseListingOptions(String name) {
    ParseResult parsed = command.commandLine().getParseResult();
    List<OptionSpec> listing = new ArrayList<>(output.options());
    listing.add(wide);
    for (OptionSpec option : listing) {
      if (parsed.hasMatchedOption(option)) {
        throw new ParameterException(command.commandLine(), option.longestName() + " lays out the list of networks; "
            + "with a NAME, zoo prints that network's spec as .cnn text. For its figures as a report, use "
            + "'cnnspec summary " + name + " --format FORMAT'");
      }
    }
  }

  private static String grouped(long value) {
    return Figures.grouped(value);
  }

  private static String params(Row row) {
    return row.network().map(n -> grouped(n.params())).orElse("error");
  }

  private static String macs(Row row) {
    return row.network().map(n -> grouped(n.macs())).orElse("error");
  }

  /** Aligned columns: names left, counts right, the title last. */
  private static String table(List<Row> rows, int maxWidth) {
    String[] headers = {"NAME", "PARAMS", "MACS", "TITLE"};
    List<String[]> cells = new ArrayList<>();
    cells.add(headers);
    for (Row row : rows) {
      cells.add(new String[] {row.entry().name(), params(row), macs(row), row.title()});
    }
    int[] widths = new int[3];
    for (String[] line : cells) {
      for (int c = 0; c < 3; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder()
          .append(pad(line[0], widths[0], false)).append("  ")
          .append(pad(line[1], widths[1], true)).append("  ")
          .append(pad(line[2], widths[2], true)).append("  ");
      text.append(cut(line[3], maxWidth - text.length()));
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** {@code text}, cut to {@code width} characters with "..." when it is longer. */
  static String cut(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    if (width <= 3) {
      return "";
    }
    int end = width - 3;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + "...";
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(width - text.length());
    return right ? padding + text : text + padding;
  }

  private static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder("| Name | Params | MACs | Title |\n| :-- | --: | --: | :-- |\n");
    for (Row row : rows) {
      out.append("| ").append(Escaping.markdownCell(row.entry().name()))
          .append(" | ").append(params(row))
          .append(" | ").append(macs(row))
          .append(" | ").append(Escaping.markdownCell(row.title())).append(" |\n");
    }
    return out.toString();
  }

  /** RFC 4180, plain numbers, like the runtime's CSV report. */
  private static String csv(List<Row> rows) {
    StringBuilder out = new StringBuilder("name,params,trainable_params,non_trainable_params,macs,activations,title\r\n");
    for (Row row : rows) {
      out.append(Escaping.csvField(row.entry().name())).append(',');
      if (row.network().isPresent()) {
        NetworkInfo n = row.network().get();
        out.append(n.params()).append(',').append(n.trainableParams()).append(',')
            .append(n.nonTrainableParams()).append(',').append(n.macs()).append(',').append(n.activations());
      } else {
        out.append(",,,,");
      }
      out.append(',').append(Escaping.csvField(row.title())).append("\r\n");
    }
    return out.toString();
  }

  private String json(List<Row> rows) {
    JsonWriter json = new JsonWriter(output.jsonStyle(), Set.of());
    json.beginArray();
    for (Row row : rows) {
      json.beginObject()
          .field("name", row.entry().name())
          .field("title", row.title());
      if (row.network().isPresent()) {
        NetworkInfo n = row.network().get();
        json.field("network", n.name())
            .field("input", n.input())
            .field("output", n.output())
            .field("params", n.params())
            .field("trainableParams", n.trainableParams())
            .field("nonTrainableParams", n.nonTrainableParams())
            .field("macs", n.macs())
            .field("activations", n.activations());
      } else {
        json.field("error", true);
      }
      json.endObject();
    }
    return json.endArray().finish();
  }
}
