package io.cnnspec.bench;

import io.cnnspec.model.NetworkInfo;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Time, allocation and retained memory per layer for the reference networks and for growing
 * synthetic specs, in a few minutes rather than JMH's long runs: linear cost shows as per-layer
 * figures that stay flat from 100k to 1M. Everything runs on a thread with a small stack, so a
 * stage that recursed once per layer would fail here instead of passing on a generous default.
 *
 * <p>{@code java -Xms4g -Xmx4g -cp bench/target/benchmarks.jar io.cnnspec.bench.ScalingReport [layers...]}
 * (default 10000 100000 1000000).
 */
public final class ScalingReport {

  static final int STACK_BYTES = 256 * 1024;
  private static final long MIN_MEASURE_NANOS = 3_000_000_000L;
  private static final int MIN_RUNS = 5;

  private record Row(String form, String name, int rows, long textBytes, Timing compile, Timing parse,
      long allocatedBytes, long retainedBytes) {}

  public static void main(String[] args) throws InterruptedException {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000}
        : Arrays.stream(args).mapToInt(s -> Integer.parseInt(s.replace("_", ""))).toArray();
    List<Row> rows = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    Thread worker = new Thread(null, () -> {
      try {
        warmUp(sizes);
        for (String name : ReferenceSpecs.NAMES) {
          rows.add(measure("reference", name, ReferenceSpecs.text(name)));
        }
        for (String form : List.of("written", "repeated")) {
          for (int layers : sizes) {
            rows.add(measure(form, String.valueOf(layers), SyntheticSpecs.of(form, layers)));
          }
        }
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "scaling", STACK_BYTES);
    worker.start();
    worker.join();
    if (failure[0] != null) {
      throw new IllegalStateException("the report failed on a " + STACK_BYTES / 1024 + " KiB stack", failure[0]);
    }
    print(rows);
  }

  /**
   * Enough compiles that the JIT has settled on the hot paths before anything is timed, then one
   * compile of each size to be measured: the first compile of the largest spec ran at half speed
   * (the heap growing into memory never touched, code paths the small specs never reached) and
   * made the first large size look worse than a larger one measured after it.
   */
  private static void warmUp(int[] sizes) {
    List<String> sources = new ArrayList<>(List.of(SyntheticSpecs.writtenOut(10_000), SyntheticSpecs.repeated(10_000)));
    ReferenceSpecs.NAMES.forEach(name -> sources.add(ReferenceSpecs.text(name)));
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      for (String source : sources) {
        Compile.network(source, "warmup.cnn");
        Parse.file(source, "warmup.cnn");
      }
    }
    for (String form : List.of("written", "repeated")) {
      for (int layers : sizes) {
        String source = SyntheticSpecs.of(form, layers);
        Compile.network(source, "warmup.cnn");
        Parse.file(source, "warmup.cnn");
      }
    }
  }

  private static Row measure(String form, String name, String source) {
    String origin = name + ".cnn";
    long allocated = allocatedBy(() -> Compile.network(source, origin));
    long retained = retainedBy(() -> Compile.network(source, origin));
    NetworkInfo info = Compile.network(source, origin);
    Timing compile = Timing.of(() -> Compile.network(source, origin), MIN_MEASURE_NANOS, MIN_RUNS);
    Timing parse = Timing.of(() -> Parse.file(source, origin), MIN_MEASURE_NANOS / 2, MIN_RUNS);
    return new Row(form, name, info.layers().size(), source.length(), compile, parse, allocated, retained);
  }

  private static long allocatedBy(Runnable work) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** Heap still in use while the result is held, after full collections on both sides. */
  private static long retainedBy(Supplier<Object> work) {
    long before = usedAfterGc();
    Object result = work.get();
    long after = usedAfterGc();
    Reference.reachabilityFence(result);
    return after - before;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void print(List<Row> rows) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%s %s, %d cores, max heap %d MiB, %s; compiling thread's stack %d KiB%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"), rt.availableProcessors(),
        rt.maxMemory() >> 20, collectors(), STACK_BYTES / 1024);
    System.out.println("per compile: medians; per layer: per row of the analysed network");
    System.out.printf(Locale.ROOT, "%-9s %-11s %9s %8s | %10s %10s | %8s %8s %8s %8s | %8s %8s%n", "form", "spec", "rows",
        "text KiB", "wall ms", "cpu ms", "wall ns", "cpu ns", "gc ns", "parse ns", "alloc B", "kept B");
    for (Row r : rows) {
      double n = r.rows();
      System.out.printf(Locale.ROOT, "%-9s %-11s %,9d %,8d | %,10.2f %,10.2f | %,8.0f %,8.0f %,8.0f %,8.0f | %,8.0f %,8.0f%n",
          r.form(), r.name(), r.rows(), r.textBytes() / 1024, r.compile().wallNanos() / 1e6, r.compile().cpuNanos() / 1e6,
          r.compile().wallNanos() / n, r.compile().cpuNanos() / n, r.compile().gcNanos() / n, r.parse().cpuNanos() / n,
          r.allocatedBytes() / n, r.retainedBytes() / n);
    }
    for (int i = 1; i < rows.size(); i++) {
      Row small = rows.get(i - 1);
      Row large = rows.get(i);
      if (small.form().equals(large.form()) && !large.form().equals("reference")) {
        System.out.printf(Locale.ROOT, "%s %,d -> %,d rows (x%.0f): wall x%.1f, cpu x%.1f, allocated x%.1f, kept x%.1f%n",
            large.form(), small.rows(), large.rows(), (double) large.rows() / small.rows(),
            large.compile().wallNanos() / small.compile().wallNanos(), large.compile().cpuNanos() / small.compile().cpuNanos(),
            (double) large.allocatedBytes() / small.allocatedBytes(), (double) large.retainedBytes() / small.retainedBytes());
      }
    }
  }

  private static String collectors() {
    return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList());
  }
}
