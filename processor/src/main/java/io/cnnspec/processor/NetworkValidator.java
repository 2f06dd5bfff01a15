package io.cnnspec.processor;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.processor.NetworkAnnotation.Member;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.util.Elements;

/**
 * The validation step: one {@code @Network} becomes a clean {@link NetworkRequest} or a
 * {@link ValidationReport} of what is wrong, never an exception. It reads the spec (inline, or the
 * file through {@link SpecFileLocator}), checks the class name given in {@code name} and the one a
 * file's header gives, compiles the spec, checks the declared output, the layer limit of the
 * generated enum and the FLOPs' range, and refuses a class name an earlier {@code @Network} of the
 * compilation already claimed. Nothing is generated here.
 */
final class NetworkValidator {

  /** The outcome: a request to generate, or only a report. Either report may hold warnings to print. */
  sealed interface Validation {
    ValidationReport report();
  }

  record Clean(NetworkRequest request, ValidationReport report) implements Validation {}

  record Rejected(ValidationReport report) implements Validation {}

  private final Elements elements;
  private final SpecFileLocator files;
  private final GeneratedClassNames classNames;
  private final Function<AnnotatedSpec, Compilation> compiler;
  /** Class names claimed so far in this compilation, to the request that claimed each. */
  private final Map<String, NetworkRequest> claimed = new HashMap<>();

  NetworkValidator(Elements elements, SpecFileLocator files, Function<AnnotatedSpec, Compilation> compiler) {
    this.elements = elements;
    this.files = files;
    this.classNames = new GeneratedClassNames(elements);
    this.compiler = compiler;
  }

  /**
   * The one call into the language: the annotation form, or a whole {@code .cnn} file.
   *
   * <p>The declared {@code output} of an inline spec is not passed here: the language's inline
   * entry takes none yet, so {@link #checkDeclaredOutput} checks it after the compilation.
   */
  static Compilation compile(AnnotatedSpec spec) {
    if (spec instanceof AnnotatedSpec.Inline inline) {
      return CnnSpec.compile(new SpecInput.Inline(inline.name(), inline.input(), inline.body(), inline.origin()),
          CompileOptions.DEFAULT.withLimits(AnnotatedSpec.LIMITS));
    }
    AnnotatedSpec.InFile file = (AnnotatedSpec.InFile) spec;
    return CnnSpec.compile(new SpecInput.File(file.text(), file.displayName()),
        CompileOptions.DEFAULT.withLimits(AnnotatedSpec.LIMITS));
  }

  Validation validate(NetworkAnnotation annotation) {
    ValidationReport report = new ValidationReport(annotation);
    Optional<AnnotatedSpec> read = readSpec(annotation, report);
    Optional<Shape> declaredOutput = declaredOutput(annotation, report);
    if (read.isEmpty() || !report.isClean()) {
      return new Rejected(report);
    }
    AnnotatedSpec spec = read.get();
    String givenName = annotation.text(Member.NAME).strip();
    Optional<GeneratedClassNames.Problem> nameProblem = givenName.isEmpty()
        ? Optional.empty()
        : classNames.problem(givenName, annotation.holder(), false);
    nameProblem.ifPresent(problem -> report.error(Member.NAME, problem.code(), problem.sentence()));

    Compilation compilation = compiler.apply(spec);
    for (Diagnostic diagnostic : compilation.diagnostics()) {
      if (diagnostic.part() == Diagnostic.Part.NAME && nameProblem.isPresent()) {
        continue; // the name is already reported, as the Java problem it is
      }
      if (diagnostic.code().equals(DiagnosticCode.LAYER_LIMIT.id())) {
        // the language's limit is the processor's here (LIMITS): say so in the processor's words
        report.error(spec.member(), ProcessorCode.TOO_MANY_LAYERS, tooManyLayers("network "
            + (givenName.isEmpty() ? "" : givenName + " ") + "expands past", "at " + diagnostic.line() + ":" + diagnostic.column()
            + ": " + diagnostic.detail()));
        continue;
      }
      report.spec(spec, diagnostic);
    }
    if (!compilation.ok() || !report.isClean()) {
      return new Rejected(report); // generate only from a clean compilation
    }
    NetworkInfo network = compilation.networkOrThrow();
    String className = givenName;
    Member nameMember = Member.NAME;
    if (className.isEmpty()) {
      className = network.name();
      nameMember = spec.member();
      Optional<GeneratedClassNames.Problem> headerProblem = classNames.problem(className, annotation.holder(), true);
      if (headerProblem.isPresent()) {
        report.error(nameMember, headerProblem.get().code(), headerProblem.get().sentence());
        return new Rejected(report);
      }
    }
    declaredOutput.ifPresent(output -> checkDeclaredOutput(network, output, report));
    checkSize(network, className, spec.member(), report);
    if (!report.isClean()) {
      return new Rejected(report);
    }

    String packageName = elements.getPackageOf(annotation.holder()).getQualifiedName().toString();
    NetworkRequest request = new NetworkRequest(annotation, packageName, className, nameMember, network, spec);
    NetworkRequest first = claimed.putIfAbsent(request.qualifiedName(), request);
    if (first != null) {
      String firstBy = "@Network on " + first.annotation().holder().getQualifiedName();
      report.error(nameMember, ProcessorCode.DUPLICATE_NAME, "class " + request.qualifiedName()
          + " is already generated from " + firstBy + "; give this network another name with name = \""
          + className + "2\"");
      report.note(first.annotation(), first.nameMember(), ProcessorCode.DUPLICATE_NAME, "class "
          + request.qualifiedName() + " is first generated from here; @Network on "
          + annotation.holder().getQualifiedName() + " declares it again");
      return new Rejected(report);
    }
    return new Clean(request, report);
  }

