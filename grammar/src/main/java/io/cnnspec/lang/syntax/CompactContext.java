package io.cnnspec.lang.syntax;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every parse-tree node (the grammar's {@code contextSuperClass}). ANTLR gives each
 * node's children a default list of ten slots, where nearly every node of this grammar has one to
 * three children: for a written-out spec that was the largest single share of what parsing
 * allocated (about 200 bytes a layer), all of it garbage soon after.
 */
public class CompactContext extends ParserRuleContext {

  public CompactContext() {}

  public CompactContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T child) {
    if (children == null) {
      children = new ArrayList<>(3);
    }
    children.add(child);
    return child;
  }
}
