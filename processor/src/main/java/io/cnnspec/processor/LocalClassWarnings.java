package io.cnnspec.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Warns about {@code @Network} on a local class (or a class inside one), which generates nothing:
 * javac never shows annotation processors the classes declared in method bodies. The processor
 * cannot see them either, so this listens to javac itself: once a top-level class is analysed
 * (attributed, so annotation types are resolved), its local classes are looked at. Only under
 * javac; other compilers get no warning.
 */
final class LocalClassWarnings implements TaskListener {

  private final Trees trees;

  private LocalClassWarnings(Trees trees) {
    this.trees = trees;
  }

  /** Listens to the compilation of {@code environment} when it is javac's; otherwise does nothing. */
  static void register(ProcessingEnvironment environment) {
    try {
      JavacTask task = JavacTask.instance(environment);
      task.addTaskListener(new LocalClassWarnings(Trees.instance(environment)));
    } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
      // not javac (or a wrapper that hides it): no local-class warning, everything else works
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    TreePath top = trees.getPath(event.getTypeElement());
    if (unit == null || top == null) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (!tree.getModifiers().getAnnotations().isEmpty()) {
          check(getCurrentPath(), tree, unit);
        }
        return super.visitClass(tree, unused);
      }
    }.scan(top, null);
  }

  private void check(TreePath path, ClassTree tree, CompilationUnitTree unit) {
    if (!(trees.getElement(path) instanceof TypeElement type) || !insideAMethod(type)) {
      return;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      TreePath annotationPath = new TreePath(new TreePath(path, tree.getModifiers()), annotation);
      Element annotationType = trees.getElement(new TreePath(annotationPath, annotation.getAnnotationType()));
      if (isNetwork(annotationType)) {
        trees.printMessage(Kind.WARNING, ErrorReporter.tag(ProcessorCode.LOCAL_CLASS.code()) + "@Network on "
            + kindOf(type) + " " + type.getSimpleName() + " generates nothing, since annotation processors never see"
            + " classes declared in a method; put it on a top-level or member class", annotation, unit);
      }
    }
  }

  private static boolean isNetwork(Element element) {
    if (element instanceof TypeElement type) {
      String name = type.getQualifiedName().toString();
      return name.equals(NetworkAnnotation.NETWORK) || name.equals(NetworkAnnotation.NETWORKS);
    }
    return false;
  }

  /** A local or anonymous class, or a class nested in one. */
  private static boolean insideAMethod(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return true;
      }
    }
    return false;
  }

  private static String kindOf(TypeElement type) {
    return type.getNestingKind() == NestingKind.LOCAL ? "local class" : "class";
  }
}
