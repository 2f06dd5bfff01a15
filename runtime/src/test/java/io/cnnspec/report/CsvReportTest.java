package io.cnnspec.report;

import static io.cnnspec.report.TestNetworks.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.model.Shape;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvReportTest {

  @Test
  void tinyNetworkRendersExactly() {
    String expected = String.join("\r\n",
        "name,kind,spec,depth,branch,input,output,params,non_trainable_params,macs,activations,receptive_field,jump",
        "conv1,conv,conv3-8,0,0,8x8x3,8x8x8,224,0,13824,512,3,1",
        "relu1,relu,relu,0,0,8x8x8,8x8x8,0,0,0,0,3,1",
        "res1,res,res,0,0,8x8x8,8x8x8,0,0,0,512,5,1",
        "conv2,conv,conv3-8,1,1,8x8x8,8x8x8,584,0,36864,512,5,1",
        "bn2,bn,bn,1,1,8x8x8,8x8x8,16,16,0,512,5,1",
        "id1,id,id,1,2,8x8x8,8x8x8,0,0,0,0,3,1",
        "pool1,maxpool,maxpool,0,0,8x8x8,4x4x8,0,0,0,128,6,2",
        "fc1,fc,fc10,0,0,4x4x8,10,1290,0,1280,10,12,2") + "\r\n";
    assertEquals(expected, CsvReport.render(TestNetworks.tiny()));
  }

  @Test
  void headerIsTheDocumentedColumnList() {
    String csv = CsvReport.render(TestNetworks.tiny());
    assertEquals("name,kind,spec,depth,branch,input,output,params,non_trainable_params,macs,activations,"
        + "receptive_field,jump", csv.substring(0, csv.indexOf("\r\n")));
  }

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertEquals("plain", Escaping.csvField("plain"));
    assertEquals("\"a,b\"", Escaping.csvField("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Escaping.csvField("say \"hi\""));
    assertEquals("\"two\nlines\"", Escaping.csvField("two\nlines"));
    assertEquals("\"cr\rhere\"", Escaping.csvField("cr\rhere"));
  }

  @Test
  void quotedSpecInARow() {
    Shape map = Shape.of(4, 4, 2);
    NetworkInfo net = new NetworkInfo("Q", map, map, List.of(
        layer("m\"1", "mul", "mul { gap fc1, sigmoid }", 0, 0, map, map, 0, 0, 0, 32, 3, 0.5)), 0, 0, 0, 0, 64);
    assertEquals("\"m\"\"1\",mul,\"mul { gap fc1, sigmoid }\",0,0,4x4x2,4x4x2,0,0,0,32,3,0.5\r\n",
        CsvReport.render(net).split("\r\n", 2)[1]);
  }

  @Test
  void numbersHaveNoSeparatorsUnderAnyLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String row = CsvReport.render(TestNetworks.vgg16Totals()).split("\r\n")[1];
      assertEquals("fc1,fc,fc4096,0,0,7x7x512,4096,102764544,0,102760448,4096,212,32", row);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
