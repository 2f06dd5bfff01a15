package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.model.LayerConstant;
import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a generated class offers besides its totals: the Layer enum, the spec, the runtime model. */
class GeneratedClassTest {

  /** Case labels must be constant expressions: the generated shapes are. */
  static String dataset(int side) {
    return switch (side) {
      case Vgg16.INPUT_HEIGHT -> "ImageNet, 224x224 crops";
      case AlexNet.INPUT_HEIGHT -> "ImageNet, Caffe's 227x227 crops";
      case CifarNet.INPUT_HEIGHT -> "CIFAR-10";
      case MnistConvnet.INPUT_HEIGHT -> "MNIST";
      default -> "unknown";
    };
  }

  @Test
  void constantsWorkAsCaseLabels() {
    assertEquals("ImageNet, 224x224 crops", dataset(224));
    assertEquals("ImageNet, Caffe's 227x227 crops", dataset(227));
    assertEquals("CIFAR-10", dataset(32));
    assertEquals("MNIST", dataset(28));
  }

  /** And in other constant expressions, evaluated by javac. */
  static final boolean FITS_A_32_BIT_INDEX = Vgg16.PARAMS < Integer.MAX_VALUE;

  @Test
  void constantsFoldAtCompileTime() {
    assertTrue(FITS_A_32_BIT_INDEX);
  }

  @Test
  void theLayerEnumNamesEveryRow() {
    List<String> names = Arrays.stream(Vgg16.Layer.values()).map(Enum::name).toList();
    assertEquals(List.of("CONV1", "CONV2", "POOL1", "CONV3", "CONV4", "POOL2", "CONV5", "CONV6", "CONV7", "POOL3",
        "CONV8", "CONV9", "CONV10", "POOL4", "CONV11", "CONV12", "CONV13", "POOL5", "FC1", "FC2", "FC3", "SOFTMAX1"),
        names);
    assertEquals("conv13", Vgg16.Layer.CONV13.layerName());
    assertEquals("maxpool", Vgg16.Layer.POOL5.kind());
  }

  @Test
  void receptiveFieldOfTheLastPool() {
    Vgg16.Layer pool5 = Vgg16.Layer.POOL5;
    assertEquals(212L, pool5.receptiveField());
    assertEquals(32.0, pool5.jump());
    assertEquals("7x7x512", pool5.output().toString());
    assertEquals("14x14x512", pool5.input().toString());
  }

  @Test
  void aSwitchOverTheLayers() {
    long convolution = 0;
    long pooling = 0;
    long classifier = 0;
    for (Vgg16.Layer layer : Vgg16.Layer.values()) {
      switch (layer) {
        case FC1, FC2, FC3 -> classifier += layer.params();
        case POOL1, POOL2, POOL3, POOL4, POOL5 -> pooling += layer.params();
        default -> convolution += layer.params();
      }
    }
    assertEquals(14_714_688L, convolution);
    assertEquals(0L, pooling);
    assertEquals(123_642_856L, classifier);
    assertEquals(Vgg16.PARAMS, convolution + pooling + classifier);
  }

  /** Every network's Layer enum is a LayerConstant, so one method serves the layers of any of them. */
  static long trainableInConvolutions(LayerConstant... layers) {
    long params = 0;
    for (LayerConstant layer : layers) {
      if (layer.kind().equals("conv")) {
        params += layer.params();
      }
    }
    return params;
  }

  @Test
  void oneMethodForTheLayersOfAnyNetwork() {
    assertEquals(14_714_688L, trainableInConvolutions(Vgg16.Layer.values()));
    assertEquals(ResNet50.INFO.layers().stream().filter(l -> l.kind().equals("conv")).mapToLong(LayerInfo::params).sum(),
        trainableInConvolutions(ResNet50.Layer.values()));
  }

  @Test
  void defCallsAndLabelsAreScopes() {
    assertEquals("block1.conv1", CifarNet.Layer.BLOCK1_CONV1.layerName());
    assertEquals("30x30x32", CifarNet.Layer.BLOCK1_CONV2.output().toString());
    assertEquals("6x6x64", CifarNet.Layer.BLOCK2_POOL1.output().toString());
    assertEquals(1_180_160L, CifarNet.Layer.FC1.params());
  }

  @Test
  void branchesComeAfterTheirMergeOneLevelDeeper() {
    List<LayerInfo> layers = ResNet50.INFO.layers();
    LayerInfo merge = layers.stream().filter(l -> l.kind().equals("res")).findFirst().orElseThrow();
    LayerInfo next = layers.get(layers.indexOf(merge) + 1);
    assertEquals(merge.depth() + 1, next.depth());
    assertEquals(1, next.branch());
    assertEquals("56x56x256", merge.output().toString());
  }

  @Test
  void theRuntimeModelCarriesTheSameFigures() {
    NetworkInfo info = Vgg16.INFO;
    assertEquals("Vgg16", info.name());
    assertEquals(Vgg16.PARAMS, info.params());
    assertEquals(Vgg16.MACS, info.macs());
    assertEquals(Vgg16.ACTIVATIONS, info.activations());
    assertEquals(Vgg16.Layer.values().length, info.layers().size());
    assertEquals(Vgg16.Layer.POOL5.info(), info.layer("pool5"));
    assertEquals("224x224x3", info.input().toString());
  }

  @Test
  void theSpecIsKeptAsWritten() throws IOException {
    assertTrue(Vgg16.SPEC.contains("conv3-64x2   maxpool"), Vgg16.SPEC);
    // A file spec keeps the whole file: the zoo is the one source of the reference networks.
    Path zoo = Path.of(System.getProperty("cnnspec.root", ".."), "zoo", "alexnet.cnn");
    assertEquals(Files.readString(zoo).replace("\r\n", "\n"), AlexNet.SPEC.replace("\r\n", "\n"));
  }

  /**
   * A generated class renders the HTML page through the same entry point as its other reports. Its
   * {@code INFO} is rebuilt from constants without the spec's blocks, so the diagram is unfolded:
   * a box per layer.
   */
  @Test
  void generatedClassesRenderTheHtmlPage() {
    String html = ResNet50.render(ReportFormat.HTML, ReportOptions.DEFAULT);
    int layers = ResNet50.INFO.layers().size();
    assertEquals(layers, html.split("<tr id=\"r", -1).length - 1);
    assertEquals(layers, html.split("<g class=\"box\"", -1).length - 1);
    assertTrue(html.contains("<td>Total params</td><td class=\"n\">25,557,032</td>"), html);
  }

  @Test
  void mainPrintsTheSummary() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      Main.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("138,357,544"), printed);
    assertTrue(printed.contains("pool5"), printed);
    assertTrue(printed.contains("Vgg16.MACS        = 15,470,264,320"), printed);
    assertTrue(printed.contains("pool5: 7x7x512, receptive field 212"), printed);
    assertTrue(printed.contains("ResNet50.PARAMS   = 25,557,032 (+ 53,120 batch norm statistics)"), printed);
  }
}
