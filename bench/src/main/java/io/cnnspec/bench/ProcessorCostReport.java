package io.cnnspec.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: a generated project of {@code @Network} classes
 * compiled with and without the processor ({@code -proc:none}), and the processor's share of the
 * javac time. Measured twice, because both matter: cold, one fresh JVM per javac run as a
 * command-line build pays it, and warm, many runs in one JVM as an IDE or a build daemon pays it.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.cnnspec.bench.ProcessorCostReport [classes] [runs]}
 * (default 300 classes, 5 runs of each kind).
 */
public final class ProcessorCostReport {

  static final String PROCESSOR = "io.cnnspec.processor.NetworkProcessor";
  private static final String ONCE = "--once";

  private enum Mode {
    WITH, WITHOUT
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(ONCE)) {
      once(Mode.valueOf(args[1]), Path.of(args[2]));
      return;
    }
    int classes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!processorPresent()) {
      System.out.println(PROCESSOR + " is not on the class path: build bench against a processor module that has it");
      System.exit(2);
    }
    Path root = Files.createTempDirectory("cnnspec-proc-cost");
    try {
      NetworkSources.write(root.resolve("src"), classes);
      System.out.printf(Locale.ROOT, "%d @Network classes, %s %s, %d cores%n", classes,
          System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      report("cold (a fresh JVM per javac run)", cold(root, Mode.WITH, runs), cold(root, Mode.WITHOUT, runs), classes);
      report("warm (one JVM, after 3 runs of each)", warm(root, runs), classes);
    } finally {
      delete(root);
    }
  }

  private record Run(double wallMillis, double cpuMillis) {}

  private static void report(String title, List<Run> with, List<Run> without, int classes) {
    double wallWith = median(with, Run::wallMillis);
    double wallWithout = median(without, Run::wallMillis);
    double cpuWith = median(with, Run::cpuMillis);
    double cpuWithout = median(without, Run::cpuMillis);
    System.out.println(title + ", medians of " + with.size() + " runs:");
    System.out.printf(Locale.ROOT, "  javac -proc:none      %8.0f ms wall %8.0f ms cpu%n", wallWithout, cpuWithout);
    System.out.printf(Locale.ROOT, "  javac with processor  %8.0f ms wall %8.0f ms cpu%n", wallWith, cpuWith);
    System.out.printf(Locale.ROOT,
        "  processor's share     %7.0f%% of wall %7.0f%% of cpu; %.2f ms wall per @Network%n",
        100 * (wallWith - wallWithout) / wallWith, 100 * (cpuWith - cpuWithout) / cpuWith,
        (wallWith - wallWithout) / classes);
  }

  private static void report(String title, List<List<Run>> pairs, int classes) {
    report(title, pairs.get(0), pairs.get(1), classes);
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> field) {
    double[] values = runs.stream().mapToDouble(field).sorted().toArray();
    return values[values.length / 2];
  }

  /** One javac per child JVM; the child reports its own CPU time, start-up included. */
  private static List<Run> cold(Path root, Mode mode, int runs) throws IOException, InterruptedException {
    List<Run> result = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ProcessorCostReport.class.getName(), ONCE, mode.name(), root.toString())
          .redirectErrorStream(true).start();
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = child.waitFor();
      double wall = (System.nanoTime() - start) / 1e6;
      if (exit != 0) {
        throw new IllegalStateException("javac " + mode + " failed:\n" + out);
      }
      result.add(new Run(wall, Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1))));
    }
    return result;
  }

  private static void once(Mode mode, Path root) throws IOException {
    compile(mode, root);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println(os.getProcessCpuTime() / 1e6);
  }

  /** Alternates the two kinds, so drift in the machine's load falls on both alike. */
  private static List<List<Run>> warm(Path root, int runs) throws IOException {
    for (int i = 0; i < 3; i++) {
      compile(Mode.WITH, root);
      compile(Mode.WITHOUT, root);
    }
    List<Run> with = new ArrayList<>();
    List<Run> without = new ArrayList<>();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < runs; i++) {
      for (Mode mode : Mode.values()) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        compile(mode, root);
        Run run = new Run((System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6);
        (mode == Mode.WITH ? with : without).add(run);
      }
    }
    return List.of(with, without);
  }

  private static void compile(Mode mode, Path root) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory(root, "classes");
    String classPath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classPath, "-implicit:none"));
    if (mode == Mode.WITH) {
      options.addAll(List.of("-processorpath", classPath, "-processor", PROCESSOR));
    } else {
      options.add("-proc:none");
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root.resolve("src"))) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
      }
    }
    long classes;
    try (Stream<Path> walk = Files.walk(out)) {
      classes = walk.filter(p -> p.toString().endsWith(".class")).count();
    }
    // With the processor every @Network adds a class (and its Layer enum), so a run that wrote no more
    // than one class per source did not run the processor at all.
    if (mode == Mode.WITH && classes <= sources.size()) {
      throw new IllegalStateException("the processor generated nothing: " + classes + " classes from " + sources.size() + " sources");
    }
    delete(out);
  }

  private static boolean processorPresent() {
    try {
      Class.forName(PROCESSOR, false, ProcessorCostReport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
