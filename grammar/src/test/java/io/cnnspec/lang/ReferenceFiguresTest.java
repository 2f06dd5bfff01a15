package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every reference figure of docs/language.md and README.md, each network written in the language. */
class ReferenceFiguresTest {

  static final String VGG16 = """
      # VGG-16, configuration D of Simonyan & Zisserman (2014), Table 1
      network Vgg16 : 224x224x3 -> 1000
        conv3-64x2   maxpool
        conv3-128x2  maxpool
        conv3-256x3  maxpool
        conv3-512x3  maxpool
        conv3-512x3  maxpool
        fc4096 fc4096 fc1000 softmax
      """;

  @Test
  void vgg16Totals() {
    NetworkInfo vgg = Specs.compile(VGG16);
    assertEquals(138_357_544L, vgg.params());
    assertEquals(138_357_544L, vgg.trainableParams());
    assertEquals(0L, vgg.nonTrainableParams());
    assertEquals(15_470_264_320L, vgg.macs());
    assertEquals(15_237_608L, vgg.activations());
    assertEquals("1000", vgg.output().toString());
  }

  @Test
  void vgg16PerStageBreakdown() {
    NetworkInfo vgg = Specs.compile(VGG16);
    List<LayerInfo> layers = vgg.layers();
    assertEquals(38_720L, sumParams(layers, "conv1", "conv2"));
    assertEquals(221_440L, sumParams(layers, "conv3", "conv4"));
    assertEquals(1_475_328L, sumParams(layers, "conv5", "conv6", "conv7"));
    assertEquals(5_899_776L, sumParams(layers, "conv8", "conv9", "conv10"));
    assertEquals(7_079_424L, sumParams(layers, "conv11", "conv12", "conv13"));
    assertEquals(102_764_544L, vgg.layer("fc1").params());
    assertEquals(16_781_312L, vgg.layer("fc2").params());
    assertEquals(4_097_000L, vgg.layer("fc3").params());
  }

  @Test
  void vgg16WithoutAnyBias() {
    NetworkInfo vgg = Specs.compile("""
        network Vgg16NoBias : 224x224x3 -> 1000
          option nobias
          conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x3 maxpool conv3-512x3 maxpool conv3-512x3 maxpool
          fc4096 nobias fc4096 nobias fc1000 nobias
        """);
    assertEquals(138_344_128L, vgg.params());
  }

  @Test
  void vgg16ReceptiveFieldOfTheLastPool() {
    NetworkInfo vgg = Specs.compile(VGG16);
    LayerInfo pool5 = vgg.layer("pool5");
    assertEquals(212L, pool5.receptiveField());
    assertEquals(32.0, pool5.jump());
    assertEquals("7x7x512", pool5.output().toString());
  }

  @Test
  void firstFcWrittenAsTheConvOfSection32() {
    NetworkInfo fc = Specs.inline("7x7x512", "fc4096");
    NetworkInfo conv = Specs.inline("7x7x512", "conv7-4096 valid");
    assertEquals(102_764_544L, fc.params());
    assertEquals(fc.params(), conv.params());
    assertEquals(fc.macs(), conv.macs());
  }

  @ParameterizedTest(name = "VGG {0}: {2}")
  @CsvSource(delimiter = ';', value = {
      "A; conv3-64 maxpool conv3-128 maxpool conv3-256x2 maxpool conv3-512x2 maxpool conv3-512x2 maxpool; 132863336",
      "B; conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x2 maxpool conv3-512x2 maxpool conv3-512x2 maxpool; 133047848",
      "C; conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x2 conv1-256 maxpool conv3-512x2 conv1-512 maxpool "
          + "conv3-512x2 conv1-512 maxpool; 133638952",
      "D; conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x3 maxpool conv3-512x3 maxpool conv3-512x3 maxpool; 138357544",
      "E; conv3-64x2 maxpool conv3-128x2 maxpool conv3-256x4 maxpool conv3-512x4 maxpool conv3-512x4 maxpool; 143667240"})
  void vggConfigurationsOfTable1(String config, String features, long params) {
    NetworkInfo vgg = Specs.compile("network Vgg" + config + " : 224x224x3 -> 1000\n  " + features
        + "\n  fc4096 relu dropout fc4096 relu dropout fc1000 softmax\n");
    assertEquals(params, vgg.params());
  }

