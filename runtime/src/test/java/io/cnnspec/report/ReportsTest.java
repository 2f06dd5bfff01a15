package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportsTest {

  @ParameterizedTest
  @CsvSource({"table, TABLE", "TEXT, TABLE", "markdown, MARKDOWN", "md, MARKDOWN", " Csv , CSV"})
  void parsesFormatNames(String text, ReportFormat expected) {
    assertEquals(expected, ReportFormat.parse(text));
  }

  @Test
  void unknownFormatIsRejectedWithTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("json"));
    assertTrue(e.getMessage().contains("'json'") && e.getMessage().contains("table")
        && e.getMessage().contains("markdown") && e.getMessage().contains("csv"), e.getMessage());
  }

  @Test
  void dispatchesToEachRenderer() {
    NetworkInfo tiny = TestNetworks.tiny();
    ReportOptions options = ReportOptions.DEFAULT.withBatch(2);
    assertEquals(SummaryTable.render(tiny, options), Reports.render(tiny, ReportFormat.TABLE, options));
    assertEquals(MarkdownReport.render(tiny, options), Reports.render(tiny, ReportFormat.MARKDOWN, options));
    assertEquals(CsvReport.render(tiny), Reports.render(tiny, ReportFormat.CSV, options));
    assertEquals(MarkdownReport.render(tiny, options), tiny.render(ReportFormat.MARKDOWN, options));
  }

  @Test
  void overflowingTotalsFailRatherThanPrintAWrongNumber() {
    NetworkInfo huge = TestNetworks.totals(Shape.vector(10), 0, 0, Long.MAX_VALUE / 2);
    assertThrows(ArithmeticException.class, huge::summary);
    assertThrows(ArithmeticException.class, () -> huge.render(ReportFormat.MARKDOWN, ReportOptions.DEFAULT));
  }
}
