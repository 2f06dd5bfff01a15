package io.cnnspec.cli;

import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.CnnSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.Compilation;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import io.cnnspec.report.DType;
import io.cnnspec.report.JsonReport;
import io.cnnspec.report.JsonWriter;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Rows;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON the command prints is the same bytes as before it moved from Jackson to the runtime's
 * own writer: every zoo network, pretty and compact, at several options, against the Jackson
 * writer kept in the tests ({@link JacksonJsonReference}).
 */
class JsonByteIdentityTest {

  private static final List<ReportOptions> OPTIONS = List.of(
      ReportOptions.DEFAULT,
      new ReportOptions(DType.BF16, 8, true, 2),
      ReportOptions.DEFAULT.withRows(Rows.toDepth(0)),
      ReportOptions.DEFAULT.withRows(Rows.NONE));

  @Test
  void everyZooNetworkAsJacksonWroteIt() {
    int compared = 0;
    for (Zoo.Entry entry : Zoo.bundled().entries()) {
      Compilation compilation = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT);
      NetworkInfo network = compilation.network().orElseThrow(() -> new AssertionError(entry.name()));
      for (ReportOptions options : OPTIONS) {
        if (!network.sideOutputs().isEmpty() && options.rows() instanceof Rows.ToDepth) {
          continue; // a side output's row at a depth is SideOutputRowsTest's
        }
        List<LayerInfo> rows = options.rows().select(network);
        for (boolean compact : new boolean[] {false, true}) {
          assertEquals(JacksonJsonReference.render(network, rows, options, compact),
              JsonReport.render(network, options, compact ? JsonWriter.Style.COMPACT : JsonWriter.Style.PRETTY),
              entry.name() + " " + options + " compact=" + compact);
          compared++;
        }
      }
    }
    assertTrue(compared >= 8 * 10, "compared " + compared);
  }

  @Test
  void awkwardTextAndFractionalJumpsAsJacksonWroteThem() {
    Shape map = Shape.of(4, 4, 2);
    String odd = "q\"uote \\ back\b\t\n\f\r\u0000\u0001\u001f\u007f \u00e9 \ud83d\ude00 / </script>";
    List<LayerInfo> layers = List.of(
        new LayerInfo(odd, "conv", odd, 0, 0, map, map, 1, 0, 2, 3, 4, 0.5),
        new LayerInfo("b", "up", "up2", 1, 2, map, map, 0, 0, 0, 0, 4, 1e-4),
        new LayerInfo("c", "up", "up2", 2, 1, map, map, 0, 0, 0, 0, 4, 3.0e20),
        new LayerInfo("d", "pool", "pool", 0, 0, map, Shape.vector(3), 0, 0, 0, 0, 4, 1 / 3.0));
    NetworkInfo network = new NetworkInfo(odd, map, Shape.vector(3), layers, 1, 1, 0, 2, 35);
    for (boolean compact : new boolean[] {false, true}) {
      assertEquals(JacksonJsonReference.render(network, layers, ReportOptions.DEFAULT, compact),
          JsonReport.render(network, ReportOptions.DEFAULT, compact ? JsonWriter.Style.COMPACT : JsonWriter.Style.PRETTY));
    }
  }

  @Test
  void zooListingAsJacksonWroteIt() {
    for (boolean compact : new boolean[] {false, true}) {
      String expected = JacksonJsonReference.write(compact, Set.of(), gen -> {
        gen.writeStartArray();
        for (Zoo.Entry entry : Zoo.bundled().entries()) {
          NetworkInfo n = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT)
              .network().orElseThrow();
          gen.writeStartObject();
          gen.writeStringField("name", entry.name());
          gen.writeStringField("title", Zoo.titleOf(entry.text()));
          gen.writeStringField("network", n.name());
          JacksonJsonReference.shape(gen, "input", n.input());
          JacksonJsonReference.shape(gen, "output", n.output());
          gen.writeNumberField("params", n.params());
          gen.writeNumberField("trainableParams", n.trainableParams());
          gen.writeNumberField("nonTrainableParams", n.nonTrainableParams());
          gen.writeNumberField("macs", n.macs());
          gen.writeNumberField("activations", n.activations());
          gen.writeEndObject();
        }
        gen.writeEndArray();
      });
      Cli.Result result = compact ? Cli.run("zoo", "--format", "json", "--compact") : Cli.run("zoo", "--format", "json");
      assertEquals(0, result.exit(), result::toString);
      assertEquals(expected, result.out());
    }
  }
}