  /** The generated enum's limit and the range of FLOPs, the two figures a class cannot hold otherwise. */
  private static void checkSize(NetworkInfo network, String className, Member member, ValidationReport report) {
    String oversized = NetworkClassWriter.oversized(network);
    if (network.layers().size() > NetworkClassWriter.MAX_LAYERS) {
      report.error(member, ProcessorCode.TOO_MANY_LAYERS, tooManyLayers("network " + className + " has "
          + NetworkClassWriter.commas(network.layers().size()) + " layers, more than", ""));
    } else if (oversized != null) {
      report.error(member, ProcessorCode.CLASS_TOO_LARGE, "network " + className + " cannot be generated: "
          + oversized + "; use shorter @names and def names, or analyse it with the cnnspec command line"
          + " (cnnspec summary FILE)");
    } else if (network.macs() > Long.MAX_VALUE / 2) {
      report.error(member, ProcessorCode.FLOPS_OVERFLOW, "network " + className + " has "
          + NetworkClassWriter.commas(network.macs())
          + " MACs, so its FLOPs (2 x MACs) do not fit a long; check the input shape and the layer sizes");
    }
  }

  /** The one sentence for a network past what a generated enum holds, with where it passed, if known. */
  private static String tooManyLayers(String start, String where) {
    return start + " the " + NetworkClassWriter.commas(NetworkClassWriter.MAX_LAYERS) + " layers a generated Layer"
        + " enum can hold (the JVM limits its static initializer to 64 KB)" + (where.isEmpty() ? "" : " (" + where + ")")
        + "; analyse a network this large with the cnnspec command line (cnnspec summary FILE), or declare its"
        + " stages as separate @Network specs";
  }

