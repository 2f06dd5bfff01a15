package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * What must hold for every input, whatever it is: the API answers (no exception, no hang) with a
 * network and no errors or with at least one error; every diagnostic points inside the text it
 * names and shows no invisible characters; no count is negative or inconsistent; and the same
 * input gives the same answer.
 */
final class Properties {

  private Properties() {}

  /**
   * A hang guard, not a speed test, for the two compilations of a case: generous, since a mutated
   * spec may legally expand to a million layers (a few seconds each) on a loaded machine.
   */
  static final Duration BUDGET = Duration.ofSeconds(Long.getLong("cnnspec.fuzz.budget.seconds", 30));

  /** Checks every property of {@code c}; {@code id} names the case in a failure. */
  static Compilation check(String id, Case c) {
    return check(id, c, BUDGET);
  }

  static Compilation check(String id, Case c, Duration budget) {
    return check(id, c, budget, true);
  }

  /**
   * Bytes a compilation may allocate in all (not keep: allocate), a generous bound: a fixed part
   * for the parse and the tables, and per layer the limit allows. A million-row walk allocates a
   * few hundred bytes per row; the doubling chain of 41 defs allocated 6.3 GB before its fix, and
   * the "did you mean" matrix of a 30,000-character name 3.6 GB.
   */
  static long allocationBound(Case c) {
    return (256L << 20) + 1_024L * c.limits().maxLayers();
  }

