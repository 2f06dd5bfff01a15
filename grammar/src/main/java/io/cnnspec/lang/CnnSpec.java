package io.cnnspec.lang;

/**
 * The one entry point of the language, for the annotation processor and the command line alike.
 * Nothing throws out of it: whatever the text, the answer is a network or diagnostics.
 */
public final class CnnSpec {

  private CnnSpec() {}

  /** Compiles a whole spec, header included ({@code network Vgg16 : 224x224x3 -> 1000 ...}). */
  public static Compilation compile(String source, String origin) {
    return compile(source, origin, Limits.DEFAULT);
  }

  public static Compilation compile(String source, String origin, Limits limits) {
    throw new IllegalStateException("being written");
  }

  /**
   * Compiles the annotation form: the name, the input shape and the body (defs, options, expects
   * and layers, no header) given separately. Positions of errors in {@code input} or {@code name}
   * are marked with {@link Diagnostic.Part#INPUT} or {@link Diagnostic.Part#NAME}.
   */
  public static Compilation compileInline(String name, String input, String body, String origin) {
    return compileInline(name, input, body, origin, Limits.DEFAULT);
  }

  public static Compilation compileInline(String name, String input, String body, String origin, Limits limits) {
    throw new IllegalStateException("being written");
  }
}
