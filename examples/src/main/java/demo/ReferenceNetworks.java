package demo;

import io.cnnspec.Network;

/**
 * Reference networks read from {@code .cnn} files rather than written inline: the class name is
 * the header's ({@code network AlexNet : ...} gives {@code demo.AlexNet}) unless {@code name} gives
 * another. {@code zoo:NAME} is a network of the zoo, which the processor's jar carries: the
 * repository's zoo files, the same ones {@code cnnspec summary alexnet} shows, with nothing to
 * configure. {@code @Network} repeats, so one type can declare several networks.
 * {@code zoo:googlenet_aux} has two side outputs (its auxiliary classifiers), which get constants of
 * their own: {@code GoogLeNetAux.AUX1_OUTPUT_CHANNELS}, {@code GoogLeNetAux.AUX1_MACS}.
 * {@code zoo:unet} is the paper's U-Net, whose copy and crop is a bare {@code crop} that takes the
 * size of the upsampled branch it is concatenated with.
 */
@Network(file = "zoo:alexnet")
@Network(file = "zoo:resnet50")
@Network(file = "zoo:vgg16", name = "Vgg16Torchvision")
@Network(file = "zoo:googlenet_aux")
@Network(file = "zoo:unet")
final class ReferenceNetworks {
  private ReferenceNetworks() {}
}
