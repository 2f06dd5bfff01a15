package io.cnnspec.processor;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Limits;
import io.cnnspec.processor.NetworkAnnotation.Member;

/** Where a spec's text came from, which decides how it is compiled and how its errors are shown. */
sealed interface SpecSource {

  /**
   * javac shows at most 100 errors per compilation (-Xmaxerrs), so one spec reports 20 at most and
   * then how many more there are; the other specs' errors still have room.
   */
  Limits LIMITS = Limits.DEFAULT.withMaxErrors(20);

  /** The spec's text exactly as written, kept in the generated class as {@code SPEC}. */
  String text();

  /** What {@code @Generated(comments = ...)} says the class was made from; never a machine's absolute path. */
  String origin();

  /** The annotation member that holds the spec, where its errors are reported. */
  Member member();

  Compilation compile();

  /**
   * The annotation form: {@code name}, {@code input} and the layers in {@code value}.
   *
   * @param origin e.g. {@code @Network on demo.Specs}
   */
  record Inline(String name, String input, String body, String origin) implements SpecSource {

    @Override
    public String text() {
      return body;
    }

    @Override
    public Member member() {
      return Member.VALUE;
    }

    @Override
    public Compilation compile() {
      return CnnSpec.compile(new SpecInput.Inline(name, input, body, origin), CompileOptions.DEFAULT.withLimits(LIMITS));
    }
  }

  /**
   * A {@code .cnn} file, header included.
   *
   * @param displayName the file as the user wrote it in {@code file}, normalized; errors start with it
   * @param rootRelativePath the file's path under the source root it was found in, e.g. {@code demo/alexnet.cnn}
   */
  record SpecFile(String displayName, String rootRelativePath, String text, String holder) implements SpecSource {

    @Override
    public String origin() {
      return rootRelativePath + " (@Network on " + holder + ")";
    }

    @Override
    public Member member() {
      return Member.FILE;
    }

    @Override
    public Compilation compile() {
      return CnnSpec.compile(new SpecInput.File(text, displayName), CompileOptions.DEFAULT.withLimits(LIMITS));
    }
  }
}
