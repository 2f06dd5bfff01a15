package demo;

import io.cnnspec.Network;

@Network(file = "resnet20.cnn")
@Network(file = "zoo:resnet50")
final class Specs {}
