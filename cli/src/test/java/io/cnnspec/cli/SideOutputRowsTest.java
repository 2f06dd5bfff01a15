package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A side output's {@code row} in the JSON report is an index into the {@code layers} array that
 * is printed: its own {@code side} row when every row is shown, the collapsed row that holds it at
 * {@code --depth}, and null when no row is (it pointed into the full row list before, out of range
 * or at an unrelated row).
 */
class SideOutputRowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({"googlenet_aux, 0", "googlenet_aux, 1", "ssd300_vgg16, 0", "ssd300_vgg16, 1", "inception_v3_aux, 0"})
  void atADepthTheRowIsTheShownRowThatHoldsTheSideOutput(String network, int depth) throws Exception {
    JsonNode all = JSON.readTree(Cli.run("summary", network, "-f", "json").noStackTrace().out());
    JsonNode shown = JSON.readTree(Cli.run("summary", network, "-f", "json", "--depth", String.valueOf(depth))
        .noStackTrace().out());
    JsonNode layers = shown.get("layers");
    for (int i = 0; i < shown.get("sideOutputs").size(); i++) {
      JsonNode side = shown.get("sideOutputs").get(i);
      String sideRow = all.get("layers").get(all.get("sideOutputs").get(i).get("row").asInt()).get("name").asText();
      int row = side.get("row").asInt();
      assertTrue(row >= 0 && row < layers.size(), side::toString);
      String holder = layers.get(row).get("name").asText();
      // the side row itself, or a collapsed row whose name is a prefix of its scope
      // (a merge row, a def call's scope, or a repetition's first..last turns)
      assertTrue(holder.equals(sideRow) || sideRow.startsWith(holder + ".") || holder.contains(".."),
          network + " --depth " + depth + ": " + side.get("name") + " at " + holder + ", its row " + sideRow);
    }
  }

  @Test
  void everyRowShownPointsAtTheSideRow() throws Exception {
    JsonNode json = JSON.readTree(Cli.run("summary", "googlenet_aux", "-f", "json").noStackTrace().out());
    for (JsonNode side : json.get("sideOutputs")) {
      JsonNode row = json.get("layers").get(side.get("row").asInt());
      assertEquals("side", row.get("kind").asText(), side::toString);
      assertEquals(side.get("name").asText(), row.get("name").asText());
    }
  }

  @Test
  void withNoRowsShownTheRowIsNull() throws Exception {
    JsonNode json = JSON.readTree(Cli.run("summary", "ssd300_vgg16", "-f", "json", "--totals-only").noStackTrace().out());
    assertEquals(0, json.get("layers").size());
    for (JsonNode side : json.get("sideOutputs")) {
      assertTrue(side.get("row").isNull(), side::toString);
    }
  }
}
