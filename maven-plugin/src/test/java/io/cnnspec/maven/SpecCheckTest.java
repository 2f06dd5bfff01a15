package io.cnnspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCheckTest {

  @TempDir Path project;

  @Test
  void everySpecUnderTheDirectoryIsCheckedInOrderWithPositionsRelativeToTheProject() throws IOException {
    Path cnn = Files.createDirectories(project.resolve("src/main/cnn/nets"));
    Files.writeString(project.resolve("src/main/cnn/good.cnn"), "network Good : 8x8x3\n  conv3-4 relu gap fc10\n");
    Files.writeString(cnn.resolve("bad.cnn"), "network Bad : 8x8x3\n  conv3-4 relu\n  fcc10\n");
    Files.writeString(project.resolve("src/main/cnn/notes.txt"), "not a spec");

    List<SpecCheck.Checked> results = SpecCheck.check(project.resolve("src/main/cnn"), project);

    assertEquals(List.of("src/main/cnn/good.cnn", "src/main/cnn/nets/bad.cnn"),
        results.stream().map(SpecCheck.Checked::file).toList());
    assertFalse(results.get(0).failed());
    assertEquals(List.of(), results.get(0).problems());
    SpecCheck.Checked bad = results.get(1);
    assertTrue(bad.failed());
    assertEquals(1, bad.problems().size());
    assertEquals("""
        src/main/cnn/nets/bad.cnn:3:3: error: unknown layer 'fcc10'
              fcc10
              ^^^^^
            hint: did you mean fc10?""", bad.problems().get(0).text());
  }

  @Test
  void anErrorInsideADefNamesTheCallsThatReachedIt() throws IOException {
    Path file = Files.writeString(project.resolve("m.cnn"),
        "def blk { conv3-32 valid relu maxpool }\ndef two { blk\n  blk }\nnetwork M : 28x28x1\n  two two\n");
    SpecCheck.Checked checked = SpecCheck.checkOne(file, "m.cnn");
    assertTrue(checked.failed());
    assertEquals(1, checked.problems().size());
    String text = checked.problems().get(0).text();
    assertTrue(text.startsWith("m.cnn:1:11: error: size reaches zero"), text);
    assertTrue(text.endsWith("\nm.cnn:3:3: note: in blk, called here\nm.cnn:5:7: note: in two, called here"), text);
  }

  @Test
  void aMissingDirectoryHasNothingToCheck() throws IOException {
    assertEquals(List.of(), SpecCheck.check(project.resolve("src/main/cnn"), project));
  }

  @Test
  void aFileThatIsNotUtf8IsAnErrorNotAGuess() throws IOException {
    Path file = Files.write(Files.createDirectories(project.resolve("cnn")).resolve("latin1.cnn"),
        new byte[] {'#', ' ', (byte) 0xE9, '\n'});
    SpecCheck.Checked checked = SpecCheck.checkOne(file, "cnn/latin1.cnn");
    assertTrue(checked.failed());
    assertEquals("cnn/latin1.cnn: error: spec file is not a text file (cnnspec specs are UTF-8 text): invalid UTF-8"
            + " at line 1, byte 3; save it as UTF-8",
        checked.problems().get(0).text());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheSpec() throws IOException {
    Path file = Files.writeString(project.resolve("bom.cnn"), "\uFEFFnetwork Bom : 8x8x3\n  conv3-4 relu gap fc10\n");
    assertFalse(SpecCheck.checkOne(file, "bom.cnn").failed());
  }
}
