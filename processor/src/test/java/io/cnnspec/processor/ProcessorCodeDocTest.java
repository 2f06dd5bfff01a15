package io.cnnspec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table of docs/diagnostics.md, section "processor", lists exactly the processor's codes, in order. */
class ProcessorCodeDocTest {

  @Test
  void docsListEveryCode() throws IOException {
    String docs = Files.readString(Path.of("../docs/diagnostics.md"));
    String section = docs.substring(docs.indexOf("## processor"));
    int next = section.indexOf("\n## ", 1);
    section = next < 0 ? section : section.substring(0, next);
    Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(section);
    List<String> documented = new java.util.ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertEquals(Arrays.stream(ProcessorCode.values()).map(ProcessorCode::code).toList(), documented);
  }

  @Test
  void codesAreKebabCase() {
    for (ProcessorCode code : ProcessorCode.values()) {
      assertEquals(code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), code.code());
    }
  }
}
