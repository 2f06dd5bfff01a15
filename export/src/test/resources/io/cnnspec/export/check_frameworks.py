"""Builds exported networks with the real PyTorch and ONNX and prints what they measure.

Reads lines of 'NAME<TAB>CLASS<TAB>PY_FILE<TAB>ONNX_FILE<TAB>INPUT_DIMS' from standard input (dims
comma-separated, NCHW with batch 1) and prints, per network, one line
'NAME<TAB>params<TAB>bn_running<TAB>macs<TAB>output_dims<TAB>onnx_output_dims<TAB>seconds' or
'NAME<TAB>ERROR<TAB>message'. MACs are measured with forward hooks on a zero input: a convolution
counts weight.numel() per output position, a transposed one per input position, a linear layer
weight.numel() per sample; the exported forward always computes the side outputs, so the hooks
measure every output's MACs. A network with side outputs returns a tuple (main, side1, ...): the
dims of each output are comma-separated and the outputs ';'-separated, ONNX's graph outputs likewise.
"""
import sys
import time
import traceback

import torch
import onnx

torch.set_num_threads(2)

torch.set_flush_denormal(True)


# The checks count and shape, they never read a weight's value: PyTorch's random initialisation
# of VGG's 138 M parameters would take most of the run, so weights are zero-filled instead.
def zero_parameters(layer):
    with torch.no_grad():
        for p in layer.parameters(recurse=False):
            p.zero_()


for layer in (torch.nn.modules.conv._ConvNd, torch.nn.Linear):
    layer.reset_parameters = zero_parameters


def measure(cls_name, py_file, dims):
    scope = {}
    with open(py_file) as f:
        exec(compile(f.read(), py_file, "exec"), scope)
    model = scope[cls_name]().eval()
    params = sum(p.numel() for p in model.parameters())
    running = sum(m.running_mean.numel() + m.running_var.numel()
                  for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm))
    macs = [0]

    def hook(module, inputs, output):
        if isinstance(module, torch.nn.ConvTranspose2d):
            macs[0] += module.weight.numel() * inputs[0].shape[2] * inputs[0].shape[3]
        elif isinstance(module, torch.nn.Conv2d):
            macs[0] += module.weight.numel() * output.shape[2] * output.shape[3]
        elif isinstance(module, torch.nn.Linear):
            macs[0] += module.weight.numel()

    for m in model.modules():
        if isinstance(m, (torch.nn.Conv2d, torch.nn.ConvTranspose2d, torch.nn.Linear)):
            m.register_forward_hook(hook)
    with torch.no_grad():
        out = model(torch.zeros(*dims))
    outputs = out if isinstance(out, tuple) else (out,)
    return params, running, macs[0], ";".join(",".join(map(str, o.shape)) for o in outputs)


def onnx_output(onnx_file):
    model = onnx.load(onnx_file)
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    # each graph output is an Identity of a computed tensor: that tensor's shape is ONNX's inference,
    # not the declared output shape (strict mode fails on a disagreement between the two as well)
    inferred_shapes = {v.name: v.type.tensor_type.shape.dim for v in inferred.graph.value_info}
    inferred_shapes.update({v.name: v.type.tensor_type.shape.dim for v in inferred.graph.input})
    producer = {n.output[0]: n for n in inferred.graph.node}
    shapes = []
    for output in inferred.graph.output:
        node = producer[output.name]
        source = node.input[0] if node.op_type == "Identity" else output.name
        dims = inferred_shapes.get(source, output.type.tensor_type.shape.dim)
        shapes.append(",".join(str(d.dim_value) for d in dims))
    return ";".join(shapes)


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    name, cls_name, py_file, onnx_file, dims = line.split("\t")
    start = time.time()
    try:
        params, running, macs, shape = measure(cls_name, py_file, [int(d) for d in dims.split(",")])
        onnx_shape = onnx_output(onnx_file)
        print("\t".join([name, str(params), str(running), str(macs), shape, onnx_shape, "%.1f" % (time.time() - start)]), flush=True)
    except Exception as e:
        message = traceback.format_exc().strip().splitlines()
        print(name + "\tERROR\t" + " | ".join(message[-3:]), flush=True)
