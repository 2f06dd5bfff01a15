package io.cnnspec.lang.syntax;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the parser hands a spec as it reads it: the header and the statements, then the top-level
 * elements one at a time, so that a long spec is analysed as it is read and never held whole (a
 * million written layers kept as AST were most of what the garbage collector had to copy).
 *
 * <p>The parser may give up on its fast pass part way and read the text again with full LL; it
 * then takes back what it reported meanwhile and calls {@link #begin} again from the start. Only
 * the last call's elements count, and only when the parse reports success.
 */
public interface SpecListener {

  /**
   * The header (null in the annotation form) and the statements are read, and the top-level
   * elements come next, each with the modifiers after it folded in.
   *
   * @return where the elements go, or null to have them only checked for syntax and dropped
   */
  Consumer<Element> begin(Header header, List<Statement> statements);
}
