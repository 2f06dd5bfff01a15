package io.cnnspec.processor;

import io.cnnspec.text.SpecBytes;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds and reads the {@code .cnn} file of {@code @Network(file = ...)}.
 *
 * <p>The path is relative to the annotated type's package, as a resource is. It is looked up:
 * <ol>
 *   <li>on javac's source path, {@code <package dir>/<file>}. javac has a source path only when it is
 *       given {@code -sourcepath}; Maven's compiler plugin does not pass one, and Gradle passes an
 *       empty one, so for builds the option below is the dependable way;</li>
 *   <li>under each directory of {@code -Acnnspec.path=DIR[<path separator>DIR...]}: first
 *       {@code DIR/<package dir>/<file>}, then {@code DIR/<file>}. In Maven:
 *       {@code <arg>-Acnnspec.path=${project.basedir}/src/main/java}</arg>} to keep spec files next
 *       to the sources, or {@code ${project.basedir}/src/main/cnn} for a directory of specs. Give
 *       absolute paths: Maven runs javac in its own working directory, which may be the parent
 *       project's.</li>
 * </ol>
 * {@code zoo:NAME} (e.g. {@code zoo:resnet50}) is instead a network of the bundled zoo, read from the
 * processor's own jar (see {@link ZooSpecs}).
 *
 * <p>A path that, once {@code .} and {@code ..} are resolved, leaves those roots, and any absolute path,
 * is refused: a spec file is part of the sources, not anything the compiling user can read. So is
 * a file whose real path, symbolic links resolved, is outside the root it was found in: a link
 * inside a root to {@code /etc/passwd} would otherwise have its first line shown in an error. A
 * link that stays inside its root is followed. A path holding a character no file name may have
 * (NUL, a line break) is refused before any lookup, and shown escaped.
 *
 * <p>Gradle's incremental compilation does not see these files: declare the spec directory as an
 * input of the compile task ({@code compileJava { inputs.dir("src/main/cnn") }}) so that an edited
 * {@code .cnn} file recompiles its holder.
 */
final class SpecFileLocator {

  static final String OPTION = "cnnspec.path";

  /** The outcome of a lookup: the file read, or a sentence saying why not, with its code. */
  sealed interface Lookup {}

  record Found(AnnotatedSpec.InFile file) implements Lookup {}

  record Refused(ProcessorCode code, String sentence) implements Lookup {}

  private final Filer filer;
  private final List<Path> roots;

  SpecFileLocator(Filer filer, List<Path> roots) {
    this.filer = filer;
    this.roots = List.copyOf(roots);
  }

