package demo;

import io.cnnspec.Network;

/**
 * A network of one's own, inline with a def: the CIFAR-10 CNN of the Keras examples
 * ({@code cifar10_cnn.py}), two blocks of two 3x3 convolutions (the second without padding), max
 * pooling and dropout, then a 512-unit hidden layer. Keras prints "Total params: 1,250,858".
 */
@Network(
    name = "CifarNet",
    input = "32x32x3",
    value = """
        def block(c) {
          conv3-{c} relu  conv3-{c} valid relu  maxpool  dropout0.25
        }
        block(32) block(64)
        flatten fc512 relu dropout0.5 fc10 softmax
        """)
final class CifarNetSpec {
  private CifarNetSpec() {}
}