  static final String ALEXNET = """
      network AlexNet : 227x227x3 -> 1000        # Krizhevsky et al. 2012, two-GPU groups (Caffe)
        conv11-96/4 valid relu lrn maxpool3/2
        conv5-256 g2 relu lrn maxpool3/2
        conv3-384 relu  conv3-384 g2 relu  conv3-256 g2 relu  maxpool3/2
        fc4096 relu dropout  fc4096 relu dropout  fc1000 softmax
      """;

  static final String ALEXNET_TORCHVISION = """
      network AlexNetTorchvision : 224x224x3 -> 1000
        conv11-64/4 p2 relu maxpool3/2  conv5-192 relu maxpool3/2
        conv3-384 relu conv3-256 relu conv3-256 relu maxpool3/2
        adaptiveavgpool6 dropout fc4096 relu dropout fc4096 relu fc1000
      """;

  @Test
  void alexNetWithTwoGpuGroups() {
    assertEquals(60_965_224L, Specs.compile(ALEXNET).params());
  }

  @Test
  void alexNetOfTorchvision() {
    NetworkInfo alexnet = Specs.compile(ALEXNET_TORCHVISION);
    assertEquals(61_100_840L, alexnet.params());
    assertEquals(714_188_480L, alexnet.macs());
  }

  static String resnet(String name, String blocks) {
    return """
        network %s : 224x224x3 -> 1000
          option nobias
          def basic(c, s = 1) {
            res { conv3-{c}/{s} bn relu conv3-{c} bn }
            relu
          }
          def basicdown(c, s) {
            res { conv3-{c}/{s} bn relu conv3-{c} bn | conv1-{c}/{s} bn }
            relu
          }
          def bottleneck(c) {
            res { conv1-{c} bn relu conv3-{c} bn relu conv1-{4*c} bn }
            relu
          }
          def bottleneckdown(c, s) {
            res { conv1-{c} bn relu conv3-{c}/{s} bn relu conv1-{4*c} bn | conv1-{4*c}/{s} bn }
            relu
          }
          conv7-64/2 bn relu maxpool3/2 p1
          %s
          gap fc1000
        """.formatted(name, blocks);
  }

  @ParameterizedTest(name = "ResNet-{0}")
  @CsvSource(delimiter = ';', value = {
      "18; basic(64)x2 basicdown(128, 2) basic(128) basicdown(256, 2) basic(256) basicdown(512, 2) basic(512); "
          + "11689512; 1814073344; 9600",
      "34; basic(64)x3 basicdown(128, 2) basic(128)x3 basicdown(256, 2) basic(256)x5 basicdown(512, 2) basic(512)x2; "
          + "21797672; 3663761408; 17024",
      "50; bottleneckdown(64, 1) bottleneck(64)x2 bottleneckdown(128, 2) bottleneck(128)x3 "
          + "bottleneckdown(256, 2) bottleneck(256)x5 bottleneckdown(512, 2) bottleneck(512)x2; "
          + "25557032; 4089184256; 53120",
      "101; bottleneckdown(64, 1) bottleneck(64)x2 bottleneckdown(128, 2) bottleneck(128)x3 "
          + "bottleneckdown(256, 2) bottleneck(256)x22 bottleneckdown(512, 2) bottleneck(512)x2; "
          + "44549160; 7801405440; 105344",
      "152; bottleneckdown(64, 1) bottleneck(64)x2 bottleneckdown(128, 2) bottleneck(128)x7 "
          + "bottleneckdown(256, 2) bottleneck(256)x35 bottleneckdown(512, 2) bottleneck(512)x2; "
          + "60192808; 11513626624; 151424"})
  void resnets(int depth, String blocks, long params, long macs, long nonTrainable) {
    NetworkInfo net = Specs.compile(resnet("ResNet" + depth, blocks));
    assertEquals(params, net.params(), "params");
    assertEquals(macs, net.macs(), "MACs");
    assertEquals(nonTrainable, net.nonTrainableParams(), "non-trainable");
  }

  private static long sumParams(List<LayerInfo> layers, String... names) {
    long sum = 0;
    for (String name : names) {
      sum += layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().params();
    }
    return sum;
  }
}
