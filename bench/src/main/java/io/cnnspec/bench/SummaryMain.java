package io.cnnspec.bench;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.report.ReportFormat;
import io.cnnspec.report.ReportOptions;
import io.cnnspec.report.Reports;

/**
 * {@code cnnspec summary vgg16} without the command-line layer: read the spec, compile it, print
 * the table. Timing it as a whole process against {@link HelloMain} gives what the language itself
 * adds to the JVM's start, whatever the CLI later puts on top.
 */
public final class SummaryMain {

  private SummaryMain() {}

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "vgg16";
    NetworkInfo info = Compile.network(ReferenceSpecs.text(name), name + ".cnn");
    System.out.print(Reports.render(info, ReportFormat.TABLE, ReportOptions.DEFAULT));
  }
}
