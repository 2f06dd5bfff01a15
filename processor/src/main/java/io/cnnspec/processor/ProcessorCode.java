package io.cnnspec.processor;

/**
 * The stable codes of the processor's own messages, printed as {@code [cnnspec:CODE]} before the
 * sentence so that builds, IDEs and tests can tell the problems apart without matching words.
 * Listed in docs/diagnostics.md; a test checks that list against this enum. The language's own
 * diagnostics carry the grammar's codes instead (see {@link ErrorReporter#codeOf}).
 */
enum ProcessorCode {
  /** {@code @Network} has both {@code value} and {@code file}. */
  VALUE_AND_FILE("value-and-file"),
  /** Neither {@code value} nor {@code file} holds a spec. */
  EMPTY_SPEC("empty-spec"),
  /** An inline spec without {@code name}. */
  MISSING_NAME("missing-name"),
  /** An inline spec without {@code input}. */
  MISSING_INPUT("missing-input"),
  /** A file spec with {@code input}, which its header declares. */
  INPUT_WITH_FILE("input-with-file"),
  /** A file spec with {@code output}, which its header declares. */
  OUTPUT_WITH_FILE("output-with-file"),
  /** {@code output} is not a shape. */
  INVALID_OUTPUT("invalid-output"),
  /** The network's output is not the declared {@code output}. */
  OUTPUT_MISMATCH("output-mismatch"),
  /** {@code file} is an absolute path. */
  ABSOLUTE_PATH("absolute-path"),
  /** {@code file} climbs out of the source roots with {@code ..}. */
  OUTSIDE_SOURCE_ROOTS("outside-source-roots"),
  /** {@code file} is not a path: it holds a character no file name may have (NUL, a line break...). */
  INVALID_PATH("invalid-path"),
  /** {@code file} names a directory. */
  FILE_IS_DIRECTORY("file-is-directory"),
  /** {@code file} is in none of the places looked in. */
  FILE_NOT_FOUND("file-not-found"),
  /** {@code file} exists but cannot be read. */
  FILE_UNREADABLE("file-unreadable"),
  /** {@code file} is larger than any spec can be. */
  FILE_TOO_LARGE("file-too-large"),
  /** {@code file} is not UTF-8 text. */
  FILE_NOT_UTF8("file-not-utf8"),
  /** {@code file = "zoo:NAME"} names no network of the bundled zoo. */
  ZOO_UNKNOWN("zoo-unknown"),
  /** {@code file} is empty. */
  EMPTY_FILE("empty-file"),
  /** The class name is a Java keyword or not a Java identifier. */
  INVALID_NAME("invalid-name"),
  /** The class name would clash: with the Layer enum, a java.lang type, or the annotated type. */
  NAME_CLASH("name-clash"),
  /** The class name is longer than {@link io.cnnspec.lang.diagnostics.Limits#MAX_NAME_LENGTH}. */
  NAME_TOO_LONG("name-too-long"),
  /** Two {@code @Network}s generate the same class; the note marks the first. */
  DUPLICATE_NAME("duplicate-name"),
  /** More layers than a generated enum can hold. */
  TOO_MANY_LAYERS("too-many-layers"),
  /** A string of the class would not fit a class file constant, or the layers' text is too large. */
  CLASS_TOO_LARGE("class-too-large"),
  /** 2 x MACs does not fit a {@code long}. */
  FLOPS_OVERFLOW("flops-overflow"),
  /** The compilation already has a type of the generated class's name. */
  CLASS_EXISTS("class-exists"),
  /** The generated source could not be written. */
  WRITE_FAILED("write-failed"),
  /** {@code @Network} on a local class, which annotation processors never see. */
  LOCAL_CLASS("local-class"),
  /** A bug in cnnspec. */
  INTERNAL("internal");

  private final String code;

  ProcessorCode(String code) {
    this.code = code;
  }

  /** The kebab-case code, e.g. {@code file-not-found}. */
  String code() {
    return code;
  }
}
