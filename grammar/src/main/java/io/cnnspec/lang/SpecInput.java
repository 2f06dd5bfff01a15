package io.cnnspec.lang;

/**
 * The text of one spec as it reaches the compiler: a whole file with its header, or the
 * annotation form's parts given separately. {@code origin} names where it came from in
 * diagnostics: a file name, or a description such as {@code Vgg16Spec @Network}.
 */
public sealed interface SpecInput {

  String origin();

  /** A whole spec, header included ({@code network Vgg16 : 224x224x3 -> 1000 ...}). */
  record File(String text, String origin) implements SpecInput {}

  /**
   * The annotation form: the network's name, its input shape ({@code 224x224x3}, or one number for
   * a vector) and its layers (defs, options, expects and layers, no header). Positions of errors in
   * {@code input} or {@code name} are marked {@link io.cnnspec.lang.diagnostics.Diagnostic.Part#INPUT}
   * or {@link io.cnnspec.lang.diagnostics.Diagnostic.Part#NAME}.
   */
  record Inline(String name, String input, String layers, String origin) implements SpecInput {}
}
