package io.cnnspec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a convolutional network in the cnnspec language. The cnnspec annotation processor
 * compiles the spec during {@code javac} and writes a class named {@link #name()} in the annotated
 * type's package whose figures ({@code PARAMS}, {@code MACS}, ...) are compile-time constants. A
 * spec whose shapes do not fit together is a compile error on this annotation.
 *
 * <p>Either inline: {@code @Network(name = "Vgg16", input = "224x224x3", value = "conv3-64x2 pool ...")},
 * or from a file: {@code @Network(file = "vgg16.cnn")}, found next to the annotated type's source
 * (relative to its package) or on the paths given by {@code -Acnnspec.path=...}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Networks.class)
public @interface Network {
  /** The layers, in the cnnspec language (defs, {@code option} and {@code expect} lines allowed). */
  String value() default "";

  /** The simple name of the generated class; for a file spec, the header's name is the default. */
  String name() default "";

  /** The input shape, {@code HxWxC} (e.g. {@code "224x224x3"}) or one number for a vector. */
  String input() default "";

  /**
   * For an inline spec, the output shape the layers must reach, {@code HxWxC} or one number (a
   * vector, or a 1x1 map of that many channels); a compile error on this member when they do not.
   * Optional. A file spec declares its output in its header instead.
   */
  String output() default "";

  /** A {@code .cnn} file holding a whole spec, header included, instead of {@link #value()}. */
  String file() default "";
}
