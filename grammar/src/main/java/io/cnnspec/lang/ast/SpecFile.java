package io.cnnspec.lang.ast;

import java.util.List;

/**
 * A whole spec: the header (absent in the annotation form, where name and input come from the
 * annotation), the statements and the layers.
 */
public record SpecFile(Header header, List<Statement> statements, Sequence body) {

  public SpecFile {
    statements = List.copyOf(statements);
  }

  /** The same spec without its {@code expect} lines. */
  public SpecFile withoutExpectations() {
    return new SpecFile(header, withoutExpectations(statements), body);
  }

  /** {@code statements} without the {@code expect} lines. */
  public static List<Statement> withoutExpectations(List<Statement> statements) {
    return statements.stream().filter(s -> !(s instanceof Statement.Expect)).toList();
  }

  /** {@code network Vgg16 : 224x224x3 -> 1000}; output is null when not declared. */
  public record Header(String name, Position namePos, ShapeLiteral input, ShapeLiteral output) {}

  /** A shape as written: one number (a vector) or three (height, width, channels). */
  public record ShapeLiteral(List<Long> dims, Position pos) {

    public ShapeLiteral {
      dims = List.copyOf(dims);
    }
  }
}
