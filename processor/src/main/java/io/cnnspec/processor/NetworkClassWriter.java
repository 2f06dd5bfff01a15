package io.cnnspec.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.cnnspec.model.LayerConstant;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.SideOutput;
import io.cnnspec.model.Shape;
import io.cnnspec.report.Figures;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes the class of one network: its figures as compile-time constants, a {@code Layer} enum with
 * a constant per layer, and a runtime {@link NetworkInfo} built from them. Every figure comes from
 * the analysis as it is; nothing is computed here but FLOPs (2 x MACs) and the shapes' sizes.
 *
 * <p>The output is deterministic (no date, no absolute path, no hash-ordered collection) so that
 * builds are reproducible, and pure ASCII (other characters are escaped) so that it compiles
 * whatever {@code -encoding} the build uses.
 */
final class NetworkClassWriter {

  /**
   * The most layers a generated enum takes. Each constant costs about 55 bytes of the enum's static
   * initializer, and the JVM caps a method at 64 KB; 1,000 keeps a margin for long literals.
   */
  static final int MAX_LAYERS = 1_000;

  /** Java's limit for one string constant is 65,535 bytes of modified UTF-8; longer specs are split. */
  private static final int MAX_CONSTANT_BYTES = 65_535;
  private static final int SPEC_CHUNK_CHARS = 16_000;

  private static final ClassName NETWORK_INFO = ClassName.get(NetworkInfo.class);
  private static final ClassName LAYER_INFO = ClassName.get(LayerInfo.class);
  private static final ClassName LAYER_CONSTANT = ClassName.get(LayerConstant.class);
  private static final ClassName SHAPE = ClassName.get(Shape.class);
  private static final ClassName REPORTS = ClassName.get(Reports.class);
  private static final ClassName REPORT_FORMAT = ClassName.get(ReportFormat.class);
  private static final ClassName REPORT_OPTIONS = ClassName.get(ReportOptions.class);

  /**
   * What to write.
   *
   * @param holder the annotated type's canonical name, for the Javadoc's link
   * @param origin what the class is made from, for the Javadoc
   */
  record Request(String packageName, String className, NetworkInfo network, String spec, String holder, String origin) {}

  private NetworkClassWriter() {}

  /** The class's source, without {@code @Generated} and originating element (see {@link NetworkFileGenerator}). */
  static JavaFile write(Request request) {
    return javaFile(request.packageName(), type(request));
  }

