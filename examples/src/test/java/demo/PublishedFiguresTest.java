package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The generated constants against the figures papers, frameworks and tools publish. Each is a
 * compile-time constant: these assertions compare literals the processor wrote into the classes.
 */
class PublishedFiguresTest {

  @Test
  void vgg16() {
    // Simonyan & Zisserman (2014), Table 2: "138" million; torchvision vgg16: num_params 138,357,544;
    // Keras applications VGG16: "Total params: 138,357,544".
    assertEquals(138_357_544L, Vgg16.PARAMS);
    assertEquals(138_357_544L, Vgg16.TRAINABLE_PARAMS);
    assertEquals(0L, Vgg16.NON_TRAINABLE_PARAMS);
    // torchvision vgg16: "GFLOPS 15.47", which are multiply-adds.
    assertEquals(15_470_264_320L, Vgg16.MACS);
    assertEquals(2 * Vgg16.MACS, Vgg16.FLOPS);
    // The input plus every conv, pool and fc output: 58.1 MiB in fp32.
    assertEquals(15_237_608L, Vgg16.ACTIVATIONS);
  }

  @Test
  void vgg16PerLayer() {
    // The well-known breakdown: the first fc layer holds three quarters of the parameters.
    assertEquals(1_792L, Vgg16.Layer.CONV1.params());
    assertEquals(102_764_544L, Vgg16.Layer.FC1.params());
    assertEquals(16_781_312L, Vgg16.Layer.FC2.params());
    assertEquals(4_097_000L, Vgg16.Layer.FC3.params());
    assertEquals(86_704_128L, Vgg16.Layer.CONV1.macs());
  }

  @Test
  void vgg16ShapesAreIntConstants() {
    assertEquals(224, Vgg16.INPUT_HEIGHT);
    assertEquals(224, Vgg16.INPUT_WIDTH);
    assertEquals(3, Vgg16.INPUT_CHANNELS);
    assertEquals(150_528L, Vgg16.INPUT_SIZE);
    assertEquals(1000, Vgg16.OUTPUT_CHANNELS);
    assertEquals(1000L, Vgg16.OUTPUT_SIZE);
  }

  @Test
  void alexNetOfTheCaffeModel() {
    // Caffe's bvlc_alexnet, the two-GPU network of the paper: 60,965,224 parameters.
    assertEquals(60_965_224L, AlexNet.PARAMS);
    // Sze et al. (2017), "Efficient Processing of Deep Neural Networks", Table III: 724M MACs.
    assertEquals(724_406_816L, AlexNet.MACS);
    assertEquals(227, AlexNet.INPUT_HEIGHT);
  }

  @Test
  void resNet50OfTorchvision() {
    // torchvision resnet50: num_params 25,557,032, "GFLOPS 4.09" (multiply-adds).
    assertEquals(25_557_032L, ResNet50.PARAMS);
    assertEquals(4_089_184_256L, ResNet50.MACS);
    // Batch norm's running mean and variance: 2C for each of its 53 batch norms.
    assertEquals(53_120L, ResNet50.NON_TRAINABLE_PARAMS);
    // What Keras's summary would print as "Total params" for this network.
    assertEquals(25_610_152L, ResNet50.INFO.kerasTotalParams());
  }

  @Test
  void googLeNetWithItsAuxiliaryClassifiers() {
    // torchvision 0.14 googlenet(aux_logits=True): sum(p.numel()) 13,004,888; MACs by forward hooks
    // in eval mode (the main output) 1,498,376,192; each aux head run by itself on its 14x14 input:
    // 4,169,728 (aux1, on 512 channels) and 4,202,496 (aux2, on 528)
    assertEquals(13_004_888L, GoogLeNetAux.PARAMS);
    assertEquals(1_498_376_192L, GoogLeNetAux.MACS);
    assertEquals(4_169_728L, GoogLeNetAux.AUX1_MACS);
    assertEquals(4_202_496L, GoogLeNetAux.AUX2_MACS);
    assertEquals(1000, GoogLeNetAux.AUX1_OUTPUT_CHANNELS);
    assertEquals(1000L, GoogLeNetAux.AUX2_OUTPUT_SIZE);
    assertEquals(2, GoogLeNetAux.INFO.sideOutputs().size());
    assertEquals(GoogLeNetAux.MACS + GoogLeNetAux.AUX1_MACS + GoogLeNetAux.AUX2_MACS, GoogLeNetAux.INFO.allMacs());
  }

  @Test
  void uNetWithItsCopyAndCropAsBareCrops() {
    // the zoo's U-Net (Ronneberger et al. 2015, Figure 1), checked with PyTorch 1.13:
    // sum(p.numel()) 31,030,658; conv and transposed conv MACs 150,428,424,448; 1x2x388x388 out
    assertEquals(31_030_658L, UNet.PARAMS);
    assertEquals(150_428_424_448L, UNet.MACS);
    assertEquals(388, UNet.OUTPUT_HEIGHT);
    assertEquals(2, UNet.OUTPUT_CHANNELS);
    // the deepest copy and crop: the 64x64x512 map cropped to the 56x56 the upsampled branch ends in
    assertTrue(UNet.INFO.layers().stream().anyMatch(l -> l.kind().equals("crop") && l.input().toString().equals("64x64x512")
        && l.output().toString().equals("56x56x512")));
  }

  @Test
  void kerasExamples() {
    // keras.io "Simple MNIST convnet": "Total params: 34,826".
    assertEquals(34_826L, MnistConvnet.PARAMS);
    // Keras's examples/cifar10_cnn.py: "Total params: 1,250,858".
    assertEquals(1_250_858L, CifarNet.PARAMS);
  }

  @Test
  void activationFunctionsDoNotChangeAnyFigure() {
    // The inline Vgg16 is written like the paper's table, without ReLU or dropout; the zoo's file
    // has them. They have no parameters, no MACs and run in place, so every figure agrees.
    assertEquals(Vgg16.PARAMS, Vgg16Torchvision.PARAMS);
    assertEquals(Vgg16.MACS, Vgg16Torchvision.MACS);
    assertEquals(Vgg16.ACTIVATIONS, Vgg16Torchvision.ACTIVATIONS);
    assertEquals(22, Vgg16.Layer.values().length);
    assertEquals(39, Vgg16Torchvision.Layer.values().length);
  }
}
