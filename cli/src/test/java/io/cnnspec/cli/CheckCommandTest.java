package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir
  Path dir;

  @Test
  void cleanSpecsPrintNothingAndExitZero() throws Exception {
    Path a = Specs.write(dir, "a.cnn", Specs.TINY);
    Path b = Specs.write(dir, "b.cnn", Specs.TINY.replace("Tiny", "Other"));
    Cli.Result r = Cli.run("check", a.toString(), b.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void anErrorExitsOneWithCompilerStyleDiagnostics() throws Exception {
    Path bad = Specs.write(dir, "bad.cnn", Specs.BAD);
    Cli.Result r = Cli.run("check", bad.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(bad + ":3:16: error: "), r.err());
    assertTrue(r.err().contains("\n                   ^^^^^^\n"), r.err());
    assertTrue(r.err().contains("\n    hint: "), r.err());
  }

  @Test
  void oldMacLineEndsEndLinesInTheMessageAndItsSourceLine() throws Exception {
    // a file saved with CR alone between lines: three lines, not one with a ? for each CR
    Path mac = Specs.write(dir, "mac.cnn", "network Mac : 8x8x3\r  conv3-8 relu\r  conv3-8 frob relu\r");
    Cli.Result r = Cli.run("check", mac.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(mac + ":3:11: error: unknown layer 'frob'"), r.err());
    assertTrue(r.err().contains("\n      conv3-8 frob relu\n              ^^^^\n"), r.err());
    assertFalse(r.err().contains("\r"), r.err());
  }

  @Test
  void anErrorInsideADefIsFollowedByANoteLinePerCallInnermostFirst() throws Exception {
    Path spec = Specs.write(dir, "m.cnn", "def blk { conv3-32 valid relu maxpool }\nnetwork M : 28x28x1  blk blk blk blk\n");
    Cli.Result r = Cli.run("check", spec.toString()).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals(List.of(
        spec + ":1:11: error: size reaches zero: conv3-32 valid would produce a 0x0 map",
        "    def blk { conv3-32 valid relu maxpool }",
        "              ^^^^^^^^",
        "    hint: the input is too small here: pad the layer (p1 or same), use a smaller kernel or stride, or remove an earlier pooling layer",
        spec + ":2:34: note: in blk, called here"), r.err().lines().toList());
  }

  @Test
  void manyFilesInOneRunAreAllChecked() throws Exception {
    List<String> args = new ArrayList<>(List.of("check"));
    for (int i = 0; i < 200; i++) {
      String text = switch (i) {
        case 37 -> Specs.BAD;
        case 150 -> Specs.MISMATCH;
        default -> Specs.TINY.replace("Tiny", "Net" + i);
      };
      args.add(Specs.write(dir, "net" + i + ".cnn", text).toString());
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new)).noStackTrace();
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains(dir.resolve("net37.cnn") + ":3:16: error: "), r.err());
    assertTrue(r.err().contains(dir.resolve("net150.cnn") + ":3:"), r.err());
    long errorLines = r.err().lines().filter(l -> l.contains(": error: ") && !l.startsWith("cnnspec:")).count();
    assertEquals(2, errorLines, r.err());
    assertTrue(r.err().strip().endsWith("cnnspec: 200 specs checked: 2 with errors"), r.err());

    Cli.Result quiet = Cli.run(concat(args, "--quiet"));
    assertFalse(quiet.err().contains("specs checked"), quiet.err());
  }

  @Test
  void verboseListsCleanSpecsOnStdout() throws Exception {
    Path a = Specs.write(dir, "a.cnn", Specs.TINY);
    Path bad = Specs.write(dir, "bad.cnn", Specs.BAD);
    Cli.Result r = Cli.run("check", "--verbose", a.toString(), bad.toString(), "vgg16");
    assertEquals(1, r.exit(), r::toString);
    assertEquals(a + ": ok: Tiny, 15,770 params, 72,128 MACs\n"
        + "zoo:vgg16: ok: Vgg16, 138,357,544 params, 15,470,264,320 MACs\n", r.out());
  }

  @Test
  void anUnreadableSpecIsReportedAndTheOthersStillChecked() throws Exception {
    Path bad = Specs.write(dir, "bad.cnn", Specs.BAD);
    Path good = Specs.write(dir, "good.cnn", Specs.TINY);
    Cli.Result r = Cli.run("check", dir.resolve("missing.cnn").toString(), bad.toString(), good.toString(), dir.toString())
        .noStackTrace();
    assertEquals(2, r.exit(), "a spec that cannot be read is a usage error: " + r);
    assertTrue(r.err().contains("cnnspec: error: cannot read " + dir.resolve("missing.cnn") + ": no such file"), r.err());
    assertTrue(r.err().contains(bad + ":3:16: error: "), r.err());
    assertTrue(r.err().contains("cnnspec: error: " + dir + " is a directory"), r.err());
    assertTrue(r.err().contains("4 specs checked: 1 with errors, 2 unreadable"), r.err());
  }

  @Test
  void standardInput() {
    assertEquals(0, Cli.runWithStdin(Specs.TINY, "check", "-").exit());
    Cli.Result r = Cli.runWithStdin(Specs.BAD, "check", "-");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("<stdin>:3:16: error: "), r.err());
  }

  @Test
  void standardInputIsReadOnce() throws Exception {
    Path good = Specs.write(dir, "good.cnn", Specs.TINY);
    Cli.Result r = Cli.runWithStdin(Specs.BAD, "check", "-", good.toString(), "-");
    assertEquals(1, r.exit());
    assertEquals(2, r.err().lines().filter(l -> l.startsWith("<stdin>:3:16: error: ")).count(), r.err());
  }

  @Test
  void zooNamesCanBeChecked() {
    Cli.Result r = Cli.run("check", "vgg16", "resnet50", "RESNET18");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void noSpecIsAUsageError() {
    Cli.Result r = Cli.run("check");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("SPEC"), r.err());
  }

  private static String[] concat(List<String> args, String more) {
    List<String> all = new ArrayList<>(args);
    all.add(more);
    return all.toArray(String[]::new);
  }
}
