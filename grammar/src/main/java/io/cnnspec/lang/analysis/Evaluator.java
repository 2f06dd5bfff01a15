package io.cnnspec.lang.analysis;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.lang.diagnostics.Reporter;
import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.lang.vocabulary.Suggestions;
import io.cnnspec.report.Figures;
import java.util.Map;

/**
 * The numbers of a spec: evaluates the expressions in {@code {...}} and a def's arguments in 64
 * bits, exactly, and checks the numbers a layer carries. Every failure is reported, and gives null
 * (or false) so that the walk carries on with the shape unknown.
 */
final class Evaluator {

  private final Reporter.Source source;

  Evaluator(Reporter.Source source) {
    this.source = source;
  }

  /**
   * The value of {@code expr} with a def's parameters {@code vars} and the channels arriving,
   * {@code in} (null when unknown after an error); null after reporting an unknown name, a division
   * by zero or an overflow.
   */
  Long evaluate(Expr expr, Map<String, Long> vars, Long in) {
    try {
      if (expr instanceof Expr.Literal literal) {
        return literal.value();
      }
      if (expr instanceof Expr.InChannels) {
        return in;
      }
      if (expr instanceof Expr.Variable variable) {
        if (!vars.containsKey(variable.name())) {
          String near = Suggestions.closest(variable.name(), vars.keySet());
          source.error(DiagnosticCode.UNKNOWN_NAME, variable.pos(), "unknown name '" + variable.name() + "'",
              vars.isEmpty() ? "only a def's parameters and in can be used in {...}"
                  : "the parameters here are " + String.join(", ", vars.keySet().stream().sorted().toList()),
              near != null ? "did you mean " + near + "?" : "declare it as a parameter of the def");
          return null;
        }
        return vars.get(variable.name());
      }
      if (expr instanceof Expr.Negate negate) {
        Long value = evaluate(negate.operand(), vars, in);
        return value == null ? null : Math.negateExact(value);
      }
      Expr.Binary binary = (Expr.Binary) expr;
      Long left = evaluate(binary.left(), vars, in);
      Long right = evaluate(binary.right(), vars, in);
      if (left == null || right == null) {
        return null;
      }
      switch (binary.operator()) {
        case '+':
          return Math.addExact(left, right);
        case '-':
          return Math.subtractExact(left, right);
        case '*':
          return Math.multiplyExact(left, right);
        default:
          if (right == 0) {
            source.error(DiagnosticCode.DIVISION_BY_ZERO, binary.pos(), "division by zero", "the divisor evaluates to 0",
                "check the def's arguments");
            return null;
          }
          if (left == Long.MIN_VALUE && right == -1) {
            // the one quotient that does not fit: Java's / wraps it to Long.MIN_VALUE unchecked
            throw new ArithmeticException("long overflow");
          }
          return left / right;
      }
    } catch (ArithmeticException e) {
      source.error(DiagnosticCode.NUMBER_OVERFLOW, expr.pos(), "number overflow", "the expression does not fit in 64 bits",
          "check the arguments");
      return null;
    }
  }

  /**
   * Whether {@code value}, the {@code what} of a layer written as {@code expr}, is between 1 and
   * {@link Limits#MAX_NUMBER}; null (not written, or unknown) passes.
   */
  boolean inRange(Long value, Expr expr, String what) {
    if (value == null) {
      return true;
    }
    if (value < 1) {
      source.error(DiagnosticCode.NON_POSITIVE_NUMBER, expr.pos(), "non-positive " + what, "the " + what + " is " + value,
          "it must be at least 1");
      return false;
    }
    if (value > Limits.MAX_NUMBER) {
      source.error(DiagnosticCode.ABSURD_NUMBER, expr.pos(), "absurd " + what, "the " + what + " is " + Figures.grouped(value),
          "numbers in a layer are at most " + Figures.grouped(Limits.MAX_NUMBER));
      return false;
    }
    return true;
  }
}
