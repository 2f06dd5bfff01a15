package demo;

import io.cnnspec.Network;

/**
 * VGG-16, written inline the way the paper's Table 1 writes configuration D. The processor compiles
 * the spec while javac compiles this file and writes {@code demo.Vgg16}: its figures are
 * compile-time constants ({@code Vgg16.PARAMS == 138_357_544L}), and a spec whose shapes did not
 * fit would be a compile error on this annotation.
 */
@Network(
    name = "Vgg16",
    input = "224x224x3",
    value = """
        expect params 138_357_544
        conv3-64x2   maxpool
        conv3-128x2  maxpool
        conv3-256x3  maxpool
        conv3-512x3  maxpool
        conv3-512x3  maxpool
        fc4096 fc4096 fc1000 softmax
        """)
final class Vgg16Spec {
  private Vgg16Spec() {}
}
