package io.cnnspec.model;

import java.util.List;
import java.util.Objects;

/**
 * The analysis of a whole network: its layers in execution order (a merge row before its branches)
 * and the totals, as the cnnspec analysis computed them. The totals are carried, not recomputed, so
 * every consumer shows the same figures. The model does not render itself: the reports of
 * {@code io.cnnspec.report} take it ({@code Reports.render(network, format, options)}).
 *
 * @param params learnable parameters, PyTorch's {@code sum(p.numel() for p in model.parameters())}
 * @param trainableParams the learnable parameters that training updates (all of them in cnnspec)
 * @param nonTrainableParams batch norm running statistics; Keras counts these in its "Total params"
 * @param macs multiply-accumulates of convolutions and fully connected layers, of the main output:
 *     the rows of side outputs ({@code side { ... }}, auxiliary classifiers) are not counted here
 *     but in each {@link SideOutput#macs()}, as torchvision's figures leave the auxiliary heads out
 * @param activations stored values: the input plus every layer output that must be kept
 * @param blocks the def calls, repetitions and labelled groups the rows were expanded from, outer
 *     before inner and in row order; empty where the structure is not known (a network rebuilt
 *     from constants)
 * @param sideOutputs the extra outputs ({@code side { ... }}) in row order; params and activations
 *     count their rows, {@code macs} does not
 */
public record NetworkInfo(
    String name,
    Shape input,
    Shape output,
    List<LayerInfo> layers,
    long params,
    long trainableParams,
    long nonTrainableParams,
    long macs,
    long activations,
    List<Block> blocks,
    List<SideOutput> sideOutputs) {

  /** A network whose rows' structure is not known: no blocks, and no side outputs. */
  public NetworkInfo(String name, Shape input, Shape output, List<LayerInfo> layers, long params,
      long trainableParams, long nonTrainableParams, long macs, long activations) {
    this(name, input, output, layers, params, trainableParams, nonTrainableParams, macs, activations, List.of());
  }

  /** A network without side outputs. */
  public NetworkInfo(String name, Shape input, Shape output, List<LayerInfo> layers, long params,
      long trainableParams, long nonTrainableParams, long macs, long activations, List<Block> blocks) {
    this(name, input, output, layers, params, trainableParams, nonTrainableParams, macs, activations, blocks,
        List.of());
  }

  public NetworkInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    // a LayerTable is immutable already, and copying it would make every row an object
    layers = layers instanceof LayerTable ? layers : List.copyOf(layers);
    // a BlockTable is immutable already, and knows its last row without making a block per entry
    if (blocks instanceof BlockTable table) {
      if (table.maxEndRow() > layers.size()) {
        throw new IllegalArgumentException("a block ends past the last row of network " + name);
      }
    } else {
      blocks = List.copyOf(blocks);
      for (Block block : blocks) {
        if (block.endRow() > layers.size()) {
          throw new IllegalArgumentException("block " + block.text() + " ends past the last row of network " + name);
        }
      }
    }
    sideOutputs = List.copyOf(sideOutputs);
    for (SideOutput side : sideOutputs) {
      if (side.endRow() > layers.size()) {
        throw new IllegalArgumentException("side output " + side.name() + " ends past the last row of network " + name);
      }
    }
    if (params < 0 || trainableParams < 0 || nonTrainableParams < 0 || macs < 0 || activations < 0) {
      throw new IllegalArgumentException("negative total in network " + name);
    }
  }

  /** Keras's "Total params": learnable plus non-trainable state. */
  public long kerasTotalParams() {
    return Math.addExact(params, nonTrainableParams);
  }

  /**
   * Multiply-accumulates of everything the network computes: the main output's {@link #macs()}
   * plus every side output's.
   *
   * @throws ArithmeticException if the sum passes 64 bits
   */
  public long allMacs() {
    long all = macs;
    for (SideOutput side : sideOutputs) {
      all = Math.addExact(all, side.macs());
    }
    return all;
  }

  /** Multiply-accumulates times two, labelled FLOPs wherever it is shown. */
  public long flops() {
    return Math.multiplyExact(macs, 2);
  }

  /** The layer with this name, or null. */
  public LayerInfo layer(String layerName) {
    for (LayerInfo layer : layers) {
      if (layer.name().equals(layerName)) {
        return layer;
      }
    }
    return null;
  }
}
