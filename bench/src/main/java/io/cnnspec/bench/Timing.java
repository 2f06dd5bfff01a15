package io.cnnspec.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Medians of repeated runs of one piece of work, by three clocks: wall time; the CPU time of the
 * thread doing the work, which a machine shared with other builds barely disturbs; and the time
 * the collectors reported, which is where a large live set shows up first.
 */
record Timing(double wallNanos, double cpuNanos, double gcNanos, int runs) {

  static Timing of(Runnable work, long minNanos, int minRuns) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> gc = new ArrayList<>();
    long start = System.nanoTime();
    while (wall.size() < minRuns || System.nanoTime() - start < minNanos) {
      long gc0 = gcMillis();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      work.run();
      wall.add((double) (System.nanoTime() - t0));
      cpu.add((double) (threads.getCurrentThreadCpuTime() - cpu0));
      gc.add((gcMillis() - gc0) * 1e6);
    }
    return new Timing(median(wall), median(cpu), median(gc), wall.size());
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
