package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.Position;
import java.util.List;

/** Layers one after the other. */
public record Sequence(List<Element> elements, Position pos) {

  public Sequence {
    elements = List.copyOf(elements);
  }
}
