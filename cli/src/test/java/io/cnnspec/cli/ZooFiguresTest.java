package io.cnnspec.cli;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.NetworkInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network of the bundled zoo ({@code zoo/*.cnn}, the single source of truth) compiles without
 * a diagnostic and gives its published figures. The sources of the figures are in each file's
 * comments; here they are repeated so that a spec edited together with its {@code expect} lines
 * still has to agree with the literature.
 */
class ZooFiguresTest {

  /** The zoo, relative to the cli module, which is Maven's working directory for its tests. */
  private static final Path ZOO = Path.of("../zoo");

  /** Sentinel for a figure that is not published. */
  private static final long NONE = -1;

  /**
   * One network's published figures.
   *
   * @param name the file's name without {@code .cnn}
   * @param params learnable parameters, PyTorch's {@code sum(p.numel())}, Keras' "Trainable params"
   * @param nonTrainable batch norm running statistics (Keras' "Non-trainable params"), or -1
   * @param macs exact multiply-accumulates, or -1
   * @param gmacs a rounded published figure in billions of multiply-accumulates (torchvision's
   *     "GFLOPS" column, which counts multiply-adds), compared at its own number of decimals, or -1
   * @param allMacs exact multiply-accumulates of every output, side outputs included, or -1
   */
  record Row(String name, long params, long nonTrainable, long macs, double gmacs, long allMacs) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Row row(String name, long params, long nonTrainable, long macs, double gmacs) {
    return new Row(name, params, nonTrainable, macs, gmacs, NONE);
  }

  /** A network with side outputs, whose heads' MACs are measured too. */
  private static Row withSides(String name, long params, long nonTrainable, long macs, long allMacs) {
    return new Row(name, params, nonTrainable, macs, NONE, allMacs);
  }

  static List<Row> rows() {
    return List.of(
        // Krizhevsky et al. 2012, two-GPU groups, as in Caffe's bvlc_alexnet
        row("alexnet", 60_965_224L, NONE, NONE, NONE),
        // torchvision alexnet: num_params, exact MACs of GFLOPS 0.714
        row("alexnet_torchvision", 61_100_840L, NONE, 714_188_480L, 0.714),
        // Simonyan & Zisserman 2014, Table 1 A/B/D/E; torchvision vgg11..vgg19 (num_params, GFLOPS)
        row("vgg11", 132_863_336L, NONE, NONE, 7.609),
        row("vgg13", 133_047_848L, NONE, NONE, 11.308),
        row("vgg16", 138_357_544L, NONE, 15_470_264_320L, 15.47),
        row("vgg19", 143_667_240L, NONE, NONE, 19.632),
        // torchvision vgg*_bn; non-trainable = num_params(vgg*_bn) - num_params(vgg*)
        row("vgg11_bn", 132_868_840L, 5_504L, NONE, 7.609),
        row("vgg13_bn", 133_053_736L, 5_888L, NONE, 11.308),
        row("vgg16_bn", 138_365_992L, 8_448L, 15_470_264_320L, 15.47),
        row("vgg19_bn", 143_678_248L, 11_008L, NONE, 19.632),
        // He et al. 2015; torchvision resnet18..152
        row("resnet18", 11_689_512L, 9_600L, 1_814_073_344L, 1.814),
        row("resnet34", 21_797_672L, 17_024L, 3_663_761_408L, 3.664),
        row("resnet50", 25_557_032L, 53_120L, 4_089_184_256L, 4.089),
        row("resnet101", 44_549_160L, 105_344L, 7_801_405_440L, 7.801),
        row("resnet152", 60_192_808L, 151_424L, 11_513_626_624L, 11.514),
        // torchvision resnext50_32x4d, wide_resnet50_2
        row("resnext50_32x4d", 25_028_904L, NONE, NONE, 4.23),
        row("wide_resnet50_2", 68_883_240L, NONE, NONE, 11.398),
        // LeCun et al. 1998, the common modern variant
        row("lenet5", 61_706L, NONE, NONE, NONE),
        // Zeiler & Fergus 2013, Figure 3
        row("zfnet", 62_357_608L, NONE, NONE, NONE),
        // Lin et al. 2013, the Caffe Model Zoo ImageNet model, counted from its prototxt
        row("nin", 7_595_176L, NONE, NONE, NONE),
        // Szegedy et al. 2014; torchvision googlenet without aux classifiers
        row("googlenet", 6_624_904L, NONE, NONE, 1.498),
        // Szegedy et al. 2015; torchvision inception_v3 without AuxLogits (27,161,264 - 3,326,696);
        // non-trainable from Keras InceptionV3, which has the same batch norms
        row("inception_v3", 23_834_568L, 34_432L, NONE, 5.713),
        // Iandola et al. 2016; torchvision squeezenet1_0, squeezenet1_1
        row("squeezenet1_0", 1_248_424L, NONE, NONE, 0.819),
        row("squeezenet1_1", 1_235_496L, NONE, NONE, 0.349),
        // Huang et al. 2017; torchvision densenet121/161/169/201
        row("densenet121", 7_978_856L, NONE, NONE, 2.834),
        row("densenet161", 28_681_000L, NONE, NONE, 7.728),
        row("densenet169", 14_149_480L, NONE, NONE, 3.36),
        row("densenet201", 20_013_928L, NONE, NONE, 4.291),
        // Howard et al. 2017 (569 million mult-adds, Table 8); Keras MobileNet 1.0 224:
        // total 4,253,864 = trainable 4,231,976 + non-trainable 21,888
        row("mobilenet_v1", 4_231_976L, 21_888L, NONE, 0.569),
        // Sandler et al. 2018; torchvision mobilenet_v2
        row("mobilenet_v2", 3_504_872L, NONE, NONE, 0.301),
        // Howard et al. 2019; torchvision mobilenet_v3_large
        row("mobilenet_v3_large", 5_483_032L, NONE, NONE, 0.217),
        // Tan & Le 2019; torchvision efficientnet_b0
        row("efficientnet_b0", 5_288_548L, NONE, NONE, 0.386),
        // Chollet 2017; Keras Xception: total 22,910,480 = trainable 22,855,952 + non-trainable 54,528
        row("xception", 22_855_952L, 54_528L, NONE, NONE),
        // Shi et al. 2016, x3, one channel: PyTorch 1.13's sum(p.numel()) and forward-hook MACs
        row("espcn", 22_729L, 0L, 226_240_000L, NONE),
        // He et al. 2015, Section 4.2, option A shortcuts ("0.27M"): PyTorch 1.13 on the common
        // CIFAR implementation (akamaster/pytorch_resnet_cifar10)
        row("resnet20_cifar", 269_722L, 1_376L, 40_551_040L, NONE),
        // torchvision 0.14 googlenet(aux_logits=True) and inception_v3(aux_logits=True): every head's
        // params, MACs of the main output (eval mode runs no aux head); issue 14's table
        row("googlenet_aux", 13_004_888L, 15_072L, 1_498_376_192L, 1.498),
        row("inception_v3_aux", 27_161_264L, 36_224L, 5_713_216_096L, 5.713),
        // Ronneberger et al. 2015, Figure 1 (valid convolutions, copy and crop, 2 classes):
        // PyTorch 1.13 on the paper's network, issue 14's table
        row("unet", 31_030_658L, 0L, 150_428_424_448L, NONE),
        // torchvision 0.14 segmentation models, num_classes=21, aux_loss=False, output 'out' (after
        // the final interpolate to the input size): zoo/tools/torchvision_figures.py, issue 14's table
        row("fcn_resnet50", 32_957_013L, 54_144L, 134_006_641_920L, NONE),
        row("deeplabv3_resnet50", 39_638_869L, 56_704L, 168_731_205_888L, NONE),
        row("lraspp_mobilenet_v3_large", 3_221_538L, 24_656L, 2_086_219_688L, NONE),
        // Ma et al. 2018; torchvision 0.14 shufflenet_v2_x1_0 (zoo/tools/torchvision_figures.py)
        row("shufflenet_v2_x1_0", 2_278_604L, 16_180L, 144_907_992L, NONE),
        // Liu et al. 2016; torchvision 0.14 ssd300_vgg16(num_classes=91): backbone, extras, L2 norm
        // scale and both heads on the six maps; MACs of the main output (conv11_2's map), the heads'
        // are in all MACs (model.backbone and model.head called on a 300x300 tensor), issue 14's figure
        withSides("ssd300_vgg16", 35_641_826L, 0L, 30_129_032_192L, 34_858_153_472L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void compilesToItsPublishedFigures(Row row) throws IOException {
    Path file = ZOO.resolve(row.name() + ".cnn");
    String text = Files.readString(file);
    Compilation compilation = CnnSpec.compile(new SpecInput.File(text, file.getFileName().toString()), CompileOptions.DEFAULT);

    assertTrue(compilation.diagnostics().isEmpty(), () -> row.name() + " has diagnostics:\n"
        + compilation.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    NetworkInfo network = compilation.networkOrThrow();

    assertEquals(row.params(), network.params(), row.name() + ": params");
    assertEquals(network.params(), network.trainableParams(), row.name() + ": trainable params");
    if (row.nonTrainable() != NONE) {
      assertEquals(row.nonTrainable(), network.nonTrainableParams(), row.name() + ": non-trainable");
    }
    if (row.macs() != NONE) {
      assertEquals(row.macs(), network.macs(), row.name() + ": MACs");
    }
    if (row.allMacs() != NONE) {
      assertEquals(row.allMacs(), network.allMacs(), row.name() + ": MACs of every output");
    }
    if (row.gmacs() != NONE) {
      BigDecimal published = BigDecimal.valueOf(row.gmacs());
      BigDecimal computed = BigDecimal.valueOf(network.macs())
          .movePointLeft(9)
          .setScale(published.scale(), RoundingMode.HALF_UP);
      assertEquals(0, published.compareTo(computed), () -> row.name() + ": " + network.macs()
          + " MACs round to " + computed + " G, published " + published + " G");
    }
  }

  /**
   * At another input size ({@code --input}, as summary, draw and export take it), the figures are
   * those of torchvision 0.14's model run on that input: params sum(p.numel()), MACs from forward
   * hooks on Conv2d and Linear, measured 2026-11-30 (fcn_resnet50 with num_classes=21,
   * aux_loss=False, its output interpolated to the input).
   */
  @ParameterizedTest(name = "{0} at {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "resnet18, 160x160x3, 11689512, 925798400, 1000",
      "fcn_resnet50, 320x480x3, 32957013, 81074995200, 320x480x21"})
  void atAnotherInputTheFiguresAreTorchvisions(String name, String input, long params, long macs, String output)
      throws IOException {
    Path file = ZOO.resolve(name + ".cnn");
    Compilation compilation = CnnSpec.compile(new SpecInput.File(Files.readString(file), file.getFileName().toString()),
        CompileOptions.DEFAULT.withInputSize(input));
    NetworkInfo network = compilation.networkOrThrow();
    assertEquals(params, network.params(), "params");
    assertEquals(macs, network.macs(), "MACs");
    assertEquals(output, network.output().toString(), "output");
  }

  @Test
  void everyZooFileHasARow() throws IOException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(ZOO)) {
      files = listing
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".cnn"))
          .map(name -> name.substring(0, name.length() - ".cnn".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> covered = rows().stream().map(Row::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(covered.size(), rows().size(), "duplicate rows");
    assertTrue(files.size() >= 22, "the zoo has " + files.size() + " networks, fewer than 22");
    assertEquals(files, covered, "zoo files and rows of this test");
  }
}
