package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowsTest {

  private static final NetworkInfo TINY = TestNetworks.tiny();

  @Test
  void allIsEveryRowAndTheDefault() {
    assertSame(TINY.layers(), Rows.ALL.select(TINY));
    assertEquals(Rows.ALL, ReportOptions.DEFAULT.rows());
  }

  @Test
  void toDepthKeepsTheRowsAtMostThatDeep() {
    assertEquals(List.of("conv1", "relu1", "res1", "pool1", "fc1"), names(Rows.toDepth(0).select(TINY)));
    assertEquals(TINY.layers(), Rows.toDepth(1).select(TINY));
    assertThrows(IllegalArgumentException.class, () -> Rows.toDepth(-1));
  }

  @Test
  void noneSelectsNothing() {
    assertEquals(List.of(), Rows.NONE.select(TINY));
  }

  @Test
  void tableWithoutRowsHasTitleAndTotalsOnly() {
    // no column headings and no empty body between rules; the rules stay as wide as the headings
    String rule = "=".repeat(62);
    assertEquals("network Tiny : 8x8x3 -> 10\n" + rule + "\n"
        + "Total params:                             2,114\n"
        + "Trainable params:                         2,114\n"
        + "Non-trainable params:                        16\n"
        + "Total (Keras, incl. non-trainable):       2,130\n"
        + "MACs:                                    51,968\n"
        + "FLOPs (2 x MACs):                       103,936\n"
        + "Activations (values, incl. the input):    2,378\n"
        + "-".repeat(62) + "\n"
        + "Memory at fp32, batch 1\n"
        + "Input size (MiB):                           0.0 (768 bytes)\n"
        + "Params size (MiB):                          0.0 (8,520 bytes)\n"
        + "Forward pass size (MiB):                    0.0 (9,512 bytes)\n"
        + "Forward/backward pass size (MiB):           0.0 (19,024 bytes)\n"
        + "Estimated total size (MiB):                 0.0 (27,544 bytes)\n"
        + rule + "\n",
        SummaryTable.render(TINY, ReportOptions.DEFAULT.withRows(Rows.NONE)));
    assertEquals(62, "Layer  Spec  Output shape  Params  MACs  Activations  RF".length() + 6);
  }

  @Test
  void tableToDepthDrawsTheTreeOfTheShownRows() {
    String table = SummaryTable.render(TINY, ReportOptions.DEFAULT.withRows(Rows.toDepth(0)));
    assertFalse(table.contains("conv2"), table);
    // the collapsed merge carries its branches: conv2 584 + bn2 16 params, 36,864 MACs, 3 x 512 activations
    assertTrue(table.contains("\nres1   res { ... }  8x8x8            600  36,864        1,536   5\npool1  "), table);
    assertTrue(table.contains("Total params:"), table);
  }

  @Test
  void everyFormatHonoursTheSelection() {
    ReportOptions shallow = ReportOptions.DEFAULT.withRows(Rows.toDepth(0));
    assertFalse(MarkdownReport.render(TINY, shallow).contains("bn2"));
    assertFalse(Reports.render(TINY, ReportFormat.CSV, shallow).contains("bn2"));
    assertFalse(Reports.render(TINY, ReportFormat.JSON, shallow).contains("bn2"));
    assertEquals(CsvReport.HEADER + "\r\n", Reports.render(TINY, ReportFormat.CSV, ReportOptions.DEFAULT.withRows(Rows.NONE)));
    assertTrue(Reports.render(TINY, ReportFormat.JSON, ReportOptions.DEFAULT.withRows(Rows.NONE)).contains("\"layers\": []"));
  }

  @Test
  void aCollapsedMergeCarriesItsBranchesSoTheShownRowsAddUpToTheTotals() {
    List<LayerInfo> shown = Rows.toDepth(0).select(TINY);
    LayerInfo res = shown.get(2);
    assertEquals("res1", res.name());
    assertEquals("res", res.kind());
    assertEquals("res { ... }", res.spec());
    assertEquals(584 + 16, res.params());
    assertEquals(16, res.nonTrainableParams());
    assertEquals(36_864, res.macs());
    assertEquals(3 * 512, res.activations());
    assertEquals(5, res.receptiveField());
    assertEquals(TINY.params(), shown.stream().mapToLong(LayerInfo::params).sum());
    assertEquals(TINY.nonTrainableParams(), shown.stream().mapToLong(LayerInfo::nonTrainableParams).sum());
    assertEquals(TINY.macs(), shown.stream().mapToLong(LayerInfo::macs).sum());
    assertEquals(TINY.layers().stream().mapToLong(LayerInfo::activations).sum(),
        shown.stream().mapToLong(LayerInfo::activations).sum());
  }

  private static List<String> names(List<LayerInfo> layers) {
    return layers.stream().map(LayerInfo::name).toList();
  }
}
