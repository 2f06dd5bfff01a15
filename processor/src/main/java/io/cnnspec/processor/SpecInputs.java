package io.cnnspec.processor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Records, beside the generated sources, which spec file each class generated from a file came
 * from, so that a build tool can tell when an edited {@code .cnn} file makes the class stale: javac
 * and Maven's compiler plugin only compare {@code .java} files with {@code .class} files.
 *
 * <p>One file per generated class, {@code META-INF/cnnspec/inputs/<generated class>.properties} in
 * the source output ({@code target/generated-sources/annotations} in Maven; the class output when
 * javac has no {@code -s}), holding {@link #GENERATED}, {@link #HOLDER}, {@link #CLASS_FILE},
 * {@link #SPEC} and {@link #SHA256}. cnnspec-maven-plugin's {@code mark-stale} goal reads them. The
 * record's only originating element is the annotated type, as for the generated class (Gradle's
 * isolating processors). Zoo networks are not recorded: they change only with the processor's jar.
 */
final class SpecInputs {

  static final String DIRECTORY = "META-INF/cnnspec/inputs/";
  /** The generated class's qualified name. */
  static final String GENERATED = "generated";
  /** The annotated type's qualified name. */
  static final String HOLDER = "holder";
  /** The class file of the annotated type's top-level type, relative to the class output, e.g. {@code demo/Specs.class}. */
  static final String CLASS_FILE = "classFile";
  /** The spec file, a {@code file:} URI. */
  static final String SPEC = "spec";
  /** SHA-256 of the spec's text as read (UTF-8, without a byte order mark), in lower-case hex. */
  static final String SHA256 = "sha256";

  private final Filer filer;
  private final Elements elements;

  SpecInputs(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /**
   * Writes the record of {@code generated} when its spec is a file on disk; does nothing for a zoo
   * network.
   *
   * @throws IOException when the record cannot be created or written
   */
  void record(String generated, TypeElement holder, AnnotatedSpec.InFile spec) throws IOException {
    if (spec.location() == null || !"file".equals(spec.location().getScheme())) {
      return;
    }
    String text = "# Written by the cnnspec annotation processor: the spec file " + generated + " was generated from.\n"
        + "# cnnspec-maven-plugin's mark-stale goal reads it to recompile " + holder.getQualifiedName()
        + " when the file changes.\n"
        + GENERATED + "=" + generated + "\n"
        + HOLDER + "=" + holder.getQualifiedName() + "\n"
        + CLASS_FILE + "=" + classFile(holder) + "\n"
        + SPEC + "=" + spec.location().toASCIIString() + "\n"
        + SHA256 + "=" + sha256(spec.text()) + "\n";
    FileObject file = filer.createResource(StandardLocation.SOURCE_OUTPUT, "", DIRECTORY + generated + ".properties",
        holder);
    try (Writer out = file.openWriter()) {
      out.write(text);
    }
  }

  /** The class file javac writes for the top-level type around {@code type}: the one Maven compares with the source. */
  private String classFile(TypeElement type) {
    Element top = type;
    while (!(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return elements.getBinaryName((TypeElement) top).toString().replace('.', '/') + ".class";
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
