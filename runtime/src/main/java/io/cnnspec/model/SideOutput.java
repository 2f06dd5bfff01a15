package io.cnnspec.model;

import java.util.Objects;

/**
 * An extra output of a network, written {@code side { ... }}: an auxiliary classifier
 * (GoogLeNet's aux1 and aux2, Inception-v3's AuxLogits) or a detection head on one feature map.
 * Its branch runs on the map at the side row and ends in {@link #shape}; the network's own flow
 * passes that map on unchanged.
 *
 * @param name the side row's name ({@code side1}, or its {@code @name}), as in {@link NetworkInfo#layer}
 * @param shape the output's shape, HxWxC or a vector
 * @param row index in {@link NetworkInfo#layers()} of the side row (kind {@code side}); the branch's
 *     rows follow it
 * @param endRow index one past the branch's last row
 * @param macs multiply-accumulates of the branch's own rows (those of a side output nested in it
 *     excluded): what computing this output costs beyond the main path. The network's
 *     {@link NetworkInfo#macs()} counts the main output only, so everything computed is macs plus
 *     the side outputs' (see {@link NetworkInfo#allMacs()}).
 */
public record SideOutput(String name, Shape shape, int row, int endRow, long macs) {

  public SideOutput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if (row < 0 || endRow <= row || macs < 0) {
      throw new IllegalArgumentException("bad side output " + name + ": rows " + row + ".." + endRow + ", " + macs + " MACs");
    }
  }
}
