package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Position;
import java.util.List;

/**
 * One item of a layer sequence, with its optional repetition ({@code x2}) and name ({@code @stem}).
 */
public sealed interface Element {

  /** The repetition count, or null for once. */
  Expr repeat();

  /** The user's name for this item, or null. */
  Label label();

  Position pos();

  /**
   * A layer as written, before its word is resolved: {@code conv3-64/2 p1}. The word may turn out
   * to name a parameterless def ({@code dense x6}).
   *
   * @param word the word, lower-cased, hyphens between letters removed: {@code conv3}, {@code softmax}
   * @param wordNumber a number substituted at the word's end ({@code conv{k}}), or null
   * @param channels the number after {@code -}, or null
   * @param stride the number after {@code /}, or null; the height's stride when written per axis
   * @param strideWidth the width's stride of a per-axis stride ({@code /2x1}), or null
   */
  record Layer(
      String word,
      Expr wordNumber,
      Expr channels,
      Expr stride,
      Expr strideWidth,
      List<Modifier> modifiers,
      Expr repeat,
      Label label,
      Position pos) implements Element {

    public Layer {
      modifiers = List.copyOf(modifiers);
    }

    public Layer withModifiers(List<Modifier> newModifiers, Expr newRepeat, Label newLabel) {
      return new Layer(word, wordNumber, channels, stride, strideWidth, newModifiers, newRepeat, newLabel, pos);
    }
  }

  /** {@code ( ... )}: layers grouped for repetition or naming. */
  record Group(Sequence body, Expr repeat, Label label, Position pos) implements Element {}

  /**
   * {@code cat { A | B }}, {@code add}, {@code res}, {@code mul}, {@code chunk { A | B }}, whose
   * branches each take an equal consecutive slice of the input's channels and are concatenated,
   * and {@code side { A }}, whose one branch ends in an extra output of the network while its
   * input passes on unchanged.
   */
  record Branch(BranchKind kind, List<Sequence> branches, Expr repeat, Label label, Position pos)
      implements Element {

    public Branch {
      branches = List.copyOf(branches);
    }
  }

  /** {@code fire(16, 64)}: a def call with arguments. */
  record Call(String name, List<Expr> args, Expr repeat, Label label, Position pos) implements Element {

    public Call {
      args = List.copyOf(args);
    }
  }

  /** A modifier following a layer: {@code p1}, {@code g2}, {@code valid}, {@code nobias}. */
  record Modifier(String word, Expr number, Position pos) {}

  record Label(String name, Position pos) {}

  enum BranchKind {
    CAT,
    ADD,
    RES,
    MUL,
    SIDE,
    CHUNK;

    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
