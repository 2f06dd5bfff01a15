package io.cnnspec.lang.analysis;

import io.cnnspec.model.Shape;

/**
 * What one layer does to its input: the output shape and its figures.
 *
 * @param stored whether the output is kept for the backward pass (false for in-place activation
 *     functions, dropout, flatten and the identity)
 * @param window how the receptive field grows, or null when it does not change
 */
record Outcome(Shape output, long params, long nonTrainable, long macs, boolean stored, Window window) {}
