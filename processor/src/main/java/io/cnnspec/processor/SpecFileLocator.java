package io.cnnspec.processor;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * A path that, once {@code .} and {@code ..} are resolved, leaves those roots, and any absolute path,
 * is refused: a spec file is part of the sources, not anything the compiling user can read. The
 * check is on the path as written; a symbolic link inside a root is followed, as javac itself does.
 *
 * <p>Gradle's incremental compilation does not see these files: declare the spec directory as an
 * input of the compile task ({@code compileJava { inputs.dir("src/main/cnn") }}) so that an edited
 * {@code .cnn} file recompiles its holder.
 */
final class SpecFileLocator {

  static final String OPTION = "cnnspec.path";

  /** Far above any real spec; a guard against pointing the processor at a huge file by mistake. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  /** The outcome of a lookup: the file read, or a sentence saying why not. */
  sealed interface Lookup {}

  record Found(SpecSource.SpecFile file) implements Lookup {}

  record Refused(String sentence) implements Lookup {}

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
    String slashed = written.replace('\\', '/');
    if (isAbsolute(slashed)) {
      return new Refused("file \"" + written + "\" is an absolute path, and spec files are read only from the source"
          + " roots; give a path relative to the package" + packageClause(packageName)
          + ", e.g. file = \"" + lastSegment(slashed) + "\", and add the file's directory with -Acnnspec.path=DIR");
    }
    String packageDir = packageName.replace('.', '/');
    Optional<String> inPackage = normalize(packageDir.isEmpty() ? slashed : packageDir + "/" + slashed);
    if (inPackage.isEmpty()) {
      return new Refused("file \"" + written + "\" leaves the source roots, and spec files are read only from under the"
          + " source path and the -Acnnspec.path directories; move the file there and give its path relative to the"
          + " package" + packageClause(packageName));
    }
    if (inPackage.get().isEmpty() || slashed.endsWith("/")) {
      return new Refused("file \"" + written + "\" names a directory, not a spec file; name the .cnn file, e.g. file = \"alexnet.cnn\"");
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
      try (InputStream in = resource.openInputStream()) {
        return decode(written, inPackage.get(), holder, readCapped(in, written));
      } catch (FileNotFoundException | NoSuchFileException e) {
        looked.add("the source path (" + inPackage.get() + ")");
      } catch (TooLarge e) {
        return e.refusal;
      } catch (IOException e) {
        return new Refused("cannot read spec file \"" + written + "\" (" + resource.toUri() + "): " + e.getMessage()
            + "; check that it is a readable file");
      }
    }

    for (Path root : roots) {
      List<String> candidates = new ArrayList<>(List.of(inPackage.get()));
      asWritten.filter(path -> !path.equals(inPackage.get()) && !path.isEmpty()).ifPresent(candidates::add);
      for (String relative : candidates) {
        Path candidate = root.resolve(relative);
        if (Files.isDirectory(candidate)) {
          return new Refused("spec file \"" + written + "\" is a directory (" + candidate + "); name the .cnn file inside it");
        }
        if (!Files.isRegularFile(candidate)) {
          looked.add(candidate.toString());
          continue;
        }
        try (InputStream in = Files.newInputStream(candidate)) {
          return decode(written, relative, holder, readCapped(in, written));
        } catch (TooLarge e) {
          return e.refusal;
        } catch (IOException e) {
          return new Refused("cannot read spec file \"" + written + "\" (" + candidate + "): " + e
              + "; check that it is a readable file");
        }
      }
    }
    String where = roots.isEmpty() ? " (no -Acnnspec.path directories are set)" : "";
    return new Refused("cannot find spec file \"" + written + "\"; looked in " + String.join(", ", looked) + where
        + ". Put it in the package's directory on the source path (javac -sourcepath), or pass its directory with"
        + " -Acnnspec.path=DIR, e.g. -Acnnspec.path=${project.basedir}/src/main/java");
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

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final transient Refused refusal;

    TooLarge(Refused refusal) {
      super(refusal.sentence());
      this.refusal = refusal;
    }
  }

  private static byte[] readCapped(InputStream in, String written) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge(new Refused("spec file \"" + written + "\" is larger than " + (MAX_BYTES >> 20)
          + " MiB, far more than any network needs; check that file names the right file"));
    }
    return bytes;
  }

  /** Strict UTF-8: a spec in another encoding is an error naming the spot, not silently altered text. */
  private static Lookup decode(String written, String rootRelative, String holder, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      int offset = buffer.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Refused("spec file \"" + written + "\" is not valid UTF-8 (line " + line + ", byte " + (offset + 1)
          + "); save it as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte order mark some editors write; not part of the spec
    }
    return new Found(new SpecSource.SpecFile(written, rootRelative, text, holder));
  }
}
