package io.cnnspec.processor;

import io.cnnspec.lang.diagnostics.Limits;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that a network's name can name the class generated for it. Made once per compilation: it
 * looks for {@code java.lang.NAME} in module {@code java.base} only. Asked without a module, javac
 * looks for the class in every module of the compilation, about seventy, and a network's name is
 * nearly never there; listing {@code java.lang} instead would read each of its classes.
 */
final class GeneratedClassNames {

  /** Why a name cannot name the class: a sentence with a fix, and its code. */
  record Problem(ProcessorCode code, String sentence) {}

  /**
   * Identifiers that are no keywords but cannot name a class (JLS 17, 3.8 TypeIdentifier):
   * SourceVersion.isKeyword accepts them, javac then refuses the generated {@code class var}.
   */
  private static final java.util.Set<String> RESTRICTED = java.util.Set.of("permits", "record", "sealed", "var", "yield");

  private final Elements elements;
  /** Null when javac compiles for Java 8 or earlier: there are no modules to choose from. */
  private final ModuleElement javaBase;

  GeneratedClassNames(Elements elements) {
    this.elements = elements;
    this.javaBase = elements.getModuleElement("java.base");
  }

  /**
   * Why {@code name} cannot name the class generated next to {@code holder}, as a sentence with a
   * fix, or empty when it can.
   *
   * @param fromHeader the name comes from a spec file's header rather than {@code @Network(name = ...)}
   */
  Optional<Problem> problem(String name, TypeElement holder, boolean fromHeader) {
    String subject = fromHeader ? "the spec file's network name \"" + name + "\"" : "\"" + name + "\"";
    String fix = fromHeader ? "give the class a name with name = \"" : "give e.g. name = \"";
    if (name.length() > Limits.MAX_NAME_LENGTH) {
      String shown = fromHeader ? "the spec file's network name \"" + NetworkClassWriter.abbreviated(name) + "\""
          : "\"" + NetworkClassWriter.abbreviated(name) + "\"";
      return problem(ProcessorCode.NAME_TOO_LONG, shown + " is too long to name the generated class: it has "
          + NetworkClassWriter.commas(name.length()) + " characters, and a class name may have at most "
          + Limits.MAX_NAME_LENGTH + " (its file " + "Name$Layer.class must fit a file name of 255 bytes); "
          + fix + suggestion(name.substring(0, 24)) + "\"");
    }
    if (SourceVersion.isKeyword(name) || RESTRICTED.contains(name)) {
      return problem(ProcessorCode.INVALID_NAME, subject + " is a Java keyword, so it cannot name the generated class; "
          + fix + suggestion(name) + "Net\"");
    }
    if (!SourceVersion.isIdentifier(name)) {
      return problem(ProcessorCode.INVALID_NAME, subject + " is not a valid Java class name, so it cannot name the generated class; "
          + fix + suggestion(name) + "\"");
    }
    if (name.equals("Layer")) {
      return problem(ProcessorCode.NAME_CLASH, subject + " cannot name the generated class, which holds an enum named Layer; "
          + fix + "LayerNet\"");
    }
    String langName = "java.lang." + name;
    TypeElement shadowed = javaBase != null ? elements.getTypeElement(javaBase, langName) : elements.getTypeElement(langName);
    if (shadowed != null && shadowed.getModifiers().contains(Modifier.PUBLIC)) {
      // demo.String would silently take the place of java.lang.String in every class of the package
      return problem(ProcessorCode.NAME_CLASH, subject + " would hide java.lang." + name + " in its package; " + fix + name + "Net\"");
    }
    TypeElement outermost = holder;
    while (outermost.getEnclosingElement() instanceof TypeElement enclosing) {
      outermost = enclosing;
    }
    if (name.contentEquals(holder.getSimpleName())) {
      return problem(ProcessorCode.NAME_CLASH, "the generated class " + name + " would have the same name as the annotated type "
          + holder.getQualifiedName() + "; " + fix + name + "Network\", or rename the annotated type");
    }
    if (name.contentEquals(outermost.getSimpleName())) {
      // the generated class is top-level in the package, where the class enclosing the annotated one is
      return problem(ProcessorCode.NAME_CLASH, "the generated class " + name + " would have the same name as "
          + outermost.getQualifiedName() + ", the class that encloses the annotated type " + holder.getQualifiedName()
          + "; " + fix + name + "Network\", or rename " + outermost.getSimpleName());
    }
    return Optional.empty();
  }

  private static Optional<Problem> problem(ProcessorCode code, String sentence) {
    return Optional.of(new Problem(code, sentence));
  }

  /** A Java-style class name made from the letters and digits of {@code name}: {@code resnet-50} gives {@code Resnet50}. */
  static String suggestion(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c < 0x80 && Character.isLetterOrDigit(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, "Net");
    }
    return out.toString();
  }
}
