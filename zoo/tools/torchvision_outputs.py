#!/usr/bin/python3
"""Checks that the zoo's networks that follow torchvision, exported to PyTorch, compute what torchvision 0.14 computes.

Run from the repository's root, after a build (mvn -B -q install -DskipTests), with the Python that
has torch 1.13 and torchvision 0.14 (here /usr/bin/python3):

    /usr/bin/python3 zoo/tools/torchvision_outputs.py [--exported DIR] [NAME ...]

For each network: `cnnspec export --to pytorch zoo/NAME.cnn` (or DIR/NAME.py, exported already: the
build's ExportedZooTest does that), the module built, its parameters
matched one to one (by shape, in torchvision's registration order) with torchvision's model, the
same random weights and batch norm statistics put in both, and every output compared on one random
input. Where the two register parameters in different orders the match says how it reorders
(LR-ASPP's low-level classifier; SSD's heads, which torchvision keeps in two lists). Batch norm eps
is not in a spec: the exported module has PyTorch's 1e-5, so it is set to torchvision's (0.001 in
MobileNetV3) before the comparison, and said so. This complements zoo/tools/torchvision_figures.py
(the counts) and export's FrameworkCheckTest (counts and shapes of every zoo network): equal outputs
with equal weights mean the spec is the same network, not only one with the same figures: a
stride-2 convolution with "same" padding has torchvision's figures but pads the odd pixel at the
bottom/right where torchvision pads 1 on every side, which only outputs show.
"""
import os
import subprocess
import sys
import tempfile

import torch
import torchvision.models as tvm
from torch import nn
from torchvision.models import shufflenet_v2_x1_0
from torchvision.models.detection import ssd300_vgg16
from torchvision.models.segmentation import deeplabv3_resnet50, fcn_resnet50, lraspp_mobilenet_v3_large

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


EXPORTED = None  # a directory of NAME.py files exported already, or None to run cnnspec export


def exported(name):
    """The module cnnspec exports for zoo/NAME.cnn, built."""
    if EXPORTED is not None:
        with open(os.path.join(EXPORTED, name + ".py")) as f:
            source = f.read()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            py = os.path.join(tmp, name + ".py")
            subprocess.run([os.path.join(ROOT, "cnnspec"), "export", "--to", "pytorch", "-o", py,
                            os.path.join(ROOT, "zoo", name + ".cnn")], check=True)
            with open(py) as f:
                source = f.read()
    scope = {}
    exec(compile(source, name + ".py", "exec"), scope)
    network_class = [line.split()[1].split("(")[0] for line in source.splitlines() if line.startswith("class ")][-1]
    return scope[network_class]().eval()


def in_order(params):
    return [p for _, p in params]


def lraspp_order(params):
    # the spec's add { conv1-21 | ... } registers the low-level classifier (40 -> 21) where the add
    # begins; torchvision registers it after the head's scale convolution (960 -> 128)
    low = next(i for i, (_, p) in enumerate(params) if p.shape == torch.Size([21, 40, 1, 1]))
    moved, rest = params[low:low + 2], params[:low] + params[low + 2:]
    scale = max(i for i, (_, p) in enumerate(rest) if p.shape == torch.Size([128, 960, 1, 1]))
    return in_order(rest[:scale + 1] + moved + rest[scale + 1:])


def ssd_order(params):
    # each map's heads stand at the map in the spec (boxN.cls, boxN); torchvision keeps every
    # classification head, then every regression head; its scale_weight comes first, as the l2norm's
    heads = [(n, p) for n, p in params if n.startswith("box") and "l2norm" not in n]
    body = [(n, p) for n, p in params if not (n.startswith("box") and "l2norm" not in n)]
    return in_order(body + [h for h in heads if "cls" in h[0]] + [h for h in heads if "cls" not in h[0]])


def ssd_outputs(model, x):
    # the spec's outputs: conv11_2's map, then per map its box offsets and class scores
    features = list(model.backbone(x).values())
    outputs = [features[-1]]
    for i, f in enumerate(features):
        outputs += [model.head.regression_head.module_list[i](f), model.head.classification_head.module_list[i](f)]
    return outputs


def is_aux(name):
    return name.split(".")[0].startswith("aux")


def aux_last(params):
    # a side output stands where it branches off in the spec (aux1 after inception 4a, aux2 after 4d);
    # torchvision registers its aux heads after the last inception block, before the classifier (fc)
    aux = [(n, p) for n, p in params if is_aux(n)]
    body = [(n, p) for n, p in params if not is_aux(n)]
    return in_order(body[:-2] + aux + body[-2:])


def aux_batch_norms_last(modules):
    # as aux_last, for the batch norms: torchvision's classifier after the aux heads has none
    return in_order([(n, m) for n, m in modules if not is_aux(n)] + [(n, m) for n, m in modules if is_aux(n)])


def with_aux(taps):
    """The main output (eval mode), then each aux head on the output of the block it taps."""
    def outputs(model, x):
        seen = {}
        hooks = [getattr(model, block).register_forward_hook(lambda m, i, o, b=block: seen.__setitem__(b, o))
                 for block, _ in taps]
        main = model(x)
        for h in hooks:
            h.remove()
        return [main] + [getattr(model, head)(seen[block]) for block, head in taps]
    return outputs


