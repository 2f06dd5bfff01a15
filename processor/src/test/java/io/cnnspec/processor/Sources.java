package io.cnnspec.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Sources to compile with the processor, and a class loader for what it generates. */
final class Sources {

  private Sources() {}

  /** {@code demo.Specs} carrying the given annotations; the annotations start on line 4. */
  static JavaFileObject holder(String annotations) {
    return holder("Specs", annotations);
  }

  static JavaFileObject holder(String simpleName, String annotations) {
    return JavaFileObjects.forSourceString("demo." + simpleName,
        "package demo;\n\nimport io.cnnspec.Network;\n" + annotations + "\nclass " + simpleName + " {}\n");
  }

  /**
   * A multi-line message as javac gives it to tools: it indents every line after the first by two
   * spaces (the caret lines keep lining up with each other).
   */
  static String asJavacShows(String message) {
    return message.replace("\n", "\n  ");
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new NetworkProcessor()).withOptions(options).compile(sources);
  }

  /**
   * Runs javac with the processor, writing generated sources under {@code out}: compile-testing
   * hides what a failed compilation generated, and a failing spec must not stop the others.
   *
   * @return javac's errors
   */
  static List<javax.tools.Diagnostic<? extends JavaFileObject>> generateInto(
      java.nio.file.Path out, javax.annotation.processing.Processor processor, JavaFileObject... sources) {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    javax.tools.DiagnosticCollector<JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
    List<String> options = List.of("-proc:only", "-s", out.toString(), "-classpath", System.getProperty("java.class.path"));
    javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics, options, null, List.of(sources));
    task.setProcessors(List.of(processor));
    task.call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .toList();
  }

  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + " in " + compilation.generatedFiles()));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the classes the compilation wrote, so that tests can run generated code. */
  static Class<?> load(Compilation compilation, String qualifiedName) throws ClassNotFoundException {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), path.length() - ".class".length())
            .replace('/', '.');
        try (var in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    ClassLoader loader = new ClassLoader(Sources.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    return Class.forName(qualifiedName, true, loader);
  }

  static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
    return type.getField(name).get(null);
  }
}
