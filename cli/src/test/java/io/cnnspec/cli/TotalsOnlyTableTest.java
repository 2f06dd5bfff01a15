package io.cnnspec.cli;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.CnnSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --totals-only} used to render the table of the network with no rows and cut the column
 * headings and the empty body out of its text (the CLI's TableTrim); the runtime now leaves them
 * out itself ({@code Rows.NONE}). Same bytes, on every zoo network.
 */
class TotalsOnlyTableTest {

  @Test
  void totalsOnlyIsTheOldCutOfTheTable() {
    for (Zoo.Entry entry : Zoo.bundled().entries()) {
      NetworkInfo network = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT)
          .network().orElseThrow();
      if (!network.sideOutputs().isEmpty()) {
        continue; // side outputs came after TableTrim, and a network without rows cannot hold them
      }
      NetworkInfo noRows = new NetworkInfo(network.name(), network.input(), network.output(), List.of(),
          network.params(), network.trainableParams(), network.nonTrainableParams(), network.macs(),
          network.activations());
      String old = oldTrim(Reports.render(noRows, ReportFormat.TABLE, ReportOptions.DEFAULT));
      Cli.Result totals = Cli.run("summary", entry.name(), "--totals-only");
      assertEquals(0, totals.exit(), totals::toString);
      assertEquals(old, totals.out(), entry.name());
    }
  }

  /** TableTrim.withoutLayerHeader as it was. */
  private static String oldTrim(String table) {
    List<String> lines = new ArrayList<>(table.lines().toList());
    if (lines.size() > 5 && isRule(lines.get(1)) && isRule(lines.get(3)) && lines.get(3).equals(lines.get(4))) {
      lines.subList(2, 5).clear();
      return String.join("\n", lines) + "\n";
    }
    throw new AssertionError("not a table without rows:\n" + table);
  }

  private static boolean isRule(String line) {
    return !line.isEmpty() && line.chars().allMatch(c -> c == '=');
  }
}
