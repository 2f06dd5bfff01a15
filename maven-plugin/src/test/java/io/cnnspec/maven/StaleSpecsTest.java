package io.cnnspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison of the processor's records with the spec files. The record format is the
 * processor's (its ZooAndInputsTest); that the two agree is the integration test's edit-spec run.
 */
class StaleSpecsTest {

  private static final String SPEC = "network Tiny : 8x8x3\n  conv3-4 relu gap fc10\n";

  @TempDir Path project;
  private Path generated;
  private Path classes;
  private Path spec;
  private Path holderClass;
  private Path record;

  @BeforeEach
  void aBuiltProject() throws IOException {
    generated = Files.createDirectories(project.resolve("target/generated-sources/annotations"));
    classes = Files.createDirectories(project.resolve("target/classes"));
    spec = Files.writeString(Files.createDirectories(project.resolve("src/main/cnn")).resolve("tiny.cnn"), SPEC);
    holderClass = Files.write(Files.createDirectories(classes.resolve("demo")).resolve("Specs.class"), new byte[] {1});
    record = Files.createDirectories(generated.resolve(StaleSpecs.RECORDS)).resolve("demo.Tiny.properties");
    Files.writeString(record, "# written by the processor\n"
        + "generated=demo.Tiny\nholder=demo.Specs\nclassFile=demo/Specs.class\n"
        + "spec=" + spec.toUri().toASCIIString() + "\nsha256=" + StaleSpecs.sha256(SPEC) + "\n");
  }

  private List<StaleSpecs.Stale> find() throws IOException {
    return StaleSpecs.find(generated, classes, project);
  }

  @Test
  void anUnchangedSpecLeavesEverythingAlone() throws IOException {
    assertEquals(List.of(), find());
    // the same text with a byte order mark, as the processor reads it
    Files.writeString(spec, "\uFEFF" + SPEC);
    assertEquals(List.of(), find());
  }

  @Test
  void anEditedSpecMarksItsHolderForRecompilation() throws IOException {
    Files.writeString(spec, SPEC.replace("fc10", "fc100"));
    List<StaleSpecs.Stale> stale = find();
    assertEquals(1, stale.size());
    assertEquals("src/main/cnn/tiny.cnn changed", stale.get(0).reason());
    assertEquals("demo.Tiny", stale.get(0).generated());
    assertEquals("demo.Specs", stale.get(0).holder());

    StaleSpecs.mark(stale.get(0));
    assertFalse(Files.exists(holderClass), "the compiler plugin recompiles a source whose class is missing");
    assertFalse(Files.exists(record), "the processor writes the record anew");
    assertEquals(List.of(), find());
  }

  @Test
  void aDeletedSpecIsStaleToo() throws IOException {
    Files.delete(spec);
    assertEquals(List.of("src/main/cnn/tiny.cnn is gone"), find().stream().map(StaleSpecs.Stale::reason).toList());
  }

  @Test
  void aRecordWithoutItsFieldsIsNotTrusted() throws IOException {
    Files.writeString(record, "generated=demo.Tiny\n");
    assertEquals(List.of("its record names no spec file or hash"),
        find().stream().map(StaleSpecs.Stale::reason).toList());
  }

  @Test
  void noRecordsNoWork() throws IOException {
    assertTrue(StaleSpecs.find(project.resolve("nowhere"), classes, project).isEmpty());
  }
}
