package io.cnnspec.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.processor.NetworkAnnotation.Member;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Compiles every {@code @Network} spec during {@code javac} and writes its class (see
 * {@link NetworkClassWriter}). A spec with errors is reported on the annotation member holding
 * the problem and generates nothing; the other specs of the compilation are still generated.
 *
 * <p>Option {@code -Acnnspec.path=DIR[:DIR...]}: directories to find {@code @Network(file = ...)}
 * files in, besides the source path (see {@link SpecFileLocator}).
 *
 * <p>Isolating for Gradle: each generated class depends only on its own annotated type (and, for
 * a file spec, on that file, which Gradle does not track; see {@link SpecFileLocator}).
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {

  private final Function<SpecSource, Compilation> compiler;
  private ErrorReporter reporter;
  private SpecFileLocator files;
  private Filer filer;
  private GeneratedClassNames classNames;
  /** Classes written so far in this compilation, to the spec that declared each, to refuse a second one. */
  private final Map<String, String> written = new HashMap<>();

  public NetworkProcessor() {
    this(SpecSource::compile);
  }

  /** For tests: a processor whose spec compiler can be made to fail. */
  NetworkProcessor(Function<SpecSource, Compilation> compiler) {
    this.compiler = compiler;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reporter = new ErrorReporter(processingEnv);
    filer = processingEnv.getFiler();
    files = new SpecFileLocator(filer, SpecFileLocator.roots(processingEnv.getOptions().get(SpecFileLocator.OPTION)));
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
    if (classNames == null) {
      classNames = new GeneratedClassNames(processingEnv.getElementUtils());
    }
    for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
      if (!(element instanceof TypeElement holder)) {
        continue; // @Target(TYPE): javac has already refused it anywhere else
      }
      for (NetworkAnnotation annotation : NetworkAnnotation.on(holder)) {
        try {
          generate(annotation);
        } catch (Exception | LinkageError | StackOverflowError failure) {
          // A bug in cnnspec must not crash javac or stop the other specs.
          reporter.internalError(annotation, failure);
        }
      }
    }
    // @Network is cnnspec's own; claiming it spares users javac's "no processor claimed" lint warning.
    return true;
  }

  private void generate(NetworkAnnotation annotation) {
    Optional<SpecSource> spec = readSpec(annotation);
    if (spec.isEmpty()) {
      return;
    }
    SpecSource source = spec.get();
    String givenName = annotation.text(Member.NAME).strip();
    Optional<String> nameProblem = givenName.isEmpty()
        ? Optional.empty()
        : classNames.problem(givenName, annotation.holder(), false);
    nameProblem.ifPresent(problem -> reporter.error(annotation, Member.NAME, problem));

    Compilation compilation = compiler.apply(source);
    for (Diagnostic diagnostic : compilation.diagnostics()) {
      if (diagnostic.part() == Diagnostic.Part.NAME && nameProblem.isPresent()) {
        continue; // the name is already reported, as the Java problem it is
      }
      reporter.diagnostic(annotation, source, diagnostic);
    }
    if (!compilation.ok() || nameProblem.isPresent()) {
      return; // generate only from a clean compilation
    }
    NetworkInfo network = compilation.networkOrThrow();
    String className = givenName;
    Member nameMember = Member.NAME;
    if (className.isEmpty()) {
      className = network.name();
      nameMember = source.member();
      Optional<String> headerProblem = classNames.problem(className, annotation.holder(), true);
      if (headerProblem.isPresent()) {
        reporter.error(annotation, nameMember, headerProblem.get());
        return;
      }
    }
    if (network.layers().size() > NetworkClassWriter.MAX_LAYERS) {
      reporter.error(annotation, source.member(), "network " + className + " has "
          + NetworkClassWriter.commas(network.layers().size()) + " layers, more than the "
          + NetworkClassWriter.commas(NetworkClassWriter.MAX_LAYERS) + " a generated Layer enum can hold (the JVM limits"
          + " its static initializer to 64 KB); analyse a network this large with the cnnspec command line"
          + " (cnnspec summary FILE), or declare its stages as separate @Network specs");
      return;
    }
    if (network.macs() > Long.MAX_VALUE / 2) {
      reporter.error(annotation, source.member(), "network " + className + " has " + NetworkClassWriter.commas(network.macs())
          + " MACs, so its FLOPs (2 x MACs) do not fit a long; check the input shape and the layer sizes");
      return;
    }

    String packageName = processingEnv.getElementUtils().getPackageOf(annotation.holder()).getQualifiedName().toString();
    String qualified = packageName.isEmpty() ? className : packageName + "." + className;
    String declaredBy = "@Network on " + annotation.holder().getQualifiedName();
    String earlier = written.putIfAbsent(qualified, declaredBy);
    if (earlier != null) {
      reporter.error(annotation, nameMember, "class " + qualified + " is already generated from " + earlier
          + "; give this network another name with name = \"" + className + "2\"");
      return;
    }
    JavaFile javaFile = NetworkClassWriter.write(new NetworkClassWriter.Request(
        packageName, className, network, source.text(), annotation.holder().getQualifiedName().toString(),
        source.origin(), annotation.holder(), generatedAnnotationVisible(annotation)));
    try {
      javaFile.writeTo(filer);
    } catch (FilerException e) {
      reporter.error(annotation, nameMember, "cannot create class " + qualified + " (" + e.getMessage()
          + "): a type of that name already exists in this compilation; give the network another name with"
          + " name = \"" + className + "Network\"");
    } catch (IOException e) {
      reporter.error(annotation, nameMember, "cannot write class " + qualified + ": " + e
          + "; check that the generated sources directory is writable");
    }
  }

  /**
   * Whether the holder's module reads {@code javax.annotation.processing.Generated}: always in the
   * unnamed module; in a named one only if it requires {@code java.compiler} (a transitive
   * requirement is not followed, which only leaves the annotation out).
   */
  private boolean generatedAnnotationVisible(NetworkAnnotation annotation) {
    Elements elements = processingEnv.getElementUtils();
    if (elements.getTypeElement("javax.annotation.processing.Generated") == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(annotation.holder());
    return module == null || module.isUnnamed()
        || ElementFilter.requiresIn(module.getDirectives()).stream()
            .anyMatch(requires -> requires.getDependency().getQualifiedName().contentEquals("java.compiler"));
  }

  /** The spec's text and where it came from, or empty after reporting why there is none. */
  private Optional<SpecSource> readSpec(NetworkAnnotation annotation) {
    boolean hasValue = !annotation.isBlank(Member.VALUE);
    boolean hasFile = !annotation.isBlank(Member.FILE);
    String holder = annotation.holder().getQualifiedName().toString();
    if (hasValue && hasFile) {
      reporter.error(annotation, Member.FILE, "@Network has both value and file; give the layers inline in value,"
          + " or name a .cnn file in file, not both");
      return Optional.empty();
    }
    if (!hasValue && !hasFile) {
      Member where = annotation.valueOf(Member.VALUE) == null && annotation.valueOf(Member.FILE) != null
          ? Member.FILE
          : Member.VALUE;
      reporter.error(annotation, where, "@Network has an empty spec; write the layers in value, e.g."
          + " value = \"conv3-64x2 pool fc10\", or name a .cnn file with file = \"vgg16.cnn\"");
      return Optional.empty();
    }
    if (hasValue) {
      boolean complete = true;
      if (annotation.isBlank(Member.NAME)) {
        reporter.error(annotation, Member.NAME, "an inline @Network needs name, the simple name of the class to"
            + " generate; add e.g. name = \"Vgg16\"");
        complete = false;
      }
      if (annotation.isBlank(Member.INPUT)) {
        reporter.error(annotation, Member.INPUT, "an inline @Network needs input, the shape of its input; add e.g."
            + " input = \"224x224x3\" (height x width x channels), or input = \"784\" for a vector");
        complete = false;
      }
      if (!complete) {
        return Optional.empty();
      }
      return Optional.of(new SpecSource.Inline(annotation.text(Member.NAME).strip(), annotation.text(Member.INPUT),
          annotation.text(Member.VALUE), "@Network on " + holder));
    }

    String file = annotation.text(Member.FILE).strip();
    if (!annotation.isBlank(Member.INPUT)) {
      reporter.error(annotation, Member.INPUT, "the input shape of @Network(file = \"" + file + "\") is the one its"
          + " header declares; remove input, or change the header's shape");
      return Optional.empty();
    }
    String packageName = processingEnv.getElementUtils().getPackageOf(annotation.holder()).getQualifiedName().toString();
    SpecFileLocator.Lookup lookup = files.find(packageName, holder, file);
    if (lookup instanceof SpecFileLocator.Refused refused) {
      reporter.error(annotation, Member.FILE, refused.sentence());
      return Optional.empty();
    }
    SpecSource.SpecFile found = ((SpecFileLocator.Found) lookup).file();
    if (found.text().isBlank()) {
      reporter.error(annotation, Member.FILE, "spec file \"" + file + "\" is empty; write a header and the"
          + " layers, e.g. network Tiny : 32x32x3 -> 10 conv3-16 relu pool fc10");
      return Optional.empty();
    }
    return Optional.of(found);
  }
}
