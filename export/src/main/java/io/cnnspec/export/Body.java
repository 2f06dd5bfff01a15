package io.cnnspec.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python text of one module class being written: constructor and forward lines in which every
 * number is a named slot. Calls of one def whose texts are the same but for the slots' values
 * share a class; a slot whose value differs between them becomes a constructor parameter.
 */
final class Body {

  static final char OPEN = '\u0001';
  static final char CLOSE = '\u0002';

  final List<String> init = new ArrayList<>();
  final List<String> forward = new ArrayList<>();
  /** Slot name to its value here, a Python literal, in the order first used. */
  final Map<String, String> slots = new LinkedHashMap<>();
  /**
   * A "same" padding in this call: the layer's symmetric {@code padding=} (null when it is not
   * symmetric), F.pad's (left, right, top, bottom), and the value padded with (null: none will do).
   */
  record Same(String symmetric, String pads, String value) {}

  /** The variables holding this body's side outputs ({@code side { ... }}), in row order. */
  final List<String> sideOutputs = new ArrayList<>();

  /** Each "same"-padded layer's padding in this call, by attribute. */
  final Map<String, Same> samePadding = new LinkedHashMap<>();

  /** The prefix of the rows' names in this class, stripped from attribute names. */
  final String prefix;
  private int variables;

  Body(String prefix) {
    this.prefix = prefix;
  }

  /** A reference to the value {@code value} under {@code name}, resolved when the class is known. */
  String slot(String name, Object value) {
    slots.put(name, String.valueOf(value));
    return OPEN + name + CLOSE;
  }

  /** Attribute by the name it was made from, and every attribute given out, for {@link #attribute}. */
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final Set<String> attributesTaken = new HashSet<>();

  /**
   * The attribute for {@code name} (a row's name within the class, a call's scope): the same one
   * each time it is asked for; names that map to one identifier ({@code box.cls_conv1} and
   * {@code box_cls.conv1}, {@code box_cls_conv1}) get {@code _2}, {@code _3}, ... in the order they come.
   */
  String attribute(String name) {
    String given = attributes.get(name);
    if (given != null) {
      return given;
    }
    String base = PyTorchWriter.identifier(name);
    String attribute = base;
    for (int n = 2; !attributesTaken.add(attribute); n++) {
      attribute = base + "_" + n;
    }
    attributes.put(name, attribute);
    return attribute;
  }

  /** A fresh variable name for a branch's value. */
  String variable() {
    return "b" + ++variables;
  }

  /** The text with slot references in place: what two calls must share to share a class. */
  String template() {
    return String.join("\n", init) + "\n--\n" + String.join("\n", forward);
  }
}
