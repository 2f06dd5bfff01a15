package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;

/** The per-layer columns the text table and the Markdown report share, so they never disagree. */
final class LayerColumns {

  static final String[] HEADERS = {"Layer", "Spec", "Output shape", "Params", "MACs", "Activations", "RF"};

  /** Counts are right-aligned so their digit groups line up; names, specs and shapes read left to right. */
  static final boolean[] NUMERIC = {false, false, false, true, true, true, true};

  private LayerColumns() {}

  /** The cells of one row; {@code prefix} is the row's tree mark from {@link LayerTree}. */
  static String[] cells(LayerInfo layer, String prefix) {
    return new String[] {
      prefix + layer.name(),
      layer.spec(),
      layer.output().toString(),
      count(layer.params()),
      count(layer.macs()),
      count(layer.activations()),
      Figures.grouped(layer.receptiveField()),
    };
  }

  // torchinfo's "--" for nothing: a column of zeros from activation functions hides the real figures
  private static String count(long value) {
    return value == 0 ? "--" : Figures.grouped(value);
  }
}
