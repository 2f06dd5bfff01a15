package io.cnnspec.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.processor.NetworkAnnotation.Member;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The one place the processor reports to javac. Every message starts with a stable code,
 * {@code [cnnspec:file-not-found]}, is a whole sentence that says what would fix the problem, and
 * is attached to the annotation member holding the problem, so that javac and IDEs point at the
 * right line.
 */
final class ErrorReporter {

  private final Messager messager;
  /** javac's trees, to place messages on repeated annotations; null under other compilers. */
  private final Trees trees;

  ErrorReporter(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.trees = treesOf(environment);
  }

  /**
   * A message of the processor itself, on {@code member} (or on the annotation when not written).
   *
   * @param kind an error, a warning, or a note (which points at a place another message refers to)
   */
  void report(Kind kind, NetworkAnnotation annotation, Member member, ProcessorCode code, String sentence) {
    print(kind, annotation, member, tag(code.code()) + sentence);
  }

  /** {@code [cnnspec:CODE] }, how every message starts. */
  static String tag(String code) {
    return "[cnnspec:" + code + "] ";
  }

  /** The code a diagnostic of the language is shown with: its own ({@code shape-mismatch}, see docs/diagnostics.md). */
  static String codeOf(Diagnostic diagnostic) {
    return diagnostic.code();
  }

  /**
   * A diagnostic of the language, on the member its position refers to: the spec ({@code value}
   * or {@code file}), {@code name} or {@code input}.
   */
  void diagnostic(NetworkAnnotation annotation, AnnotatedSpec source, Diagnostic diagnostic) {
    Member member = switch (diagnostic.part()) {
      case NAME -> Member.NAME;
      case INPUT -> Member.INPUT;
      case SPEC -> source.member();
    };
    Kind kind = diagnostic.severity() == Diagnostic.Severity.ERROR ? Kind.ERROR : Kind.WARNING;
    print(kind, annotation, member, format(source, diagnostic));
  }

  /**
   * A bug in cnnspec: reported on the annotation instead of crashing javac, so the rest of the
   * build still compiles and the message can be pasted into a report.
   */
  void internalError(NetworkAnnotation annotation, Throwable failure) {
    StringBuilder message = new StringBuilder(tag(ProcessorCode.INTERNAL.code()))
        .append("internal error while compiling spec ").append(annotation.describe()).append(": ")
        .append(failure);
    StackTraceElement[] trace = failure.getStackTrace();
    if (trace.length > 0) {
      message.append(" (at ").append(trace[0]).append(')');
    }
    if (failure instanceof VirtualMachineError) {
      message.append("; the spec needs more than javac has: give javac more heap or stack (-J-Xmx1g, -J-Xss4m;"
          + " in Maven, <compilerArgs><arg>-J-Xmx1g</arg></compilerArgs> with <fork>true</fork>), or make the spec"
          + " smaller; the other networks are still generated; if the spec is small, please report this with it");
    } else {
      message.append("; the other networks are still generated; please report this with the spec, and meanwhile"
          + " check it with the cnnspec command line (cnnspec check FILE)");
    }
    print(Kind.ERROR, annotation, null, message.toString());
  }

  /**
   * {@code [cnnspec:CODE] title at 3:5: detail; hint} for an inline spec (positions count in the
   * annotation's string), {@code [cnnspec:CODE] alexnet.cnn:3:5: title: detail; hint} for a file,
   * then the source line and a caret under the spot. A problem inside a def names the calls that
   * led to it, innermost first: {@code ... at 1:11 (in blk, called at 2:37): ...} inline,
   * {@code ... title: detail (in blk, called at 2:37); hint} for a file.
   */
  static String format(AnnotatedSpec source, Diagnostic diagnostic) {
    StringBuilder message = new StringBuilder(tag(codeOf(diagnostic)));
    if (source instanceof AnnotatedSpec.InFile file && diagnostic.part() == Diagnostic.Part.SPEC) {
      message.append(file.displayName()).append(':').append(diagnostic.line()).append(':')
          .append(diagnostic.column()).append(": ").append(diagnostic.message());
      if (!diagnostic.calls().isEmpty()) {
        message.append(" (").append(diagnostic.callChain()).append(')');
      }
      if (!diagnostic.hint().isEmpty()) {
        message.append("; ").append(diagnostic.hint());
      }
    } else {
      message.append(diagnostic.positionedMessage());
    }
    String caret = diagnostic.caret();
    if (!caret.isEmpty()) {
      message.append('\n').append(caret);
    }
    return message.toString();
  }

