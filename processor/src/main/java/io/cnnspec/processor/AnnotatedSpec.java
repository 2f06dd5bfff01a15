package io.cnnspec.processor;

import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.processor.NetworkAnnotation.Member;

/**
 * The spec one {@code @Network} declares, as read: inline in the annotation, or from a
 * {@code .cnn} file. Which it is decides how it is compiled and how its errors are shown.
 */
sealed interface AnnotatedSpec {

  /**
   * javac shows at most 100 errors per compilation (-Xmaxerrs), so one spec reports 20 at most and
   * then how many more there are; the other specs' errors still have room. And a spec expands to
   * no more layers than a generated enum holds ({@link NetworkClassWriter#MAX_LAYERS}): analysing
   * two million that cannot be generated only cost javac its heap.
   */
  Limits LIMITS = Limits.DEFAULT.withMaxErrors(20).withMaxLayers(NetworkClassWriter.MAX_LAYERS);

  /** The spec's text exactly as written, kept in the generated class as {@code SPEC}. */
  String text();

  /** What {@code @Generated(comments = ...)} says the class was made from; never a machine's absolute path. */
  String origin();

  /** The annotation member that holds the spec, where its errors are reported. */
  Member member();

  /**
   * The annotation form: {@code name}, {@code input} and the layers in {@code value}.
   *
   * @param origin e.g. {@code @Network on demo.Specs}
   */
  record Inline(String name, String input, String body, String origin) implements AnnotatedSpec {

    @Override
    public String text() {
      return body;
    }

    @Override
    public Member member() {
      return Member.VALUE;
    }
  }

  /**
   * A {@code .cnn} file, header included.
   *
   * @param displayName the file as the user wrote it in {@code file}, normalized; errors start with it
   * @param rootRelativePath the file's path under the source root it was found in, e.g. {@code demo/alexnet.cnn},
   *     or {@code zoo:resnet50} for a network of the bundled zoo
   * @param location where the file was read, a {@code file:} URI for a file on disk (recorded for build tools,
   *     see {@link SpecInputs}); null for a zoo network, which is part of the processor's jar
   */
  record InFile(String displayName, String rootRelativePath, String text, String holder, java.net.URI location)
      implements AnnotatedSpec {

    @Override
    public String origin() {
      return rootRelativePath + " (@Network on " + holder + ")";
    }

    @Override
    public Member member() {
      return Member.FILE;
    }
  }
}
