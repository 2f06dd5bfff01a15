package io.cnnspec.export;

import io.cnnspec.lang.Compilation;
import io.cnnspec.model.NetworkInfo;
import java.util.List;

/**
 * Writes a compiled network in a framework's terms, so the spec stays the one description of it.
 *
 * <p>From a Java build, next to a class the annotation processor generated:
 *
 * <pre>{@code
 * Compilation compilation = CnnSpec.compile(
 *     new SpecInput.File(Files.readString(spec), spec.toString()), CompileOptions.DEFAULT);
 * Files.writeString(Path.of("resnet50.py"), Export.pytorch(compilation));
 * Files.write(Path.of("resnet50.onnx"), Export.onnx(compilation, Export.Weights.NONE));
 * }</pre>
 *
 * <p>Neither format carries trained weights or an initialisation: PyTorch initialises as it
 * always does, and ONNX gets weights as inputs or zeros ({@link Weights}).
 */
public final class Export {

  /** What an ONNX model holds for its weights. */
  public enum Weights {
    /** Weights are graph inputs with their shapes, and the file is small: feed them at run time. */
    NONE,
    /** Weights are zero-filled initializers: a model that runs as it is, 4 bytes per parameter. */
    ZEROS
  }

  private Export() {}

  /**
   * The network as a Python module that imports only {@code torch}: one {@code nn.Module} class
   * named after the network, one class per def (calls of a def that differ only in numbers share
   * it, the numbers that differ becoming constructor parameters; calls that differ in their layers
   * get a class each, numbered), repeated calls as {@code nn.Sequential}, branches as explicit
   * {@code forward} code, row names as attribute names. Tensors are NCHW. TensorFlow's "same"
   * padding (output ceil(n / stride), the odd pixel at the bottom/right) is the layer's own padding
   * where it is symmetric and an explicit {@code F.pad} before it where it is not. fc layers flatten
   * NCHW, so their weights are laid out unlike Keras's (the count is the same). A network with side
   * outputs ({@code side { ... }}) returns a tuple from {@code forward}: the main output, then each
   * side output in row order, as {@link NetworkInfo#sideOutputs()} lists them.
   *
   * @throws IllegalArgumentException if the compilation has errors (no network) or no ops
   * @throws ExportException if a layer has no PyTorch equivalent (e.g. average pooling with dilation),
   *     or a side output stands inside a def
   */
  public static String pytorch(Compilation compilation) {
    NetworkInfo network = network(compilation);
    return PyTorchWriter.write(network, NetworkTree.of(network, compilation.ops(), compilation.branchCounts()));
  }

  /**
   * The network as an ONNX model (opset 17, IR version 8), encoded: one input {@code input} of
   * shape 1xCxHxW (1xN for a vector), one output {@code output} and, after it, one output per side
   * output named for its row ({@code aux1}), static shapes, nodes named after the spec's rows, and
   * weights as {@code weights} says.
   *
   * @throws IllegalArgumentException if the compilation has errors (no network) or no ops
   * @throws ExportException if a layer has no ONNX equivalent (e.g. a {@code ceil} pooling that rounds
   *     up on one axis and, by PyTorch's last-window rule, down on the other), or a side output is
   *     named {@code input} or {@code output}
   */
  public static byte[] onnx(Compilation compilation, Weights weights) {
    NetworkInfo network = network(compilation);
    return OnnxWriter.write(network, NetworkTree.of(network, compilation.ops(), compilation.branchCounts()), weights).toByteArray();
  }

  private static NetworkInfo network(Compilation compilation) {
    if (!compilation.ok()) {
      throw new IllegalArgumentException("the spec has errors, so there is no network to export: fix them first");
    }
    List<?> ops = compilation.ops();
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("the compilation carries no ops; export needs one from CnnSpec.compile");
    }
    return compilation.networkOrThrow();
  }
}