  private void print(Kind kind, NetworkAnnotation annotation, Member member, String message) {
    if (annotation.repeatIndex() >= 0 && printOnTree(kind, annotation, member, message)) {
      return;
    }
    if (member != null && annotation.valueOf(member) != null) {
      messager.printMessage(kind, message, annotation.holder(), annotation.mirror(), annotation.valueOf(member));
    } else {
      messager.printMessage(kind, message, annotation.holder(), annotation.mirror());
    }
  }

  /**
   * javac cannot place a message on an annotation inside the {@code @Networks} container it
   * synthesizes for repeated {@code @Network}s (it falls back to the class), so for those the
   * annotation is found in the source tree: the n-th {@code @Network} written on the type.
   */
  private boolean printOnTree(Kind kind, NetworkAnnotation annotation, Member member, String message) {
    if (trees == null) {
      return false;
    }
    try {
      TreePath holderPath = trees.getPath(annotation.holder());
      if (holderPath == null || !(holderPath.getLeaf() instanceof ClassTree type)) {
        return false;
      }
      TreePath modifiers = new TreePath(holderPath, type.getModifiers());
      List<TreePath> networks = new ArrayList<>();
      for (AnnotationTree tree : type.getModifiers().getAnnotations()) {
        collectNetworks(new TreePath(modifiers, tree), networks);
      }
      if (annotation.repeatIndex() >= networks.size()) {
        return false;
      }
      TreePath network = networks.get(annotation.repeatIndex());
      Tree target = network.getLeaf();
      if (member != null) {
        for (ExpressionTree argument : ((AnnotationTree) network.getLeaf()).getArguments()) {
          if (argument instanceof AssignmentTree assignment
              && assignment.getVariable() instanceof IdentifierTree name
              && name.getName().contentEquals(member.javaName)) {
            target = assignment.getExpression();
          } else if (!(argument instanceof AssignmentTree) && member == Member.VALUE) {
            target = argument; // @Network("...") is value
          }
        }
      }
      trees.printMessage(kind, message, target, holderPath.getCompilationUnit());
      return true;
    } catch (RuntimeException e) {
      return false; // the class is still a good place for the message
    }
  }

  /** The {@code @Network} trees at {@code path}: itself, or those inside a {@code @Networks({...})}. */
  private void collectNetworks(TreePath path, List<TreePath> networks) {
    AnnotationTree tree = (AnnotationTree) path.getLeaf();
    Element type = trees.getElement(new TreePath(path, tree.getAnnotationType()));
    String name = type instanceof TypeElement typeElement ? typeElement.getQualifiedName().toString() : "";
    if (name.equals(NetworkAnnotation.NETWORK)) {
      networks.add(path);
    } else if (name.equals(NetworkAnnotation.NETWORKS)) {
      for (ExpressionTree argument : tree.getArguments()) {
        ExpressionTree value = argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument;
        TreePath valuePath = new TreePath(path, argument instanceof AssignmentTree ? argument : value);
        if (value instanceof NewArrayTree array) {
          TreePath arrayPath = argument instanceof AssignmentTree ? new TreePath(valuePath, array) : valuePath;
          for (ExpressionTree item : array.getInitializers()) {
            if (item instanceof AnnotationTree) {
              collectNetworks(new TreePath(arrayPath, item), networks);
            }
          }
        } else if (value instanceof AnnotationTree) {
          collectNetworks(argument instanceof AssignmentTree ? new TreePath(valuePath, value) : valuePath, networks);
        }
      }
    }
  }

  /** javac's tree API when the compiler is javac itself; Gradle's and other wrappers are not, and get null. */
  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }
}
