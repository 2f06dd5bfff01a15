package io.cnnspec.lang.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md, section "language", lists every code with its meaning, in order, and nothing else. */
class DiagnosticCodesDocTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (.*) \\|$");

  @Test
  void theDocsTableIsTheCodeSet() throws IOException {
    Path doc = Path.of(System.getProperty("cnnspec.root", "..")).resolve("docs/diagnostics.md");
    List<String> documented = new ArrayList<>();
    String docs = Files.readString(doc);
    String section = docs.substring(docs.indexOf("\n## language\n"));
    int next = section.indexOf("\n## ", 1);
    section = next < 0 ? section : section.substring(0, next);
    for (String line : section.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        documented.add(row.group(1) + " | " + row.group(2));
      }
    }
    List<String> codes = Arrays.stream(DiagnosticCode.values()).map(c -> c.id() + " | " + c.meaning()).toList();
    assertEquals(codes, documented);
  }

  @Test
  void idsAreKebabCase() {
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertTrue(code.id().matches("[a-z]+(-[a-z0-9]+)*"), code.id());
    }
  }

  @Test
  void diagnosticsCarryTheirCode() {
    assertEquals(List.of("unknown-layer"), codes("network N : 8x8x3\n  conv3-4 frobnicate\n"));
    assertEquals(List.of("shape-mismatch"), codes("network N : 32x32x16\n  res { conv3-32/2 relu }\n"));
    assertEquals(List.of("syntax"), codes("network N : 8x8x3\n  conv3-4 )\n"));
    assertEquals(List.of("layer-limit"), codes("network N : 8x8x3\n  relu x3000000\n"));
    assertEquals(List.of("declared-output-differs"), codes("network N : 8x8x3 -> 100\n  conv3-4 pool fc10\n"));
    assertEquals(List.of("modifier-not-applicable"), codes("network N : 8x8x3\n  fc10 p1\n"));
  }

  private static List<String> codes(String text) {
    return CnnSpec.compile(new SpecInput.File(text, "t.cnn"), CompileOptions.DEFAULT).errors().stream()
        .map(Diagnostic::code).toList();
  }
}
