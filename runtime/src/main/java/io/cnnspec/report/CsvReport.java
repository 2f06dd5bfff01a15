package io.cnnspec.report;

import io.cnnspec.model.LayerInfo;
import io.cnnspec.model.NetworkInfo;

/**
 * One CSV record per layer, RFC 4180: CRLF line ends, a header record, fields quoted when they hold
 * a comma, a quote or a line break. Numbers are plain ({@code 138357544}) so spreadsheets and
 * pandas read them as numbers. Carries every figure of a {@link LayerInfo}; totals are left to the
 * reader's {@code SUM}.
 */
public final class CsvReport {

  public static final String HEADER = "name,kind,spec,depth,branch,input,output,params,"
      + "non_trainable_params,macs,activations,receptive_field,jump";

  private static final String CRLF = "\r\n";

  private CsvReport() {}

  /** Every row of {@code network}. */
  public static String render(NetworkInfo network) {
    return render(network, Rows.ALL);
  }

  /** The rows {@code rows} selects; {@link Rows#NONE} leaves the header record alone. */
  public static String render(NetworkInfo network, Rows rows) {
    StringBuilder out = new StringBuilder(HEADER).append(CRLF);
    for (LayerInfo layer : rows.select(network)) {
      out.append(Escaping.csvField(layer.name())).append(',')
          .append(Escaping.csvField(layer.kind())).append(',')
          .append(Escaping.csvField(layer.spec())).append(',')
          .append(layer.depth()).append(',')
          .append(layer.branch()).append(',')
          .append(layer.input()).append(',')
          .append(layer.output()).append(',')
          .append(layer.params()).append(',')
          .append(layer.nonTrainableParams()).append(',')
          .append(layer.macs()).append(',')
          .append(layer.activations()).append(',')
          .append(layer.receptiveField()).append(',')
          .append(Figures.plain(layer.jump()))
          .append(CRLF);
    }
    return out.toString();
  }
}
