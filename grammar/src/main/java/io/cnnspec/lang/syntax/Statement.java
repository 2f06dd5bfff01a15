package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Position;
import java.util.List;

/** A line before the layers: {@code option}, {@code expect} or {@code def}. */
public sealed interface Statement {

  Position pos();

  /** {@code option nobias}. */
  record Option(String name, Position pos) implements Statement {}

  /** {@code expect params 138_357_544}. */
  record Expect(String metric, long value, Position pos, Position valuePos) implements Statement {}

  /** {@code def fire(s, e) { ... }}. */
  record Def(String name, List<Param> params, Sequence body, Position pos) implements Statement {

    public Def {
      params = List.copyOf(params);
    }
  }

  /** A def parameter with an optional default: {@code s = 1}. */
  record Param(String name, Expr defaultValue, Position pos) {}
}
