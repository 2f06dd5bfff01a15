package io.cnnspec.lang.parser;

import io.cnnspec.lang.ast.Element;
import io.cnnspec.lang.ast.SpecFile;
import io.cnnspec.lang.ast.Statement;
import java.util.List;

/**
 * Takes a spec's top-level layers one at a time while the fast parse reads them, so that a long
 * spec is analysed as it is read and never held whole: a million written layers kept as AST were
 * most of what the garbage collector had to copy.
 */
public interface TopLevelSink {

  /**
   * The header (null in the annotation form) and the statements are read, and the layers come
   * next. Returns whether to take them; if not, they are kept in the AST as usual.
   */
  boolean start(SpecFile.Header header, List<Statement> statements);

  /** The next top-level layer, its modifiers folded in. */
  void layer(Element element);

  /**
   * The fast parse gave up (a syntax error, or a spec only full LL reads) and everything given so
   * far is void; what was reported meanwhile is taken back. The layers will be in the AST.
   */
  void abandon();
}
