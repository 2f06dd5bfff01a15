package io.cnnspec.cli;

import io.cnnspec.text.SpecBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference networks bundled in the jar: the {@code .cnn} files of the repository's {@code zoo/}
 * directory, packaged by the {@code cnnspec-zoo} module as {@code io/cnnspec/zoo/}, with an
 * {@code index.txt} that module's build writes from that directory. A network's name is its file's base name ({@code vgg16} for
 * {@code vgg16.cnn}), matched without regard to case.
 */
final class Zoo {

  static final String RESOURCE_DIR = "io/cnnspec/zoo/";
  static final String INDEX = RESOURCE_DIR + "index.txt";

  /** One bundled network. */
  record Entry(String name, String fileName) {

    /** The spec, as bundled, read as every spec is ({@link SpecBytes}). */
    String text() {
      try (InputStream in = Zoo.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("zoo file " + fileName + " is listed but not bundled"));
        }
        return SpecBytes.read(in);
      } catch (SpecBytes.Unreadable e) {
        // the build copies the zoo's files, which ZooCommandTest reads: a bug in the build, not input
        throw new IllegalStateException("bundled zoo file " + fileName + " " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** How diagnostics name it: {@code zoo:vgg16}. */
    String origin() {
      return "zoo:" + name;
    }

    /** The spec's first comment line, without the {@code #}: its title, or "" when it has none. */
    String title() {
      return titleOf(text());
    }
  }

  private static final Zoo BUNDLED = load();

  /** As given, which for the bundled zoo is the index's order; {@link #entries} sorts on first use. */
  private final List<Entry> given;
  private List<Entry> sorted;

  Zoo(List<Entry> entries) {
    this.given = List.copyOf(entries);
  }

  static Zoo bundled() {
    return BUNDLED;
  }

  /** The networks in natural order of their names (vgg11 before vgg16). */
  List<Entry> entries() {
    if (sorted == null) {
      List<Entry> entries = new ArrayList<>(given);
      entries.sort(Comparator.comparing(Entry::name, Zoo::compareNames));
      sorted = List.copyOf(entries);
    }
    return sorted;
  }

  /**
   * The network called {@code name}, in any case; of names that differ only in case, the first in
   * natural order. A loop over the index: finding one network needs no sorted list.
   */
  Optional<Entry> find(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Entry found = null;
    for (Entry entry : given) {
      if (entry.name().toLowerCase(Locale.ROOT).equals(key)
          && (found == null || compareNames(entry.name(), found.name()) < 0)) {
        found = entry;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Up to five zoo names close to {@code name}, the closest first. */
  List<String> suggestions(String name) {
    List<String> names = entries().stream().map(Entry::name).toList();
    return CloseNames.closest(name, names, 5);
  }

  static String titleOf(String text) {
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        return trimmed.replaceFirst("^#+", "").strip();
      }
      if (!trimmed.isEmpty()) {
        // the title comment comes first; a comment after the spec starts is not a title
        break;
      }
    }
    return "";
  }

  private static Zoo load() {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = Zoo.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String file = line.strip();
          if (file.endsWith(".cnn")) {
            entries.add(new Entry(file.substring(0, file.length() - ".cnn".length()), file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Zoo(entries);
  }

  /** Natural order, so vgg11 comes before vgg16 and resnet18 before resnet101. */
  static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int byLength = Integer.compare(na.length(), nb.length());
        if (byLength != 0) {
          return byLength;
        }
        int byDigits = na.compareTo(nb);
        if (byDigits != 0) {
          return byDigits;
        }
        i = ei;
        j = ej;
      } else {
        int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (byChar != 0) {
          return byChar;
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }
}
