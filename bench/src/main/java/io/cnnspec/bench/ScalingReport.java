package io.cnnspec.bench;

import io.cnnspec.model.NetworkInfo;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time, allocation and retained memory per layer for growing synthetic specs, in a minute rather
 * than JMH's long runs: linear cost shows as per-layer figures that stay flat from 100k to 1M.
 * Everything runs on a thread with a small stack, so a stage that recursed once per layer would
 * fail here instead of passing on a generous default stack.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.cnnspec.bench.ScalingReport [layers...]}
 * (default 10000 100000 1000000); run it with a fixed heap, e.g. {@code -Xms4g -Xmx4g}.
 */
public final class ScalingReport {

  static final int STACK_BYTES = 256 * 1024;
  private static final long MIN_MEASURE_NANOS = 2_000_000_000L;
  private static final int MIN_RUNS = 3;

  private record Row(String form, int layers, int rows, long textBytes, double compileNanos, double parseNanos,
      long allocatedBytes, long retainedBytes) {}

  public static void main(String[] args) throws InterruptedException {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000}
        : Arrays.stream(args).mapToInt(s -> Integer.parseInt(s.replace("_", ""))).toArray();
    List<Row> rows = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    Thread worker = new Thread(null, () -> {
      try {
        warmUp();
        for (String form : List.of("written", "repeated")) {
          for (int layers : sizes) {
            rows.add(measure(form, layers));
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

  /** Enough compiles that the JIT has settled on the hot paths before anything is timed. */
  private static void warmUp() {
    String written = SyntheticSpecs.writtenOut(10_000);
    String repeated = SyntheticSpecs.repeated(10_000);
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      Compile.network(written, "warmup.cnn");
      Compile.network(repeated, "warmup.cnn");
      Parse.file(written, "warmup.cnn");
    }
  }

  private static Row measure(String form, int layers) {
    String source = SyntheticSpecs.of(form, layers);
    long allocated = allocatedBy(() -> Compile.network(source, "alloc.cnn"));
    long retained = retainedBy(() -> Compile.network(source, "retained.cnn"));
    NetworkInfo info = Compile.network(source, "rows.cnn");
    double compile = medianNanos(() -> Compile.network(source, "time.cnn"));
    double parse = medianNanos(() -> Parse.file(source, "parse.cnn"));
    return new Row(form, layers, info.layers().size(), source.length(), compile, parse, allocated, retained);
  }

  private static double medianNanos(Runnable work) {
    List<Long> times = new ArrayList<>();
    long start = System.nanoTime();
    while (times.size() < MIN_RUNS || System.nanoTime() - start < MIN_MEASURE_NANOS) {
      long t0 = System.nanoTime();
      work.run();
      times.add(System.nanoTime() - t0);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  private static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** Heap still in use while the result is held, after full collections on both sides. */
  private static long retainedBy(java.util.function.Supplier<Object> work) {
    long before = usedAfterGc();
    Object result = work.get();
    long after = usedAfterGc();
    Reference.reachabilityFence(result);
    return after - before;
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void print(List<Row> rows) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%s, %d cores, max heap %d MiB; stack of the compiling thread %d KiB%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), rt.availableProcessors(),
        rt.maxMemory() >> 20, STACK_BYTES / 1024);
    System.out.printf(Locale.ROOT, "%-9s %10s %10s %11s %10s %12s %13s %14s%n", "form", "rows", "text KiB",
        "compile ms", "ns/layer", "parse ns/l", "alloc B/layer", "retained B/l");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%-9s %,10d %,10d %,11.1f %,10.0f %,12.0f %,13.0f %,14.0f%n", r.form(), r.rows(),
          r.textBytes() / 1024, r.compileNanos() / 1e6, r.compileNanos() / r.rows(), r.parseNanos() / r.rows(),
          (double) r.allocatedBytes() / r.rows(), (double) r.retainedBytes() / r.rows());
    }
    for (int i = 1; i < rows.size(); i++) {
      Row small = rows.get(i - 1);
      Row large = rows.get(i);
      if (small.form().equals(large.form())) {
        double size = (double) large.rows() / small.rows();
        System.out.printf(Locale.ROOT, "%s %,d -> %,d rows (x%.0f): time x%.1f, allocated x%.1f, retained x%.1f%n",
            large.form(), small.rows(), large.rows(), size, large.compileNanos() / small.compileNanos(),
            (double) large.allocatedBytes() / small.allocatedBytes(),
            (double) large.retainedBytes() / small.retainedBytes());
      }
    }
  }
}
