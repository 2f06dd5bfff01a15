package io.cnnspec.bench;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.picture.Folding;
import io.cnnspec.picture.SvgDiagram;
import io.cnnspec.report.HtmlReport;
import io.cnnspec.report.ReportOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long the pictures take: the SVG diagram ({@code cnnspec draw}) and the HTML page
 * ({@code summary --format html}) of the reference networks and of written-out synthetic specs,
 * from the analysed network to the finished text. The first run in a fresh JVM is what one command
 * pays (class loading, the XML writer, cold code); the median of warm runs is the work itself.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.cnnspec.bench.DrawingReport [layers...]}
 * (default 1000 10000).
 */
public final class DrawingReport {

  private static final long MIN_MEASURE_NANOS = 2_000_000_000L;
  private static final int MIN_RUNS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DrawingReport() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000}
        : Arrays.stream(args).mapToInt(s -> Integer.parseInt(s.replace("_", ""))).toArray();
    System.out.println("| network | rows | SVG bytes | SVG first run ms (CPU) | SVG warm ms (CPU) | HTML bytes | HTML warm ms (CPU) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    boolean first = true;
    for (int layers : sizes) {
      report("written " + layers, CnnSpec.compile(new SpecInput.File(SyntheticSpecs.writtenOut(layers), "written"), CompileOptions.DEFAULT).network()
          .orElseThrow(), first);
      first = false;
    }
    for (String name : ReferenceSpecs.NAMES) {
      report(name, CnnSpec.compile(new SpecInput.File(ReferenceSpecs.text(name), name), CompileOptions.DEFAULT).network().orElseThrow(), false);
    }
  }

  private static void report(String label, NetworkInfo network, boolean cold) {
    Supplier<String> svg = () -> SvgDiagram.render(network, Folding.BLOCKS);
    Supplier<String> html = () -> HtmlReport.render(network, ReportOptions.DEFAULT);
    long t0 = System.nanoTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    int svgBytes = svg.get().length();
    double firstMillis = (System.nanoTime() - t0) / 1e6;
    double firstCpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
    int htmlBytes = html.get().length();
    Timing svgTiming = Timing.of(svg::get, MIN_MEASURE_NANOS, MIN_RUNS);
    Timing htmlTiming = Timing.of(html::get, MIN_MEASURE_NANOS, MIN_RUNS);
    System.out.println(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %.1f (%.1f) | %,d | %.1f (%.1f) |",
        label, network.layers().size(), svgBytes, cold ? String.format(Locale.ROOT, "%.1f (%.1f)", firstMillis, firstCpuMillis) : "--",
        svgTiming.wallNanos() / 1e6, svgTiming.cpuNanos() / 1e6, htmlBytes,
        htmlTiming.wallNanos() / 1e6, htmlTiming.cpuNanos() / 1e6));
  }
}