def main_output(model, x):
    return [model(x)]


def classifier(make, size=224):
    return (make, size, in_order, main_output)


def with_softmax(model, x):
    # VGG's Table 1 ends in a soft-max, and so do the zoo's vgg11 ... vgg19; torchvision's end at the fc
    return [torch.softmax(model(x), dim=1)]


NETWORKS = {
    "alexnet_torchvision": classifier(lambda: tvm.alexnet()),
    **{name: (lambda name=name: getattr(tvm, name)(), 224, in_order, with_softmax)
       for name in ["vgg11", "vgg13", "vgg16", "vgg19"]},
    **{name: classifier(lambda name=name: getattr(tvm, name)())
       for name in ["vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d",
                    "wide_resnet50_2", "densenet121", "densenet161", "densenet169", "densenet201",
                    "mobilenet_v2", "mobilenet_v3_large", "efficientnet_b0", "squeezenet1_0", "squeezenet1_1"]},
    "googlenet": classifier(lambda: tvm.googlenet(aux_logits=False, init_weights=False)),
    "googlenet_aux": (lambda: tvm.googlenet(aux_logits=True, init_weights=False), 224, aux_last,
                      with_aux([("inception4a", "aux1"), ("inception4d", "aux2")]), aux_batch_norms_last),
    "inception_v3": classifier(lambda: tvm.inception_v3(aux_logits=False, init_weights=False), 299),
    "inception_v3_aux": (lambda: tvm.inception_v3(aux_logits=True, init_weights=False), 299, in_order,
                         with_aux([("Mixed_6e", "AuxLogits")])),
    "shufflenet_v2_x1_0": (lambda: shufflenet_v2_x1_0(weights=None), 224, in_order, lambda m, x: [m(x)]),
    "fcn_resnet50": (lambda: fcn_resnet50(num_classes=21, aux_loss=False, weights=None, weights_backbone=None),
                     500, in_order, lambda m, x: [m(x)["out"]]),
    "deeplabv3_resnet50": (lambda: deeplabv3_resnet50(num_classes=21, aux_loss=False, weights=None,
                                                      weights_backbone=None),
                           520, in_order, lambda m, x: [m(x)["out"]]),
    "lraspp_mobilenet_v3_large": (lambda: lraspp_mobilenet_v3_large(num_classes=21, weights=None,
                                                                    weights_backbone=None),
                                  520, lraspp_order, lambda m, x: [m(x)["out"]]),
    "ssd300_vgg16": (lambda: ssd300_vgg16(num_classes=91, weights=None, weights_backbone=None), 300, ssd_order,
                     ssd_outputs),
}


def compare(name):
    make, size, order, outputs, *batch_norm_order = NETWORKS[name]
    batch_norm_order = batch_norm_order[0] if batch_norm_order else in_order
    torch.manual_seed(0)
    ours, theirs = exported(name), make().eval()
    ours_params = order(list(ours.named_parameters()))
    theirs_params = list(theirs.parameters())
    if [p.shape for p in ours_params] != [p.shape for p in theirs_params]:
        return "FAILED: the parameters do not match one to one"
    ours_bn = batch_norm_order([(n, m) for n, m in ours.named_modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)])
    theirs_bn = [m for m in theirs.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    if [m.num_features for m in ours_bn] != [m.num_features for m in theirs_bn]:
        return "FAILED: the batch norms do not match one to one"
    eps = sorted({m.eps for m in theirs_bn} - {m.eps for m in ours_bn})
    with torch.no_grad():
        for o, t in zip(ours_params, theirs_params):
            t.copy_(torch.randn_like(t) * 0.1)
            o.copy_(t)
        for o, t in zip(ours_bn, theirs_bn):
            t.running_mean.copy_(torch.randn_like(t.running_mean) * 0.1)
            t.running_var.copy_(torch.rand_like(t.running_var) + 0.5)
            o.running_mean.copy_(t.running_mean)
            o.running_var.copy_(t.running_var)
            o.eps = t.eps
        x = torch.randn(1, 3, size, size)
        a = ours(x)
        a = list(a) if isinstance(a, tuple) else [a]
        b = outputs(theirs, x)
    if [u.shape for u in a] != [v.shape for v in b]:
        return f"FAILED: output shapes {[tuple(u.shape) for u in a]} != {[tuple(v.shape) for v in b]}"
    difference = max((u - v).abs().max().item() / v.abs().max().item() for u, v in zip(a, b))
    return (f"{'same' if difference < 1e-5 else 'FAILED: different'} outputs ({len(a)}): largest difference "
            f"{difference:.1e} of the largest value" + (f"; batch norm eps set to torchvision's {eps}" if eps else ""))


def main(args):
    global EXPORTED
    if args[:1] == ["--exported"]:
        EXPORTED, args = args[1], args[2:]
    names = args
    failed = False
    for name in names or NETWORKS:
        result = compare(name)
        failed |= result.startswith("FAILED")
        print(f"{name}: {result}", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
