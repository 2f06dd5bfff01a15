package io.cnnspec.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * The generation step, in the manner of Dagger's {@code SourceFileGenerator}: writes the class of a
 * validated {@link NetworkRequest} (its content from {@link NetworkClassWriter}) and owns what
 * every generated file carries: {@code @Generated} naming the processor and the spec's origin,
 * with no date so builds are reproducible, and the annotated type as the originating element, the
 * only one (what Gradle's isolating mode requires). A file the Filer refuses is reported on the
 * annotation, never thrown.
 */
final class NetworkFileGenerator {

  static final String PROCESSOR = "io.cnnspec.processor.NetworkProcessor";

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final Elements elements;
  private final Filer filer;
  private final ErrorReporter reporter;
  /** Which spec file each generated class came from, for build tools (cnnspec-maven-plugin). */
  private final SpecInputs inputs;

  NetworkFileGenerator(Elements elements, Filer filer, ErrorReporter reporter) {
    this.elements = elements;
    this.filer = filer;
    this.reporter = reporter;
    this.inputs = new SpecInputs(filer, elements);
  }

  void generate(NetworkRequest request) {
    NetworkAnnotation annotation = request.annotation();
    JavaFile javaFile = javaFile(request, generatedAnnotationVisible(annotation.holder()));
    String qualified = request.qualifiedName();
    try {
      javaFile.writeTo(filer);
      recordInput(request);
    } catch (FilerException e) {
      reporter.report(Kind.ERROR, annotation, request.nameMember(), ProcessorCode.CLASS_EXISTS, "cannot create class "
          + qualified + " (" + e.getMessage() + "): a type of that name already exists in this compilation; give the"
          + " network another name with name = \"" + request.className() + "Network\"");
    } catch (IOException e) {
      reporter.report(Kind.ERROR, annotation, request.nameMember(), ProcessorCode.WRITE_FAILED, "cannot write class "
          + qualified + ": " + e + "; check that the generated sources directory is writable");
    }
  }

  /** After the class is written: which spec file it came from, for build tools (see {@link SpecInputs}). */
  private void recordInput(NetworkRequest request) {
    if (!(request.spec() instanceof AnnotatedSpec.InFile file)) {
      return;
    }
    try {
      inputs.record(request.qualifiedName(), request.annotation().holder(), file);
    } catch (IOException e) {
      reporter.report(Kind.ERROR, request.annotation(), NetworkAnnotation.Member.FILE, ProcessorCode.WRITE_FAILED,
          "cannot record which spec file class " + request.qualifiedName() + " came from: " + e
              + "; check that the generated sources directory is writable");
    }
  }

  /**
   * The file for {@code request}.
   *
   * @param markGenerated whether to write {@code @Generated}: its type lives in module
   *     {@code java.compiler}, which a user's named module may not read
   */
  static JavaFile javaFile(NetworkRequest request, boolean markGenerated) {
    AnnotatedSpec spec = request.spec();
    TypeElement holder = request.annotation().holder();
    TypeSpec.Builder type = NetworkClassWriter.type(new NetworkClassWriter.Request(request.packageName(),
        request.className(), request.network(), spec.text(), holder.getQualifiedName().toString(), spec.origin()))
        .toBuilder();
    if (markGenerated) {
      type.addAnnotation(generated(spec.origin()));
    }
    type.addOriginatingElement(holder);
    return NetworkClassWriter.javaFile(request.packageName(), type.build());
  }

  /** {@code @Generated(value = PROCESSOR, comments = "from ORIGIN")}: no date, so builds are reproducible. */
  static AnnotationSpec generated(String origin) {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$L", NetworkClassWriter.literal(PROCESSOR))
        .addMember("comments", "$L", NetworkClassWriter.literal("from " + origin))
        .build();
  }

  /**
   * Whether the holder's module reads {@code javax.annotation.processing.Generated}: always in the
   * unnamed module; in a named one only if it requires {@code java.compiler} (a transitive
   * requirement is not followed, which only leaves the annotation out).
   */
  private boolean generatedAnnotationVisible(TypeElement holder) {
    if (elements.getTypeElement("javax.annotation.processing.Generated") == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(holder);
    return module == null || module.isUnnamed()
        || ElementFilter.requiresIn(module.getDirectives()).stream()
            .anyMatch(requires -> requires.getDependency().getQualifiedName().contentEquals("java.compiler"));
  }
}
