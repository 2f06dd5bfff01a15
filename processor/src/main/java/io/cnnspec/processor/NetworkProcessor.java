package io.cnnspec.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.cnnspec.lang.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Compiles every {@code @Network} spec during {@code javac} and writes its class. Each round first
 * validates every annotation ({@link NetworkValidator}: a clean request or a report of what is
 * wrong), prints the reports, then generates the clean ones ({@link NetworkFileGenerator}, the
 * class's content from {@link NetworkClassWriter}). A spec with errors is reported on the
 * annotation member holding the problem and generates nothing; the other specs of the compilation
 * are still generated. Every message carries a stable code ({@link ProcessorCode}).
 *
 * <p>Option {@code -Acnnspec.path=DIR[:DIR...]}: directories to find {@code @Network(file = ...)}
 * files in, besides the source path (see {@link SpecFileLocator}).
 *
 * <p>Isolating for Gradle: each generated class depends only on its own annotated type (and, for
 * a file spec, on that file, which Gradle does not track; see {@link SpecFileLocator}).
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {

  private final Function<AnnotatedSpec, Compilation> compiler;
  private ErrorReporter reporter;
  private SpecFileLocator files;
  private NetworkFileGenerator generator;
  /** Made on the first round with a {@code @Network}, and kept: it knows the names claimed so far. */
  private NetworkValidator validator;

  public NetworkProcessor() {
    this(NetworkValidator::compile);
  }

  /** For tests: a processor whose spec compiler can be made to fail. */
  NetworkProcessor(Function<AnnotatedSpec, Compilation> compiler) {
    this.compiler = compiler;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reporter = new ErrorReporter(processingEnv);
    Filer filer = processingEnv.getFiler();
    files = new SpecFileLocator(filer, SpecFileLocator.roots(processingEnv.getOptions().get(SpecFileLocator.OPTION)));
    generator = new NetworkFileGenerator(processingEnv.getElementUtils(), filer, reporter);
    LocalClassWarnings.register(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(NetworkAnnotation.NETWORK, NetworkAnnotation.NETWORKS);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SpecFileLocator.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    if (validator == null) {
      validator = new NetworkValidator(processingEnv.getElementUtils(), files, compiler);
    }
    List<NetworkRequest> clean = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
      if (!(element instanceof TypeElement holder)) {
        continue; // @Target(TYPE): javac has already refused it anywhere else
      }
      for (NetworkAnnotation annotation : NetworkAnnotation.on(holder)) {
        guarded(annotation, () -> {
          NetworkValidator.Validation validation = validator.validate(annotation);
          validation.report().printTo(reporter);
          if (validation instanceof NetworkValidator.Clean ok) {
            clean.add(ok.request());
          }
        });
      }
    }
    for (NetworkRequest request : clean) {
      guarded(request.annotation(), () -> generator.generate(request));
    }
    // @Network is cnnspec's own; claiming it spares users javac's "no processor claimed" lint warning.
    return true;
  }

  /**
   * Runs one step for one annotation: a failure in cnnspec, whatever it is (an OutOfMemoryError
   * included: what the step held is garbage once it is caught here), must not crash javac or stop
   * the other specs. AutoValue's rule: never crash the compiler.
   */
  private void guarded(NetworkAnnotation annotation, Runnable step) {
    try {
      step.run();
    } catch (Throwable failure) {
      reporter.internalError(annotation, failure);
    }
  }
}
