package io.cnnspec.lang.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md's reference tables against the vocabulary: the words its layer tables show are
 * the layer words' spellings, and its modifier table gives each modifier the layers that accept it.
 */
class VocabularyDocTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern LEADING_WORD = Pattern.compile("^([a-z0-9]*[a-z])");

  private static List<String> lines() throws IOException {
    return Files.readAllLines(Path.of(System.getProperty("cnnspec.root", "..")).resolve("docs/language.md"));
  }

  /** The table rows under a header whose first column is {@code first}. */
  private static List<String[]> rows(List<String> lines, String first) {
    List<String[]> rows = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("| " + first + " |")) {
        in = true;
      } else if (!line.startsWith("|")) {
        in = false;
      } else if (in && !line.startsWith("|---")) {
        rows.add(line.replace("\\|", "/").split("\\|"));
      }
    }
    return rows;
  }

  @Test
  void theLayerTablesShowEverySpellingAndNoOtherWord() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String[] row : rows(lines(), "form")) {
      Matcher code = CODE.matcher(row[1]);
      while (code.find()) {
        Matcher word = LEADING_WORD.matcher(code.group(1).toLowerCase());
        // a form written with its numbers (convK-C, maxpoolKxJ, fcN): the word is the lower-case stem
        if (word.find() && !code.group(1).startsWith("…")) {
          // a word as written (relu6), or a form with its numbers: convK-C, fcN, fc-N, dropout0.5
          String written = code.group(1);
          String stem = written.matches("[a-z0-9]+") && Vocabulary.isLayerWord(written) && Vocabulary.layer(written).first() == null
              ? written : written.replaceAll("[A-Z].*$", "").replaceAll("[-/.0-9]+$", "");
          // merges (res { ... }) are syntax, not words
          if (stem.matches("[a-z0-9]+")) {
            documented.add(stem);
          }
        }
      }
    }
    assertEquals(new TreeSet<>(Vocabulary.spellings()), documented);
  }

  @Test
  void theModifierTableSaysWhichLayersAcceptEachModifier() throws IOException {
    List<String> documented = new ArrayList<>();
    for (String[] row : rows(lines(), "modifier")) {
      List<String> names = new ArrayList<>();
      Matcher code = CODE.matcher(row[1]);
      while (code.find()) {
        names.add(code.group(1).replaceAll("N$", ""));
      }
      List<String> acceptedBy = new ArrayList<>();
      Matcher layer = CODE.matcher(row[3]);
      while (layer.find()) {
        acceptedBy.add(layer.group(1));
      }
      for (String name : names) {
        documented.add(name + " <- " + new TreeSet<>(acceptedBy));
      }
    }
    List<String> table = Arrays.stream(Modifier.values())
        .map(m -> m.word() + " <- "
            + new TreeSet<>(Arrays.stream(LayerWord.values()).filter(w -> w.accepts(m)).map(LayerWord::word).toList()))
        .toList();
    assertEquals(new TreeSet<>(table), new TreeSet<>(documented));
  }
}
