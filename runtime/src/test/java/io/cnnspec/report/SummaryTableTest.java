package io.cnnspec.report;

import static io.cnnspec.report.TestNetworks.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  private static final String TINY = """
      network Tiny : 8x8x3 -> 10
      ===============================================================
      Layer    Spec     Output shape  Params    MACs  Activations  RF
      ===============================================================
      conv1    conv3-8  8x8x8            224  13,824          512   3
      relu1    relu     8x8x8             --      --           --   3
      res1     res      8x8x8             --      --          512   5
      ├─conv2  conv3-8  8x8x8            584  36,864          512   5
      │ bn2    bn       8x8x8             16      --          512   5
      └─id1    id       8x8x8             --      --           --   3
      pool1    maxpool  4x4x8             --      --          128   6
      fc1      fc10     10             1,290   1,280           10  12
      ===============================================================
      Total params:                             2,114
      Trainable params:                         2,114
      Non-trainable params:                        16
      Total (Keras, incl. non-trainable):       2,130
      MACs:                                    51,968
      FLOPs (2 x MACs):                       103,936
      Activations (values, incl. the input):    2,378
      ---------------------------------------------------------------
      Memory at fp32, batch 1
      Input size (MiB):                           0.0 (768 bytes)
      Params size (MiB):                          0.0 (8,520 bytes)
      Forward pass size (MiB):                    0.0 (9,512 bytes)
      Forward/backward pass size (MiB):           0.0 (19,024 bytes)
      Estimated total size (MiB):                 0.0 (27,544 bytes)
      ===============================================================
      """;

  @Test
  void tinyNetworkRendersExactly() {
    assertEquals(TINY, SummaryTable.render(TestNetworks.tiny(), ReportOptions.DEFAULT));
  }

  @Test
  void reportsRenderTheTableWithDefaults() {
    assertEquals(TINY, Reports.render(TestNetworks.tiny(), ReportFormat.TABLE, ReportOptions.DEFAULT));
  }

  @Test
  void largeFiguresAreGroupedAndAbbreviated() {
    String table = SummaryTable.render(TestNetworks.vgg16Totals(), ReportOptions.DEFAULT);
    assertEquals("fc1 fc4096 4096 102,764,544 102,760,448 4,096 212", line(table, "fc1 "));
    assertEquals("Total params: 138,357,544 (138.36 M)", line(table, "Total params:"));
    assertEquals("MACs: 15,470,264,320 (15.47 G)", line(table, "MACs:"));
    assertEquals("FLOPs (2 x MACs): 30,940,528,640 (30.94 G)", line(table, "FLOPs"));
    assertEquals("Activations (values, incl. the input): 15,237,608 (15.24 M)", line(table, "Activations ("));
    assertEquals("Non-trainable params: 0", line(table, "Non-trainable"));
    assertEquals("Forward pass size (MiB): 58.1 (60,950,432 bytes)", line(table, "Forward pass"));
    assertEquals("Params size (MiB): 527.8 (553,430,176 bytes)", line(table, "Params size"));
    assertEquals("Estimated total size (MiB): 644.0 (675,331,040 bytes)", line(table, "Estimated"));
  }

  @Test
  void sameTextUnderAGermanDefaultLocale() {
    ReportOptions options = ReportOptions.DEFAULT.withBatch(1000);
    String expected = SummaryTable.render(TestNetworks.vgg16Totals(), options);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String german = SummaryTable.render(TestNetworks.vgg16Totals(), options);
      assertEquals(expected, german);
      assertEquals("MACs: 15,470,264,320 (15.47 G)", line(german, "MACs:"));
      assertEquals("Forward pass size (MiB): 58,126.9 (60,950,432,000 bytes)", line(german, "Forward pass"));
      assertEquals("Memory at fp32, batch 1,000", line(german, "Memory"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void memoryBlockNamesDtypeBatchAndTrainingState() {
    String table = SummaryTable.render(TestNetworks.vgg16Totals(), 
        ReportOptions.DEFAULT.withDtype(DType.FP16).withBatch(8).withGradients(true).withOptimizerStates(2));
    assertEquals("Memory at fp16, batch 8, with gradients and 2 optimizer states per parameter"
        + " (mixed precision: fp32 master weights and optimizer states)", line(table, "Memory"));
    // mixed precision, ZeRO's 16 bytes per parameter with Adam (Rajbhandari et al. 2020, 3.1):
    // 138,357,544 x (2 fp16 weights + 2 fp16 gradient + 4 fp32 master weight + 2 x 4 fp32 Adam states)
    assertEquals("Params + gradients + fp32 master weights + fp32 optimizer states size (MiB): 2,111.2 (2,213,720,704 bytes)",
        line(table, "Params +"));
    assertEquals("Forward/backward pass size (MiB): 465.0 (487,603,456 bytes)", line(table, "Forward/backward"));
    assertEquals("Estimated total size (MiB): 2,576.2 (2,701,324,160 bytes)", line(table, "Estimated"));
    // without an optimizer (inference, or gradients alone) nothing is kept at fp32
    String inference = SummaryTable.render(TestNetworks.vgg16Totals(), ReportOptions.DEFAULT.withDtype(DType.BF16));
    assertEquals("Params size (MiB): 263.9 (276,715,088 bytes)", line(inference, "Params size"));
  }

  @Test
  void optimizerStatesWithoutGradientsAreNamedAlone() {
    String table = SummaryTable.render(TestNetworks.tiny(), ReportOptions.DEFAULT.withOptimizerStates(1));
    assertEquals("Memory at fp32, batch 1, with 1 optimizer state per parameter", line(table, "Memory"));
    assertEquals("Params + optimizer states size (MiB): 0.0 (16,976 bytes)", line(table, "Params +"));
  }

  @Test
  void columnsWidenToTheLongestCellAndLinesHaveNoTrailingBlanks() {
    Shape map = Shape.of(8, 8, 8);
    NetworkInfo net = new NetworkInfo("Wide", map, map, List.of(
        layer("a_very_long_layer_name", "conv", "conv3-8 p1 g2 d2 nobias", 0, 0, map, map, 1, 0, 0, 0, 5, 1),
        layer("b", "relu", "relu", 0, 0, map, map, 0, 0, 0, 0, 5, 1)), 1, 1, 0, 0, 1024);
    String table = SummaryTable.render(net, ReportOptions.DEFAULT);
    assertTrue(table.contains("\nLayer                   Spec                     Output shape  Params  MACs  Activations  RF\n"),
        table);
    assertTrue(table.contains("\na_very_long_layer_name  conv3-8 p1 g2 d2 nobias  8x8x8              1    --           --   5\n"),
        table);
    assertTrue(table.contains("\nb                       relu                     8x8x8             --    --           --   5\n"),
        table);
    for (String line : table.split("\n")) {
      assertEquals(line.stripTrailing(), line);
    }
  }

  @Test
  void sideOutputsAreListedWithTheirShapesAndMacs() {
    Shape map = Shape.of(4, 4, 2);
    NetworkInfo net = new NetworkInfo("Heads", map, Shape.vector(3), List.of(
        layer("aux", "side", "side", 0, 0, map, map, 0, 0, 0, 0, 1, 1),
        layer("aux.fc1", "fc", "fc5", 1, 1, map, Shape.vector(5), 165, 0, 160, 5, 4, 1),
        layer("fc1", "fc", "fc3", 0, 0, map, Shape.vector(3), 99, 0, 96, 3, 4, 1)), 264, 264, 0, 96, 40,
        List.of(), List.of(new io.cnnspec.model.SideOutput("aux", Shape.vector(5), 0, 2, 160)));
    String table = SummaryTable.render(net, ReportOptions.DEFAULT);
    assertEquals("Main output: 3", line(table, "Main output"));
    assertEquals("Side output aux: 5 (160 MACs of its own)", line(table, "Side output"));
    assertEquals("MACs (main output): 96", line(table, "MACs (main"));
    assertEquals("MACs (all outputs): 256", line(table, "MACs (all"));
    // without side outputs the lines are as they always were
    assertEquals("MACs: 96", line(SummaryTable.render(new NetworkInfo("One", map, Shape.vector(3),
        List.of(layer("fc1", "fc", "fc3", 0, 0, map, Shape.vector(3), 99, 0, 96, 3, 4, 1)), 99, 99, 0, 96, 35),
        ReportOptions.DEFAULT), "MACs"));
  }

  @Test
  void rulesSpanTheWidestLine() {
    String[] lines = SummaryTable.render(TestNetworks.vgg16Totals(), ReportOptions.DEFAULT.withGradients(true)).split("\n");
    int widest = 0;
    for (String line : lines) {
      widest = Math.max(widest, line.length());
    }
    assertEquals("=".repeat(widest), lines[1]);
    assertEquals("=".repeat(widest), lines[lines.length - 1]);
  }

  /** The line starting with {@code start}, its runs of blanks collapsed: alignment is the golden test's job. */
  private static String line(String text, String start) {
    for (String candidate : text.split("\n")) {
      if (candidate.startsWith(start)) {
        return candidate.replaceAll(" +", " ");
      }
    }
    throw new AssertionError("no line starting with '" + start + "' in\n" + text);
  }
}
