package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportsTest {

  @ParameterizedTest
  @CsvSource({"table, TABLE", "TEXT, TABLE", "markdown, MARKDOWN", "md, MARKDOWN", " Csv , CSV", "JSON, JSON", "html, HTML"})
  void parsesFormatNames(String text, ReportFormat expected) {
    assertEquals(expected, ReportFormat.parse(text));
  }

  @Test
  void unknownFormatIsRejectedWithTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("yaml"));
    assertTrue(e.getMessage().contains("'yaml'") && e.getMessage().contains("table")
        && e.getMessage().contains("markdown") && e.getMessage().contains("csv") && e.getMessage().contains("json"),
        e.getMessage());
  }

  @Test
  void dispatchesToEachRenderer() {
    NetworkInfo tiny = TestNetworks.tiny();
    ReportOptions options = ReportOptions.DEFAULT.withBatch(2);
    assertEquals(SummaryTable.render(tiny, options), Reports.render(tiny, ReportFormat.TABLE, options));
    assertEquals(MarkdownReport.render(tiny, options), Reports.render(tiny, ReportFormat.MARKDOWN, options));
    assertEquals(CsvReport.render(tiny), Reports.render(tiny, ReportFormat.CSV, options));
    assertEquals(JsonReport.render(tiny, options, JsonWriter.Style.PRETTY), Reports.render(tiny, ReportFormat.JSON, options));
  }

  @Test
  void overflowingTotalsFailRatherThanPrintAWrongNumber() {
    NetworkInfo huge = TestNetworks.totals(Shape.vector(10), 0, 0, Long.MAX_VALUE / 2);
    for (ReportFormat format : List.of(ReportFormat.TABLE, ReportFormat.MARKDOWN, ReportFormat.JSON)) {
      assertThrows(ArithmeticException.class, () -> Reports.render(huge, format, ReportOptions.DEFAULT), format.name());
    }
  }
}
