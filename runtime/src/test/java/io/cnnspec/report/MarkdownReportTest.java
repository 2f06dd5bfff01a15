package io.cnnspec.report;

import static io.cnnspec.report.TestNetworks.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  private static final String NBSP = "\u00A0";

  @Test
  void tinyNetworkRendersExactly() {
    String expected = """
        ## Tiny

        Input 8x8x3, output 10.

        | Layer | Spec | Output shape | Params | MACs | Activations | RF |
        | :-- | :-- | :-- | --: | --: | --: | --: |
        | conv1 | `conv3-8` | 8x8x8 | 224 | 13,824 | 512 | 3 |
        | relu1 | `relu` | 8x8x8 | -- | -- | -- | 3 |
        | res1 | `res` | 8x8x8 | -- | -- | 512 | 5 |
        | ├─conv2 | `conv3-8` | 8x8x8 | 584 | 36,864 | 512 | 5 |
        | │%sbn2 | `bn` | 8x8x8 | 16 | -- | 512 | 5 |
        | └─id1 | `id` | 8x8x8 | -- | -- | -- | 3 |
        | pool1 | `maxpool` | 4x4x8 | -- | -- | 128 | 6 |
        | fc1 | `fc10` | 10 | 1,290 | 1,280 | 10 | 12 |

        - Total params: 2,114
        - Trainable params: 2,114
        - Non-trainable params: 16
        - Total (Keras, incl. non-trainable): 2,130
        - MACs: 51,968
        - FLOPs (2 x MACs): 103,936
        - Activations (values, incl. the input): 2,378

        Memory at fp32, batch 1:

        - Input size (MiB): 0.0 (768 bytes)
        - Params size (MiB): 0.0 (8,520 bytes)
        - Forward pass size (MiB): 0.0 (9,512 bytes)
        - Forward/backward pass size (MiB): 0.0 (19,024 bytes)
        - Estimated total size (MiB): 0.0 (27,544 bytes)
        """.formatted(NBSP);
    assertEquals(expected, MarkdownReport.render(TestNetworks.tiny(), ReportOptions.DEFAULT));
  }

  @Test
  void pipesInCellsAreEscapedSoTheRowKeepsItsColumns() {
    Shape map = Shape.of(4, 4, 2);
    NetworkInfo net = new NetworkInfo("Pipes", map, map, List.of(
        layer("a|b", "cat", "cat { conv3-1 | conv1-1 }", 0, 0, map, map, 0, 0, 0, 32, 3, 1)),
        0, 0, 0, 0, 64);
    String md = MarkdownReport.render(net, ReportOptions.DEFAULT);
    assertTrue(md.contains("\n| a\\|b | `cat { conv3-1 \\| conv1-1 }` | 4x4x2 | -- | -- | 32 | 3 |\n"), md);
    String row = md.lines().filter(l -> l.startsWith("| a")).findFirst().orElseThrow();
    assertEquals(8, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
  }

  @Test
  void lineBreaksInCellsBecomeSpaces() {
    assertEquals("conv3-8 relu", Escaping.markdownCell("conv3-8\nrelu"));
    assertEquals("a b", Escaping.markdownCell("a\r\nb"));
  }

  @Test
  void specWithABacktickStaysPlainText() {
    Shape map = Shape.of(4, 4, 2);
    NetworkInfo net = new NetworkInfo("Tick", map, map, List.of(
        layer("x", "id", "id`", 0, 0, map, map, 0, 0, 0, 0, 1, 1)), 0, 0, 0, 0, 32);
    assertTrue(MarkdownReport.render(net, ReportOptions.DEFAULT).contains("\n| x | id` | 4x4x2 |"));
  }

  @Test
  void largeFiguresKeepTheExactNumberAndTheAbbreviation() {
    String md = Reports.render(TestNetworks.vgg16Totals(), ReportFormat.MARKDOWN, ReportOptions.DEFAULT.withDtype(DType.BF16));
    assertTrue(md.contains("\n- MACs: 15,470,264,320 (15.47 G)\n"), md);
    assertTrue(md.contains("\nMemory at bf16, batch 1:\n"), md);
    assertTrue(md.contains("\n- Forward pass size (MiB): 29.1 (30,475,216 bytes)\n"), md);
  }

  @Test
  void totalsOnlyPrintsNoEmptyTableHeader() {
    String md = Reports.render(TestNetworks.vgg16Totals(), ReportFormat.MARKDOWN, ReportOptions.DEFAULT.withRows(Rows.NONE));
    assertTrue(md.startsWith("## Vgg16\n\nInput 224x224x3, output 1000.\n\n- Total params: 138,357,544"), md);
    assertTrue(!md.contains("|"), md);
  }
}
