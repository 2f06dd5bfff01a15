package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.model.Shape;
import io.cnnspec.report.Figures;
import java.util.List;

/**
 * Where branches meet: {@code res} and {@code add} add their outputs, {@code cat} joins their
 * channels, {@code mul} scales its input, or its first branch's result, by its last branch's result
 * (a gate per channel or per position). Each checks that the shapes can meet and reports, at the
 * branch, why not.
 */
final class BranchMerge {

  private final Reporter.Source source;

  BranchMerge(Reporter.Source source) {
    this.source = source;
  }

  /** Whether {@code branch} has as many branches as its kind takes (res and mul one or two, side one), after reporting if not. */
  boolean countFits(Element.Branch branch) {
    int count = branch.branches().size();
    Element.BranchKind kind = branch.kind();
    boolean upToTwo = kind == Element.BranchKind.RES || kind == Element.BranchKind.MUL;
    if ((upToTwo && count > 2) || (kind == Element.BranchKind.SIDE && count > 1)) {
      source.error(DiagnosticCode.BRANCH_COUNT, branch.pos(),
          kind.keyword() + " takes " + (upToTwo ? "one or two branches" : "one branch"),
          "it is given " + count,
          switch (kind) {
            case RES -> "write res { main } or res { main | shortcut }; for more use add { ... }";
            case SIDE -> "write one side { ... } per extra output";
            default -> "write mul { gate } or mul { map | gate }; nest a mul for more factors";
          });
      return false;
    }
    return true;
  }

  /**
   * The slice of {@code in} that each branch of a {@code chunk} gets: its channels divided by the
   * branch count (PyTorch {@code x.chunk(n, dim=1)} with a count that divides them), or null after
   * reporting that the count does not divide them.
   */
  Shape slice(Element.Branch branch, Shape in) {
    int count = branch.branches().size();
    if (in.channels() % count != 0) {
      int fewer = count;
      while (in.channels() % fewer != 0) {
        fewer--;
      }
      source.error(DiagnosticCode.CHANNELS_DO_NOT_DIVIDE, branch.pos(), "chunk does not divide the channels",
          "chunk splits its input's " + in.channels() + " channels into " + count + " equal slices, one per branch",
          "give the chunk an input whose channels are a multiple of " + count
              + (fewer > 1 ? ", or write " + fewer + " branches" : "")
              + " (chunk slices equally; for unequal parts use cat with convolutions)");
      return null;
    }
    int channels = in.channels() / count;
    return in.vector() ? Shape.vector(channels) : Shape.of(in.height(), in.width(), channels);
  }

  /**
   * The merged shape of branches that end in {@code shapes} on the input {@code in} (for a
   * one-branch res the identity's output is the last shape), or null after reporting why they
   * cannot meet.
   */
  Shape merge(Element.Branch branch, Shape in, List<Shape> shapes) {
    Shape first = shapes.get(0);
    switch (branch.kind()) {
      case RES, ADD -> {
        for (int i = 1; i < shapes.size(); i++) {
          if (!shapes.get(i).equals(first)) {
            reportDisagreement(branch, in, first, shapes.get(i), i);
            return null;
          }
        }
        return first;
      }
      case CAT, CHUNK -> {
        long channels = 0;
        for (int i = 0; i < shapes.size(); i++) {
          Shape s = shapes.get(i);
          if (s.vector() != first.vector() || s.height() != first.height() || s.width() != first.width()) {
            source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "concatenated branches disagree",
                "branch 1 ends in " + first + " but branch " + (i + 1) + " ends in " + s
                    + "; " + branch.kind().keyword() + " joins channels and needs the same height and width",
                catHint(in, shapes));
            return null;
          }
          channels += s.channels();
        }
        if (channels > Integer.MAX_VALUE || !Sizes.countable(first.height(), first.width(), channels)) {
          source.error(DiagnosticCode.SIZE_TOO_LARGE, branch.pos(), "size too large", "cat yields " + Figures.grouped(channels)
              + " channels of " + first.height() + "x" + first.width()
              + (channels > Integer.MAX_VALUE ? "" : ", more values than a 64-bit count holds"),
              "check the branches' channel counts");
          return null;
        }
        return first.vector() ? Shape.vector((int) channels) : Shape.of(first.height(), first.width(), (int) channels);
      }
      default -> {
        // mul { gate } scales its input; mul { map | gate } scales the first branch's result
        Shape map = shapes.size() == 2 ? first : in;
        Shape gate = shapes.get(shapes.size() - 1);
        boolean fits = (gate.isPerChannel() && gate.channels() == map.channels())
            || (!gate.vector() && gate.height() == map.height() && gate.width() == map.width()
                && (gate.channels() == map.channels() || gate.channels() == 1));
        if (!fits) {
          source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "mul branch does not fit",
              (shapes.size() == 2 ? "mul's gate (its second branch) yields " + gate + " for a map of " + map
                  : "mul { ... } yields " + gate + " for an input of " + map)
                  + "; it must yield " + map.channels() + " or 1x1x" + map.channels() + " to scale each channel, "
                  + map.height() + "x" + map.width() + "x1 to scale each position, or " + map.height() + "x"
                  + map.width() + "x" + map.channels() + " to scale each value",
              "end the " + (shapes.size() == 2 ? "gate" : "branch") + " with fc" + map.channels() + " or conv1-"
                  + map.channels() + " (and sigmoid)");
          return null;
        }
        return map;
      }
    }
  }

  /**
   * Why concatenated branches differ in size: an odd input that a stride rounded down and an
   * upsampling doubled back (9 -> 4 -> 8, a U-Net's crop), or strides and padding that differ.
   */
  private static String catHint(Shape in, List<Shape> shapes) {
    if (in != null && !in.vector()) {
      for (Shape s : shapes) {
        boolean high = in.height() % 2 == 1 && !s.vector() && s.height() == in.height() - 1;
        boolean wide = in.width() % 2 == 1 && !s.vector() && s.width() == in.width() - 1;
        if (high || wide) {
          int odd = high ? in.height() : in.width();
          return "the input's odd " + (high ? "height" : "width") + " " + odd + " is rounded down by a stride"
              + " and scaled back up to " + (odd - 1)
              + ": give the cat an input of even size, or make the other branches shrink it the same way";
        }
      }
    }
    return "give the branches the same strides and padding (e.g. same, or p1 on a 3x3 pool)";
  }

  private void reportDisagreement(Element.Branch branch, Shape in, Shape main, Shape other, int index) {
    if (branch.kind() == Element.BranchKind.RES) {
      boolean identity = branch.branches().size() == 1;
      String shortcut = identity ? "the shortcut passes " + other : "the shortcut ends in " + other;
      String hint;
      if (identity && !main.vector() && !in.vector()) {
        long stride = main.height() > 0 && in.height() % main.height() == 0 ? in.height() / main.height() : 1;
        hint = "give the shortcut a projection, e.g. res { ... | conv1-" + main.channels()
            + (stride > 1 ? "/" + stride : "") + " bn }";
      } else {
        hint = "make the main path and the shortcut end in the same shape";
      }
      source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "residual branches disagree",
          "the main path ends in " + main + " but " + shortcut, hint);
    } else {
      source.error(DiagnosticCode.SHAPE_MISMATCH, branch.pos(), "added branches disagree",
          "branch 1 ends in " + main + " but branch " + (index + 1) + " ends in " + other,
          "make every branch of add end in the same shape");
    }
  }
}
