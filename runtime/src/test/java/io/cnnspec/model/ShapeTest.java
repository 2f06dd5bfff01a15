package io.cnnspec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void equalByEveryComponent() {
    assertEquals(Shape.of(7, 7, 512), Shape.parse("7x7x512"));
    assertEquals(Shape.of(7, 7, 512).hashCode(), Shape.parse("7x7x512").hashCode());
    assertNotEquals(Shape.of(7, 7, 512), Shape.of(7, 512, 7));
    assertNotEquals(Shape.of(1, 1, 10), Shape.vector(10));
    assertNotEquals(Shape.of(1, 1, 10).hashCode(), Shape.vector(10).hashCode());
    assertNotEquals(Shape.vector(10), "10");
  }
}