  /** The one layout of a generated file: two-space indent, java.lang unimported. */
  static JavaFile javaFile(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).indent("  ").skipJavaLangImports(true).build();
  }

  /** The class: constants, the {@code INFO} model, the report methods and the {@code Layer} enum. */
  static TypeSpec type(Request request) {
    NetworkInfo network = request.network();
    if (network.layers().size() > MAX_LAYERS) {
      throw new IllegalArgumentException("too many layers for an enum: " + network.layers().size());
    }
    ClassName self = ClassName.get(request.packageName(), request.className());
    ClassName layer = self.nestedClass("Layer");

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(classJavadoc(request));

    type.addField(constant(String.class, "NAME", literal(network.name()),
        "The network's name, as its spec gives it."));
    type.addField(constant(String.class, "SPEC", specInitializer(request.spec()),
        "The spec as written: the layers of {@code @Network(value = ...)}, or the whole {@code .cnn} file."
            + (fitsConstant(request.spec()) ? "" : "\nToo long for a Java string constant, so it is built when the class initializes.")));
    type.addField(longConstant("PARAMS", network.params(),
        "Learnable parameters (weights, biases, batch norm's gamma and beta): %s.\n"
            + "PyTorch's {@code sum(p.numel() for p in model.parameters())}."));
    type.addField(longConstant("TRAINABLE_PARAMS", network.trainableParams(),
        "The learnable parameters that training updates: %s."));
    type.addField(longConstant("NON_TRAINABLE_PARAMS", network.nonTrainableParams(),
        "State that is not learned, batch norm's running mean and variance: %s.\n"
            + "Keras's \"Total params\" is {@link #PARAMS} plus this."));
    type.addField(longConstant("MACS", network.macs(),
        "Multiply-accumulates of one forward pass: %s.\nConvolutions and fully connected layers only"
            + (network.sideOutputs().isEmpty() ? "." : ", of the main output (each side output's are its own constant).")));
    type.addField(longConstant("FLOPS", Math.multiplyExact(network.macs(), 2L),
        "2 x {@link #MACS}, the figure papers call FLOPs: %s."));
    type.addField(longConstant("ACTIVATIONS", network.activations(),
        "Values stored by one forward pass of one sample, the input included: %s.\n"
            + "In fp32, " + bytes(network.activations() * 4.0) + " per sample."));
    addShape(type, "INPUT", "input", network.input());
    addShape(type, "OUTPUT", "output", network.output());
    CodeBlock sideOutputs = addSideOutputs(type, network);
    type.addField(FieldSpec.builder(NETWORK_INFO, "INFO", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The whole analysis, every layer's figures and the totals, for reports at run time:\n"
            + "{@link #summary()} renders the table above, as the command line prints it.\n")
        .initializer("new $T($N, $L, $L,\n$>$>$T.infos($T.values()),\nPARAMS, TRAINABLE_PARAMS, NON_TRAINABLE_PARAMS, MACS, ACTIVATIONS$L)$<$<",
            NETWORK_INFO, "NAME", shape(network.input()), shape(network.output()), LAYER_CONSTANT, layer, sideOutputs)
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("summary")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addJavadoc("The text table above: every layer, the totals, and the memory at fp32, batch 1, as\n"
            + "{@code cnnspec summary} prints it.\n")
        .addStatement("return $T.render(INFO, $T.TABLE, $T.DEFAULT)", REPORTS, REPORT_FORMAT, REPORT_OPTIONS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("render")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(REPORT_FORMAT, "format")
        .addParameter(REPORT_OPTIONS, "options")
        .addJavadoc("This network as a report: a text table, Markdown, CSV or JSON, with the rows, element type,\n"
            + "batch and training state {@code options} gives.\n"
            + "\n@throws ArithmeticException if a byte count overflows {@code long} (a huge batch)\n")
        .addStatement("return $T.render(INFO, format, options)", REPORTS)
        .build());
    type.addType(layerEnum(network));
    return type.build();
  }

  private static TypeSpec layerEnum(NetworkInfo network) {
    TypeSpec.Builder layer = TypeSpec.enumBuilder("Layer")
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(LAYER_CONSTANT)
        .addJavadoc("The layers in execution order. A branch merge ({@code cat}, {@code add}, {@code res},\n"
            + "{@code mul}) comes before the layers of its branches, which are one level deeper.\n"
            + "Each layer's figures: {@link $T}'s methods, e.g. {@code params()}.\n", LAYER_CONSTANT);
    List<String> names = EnumConstantNames.of(network.layers().stream().map(LayerInfo::name).toList());
    for (int i = 0; i < names.size(); i++) {
      LayerInfo info = network.layers().get(i);
      // One literal for the whole argument list: JavaPoet splits every piece it emits into lines
      // with a regular expression, twice per file, and a constant has thirteen arguments.
      String arguments = String.join(", ",
          literal(info.name()), literal(info.kind()), literal(info.spec()),
          Integer.toString(info.depth()), Integer.toString(info.branch()),
          literal(info.input().toString()), literal(info.output().toString()),
          longLiteral(info.params()), longLiteral(info.nonTrainableParams()), longLiteral(info.macs()),
          longLiteral(info.activations()), longLiteral(info.receptiveField()), doubleLiteral(info.jump()));
      layer.addEnumConstant(names.get(i), TypeSpec.anonymousClassBuilder("$L", arguments)
          .addJavadoc("$L\n", layerJavadoc(info))
          .build());
    }
    layer.addField(LAYER_INFO, "info", Modifier.PRIVATE, Modifier.FINAL);
    layer.addMethod(MethodSpec.constructorBuilder()
        .addParameter(String.class, "layerName")
        .addParameter(String.class, "kind")
        .addParameter(String.class, "spec")
        .addParameter(int.class, "depth")
        .addParameter(int.class, "branch")
        .addParameter(String.class, "input")
        .addParameter(String.class, "output")
        .addParameter(long.class, "params")
        .addParameter(long.class, "nonTrainableParams")
        .addParameter(long.class, "macs")
        .addParameter(long.class, "activations")
        .addParameter(long.class, "receptiveField")
        .addParameter(double.class, "jump")
        .addStatement("this.info = new $T(layerName, kind, spec, depth, branch, $T.parse(input), $T.parse(output),\n"
            + "params, nonTrainableParams, macs, activations, receptiveField, jump)", LAYER_INFO, SHAPE, SHAPE)
        .build());
    layer.addMethod(MethodSpec.methodBuilder("info")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(LAYER_INFO)
        .addStatement("return info")
        .build());
    return layer.build();
  }

  private static CodeBlock classJavadoc(Request request) {
    NetworkInfo network = request.network();
    return CodeBlock.builder()
        .add("$L\n", "The network <code>" + doc(network.name()) + "</code>, " + doc(network.input().toString())
            + " &rarr; " + doc(network.output().toString()) + ": " + commas(network.params())
            + " parameters, " + commas(network.macs()) + " MACs.")
        .add("\n<p>$L\n", "Compiled by cnnspec from " + doc(request.origin()) + ".")
        .add("\n<pre>\n")
        .add("$L", doc(Reports.render(network, ReportFormat.TABLE, ReportOptions.DEFAULT)))
        .add("</pre>\n")
        .build();
  }

  private static String layerJavadoc(LayerInfo info) {
    StringBuilder text = new StringBuilder("<code>").append(doc(info.spec())).append("</code>: ")
        .append(doc(info.input().toString())).append(" &rarr; ").append(doc(info.output().toString()))
        .append(", ").append(commas(info.params())).append(" params");
    if (info.nonTrainableParams() > 0) {
      text.append(" (+").append(commas(info.nonTrainableParams())).append(" non-trainable)");
    }
    return text.append(", ").append(commas(info.macs())).append(" MACs, receptive field ")
        .append(info.receptiveField()).append('.').toString();
  }

  /**
   * For each side output ({@code side { ... }}), its shape and own MACs as constants named for its
   * row's {@code Layer} constant ({@code AUX1_OUTPUT_HEIGHT}, {@code AUX1_MACS}); returns the
   * arguments that give {@code INFO} its side outputs, empty when there are none.
   */
  private static CodeBlock addSideOutputs(TypeSpec.Builder type, NetworkInfo network) {
    if (network.sideOutputs().isEmpty()) {
      return CodeBlock.of("");
    }
    List<String> names = EnumConstantNames.of(network.layers().stream().map(LayerInfo::name).toList());
    CodeBlock.Builder list = CodeBlock.builder().add(",\n$T.of(), $T.of(", List.class, List.class);
    for (int i = 0; i < network.sideOutputs().size(); i++) {
      SideOutput side = network.sideOutputs().get(i);
      String prefix = names.get(side.row());
      addShape(type, prefix + "_OUTPUT", "side output " + side.name(), side.shape());
      type.addField(longConstant(prefix + "_MACS", side.macs(),
          "Multiply-accumulates of side output " + doc(side.name()) + "'s own layers: %s (not in {@link #MACS})."));
      list.add(i == 0 ? "\n" : ",\n").add("new $T($L, $L, $L, $L, $N)", SideOutput.class, literal(side.name()),
          shape(side.shape()), side.row(), side.endRow(), prefix + "_MACS");
    }
    return list.add(")").build();
  }

  private static void addShape(TypeSpec.Builder type, String prefix, String what, Shape shape) {
    String vector = shape.vector() ? " (1: the " + what + " is a vector)" : "";
    type.addField(intConstant(prefix + "_HEIGHT", shape.height(), "The " + what + "'s height" + vector + "."));
    type.addField(intConstant(prefix + "_WIDTH", shape.width(), "The " + what + "'s width" + vector + "."));
    type.addField(intConstant(prefix + "_CHANNELS", shape.channels(),
        "The " + what + "'s channels" + (shape.vector() ? ", the vector's length." : ".")));
    type.addField(FieldSpec.builder(long.class, prefix + "_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", "The number of values in the " + what + ": " + commas(shape.size()) + ".")
        .initializer("$L", longLiteral(shape.size()))
        .build());
  }

  private static FieldSpec constant(Class<?> type, String name, CodeBlock initializer, String javadoc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", javadoc)
        .initializer(initializer)
        .build();
  }

  private static FieldSpec constant(Class<?> type, String name, String initializer, String javadoc) {
    return constant(type, name, CodeBlock.of("$L", initializer), javadoc);
  }

  private static FieldSpec longConstant(String name, long value, String javadocFormat) {
    return constant(long.class, name, longLiteral(value), String.format(Locale.ROOT, javadocFormat, commas(value)));
  }

  private static FieldSpec intConstant(String name, int value, String javadoc) {
    return constant(int.class, name, grouped(value), javadoc);
  }

  private static CodeBlock shape(Shape shape) {
    return CodeBlock.of("$T.parse($L)", SHAPE, literal(shape.toString()));
  }

  private static CodeBlock specInitializer(String spec) {
    if (fitsConstant(spec)) {
      return CodeBlock.of("$L", literal(spec));
    }
    List<CodeBlock> chunks = new ArrayList<>();
    int start = 0;
    while (start < spec.length()) {
      int end = Math.min(spec.length(), start + SPEC_CHUNK_CHARS);
      if (end < spec.length() && Character.isHighSurrogate(spec.charAt(end - 1))) {
        end--; // keep a surrogate pair in one literal
      }
      chunks.add(CodeBlock.of("$L", literal(spec.substring(start, end))));
      start = end;
    }
    return CodeBlock.of("$T.join(\"\",\n$L)", String.class, CodeBlock.join(chunks, ",\n"));
  }

  /**
   * The most characters of layer names, kinds and specs a generated class takes in all. Each is
   * written three times (a constant, a Javadoc line, an enum constant's name): 1,000 rows of names
   * thousands of characters deep in labelled scopes made a source of hundreds of megabytes.
   */
  static final int MAX_LAYER_TEXT_CHARS = 1_000_000;

  /**
   * Why {@code network}'s class cannot be generated although its layers fit the enum, or null: a
   * string that no class file constant holds, or more layer text than {@link #MAX_LAYER_TEXT_CHARS}.
   * The spec itself is never the reason: a long one is split ({@link #specInitializer}).
   */
  static String oversized(NetworkInfo network) {
    if (!fitsConstant(network.name())) {
      return "its name is longer than the 65,535 bytes a class file's string constant holds";
    }
    long chars = 0;
    for (LayerInfo info : network.layers()) {
      for (String text : List.of(info.name(), info.kind(), info.spec())) {
        if (!fitsConstant(text)) {
          return "layer " + abbreviated(info.name()) + " has a name or spec longer than the 65,535 bytes a class"
              + " file's string constant holds";
        }
        chars += text.length();
      }
    }
    if (chars > MAX_LAYER_TEXT_CHARS) {
      return "its layers' names and specs have " + commas(chars) + " characters, more than the "
          + commas(MAX_LAYER_TEXT_CHARS) + " a generated class takes";
    }
    return null;
  }

  /** A text cut to its first 60 characters, for messages about a long one. */
  static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + commas(text.length()) + " characters)";
  }

  /** Whether javac can hold the text in one constant: its modified UTF-8 form is at most 65,535 bytes. */
  static boolean fitsConstant(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes <= MAX_CONSTANT_BYTES;
  }

  private static String bytes(double bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024 * 1024));
  }

  /** A Java string literal in ASCII: quotes, backslashes and control characters escaped, the rest as backslash-u. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            // an octal escape: a backslash-u escape of a line break would end the literal, as javac
            // reads those escapes before it reads the literal
            out.append(String.format(Locale.ROOT, "\\%03o", (int) c));
          } else if (c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Text for Javadoc: HTML-escaped, with nothing javac or javadoc would read as syntax, in ASCII. */
  static String doc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;"); // a block tag at a line's start, or an inline tag after '{'
        case '\\' -> out.append("&#92;"); // javac reads backslash-u escapes even in comments
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/"); // would close the comment
        case '\r' -> { }
        case '\t' -> out.append("    ");
        default -> {
          if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
            out.append(c);
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append("&#x").append(Integer.toHexString(text.codePointAt(i))).append(';');
            i++;
          } else if (c >= 0x20 && !Character.isSurrogate(c)) {
            out.append("&#x").append(Integer.toHexString(c)).append(';');
          } else {
            out.append('?');
          }
        }
      }
    }
    return out.toString();
  }

  /** A figure as the reports print it: {@code 138,357,544}. */
  static String commas(long value) {
    return Figures.grouped(value);
  }

  static String longLiteral(long value) {
    return grouped(value) + "L";
  }

  private static String doubleLiteral(double value) {
    return Double.toString(value);
  }

  /**
   * A number with {@code _} between groups of three digits from five digits on, so that
   * {@code 138_357_544L} reads at a glance while {@code 4096} stays as papers write it.
   */
  static String grouped(long value) {
    String digits = Long.toString(Math.abs(value));
    if (digits.length() < 5) {
      return Long.toString(value);
    }
    StringBuilder out = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append('_').append(digits, i, i + 3);
    }
    return (value < 0 ? "-" : "") + out;
  }
}
