package demo;

import io.cnnspec.Network;

/** A spec file of this project's own, {@code src/main/cnn/mnist_convnet.cnn}: generates {@code demo.MnistConvnet}. */
@Network(file = "mnist_convnet.cnn")
final class MnistSpec {
  private MnistSpec() {}
}
