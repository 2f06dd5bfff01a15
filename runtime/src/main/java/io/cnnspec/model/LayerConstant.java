package io.cnnspec.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of a network compiled by the annotation processor: every generated {@code Layer} enum
 * implements this, so that {@code Vgg16.Layer.POOL5.receptiveField()} works while the enum itself
 * holds only its constants and their {@link #info()}. Code that handles the layers of any network
 * can take a {@code LayerConstant}.
 */
public interface LayerConstant {

  /** All of this layer's figures as the runtime model. */
  LayerInfo info();

  /** The layer's name in the spec, e.g. {@code conv1}; an enum's {@code name()} is its Java name. */
  default String layerName() {
    return info().name();
  }

  /** The layer's kind, e.g. {@code conv}, {@code maxpool}, {@code fc}, {@code res}. */
  default String kind() {
    return info().kind();
  }

  /** The layer in the language, defs and repetition expanded, e.g. {@code conv3-64/2 p1}. */
  default String spec() {
    return info().spec();
  }

  /** 0 at the top level, one more inside each branch. */
  default int depth() {
    return info().depth();
  }

  /** The 1-based branch of the enclosing merge this layer belongs to, 0 at the top level. */
  default int branch() {
    return info().branch();
  }

  /** The shape this layer takes. */
  default Shape input() {
    return info().input();
  }

  /** The shape this layer gives. */
  default Shape output() {
    return info().output();
  }

  /** Learnable parameters: weights, biases, batch norm's gamma and beta. */
  default long params() {
    return info().params();
  }

  /** State that is not learned: batch norm's running mean and variance. */
  default long nonTrainableParams() {
    return info().nonTrainableParams();
  }

  /** Multiply-accumulates (convolutions and fully connected layers only). */
  default long macs() {
    return info().macs();
  }

  /** Output values this layer stores for the backward pass; 0 for in-place layers. */
  default long activations() {
    return info().activations();
  }

  /** Receptive field size, in input pixels, of one output value. */
  default long receptiveField() {
    return info().receptiveField();
  }

  /** Distance, in input pixels, between neighbouring output values. */
  default double jump() {
    return info().jump();
  }

  /** The {@link #info()} of each of {@code layers}, in their order: a generated enum's {@code values()} give its network's rows. */
  static List<LayerInfo> infos(LayerConstant... layers) {
    List<LayerInfo> infos = new ArrayList<>(layers.length);
    for (LayerConstant layer : layers) {
      infos.add(layer.info());
    }
    return infos;
  }
}
