package io.cnnspec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code META-INF/gradle/incremental.annotation.processors} declares the processor isolating, which
 * Gradle holds it to: every file created through the {@link Filer} names exactly one originating
 * element, the annotated type whose AST decided it. Checked by running javac with the processor
 * behind a {@link Filer} that records what each created file names, as Gradle's own wrapper does.
 */
class IncrementalDeclarationTest {

  @TempDir Path dir;

  /** A file the processor created and the originating elements it gave. */
  private record Created(String name, List<String> originating) {}

  @Test
  void theDeclarationNamesThisProcessorAsIsolating() throws IOException {
    assertEquals(List.of(NetworkProcessor.class.getName() + ",isolating"),
        resourceLines("META-INF/gradle/incremental.annotation.processors"));
    // the same class javac's service loader finds
    assertTrue(resourceLines("META-INF/services/javax.annotation.processing.Processor")
        .contains(NetworkProcessor.class.getName()));
  }

  @Test
  void everyGeneratedFileHasExactlyItsAnnotatedTypeAsOriginatingElement() throws IOException {
    Path cnn = Files.createDirectories(dir.resolve("cnn"));
    Files.writeString(cnn.resolve("tiny.cnn"), "network Tiny : 8x8x3\n  conv3-4 relu gap fc10\n");
    JavaFileObject first = Sources.holder("First", """
        @Network(name = "Small", input = "8x8x3", value = "conv3-4 relu gap fc10")
        @Network(file = "tiny.cnn")
        @Network(file = "zoo:lenet5")""");
    JavaFileObject second = com.google.testing.compile.JavaFileObjects.forSourceString("demo.Second", """
        package demo;
        import io.cnnspec.Network;
        class Second {
          @Network(name = "Nested", input = "16", value = "fc8 relu fc2")
          static class Inner {}
        }
        """);
    List<Created> created = new ArrayList<>();
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics,
        List.of("-proc:only", "-s", out.toString(), "-d", out.toString(), "-Acnnspec.path=" + cnn,
            "-classpath", System.getProperty("java.class.path")),
        null, List.of(first, second));
    task.setProcessors(List.of(new Recording(new NetworkProcessor(), created)));
    assertTrue(task.call(), diagnostics.getDiagnostics()::toString);

    assertEquals(List.of(
            new Created("demo.Small", List.of("demo.First")),
            new Created("demo.Tiny", List.of("demo.First")),
            new Created("META-INF/cnnspec/inputs/demo.Tiny.properties", List.of("demo.First")),
            new Created("demo.LeNet5", List.of("demo.First")),
            new Created("demo.Nested", List.of("demo.Second.Inner"))),
        created);
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = NetworkProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, name + " is not on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
  }

  /** The processor, given an environment whose {@link Filer} records each created file. */
  private static final class Recording extends AbstractProcessor {
    private final NetworkProcessor delegate;
    private final List<Created> created;

    Recording(NetworkProcessor delegate, List<Created> created) {
      this.delegate = delegate;
      this.created = created;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      Filer filer = recording(environment.getFiler());
      delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class},
          (proxy, method, args) -> method.getName().equals("getFiler") ? filer : method.invoke(environment, args)));
    }

    private Filer recording(Filer filer) {
      return new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originating) throws IOException {
          record(name.toString(), originating);
          return filer.createSourceFile(name, originating);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originating) throws IOException {
          record(name.toString(), originating);
          return filer.createClassFile(name, originating);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name,
            Element... originating) throws IOException {
          record(name.toString(), originating);
          return filer.createResource(location, pkg, name, originating);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name)
            throws IOException {
          return filer.getResource(location, pkg, name);
        }
      };
    }

    private void record(String name, Element... originating) {
      List<String> names = new ArrayList<>();
      for (Element element : originating) {
        names.add(((TypeElement) element).getQualifiedName().toString());
      }
      created.add(new Created(name, names));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }
}
