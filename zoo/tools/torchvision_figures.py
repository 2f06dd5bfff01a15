#!/usr/bin/python3
"""The figures of the zoo networks that issue 14 asks for, from a real torchvision 0.14.

Run with the Python that has torch 1.13 and torchvision 0.14 (here /usr/bin/python3):

    /usr/bin/python3 zoo/tools/torchvision_figures.py [NAME ...]

For each network it prints what the zoo file's `expect` lines and cli's ZooFiguresTest hold:
  params        sum(p.numel()) over model.parameters()
  nontrainable  batch norm statistics: the numels of every running_mean and running_var
  macs          multiply-accumulates by forward hooks on Conv2d and Linear: output numel x
                in_channels / groups x kernel area (Linear: in x out features), batch 1, zero
                input, eval mode (none of these networks has a transposed convolution)
  output        the shape of each output, HxWxC

Segmentation models are called whole (output 'out', after the final interpolate to the input
size). For SSD the transform (resize and normalisation) is skipped: model.backbone and model.head
are called directly on a 1x3x300x300 tensor, so every head's MACs count (the zoo's `allmacs`), and
the outputs are the 6 feature maps' class and box predictions before they are flattened.
No weights are downloaded: weights=None, weights_backbone=None.
"""
import sys

import torch
from torch import nn
import torchvision
from torchvision.models import shufflenet_v2_x1_0
from torchvision.models.detection import ssd300_vgg16
from torchvision.models.segmentation import deeplabv3_resnet50, fcn_resnet50, lraspp_mobilenet_v3_large


def params(model):
    return sum(p.numel() for p in model.parameters())


def bn_statistics(model):
    return sum(m.running_mean.numel() + m.running_var.numel()
               for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm))


class MacCounter:
    """Forward hooks that add up the MACs of every convolution and fully connected layer, until removed."""

    def __init__(self, model):
        self.macs = 0
        self.handles = [m.register_forward_hook(self.hook) for m in model.modules()
                        if isinstance(m, (nn.Conv2d, nn.Linear))]

    def hook(self, module, inputs, output):
        if isinstance(module, nn.Linear):
            self.macs += output.numel() // module.out_features * module.in_features * module.out_features
        else:
            kh, kw = module.kernel_size
            self.macs += output.numel() * module.in_channels // module.groups * kh * kw

    def remove(self):
        for h in self.handles:
            h.remove()


def hwc(t):
    _, c, h, w = t.shape
    return f"{h}x{w}x{c}"


def segmentation(factory, size):
    def run():
        model = factory(num_classes=21, aux_loss=False, weights=None, weights_backbone=None).eval()
        counter = MacCounter(model)
        with torch.no_grad():
            out = model(torch.zeros(1, 3, size, size))["out"]
        counter.remove()
        return model, counter.macs, [hwc(out)]
    return run


def lraspp():
    model = lraspp_mobilenet_v3_large(num_classes=21, weights=None, weights_backbone=None).eval()
    counter = MacCounter(model)
    with torch.no_grad():
        out = model(torch.zeros(1, 3, 520, 520))["out"]
    counter.remove()
    return model, counter.macs, [hwc(out)]


def shufflenet():
    model = shufflenet_v2_x1_0(weights=None).eval()
    counter = MacCounter(model)
    with torch.no_grad():
        out = model(torch.zeros(1, 3, 224, 224))
    counter.remove()
    return model, counter.macs, [f"{out.shape[1]}"]


def ssd():
    model = ssd300_vgg16(num_classes=91, weights=None, weights_backbone=None).eval()
    counter = MacCounter(model)
    outputs = []
    with torch.no_grad():
        features = list(model.backbone(torch.zeros(1, 3, 300, 300)).values())
        backbone_macs = counter.macs
        model.head(features)
        counter.remove()
        outputs.append(f"backbone and extras alone (to conv11_2, 1x1x256): macs {backbone_macs:,}")
        # the per-map head outputs, before SSD flattens them into (anchors, classes) rows; the
        # heads run again here, after the counter is removed, so they are not counted twice
        for i, f in enumerate(features):
            outputs.append(f"map {i} {hwc(f)}: cls {hwc(model.head.classification_head.module_list[i](f))}"
                           f", box {hwc(model.head.regression_head.module_list[i](f))}")
    return model, counter.macs, outputs


NETWORKS = {
    "shufflenet_v2_x1_0": shufflenet,
    "fcn_resnet50": segmentation(fcn_resnet50, 500),
    "deeplabv3_resnet50": segmentation(deeplabv3_resnet50, 520),
    "lraspp_mobilenet_v3_large": lraspp,
    "ssd300_vgg16": ssd,
}


def main(names):
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}")
    for name in names or NETWORKS:
        model, macs, outputs = NETWORKS[name]()
        print(f"{name}: params {params(model):,}  nontrainable {bn_statistics(model):,}  macs {macs:,}")
        for o in outputs:
            print(f"  output {o}")


if __name__ == "__main__":
    main(sys.argv[1:])
