package demo;

import io.cnnspec.Network;

/**
 * Reference networks read from {@code .cnn} files rather than written inline: the class name is
 * the header's ({@code network AlexNet : ...} gives {@code demo.AlexNet}) unless {@code name} gives
 * another. The files are found on the {@code -Acnnspec.path} directories of the build (this
 * project's pom.xml); these are the repository's zoo files, the same ones
 * {@code cnnspec summary alexnet} shows. {@code @Network} repeats, so one type can declare several
 * networks. {@code googlenet_aux.cnn} has two side outputs (its auxiliary classifiers), which get
 * constants of their own: {@code GoogLeNetAux.AUX1_OUTPUT_CHANNELS}, {@code GoogLeNetAux.AUX1_MACS}.
 */
@Network(file = "alexnet.cnn")
@Network(file = "resnet50.cnn")
@Network(file = "vgg16.cnn", name = "Vgg16Torchvision")
@Network(file = "googlenet_aux.cnn")
final class ReferenceNetworks {
  private ReferenceNetworks() {}
}
