package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Position;
import java.util.List;

/**
 * A file's first line, {@code network Vgg16 : 224x224x3 -> 1000}; absent in the annotation form,
 * where name and input come from the annotation.
 *
 * @param output null when not declared
 */
public record Header(String name, Position namePos, ShapeLiteral input, ShapeLiteral output) {

  /** A shape as written: one number (a vector) or three (height, width, channels). */
  public record ShapeLiteral(List<Long> dims, Position pos) {

    public ShapeLiteral {
      dims = List.copyOf(dims);
    }
  }
}
