package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Header;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.lang.vocabulary.Suggestions;
import io.cnnspec.lang.vocabulary.Vocabulary;
import io.cnnspec.model.Block;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.LayerTable;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import io.cnnspec.model.Shape;
import io.cnnspec.report.Figures;
import java.util.List;

/**
 * What is checked of the network as a whole once every layer is walked: its totals fit, it ends
 * in the output its header declares, and its figures are what its {@code expect} lines say.
 */
final class NetworkChecks {

  /** The figures an {@code expect} line may name, as the error lists them. */
  static final List<String> FIGURES = List.of("params", "trainable", "nontrainable", "macs", "allmacs", "flops", "activations");

  private final Reporter.Source source;

  /** A side output as the walk found it: its rows are [row, endRow), the side row first. */
  record SideSpan(String name, Shape shape, int row, int endRow) {}

  NetworkChecks(Reporter.Source source) {
    this.source = source;
  }

  /**
   * The network with its totals, or null after reporting (at {@code headerPos}) the row where one
   * stops fitting in 64 bits. FLOPs (2 x MACs) and Keras's total (learnable + non-trainable) are
   * derived from them wherever they are shown, so they must fit too.
   */
  NetworkInfo totals(String name, Shape input, Shape output, Position headerPos, LayerTable table, List<Block> blocks,
      List<SideSpan> sides) {
    long params = 0;
    long nonTrainable = 0;
    long macs = 0;
    long activations = input.size();
    // each row's MACs go to the innermost side output holding it (-1: the main output). The walk
    // finds a nested side before the one around it; in row order an outer span comes first, and
    // the inner one overwrites its rows.
    sides = sides.stream().sorted(java.util.Comparator.comparingInt(SideSpan::row)).toList();
    int[] owner = sides.isEmpty() ? null : new int[table.size()];
    long[] sideMacs = new long[sides.size()];
    if (owner != null) {
      java.util.Arrays.fill(owner, -1);
      for (int s = 0; s < sides.size(); s++) {
        java.util.Arrays.fill(owner, sides.get(s).row(), sides.get(s).endRow(), s);
      }
    }
    for (int i = 0; i < table.size(); i++) {
      try {
        params = Math.addExact(params, table.params(i));
        nonTrainable = Math.addExact(nonTrainable, table.nonTrainableParams(i));
        if (owner == null || owner[i] < 0) {
          macs = Math.addExact(macs, table.macs(i));
        } else {
          sideMacs[owner[i]] = Math.addExact(sideMacs[owner[i]], table.macs(i));
        }
        activations = Math.addExact(activations, table.activations(i));
        Math.addExact(params, nonTrainable);
        Math.multiplyExact(macs, 2);
      } catch (ArithmeticException e) {
        LayerInfo row = table.get(i);
        source.error(DiagnosticCode.COUNTS_OVERFLOW, headerPos, "counts overflow",
            "the network's totals (with FLOPs = 2 x MACs) pass 64 bits at layer " + row.name() + " (" + row.spec() + ")",
            "no real network is this large; check the numbers");
        return null;
      }
    }
    List<SideOutput> sideOutputs = new java.util.ArrayList<>(sides.size());
    for (int s = 0; s < sides.size(); s++) {
      SideSpan span = sides.get(s);
      sideOutputs.add(new SideOutput(span.name(), span.shape(), span.row(), span.endRow(), sideMacs[s]));
    }
    NetworkInfo network = new NetworkInfo(name, input, output, table, params, params, nonTrainable, macs, activations,
        blocks, sideOutputs);
    try {
      Math.multiplyExact(network.allMacs(), 2);
    } catch (ArithmeticException e) {
      source.error(DiagnosticCode.COUNTS_OVERFLOW, headerPos, "counts overflow",
          "the MACs of the network with its side outputs (with FLOPs = 2 x MACs) pass 64 bits",
          "no real network is this large; check the numbers");
      return null;
    }
    return network;
  }

  /** Reports when the network's output {@code actual} is not the header's {@code declared}. */
  void declaredOutput(Shape actual, Header.ShapeLiteral declared) {
    List<Long> dims = declared.dims();
    boolean matches = dims.size() == 1
        ? actual.isPerChannel() && actual.channels() == dims.get(0)
        : !actual.vector() && actual.height() == dims.get(0) && actual.width() == dims.get(1)
            && actual.channels() == dims.get(2);
    if (!matches) {
      String written = String.join("x", dims.stream().map(String::valueOf).toList());
      source.error(DiagnosticCode.DECLARED_OUTPUT_DIFFERS, declared.pos(), "declared output differs",
          "the network ends in " + actual + " but the header declares " + written, outputHint(actual, dims, written));
    }
  }

  /** Layers that would take {@code actual} to the declared output, each a real layer of the language. */
  private static String outputHint(Shape actual, List<Long> dims, String written) {
    if (dims.size() == 1) {
      return actual.vector() || actual.isPerChannel()
          ? "fix the header to -> " + actual.channels() + ", or the last layer's size"
          : "end the network with layers that reach " + written + " (e.g. gap fc" + written + "), or fix the header";
    }
    if (actual.vector()) {
      return "a flat vector does not become a map again: fix the header to -> " + actual.channels()
          + ", or end the network before its fc or flatten";
    }
    long h = dims.get(0);
    long w = dims.get(1);
    long c = dims.get(2);
    String channels = actual.channels() == c ? "" : "conv1-" + c;
    String resize = "";
    if (actual.height() != h || actual.width() != w) {
      if (actual.height() % h == 0 && actual.width() % w == 0 && actual.height() / h == actual.width() / w) {
        resize = "maxpool" + actual.height() / h;
      } else if (h % actual.height() == 0 && w % actual.width() == 0 && h / actual.height() == w / actual.width()) {
        resize = "upsample" + h / actual.height();
      } else {
        resize = "adaptiveavgpool" + (h == w ? String.valueOf(h) : h + "x" + w);
      }
    }
    String layers = (resize + " " + channels).trim();
    // the map is kept: no gap or fc, which would flatten it
    return "end the network with " + layers + " to reach " + written + ", or fix the header to -> " + actual;
  }

  /** Reports an {@code expect} line whose figure is unknown or differs from the network's. */
  void expect(Statement.Expect expect, NetworkInfo info) {
    String metric = Vocabulary.normalize(expect.metric());
    Long actual = switch (metric) {
      case "params", "parameters" -> info.params();
      case "trainable", "trainableparams" -> info.trainableParams();
      case "nontrainable", "nontrainableparams" -> info.nonTrainableParams();
      case "macs" -> info.macs();
      case "allmacs" -> info.allMacs();
      case "flops" -> info.flops();
      case "activations" -> info.activations();
      default -> null;
    };
    if (actual == null) {
      String near = Suggestions.closest(metric, FIGURES);
      source.error(DiagnosticCode.UNKNOWN_FIGURE, expect.pos(), "unknown figure '" + expect.metric() + "'",
          "expect checks " + String.join(", ", FIGURES),
          near != null ? "did you mean expect " + near + "?" : "write e.g. expect params 138_357_544");
      return;
    }
    if (actual != expect.value()) {
      source.error(DiagnosticCode.EXPECT_DIFFERS, expect.valuePos(), "expected " + metric + " differ",
          "the spec has " + Figures.grouped(actual) + " " + metric + " but expect says " + Figures.grouped(expect.value()),
          "fix the layers, or update the figure to " + Figures.grouped(actual) + " if the spec is right");
    }
  }
}
