package broken;

import io.cnnspec.Network;

/**
 * Two file specs, one fine and one whose expected figure no longer holds. Not part of the build;
 * CompileErrorTest compiles it.
 */
@Network(file = "lenet5.cnn")
@Network(file = "vgg16_typo.cnn")
class BrokenFileSpecs {}