  /**
   * The shape {@code output} declares, for an inline spec; empty when there is none, or after
   * reporting why it is no shape or does not belong there.
   */
  private static Optional<Shape> declaredOutput(NetworkAnnotation annotation, ValidationReport report) {
    if (annotation.isBlank(Member.OUTPUT)) {
      return Optional.empty();
    }
    String written = annotation.text(Member.OUTPUT).strip();
    if (!annotation.isBlank(Member.FILE)) {
      report.error(Member.OUTPUT, ProcessorCode.OUTPUT_WITH_FILE, "the output shape of @Network(file = \""
          + annotation.text(Member.FILE).strip() + "\") is the one its header declares after ->; remove output,"
          + " or change the header");
      return Optional.empty();
    }
    try {
      Shape shape = Shape.parse(written);
      if (shape.height() > 0 && shape.width() > 0 && shape.channels() > 0) {
        return Optional.of(shape);
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the forms that are shapes
    }
    report.error(Member.OUTPUT, ProcessorCode.INVALID_OUTPUT, "output \"" + written + "\" is not a shape; write"
        + " height x width x channels, e.g. output = \"7x7x512\", or one number for a vector, e.g. output = \"1000\"");
    return Optional.empty();
  }

  /**
   * The rule the language applies to a file's declared output: one number is a vector or a 1x1
   * map of that many channels, three numbers a map of exactly that shape.
   */
  private static void checkDeclaredOutput(NetworkInfo network, Shape declared, ValidationReport report) {
    Shape actual = network.output();
    boolean matches = declared.vector()
        ? actual.isPerChannel() && actual.channels() == declared.channels()
        : !actual.vector() && actual.equals(declared);
    if (!matches) {
      String fix = actual.vector() || actual.isPerChannel() ? Integer.toString(actual.channels()) : actual.toString();
      report.error(Member.OUTPUT, ProcessorCode.OUTPUT_MISMATCH, "network " + network.name() + " ends in "
          + actual + ", not the declared output " + declared + "; fix the last layers, or declare output = \""
          + fix + "\"");
    }
  }

  /** The spec's text and where it came from, or empty after reporting why there is none. */
  private Optional<AnnotatedSpec> readSpec(NetworkAnnotation annotation, ValidationReport report) {
    boolean hasValue = !annotation.isBlank(Member.VALUE);
    boolean hasFile = !annotation.isBlank(Member.FILE);
    String holder = annotation.holder().getQualifiedName().toString();
    if (hasValue && hasFile) {
      report.error(Member.FILE, ProcessorCode.VALUE_AND_FILE, "@Network has both value and file; give the layers"
          + " inline in value, or name a .cnn file in file, not both");
      return Optional.empty();
    }
    if (!hasValue && !hasFile) {
      Member where = annotation.valueOf(Member.VALUE) == null && annotation.valueOf(Member.FILE) != null
          ? Member.FILE
          : Member.VALUE;
      report.error(where, ProcessorCode.EMPTY_SPEC, "@Network has an empty spec; write the layers in value, e.g."
          + " value = \"conv3-64x2 pool fc10\", or name a .cnn file with file = \"vgg16.cnn\"");
      return Optional.empty();
    }
    if (hasValue) {
      boolean complete = true;
      if (annotation.isBlank(Member.NAME)) {
        report.error(Member.NAME, ProcessorCode.MISSING_NAME, "an inline @Network needs name, the simple name of"
            + " the class to generate; add e.g. name = \"Vgg16\"");
        complete = false;
      }
      if (annotation.isBlank(Member.INPUT)) {
        report.error(Member.INPUT, ProcessorCode.MISSING_INPUT, "an inline @Network needs input, the shape of its"
            + " input; add e.g. input = \"224x224x3\" (height x width x channels), or input = \"784\" for a vector");
        complete = false;
      }
      if (!complete) {
        return Optional.empty();
      }
      return Optional.of(new AnnotatedSpec.Inline(annotation.text(Member.NAME).strip(), annotation.text(Member.INPUT),
          annotation.text(Member.VALUE), "@Network on " + holder));
    }

    String file = annotation.text(Member.FILE).strip();
    if (!annotation.isBlank(Member.INPUT)) {
      report.error(Member.INPUT, ProcessorCode.INPUT_WITH_FILE, "the input shape of @Network(file = \"" + file
          + "\") is the one its header declares; remove input, or change the header's shape");
      return Optional.empty();
    }
    String packageName = elements.getPackageOf(annotation.holder()).getQualifiedName().toString();
    SpecFileLocator.Lookup lookup = files.find(packageName, holder, file);
    if (lookup instanceof SpecFileLocator.Refused refused) {
      report.error(Member.FILE, refused.code(), refused.sentence());
      return Optional.empty();
    }
    AnnotatedSpec.InFile found = ((SpecFileLocator.Found) lookup).file();
    if (found.text().isBlank()) {
      report.error(Member.FILE, ProcessorCode.EMPTY_FILE, "spec file \"" + file + "\" is empty; write a header and"
          + " the layers, e.g. network Tiny : 32x32x3 -> 10 conv3-16 relu pool fc10");
      return Optional.empty();
    }
    return Optional.of(found);
  }
}