  /** The directories of {@code -Acnnspec.path}, in order; blank entries are skipped. */
  static List<Path> roots(String option) {
    List<Path> roots = new ArrayList<>();
    if (option == null) {
      return roots;
    }
    for (String entry : option.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        roots.add(Path.of(entry.strip()).toAbsolutePath().normalize());
      } catch (InvalidPathException e) {
        // Not a path on this system: it cannot hold a file, and the not-found message lists the
        // roots that were searched, so the user sees this one is missing.
      }
    }
    return roots;
  }

  List<Path> roots() {
    return roots;
  }

  Lookup find(String packageName, String holder, String file) {
    String written = file.strip();
    String invalid = invalidCharacter(written);
    if (invalid != null) {
      return new Refused(ProcessorCode.INVALID_PATH, "file \"" + escaped(written) + "\" is not a path: it holds "
          + invalid + ", which no file name may have; give the spec file's path relative to the package"
          + packageClause(packageName) + ", e.g. file = \"alexnet.cnn\"");
    }
    String slashed = written.replace('\\', '/');
    if (slashed.startsWith(ZooSpecs.PREFIX)) {
      return ZooSpecs.find(written, holder);
    }
    if (isAbsolute(slashed)) {
      return new Refused(ProcessorCode.ABSOLUTE_PATH, "file \"" + written + "\" is an absolute path, and spec files are read only from the source"
          + " roots; give a path relative to the package" + packageClause(packageName)
          + ", e.g. file = \"" + lastSegment(slashed) + "\", and add the file's directory with -Acnnspec.path=DIR");
    }
    String packageDir = packageName.replace('.', '/');
    Optional<String> inPackage = normalize(packageDir.isEmpty() ? slashed : packageDir + "/" + slashed);
    if (inPackage.isEmpty()) {
      return new Refused(ProcessorCode.OUTSIDE_SOURCE_ROOTS, "file \"" + written + "\" leaves the source roots, and spec files are read only from under the"
          + " source path and the -Acnnspec.path directories; move the file there and give its path relative to the"
          + " package" + packageClause(packageName));
    }
    if (inPackage.get().isEmpty() || slashed.endsWith("/")) {
      return new Refused(ProcessorCode.FILE_IS_DIRECTORY, "file \"" + written + "\" names a directory, not a spec file; name the .cnn file, e.g. file = \"alexnet.cnn\"");
    }
    Optional<String> asWritten = normalize(slashed);

    List<String> looked = new ArrayList<>();
    FileObject resource = null;
    try {
      resource = filer.getResource(StandardLocation.SOURCE_PATH, "", inPackage.get());
    } catch (FileNotFoundException | NoSuchFileException e) {
      looked.add("the source path (" + inPackage.get() + ")");
    } catch (IOException | RuntimeException e) {
      // Some compilers have no source path or do not let processors read it.
      looked.add("the source path (" + inPackage.get() + "; not readable here: " + e.getMessage() + ")");
    }
    if (resource != null) {
      if (leavesRoot(resource, inPackage.get())) {
        return linkOutside(written, "the source path");
      }
      try (InputStream in = resource.openInputStream()) {
        return read(written, inPackage.get(), holder, in, resource.toUri());
      } catch (FileNotFoundException | NoSuchFileException e) {
        looked.add("the source path (" + inPackage.get() + ")");
      } catch (IOException e) {
        return new Refused(ProcessorCode.FILE_UNREADABLE, "cannot read spec file \"" + written + "\" (" + resource.toUri() + "): " + e.getMessage()
            + "; check that it is a readable file");
      }
    }

    for (Path root : roots) {
      List<String> candidates = new ArrayList<>(List.of(inPackage.get()));
      asWritten.filter(path -> !path.equals(inPackage.get()) && !path.isEmpty()).ifPresent(candidates::add);
      for (String relative : candidates) {
        Path candidate = root.resolve(relative);
        if (Files.isDirectory(candidate)) {
          return new Refused(ProcessorCode.FILE_IS_DIRECTORY, "spec file \"" + written + "\" is a directory (" + candidate + "); name the .cnn file inside it");
        }
        if (!Files.isRegularFile(candidate)) {
          looked.add(candidate.toString());
          continue;
        }
        if (!realPathUnder(candidate, root)) {
          return linkOutside(written, root.toString());
        }
        try (InputStream in = Files.newInputStream(candidate)) {
          return read(written, relative, holder, in, candidate.toUri());
        } catch (IOException e) {
          return new Refused(ProcessorCode.FILE_UNREADABLE, "cannot read spec file \"" + written + "\" (" + candidate + "): " + e
              + "; check that it is a readable file");
        }
      }
    }
    String where = roots.isEmpty() ? " (no -Acnnspec.path directories are set)" : "";
    return new Refused(ProcessorCode.FILE_NOT_FOUND, "cannot find spec file \"" + written + "\"; looked in " + String.join(", ", looked) + where
        + ". Put it in the package's directory on the source path (javac -sourcepath), or pass its directory with"
        + " -Acnnspec.path=DIR, e.g. -Acnnspec.path=${project.basedir}/src/main/cnn. A network of the zoo needs no"
        + " file: write file = \"zoo:resnet50\", or copy it to edit with cnnspec zoo resnet50 > src/main/cnn/resnet50.cnn");
  }

  private static Refused linkOutside(String written, String root) {
    return new Refused(ProcessorCode.OUTSIDE_SOURCE_ROOTS, "file \"" + written + "\" is found in " + root + " but is a"
        + " symbolic link (or lies under one) to a file outside it, and spec files are read only from inside the source"
        + " roots; copy the spec into the root, or add the directory it is in with -Acnnspec.path=DIR");
  }

  /** Whether {@code file}, links resolved, is inside {@code root}, links resolved; false when either cannot be resolved. */
  static boolean realPathUnder(Path file, Path root) {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Whether a source-path resource that is a file on disk resolves outside the source root it was
   * found under (its path without {@code relative}'s segments). Resources that are no plain file
   * (in a jar, in memory) are read as they are.
   */
  private static boolean leavesRoot(FileObject resource, String relative) {
    try {
      java.net.URI uri = resource.toUri();
      if (!"file".equals(uri.getScheme())) {
        return false;
      }
      Path path = Path.of(uri);
      int segments = relative.split("/").length;
      if (path.getNameCount() <= segments || !Files.exists(path)) {
        return false;
      }
      Path root = path.getRoot() == null ? path.subpath(0, path.getNameCount() - segments)
          : path.getRoot().resolve(path.subpath(0, path.getNameCount() - segments));
      return !realPathUnder(path, root);
    } catch (RuntimeException e) {
      return false; // not a path of this file system: the Filer reads it as it is
    }
  }

  /** The first character no file name may have, described, or null: NUL and the other control characters. */
  static String invalidCharacter(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return String.format("the control character U+%04X at position %d", (int) c, i + 1);
      }
    }
    try {
      Path.of(path.replace('\\', '/'));
      return null;
    } catch (InvalidPathException e) {
      return "a character this file system does not allow (" + escaped(e.getReason()) + ")";
    }
  }

  /** {@code text} with control characters written as Java escapes, so that a message shows them. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Resolves {@code .} and {@code ..} in a relative, slash-separated path; empty when a {@code ..}
   * climbs above the start.
   */
  static Optional<String> normalize(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Optional.empty();
        }
        segments.removeLast();
      } else {
        segments.addLast(segment);
      }
    }
    return Optional.of(String.join("/", segments));
  }

  private static boolean isAbsolute(String slashed) {
    return slashed.startsWith("/") || slashed.startsWith("~") || slashed.matches("^[A-Za-z]:.*");
  }

  private static String lastSegment(String slashed) {
    String trimmed = slashed.endsWith("/") ? slashed.substring(0, slashed.length() - 1) : slashed;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static String packageClause(String packageName) {
    return packageName.isEmpty() ? " (the unnamed package)" : " " + packageName;
  }

  /** The file's text as every spec is read ({@link SpecBytes}), or why it is none. */
  static Lookup read(String written, String rootRelative, String holder, InputStream in, java.net.URI location)
      throws IOException {
    try {
      return new Found(new AnnotatedSpec.InFile(written, rootRelative, SpecBytes.read(in), holder, location));
    } catch (SpecBytes.Unreadable e) {
      return switch (e.reason()) {
        case TOO_LARGE -> new Refused(ProcessorCode.FILE_TOO_LARGE, "spec file \"" + written + "\" " + e.getMessage()
            + ", far more than any network needs; check that file names the right file");
        case NOT_TEXT, INVALID_UTF8 -> new Refused(ProcessorCode.FILE_NOT_UTF8, "spec file \"" + written + "\" "
            + e.getMessage() + "; save it as UTF-8");
      };
    }
  }
}
