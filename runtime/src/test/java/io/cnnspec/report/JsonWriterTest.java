package io.cnnspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void prettyIndentsObjectsAndKeepsValueArraysOnOneLine() {
    String json = new JsonWriter(JsonWriter.Style.PRETTY, Set.of("rows"))
        .beginObject()
        .field("name", "x")
        .field("shape", Shape.of(224, 224, 3))
        .name("empty").beginObject().endObject()
        .name("none").beginArray().endArray()
        .name("rows").beginArray().beginObject().field("a", 1).endObject().value(2).endArray()
        .endObject()
        .finish();
    assertEquals("""
        {
          "name": "x",
          "shape": [224, 224, 3],
          "empty": {},
          "none": [],
          "rows": [
            {
              "a": 1
            },
            2
          ]
        }
        """, json);
  }

  @Test
  void topLevelArrayGoesOneElementALine() {
    String json = new JsonWriter(JsonWriter.Style.PRETTY, Set.of())
        .beginArray().beginObject().field("n", true).endObject().beginObject().endObject().endArray().finish();
    assertEquals("[\n  {\n    \"n\": true\n  },\n  {}\n]\n", json);
  }

  @Test
  void compactHasNoWhiteSpace() {
    String json = new JsonWriter(JsonWriter.Style.COMPACT, Set.of("rows"))
        .beginObject().field("s", Shape.vector(10)).name("rows").beginArray().value(1).value(2).endArray().endObject()
        .finish();
    assertEquals("{\"s\":[10],\"rows\":[1,2]}\n", json);
  }

  @Test
  void stringsEscapeQuotesBackslashesAndControlCharacters() {
    String json = new JsonWriter(JsonWriter.Style.COMPACT, Set.of())
        .value("a\"b\\c\b\t\n\f\r\u0001\u001f\u007f/\u00e9\ud83d\ude00").finish();
    assertEquals("\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0001\\u001F\u007f/\u00e9\ud83d\ude00\"\n", json);
  }

  @Test
  void doublesAreIntegersWhenWholeAndNullWhenNotFinite() {
    String json = new JsonWriter(JsonWriter.Style.COMPACT, Set.of()).beginArray()
        .value(32.0).value(0.5).value(1e-4).value(Double.POSITIVE_INFINITY).value(Double.NaN).value(1e300).endArray()
        .finish();
    assertEquals("[32,0.5,1.0E-4,null,null,1.0E300]\n", json);
  }

  @Test
  void misuseIsAnError() {
    assertThrows(IllegalStateException.class, () -> new JsonWriter(JsonWriter.Style.COMPACT, Set.of()).beginObject().value(1));
    assertThrows(IllegalStateException.class, () -> new JsonWriter(JsonWriter.Style.COMPACT, Set.of()).beginArray().finish());
    assertThrows(IllegalStateException.class, () -> new JsonWriter(JsonWriter.Style.COMPACT, Set.of()).beginArray().endObject());
  }

  @Test
  void reportOfTheTinyNetwork() {
    NetworkInfo tiny = TestNetworks.tiny();
    String json = JsonReport.render(tiny, ReportOptions.DEFAULT.withRows(Rows.toDepth(0)), JsonWriter.Style.PRETTY);
    assertEquals("""
        {
          "name": "Tiny",
          "input": [8, 8, 3],
          "output": [10],
          "params": 2114,
          "trainableParams": 2114,
          "nonTrainableParams": 16,
          "macs": 51968,
          "flops": 103936,
          "activations": 2378,
          "memory": {
            "dtype": "fp32",
            "batch": 1,
            "gradients": false,
            "optimizerStates": 0,
            "inputBytes": 768,
            "paramsBytes": 8520,
            "forwardBytes": 9512,
            "forwardBackwardBytes": 19024,
            "totalBytes": 27544
          },
          "layers": [
            {
              "name": "conv1",
              "kind": "conv",
              "spec": "conv3-8",
              "depth": 0,
              "branch": 0,
              "input": [8, 8, 3],
              "output": [8, 8, 8],
              "params": 224,
              "nonTrainableParams": 0,
              "macs": 13824,
              "activations": 512,
              "receptiveField": 3,
              "jump": 1
            },
        """, json.substring(0, json.indexOf("    {\n      \"name\": \"relu1\"")));
    String compact = JsonReport.render(tiny, ReportOptions.DEFAULT.withRows(Rows.NONE), JsonWriter.Style.COMPACT);
    assertEquals("{\"name\":\"Tiny\",\"input\":[8,8,3],\"output\":[10],\"params\":2114,\"trainableParams\":2114,"
        + "\"nonTrainableParams\":16,\"macs\":51968,\"flops\":103936,\"activations\":2378,\"memory\":{\"dtype\":\"fp32\","
        + "\"batch\":1,\"gradients\":false,\"optimizerStates\":0,\"inputBytes\":768,\"paramsBytes\":8520,"
        + "\"forwardBytes\":9512,\"forwardBackwardBytes\":19024,\"totalBytes\":27544},\"layers\":[]}\n", compact);
  }
}
