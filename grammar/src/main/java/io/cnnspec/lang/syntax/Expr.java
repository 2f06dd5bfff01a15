package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Position;

/** An integer expression, written inside {@code {...}} or as a def call's argument. */
public sealed interface Expr {

  Position pos();

  record Literal(long value, Position pos) implements Expr {}

  /** A def parameter. */
  record Variable(String name, Position pos) implements Expr {}

  /** {@code in}: the channel count of the def call's input. */
  record InChannels(Position pos) implements Expr {}

  record Negate(Expr operand, Position pos) implements Expr {}

  record Binary(char operator, Expr left, Expr right, Position pos) implements Expr {}
}
