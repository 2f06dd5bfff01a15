package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.lang.syntax.Sequence;
import io.cnnspec.lang.syntax.Statement;
import io.cnnspec.report.Figures;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The layer limit ({@link Limits#maxLayers()}): counts the layers and merges walked, refuses a
 * repetition, def call or group whose lower bound (from the text and the defs alone, memoized per
 * node, so linear in the spec) is already past the limit before expanding it, and reports
 * the one error, {@link DiagnosticCode#LAYER_LIMIT}, then stops the walk ({@link Abort}).
 */
final class ExpansionBudget {

  private final Reporter.Source source;
  private final Limits limits;
  private final Definitions defs;
  private final Map<Statement.Def, Long> defRowsMemo = new IdentityHashMap<>();
  private final Map<Statement.Def, Long> defBlocksMemo = new IdentityHashMap<>();
  // Block slots taken (def calls, repetitions, labelled groups), against the same limit.
  private long blocks;
  // Layers and merges walked, with a known shape or not: rows are only added while the shape is
  // known, so after an error only this bounds the work of a huge repetition.
  private long walked;

  ExpansionBudget(Reporter.Source source, Limits limits, Definitions defs) {
    this.source = source;
    this.limits = limits;
    this.defs = defs;
  }

  /** Layers and merges walked so far. */
  long walked() {
    return walked;
  }

  /** One more layer or merge walked, at {@code pos}. */
  void walk(Position pos) {
    if (++walked > limits.maxLayers()) {
      exceeded(pos, "it has more than " + group(limits.maxLayers()) + " layers after expansion",
          "reduce the repetition (the limit is a compile option for larger specs)");
    }
  }

  /** A network of {@code rows} rows is about to get one more, for the element at {@code pos}. */
  void addRow(int rows, Position pos) {
    if (rows >= limits.maxLayers()) {
      exceeded(pos, "it has more than " + group(limits.maxLayers()) + " layers after expansion",
          "reduce the repetition (the limit is a compile option for larger specs)");
    }
  }

  /**
   * One more block slot (a def call, a repetition, a labelled group), at {@code pos}. Blocks are
   * kept for the whole walk as rows are, and nested defs make many per row (63 defs that each call
   * the next once are 63 calls a row), so they are held to the layer limit too.
   */
  void block(Position pos) {
    if (++blocks > limits.maxLayers()) {
      exceeded(pos, "it has more than " + group(limits.maxLayers())
          + " def calls, repetitions and labelled groups after expansion",
          "repeat fewer def calls and labelled groups (the limit is a compile option for larger specs)");
    }
  }

  /**
   * {@code element} is about to be expanded {@code times} (at least 1) times: refused when that
   * cannot fit, before anything is expanded. A def call's size is known from the defs alone (a
   * chain of 41 defs that each call the next twice is 2^40 layers), so it is refused here at once
   * rather than after walking millions of layers; so are its blocks.
   */
  void expand(Element element, long times) {
    if (times > limits.maxLayers()) {
      exceeded(element.repeat().pos(),
          "x" + group(times) + " is more than the " + group(limits.maxLayers()) + " layers a spec may expand to",
          "reduce the repetition");
    }
    if (times == 1 && !(element instanceof Element.Group) && !isCall(element)) {
      return; // a layer or a merge once: walk() counts it as it is walked
    }
    long rowsOnce = minRows(element, 0);
    long atLeast = saturatingMultiply(rowsOnce, times);
    String what = times > 1 ? "this repetition" : isCall(element) ? "this def call" : "this group";
    if (walked + atLeast > limits.maxLayers()) {
      exceeded(element.pos(), what + " alone expands to at least " + group(atLeast) + " layers; the limit is "
          + group(limits.maxLayers()), times > 1 ? "reduce the repetition (the limit is a compile option for larger specs)"
          : "call fewer layers (the limit is a compile option for larger specs)");
    }
    // a turn that walks no layer ends the repetition (Analyzer.element), so only one is certain then
    long blocksAtLeast = saturatingMultiply(minBlocks(element, 0), rowsOnce > 0 ? times : 1);
    if (blocks + blocksAtLeast > limits.maxLayers()) {
      exceeded(element.pos(), what + " alone expands to at least " + group(blocksAtLeast)
          + " def calls, repetitions and labelled groups; the limit is " + group(limits.maxLayers()),
          "repeat fewer def calls and labelled groups (the limit is a compile option for larger specs)");
    }
  }

  private boolean isCall(Element element) {
    return element instanceof Element.Call || element instanceof Element.Layer layer && defs.calledBy(layer) != null;
  }

  private void exceeded(Position pos, String detail, String hint) {
    source.error(DiagnosticCode.LAYER_LIMIT, pos, "the spec expands past the layer limit", detail, hint);
    throw new Abort();
  }

  /**
   * A lower bound of the rows {@code node} expands to. {@code depth} counts the defs and groups
   * entered: past what the walk itself allows the bound gives up (0 is still a lower bound), so a
   * chain of thousands of defs does not overflow the stack here before the walk can report it.
   * Only defs are memoized: they are kept for the whole walk anyway, and a chain of defs that each
   * call the next twice would otherwise cost 2^n; the top-level elements a streamed spec drops
   * must not be kept alive here.
   */
  long minRows(Object node, int depth) {
    return bound(node, depth, false);
  }

  /**
   * A lower bound of the block slots {@code node} takes when it is walked once (its own
   * repetition's slot included, not its repetition's turns): a def call, a labelled group and a
   * repetition each take one. Counted only where a layer is certain, as the walk stops repeating
   * what walks no layer.
   */
  long minBlocks(Object node, int depth) {
    return bound(node, depth, true);
  }

  private long bound(Object node, int depth, boolean blocks) {
    if (depth > limits.maxNesting() + limits.maxCallDepth()) {
      return 0;
    }
    long count = blocks ? 0 : 1;
    if (node instanceof Sequence sequence) {
      count = 0;
      for (Element element : sequence.elements()) {
        long once = bound(element, depth + 1, blocks);
        long times = literalRepeat(element);
        if (blocks) {
          boolean rows = bound(element, depth + 1, false) > 0;
          once = rows ? saturatingAdd(saturatingMultiply(once, times), times > 1 ? 1 : 0) : 0;
        } else {
          once = saturatingMultiply(once, times);
        }
        count = saturatingAdd(count, once);
      }
    } else if (node instanceof Element.Layer layer) {
      Statement.Def def = defs.calledBy(layer);
      count = def != null ? defBound(def, depth, blocks) : count;
    } else if (node instanceof Element.Group group) {
      count = bound(group.body(), depth + 1, blocks);
      if (blocks && group.label() != null && count == 0 && bound(group.body(), depth + 1, false) > 0) {
        count = 1;
      } else if (blocks && group.label() != null && count > 0) {
        count = saturatingAdd(count, 1);
      }
    } else if (node instanceof Element.Call call) {
      Statement.Def def = defs.get(call.name());
      count = def == null ? 0 : defBound(def, depth, blocks);
    } else if (node instanceof Element.Branch branch) {
      for (Sequence s : branch.branches()) {
        count = saturatingAdd(count, bound(s, depth + 1, blocks));
      }
    }
    return count;
  }

  /**
   * Rows, or blocks with the call's own, of a call of {@code def}; a recursive def's call expands to
   * nothing (it is reported instead), so it counts 0.
   */
  private long defBound(Statement.Def def, int depth, boolean blocks) {
    if (defs.isRecursive(def.name())) {
      return 0;
    }
    Map<Statement.Def, Long> memo = blocks ? defBlocksMemo : defRowsMemo;
    Long known = memo.get(def);
    if (known == null) {
      known = bound(def.body(), depth + 1, blocks);
      if (blocks) {
        known = bound(def.body(), depth + 1, false) > 0 ? saturatingAdd(known, 1) : 0;
      }
      memo.put(def, known);
    }
    return known;
  }

  /** Rows of one repetition of an element's content; its own repetition is applied by the caller. */
  private static long literalRepeat(Element element) {
    return element.repeat() instanceof Expr.Literal literal && literal.value() > 0 ? literal.value() : 1;
  }

  /** a x b, or a quarter of Long.MAX_VALUE when that overflows: far past any limit, and safe to add to. */
  static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE / 4 : low;
  }

  static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE / 4 : sum;
  }

  private static String group(long value) {
    return Figures.grouped(value);
  }
}