  /**
   * Every property of {@link #check}, and bounded memory: a third compilation, in this thread,
   * allocates at most {@link #allocationBound}. For the def-heavy family ({@link DefHeavy}).
   */
  static Compilation checkBounded(String id, Case c) {
    Compilation result = check(id, c);
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()) {
      long before = counting.getCurrentThreadAllocatedBytes();
      c.compile();
      long allocated = counting.getCurrentThreadAllocatedBytes() - before;
      if (allocated > allocationBound(c)) {
        throw new AssertionFailedError(failure(id, c, "allocated " + (allocated >> 20) + " MB, more than the bound of "
            + (allocationBound(c) >> 20) + " MB"));
      }
    }
    return result;
  }

  /** Every property but determinism, for inputs so big that one compilation is enough to wait for. */
  static Compilation checkOnce(String id, Case c, Duration budget) {
    return check(id, c, budget, false);
  }

  private static Compilation check(String id, Case c, Duration budget, boolean twice) {
    Compilation[] results = new Compilation[2];
    try {
      assertTimeoutPreemptively(budget, () -> {
        results[0] = c.compile();
        results[1] = twice ? c.compile() : results[0];
      }, () -> failure(id, c, "did not answer within " + budget.toSeconds() + " s"));
    } catch (AssertionFailedError e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionFailedError(failure(id, c, "threw " + t), t);
    }
    Compilation first = results[0];
    try {
      answers(first);
      for (Diagnostic d : first.diagnostics()) {
        positioned(d, c.text(d.part()));
        printable(d);
        notACrash(d);
      }
      first.network().ifPresent(Properties::counts);
      if (!first.equals(results[1])) {
        throw new AssertionError("compiling twice gave different answers:\n" + first + "\n" + results[1]);
      }
    } catch (AssertionError e) {
      throw new AssertionFailedError(failure(id, c, e.getMessage() + "\ndiagnostics:\n" + shown(first)), e);
    }
    return first;
  }

  private static void answers(Compilation result) {
    boolean errors = result.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    if (result.network().isPresent() == errors) {
      throw new AssertionError(errors ? "a network together with errors" : "neither a network nor an error");
    }
  }

  /**
   * Inside the text: line 1..lines, column 1..length + 1 (one past the end is the end of input);
   * lines end at LF, CRLF and a CR alone.
   */
  private static void positioned(Diagnostic d, String text) {
    String[] lines = io.cnnspec.text.LineEnds.lineFeeds(text).split("\n", -1);
    if (d.line() < 1 || d.line() > lines.length) {
      throw new AssertionError("line " + d.line() + " outside the " + lines.length + " lines of the " + d.part()
          + ": " + d.format());
    }
    String line = lines[d.line() - 1];
    if (d.column() < 1 || d.column() > line.length() + 1) {
      throw new AssertionError("column " + d.column() + " outside line " + d.line() + " (" + line.length()
          + " chars) of the " + d.part() + ": " + d.format());
    }
    if (!d.sourceLine().isEmpty() && (d.sourceColumn() < 1 || d.sourceColumn() > d.sourceLine().length() + 1)) {
      throw new AssertionError("caret column " + d.sourceColumn() + " outside its line: " + d.format());
    }
    if (d.sourceLine().length() > 200) {
      throw new AssertionError("a caret line of " + d.sourceLine().length() + " chars: " + d.format());
    }
  }

  /**
   * No control, format or separator character, nor a lone surrogate, anywhere in what is shown,
   * and no message that floods the terminal (a quoted word is cut to its ends).
   */
  private static void printable(Diagnostic d) {
    for (String text : List.of(d.origin(), d.title(), d.detail(), d.hint())) {
      if (text.length() > 2_500) {
        throw new AssertionError("a message of " + text.length() + " chars: " + Escape.java(text));
      }
      Integer bad = invisible(text, false);
      if (bad != null) {
        throw new AssertionError(String.format("U+%04X in the message: %s", bad, Escape.java(d.message())));
      }
    }
    Integer bad = invisible(d.sourceLine(), true);
    if (bad != null) {
      throw new AssertionError(String.format("U+%04X in the caret line: %s", bad, Escape.java(d.sourceLine())));
    }
    String caret = d.caret();
    if (!caret.isEmpty() && !caret.substring(caret.indexOf('\n') + 1).matches("[ \t]*\\^+")) {
      throw new AssertionError("caret marker is not blanks and carets: " + Escape.java(caret));
    }
  }

  static Integer invisible(String text, boolean tabsAllowed) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\t' && tabsAllowed) {
        continue;
      }
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
            Character.SURROGATE, Character.UNASSIGNED -> {
          return c;
        }
        default -> {
        }
      }
    }
    return null;
  }

  /** The guard's own fallbacks mean an exception or a stack overflow was caught inside. */
  private static void notACrash(Diagnostic d) {
    if (d.title().equals("internal error") || d.title().equals("spec too deeply nested")) {
      throw new AssertionError("a crash caught by the last line of defence: " + d.format());
    }
  }

  /** Every count non-negative, the totals the sums of the rows, every derived figure computable. */
  static void counts(NetworkInfo net) {
    require(net.params() >= 0 && net.trainableParams() >= 0 && net.nonTrainableParams() >= 0 && net.macs() >= 0
        && net.activations() >= 0, () -> "a negative total: " + net);
    long params = 0;
    long nonTrainable = 0;
    long macs = 0;
    long activations = size(net.input());
    Set<String> names = new HashSet<>();
    for (LayerInfo layer : net.layers()) {
      require(layer.params() >= 0 && layer.nonTrainableParams() >= 0 && layer.macs() >= 0
          && layer.activations() >= 0, () -> "a negative count in " + layer);
      require(layer.receptiveField() >= 1 && Double.isFinite(layer.jump()) && layer.jump() > 0,
          () -> "a receptive field that is no size: " + layer);
      require(names.add(layer.name()), () -> "two layers named " + layer.name());
      size(layer.input());
      size(layer.output());
      params = Math.addExact(params, layer.params());
      nonTrainable = Math.addExact(nonTrainable, layer.nonTrainableParams());
      macs = Math.addExact(macs, layer.macs());
      activations = Math.addExact(activations, layer.activations());
      layer.flops();
    }
    // the rows' MACs are those of every output: the main one's (net.macs()) and the side outputs'
    long sideMacs = 0;
    for (io.cnnspec.model.SideOutput side : net.sideOutputs()) {
      require(side.macs() >= 0 && side.endRow() <= net.layers().size(), () -> "a side output out of place: " + side);
      sideMacs = Math.addExact(sideMacs, side.macs());
    }
    long mainMacs = macs - sideMacs;
    require(params == net.params() && nonTrainable == net.nonTrainableParams() && macs == net.allMacs()
        && mainMacs == net.macs() && activations == net.activations(),
        () -> "totals differ from the sums of the layers: " + net);
    net.flops();
    net.kerasTotalParams();
  }

  private static long size(Shape shape) {
    return Math.multiplyExact(Math.multiplyExact((long) shape.height(), shape.width()), shape.channels());
  }

  /** The message is built only on failure: a network's text is long, and checked a million times. */
  private static void require(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new AssertionError(message.get());
    }
  }

  private static String shown(Compilation result) {
    if (result == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    result.diagnostics().stream().limit(5).forEach(d -> out.append(d.format()).append('\n'));
    return out.toString();
  }

  private static String failure(String id, Case c, String what) {
    String file = FailureLog.write(id, c);
    return "case " + id + " " + what + "\n  input: " + c.describe() + (file == null ? "" : "\n  written to " + file);
  }
}
