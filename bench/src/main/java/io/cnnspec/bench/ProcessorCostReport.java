package io.cnnspec.bench;

import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.lang.CnnSpec;
import io.cnnspec.processor.NetworkProcessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: a generated project of {@code @Network} classes
 * compiled with and without the processor, the difference split into the time inside the
 * processor (of which cnnspec's analysis is a part) and javac compiling the classes it wrote.
 * Measured cold, one fresh JVM per javac run as a command-line build pays it, and warm, many runs
 * in one JVM as an IDE or a build daemon pays it.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.cnnspec.bench.ProcessorCostReport [classes] [runs]}
 * (default 300 classes, 5 runs of each kind).
 */
public final class ProcessorCostReport {

  private static final String ONCE = "--once";
  private static final int WARM_UP_RUNS = 3;

  private enum Mode {
    WITH, WITHOUT
  }

  /** One javac run: wall and CPU time, and the time inside the processor. */
  private record Run(double wallMillis, double cpuMillis, double processorMillis) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(ONCE)) {
      Run run = compile(Mode.valueOf(args[1]), Path.of(args[2]));
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      System.out.println(os.getProcessCpuTime() / 1e6 + " " + run.processorMillis());
      return;
    }
    int classes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<NetworkSources.Spec> specs = NetworkSources.specs(classes);
    Path root = Files.createTempDirectory("cnnspec-proc-cost");
    try {
      NetworkSources.write(root.resolve("src"), specs);
      System.out.printf(Locale.ROOT, "%d @Network classes, %s %s, %d cores%n", classes,
          System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      report("cold: a fresh JVM per javac run", cold(root, Mode.WITHOUT, runs), cold(root, Mode.WITH, runs), classes);
      List<List<Run>> warm = warm(root, runs);
      report("warm: one JVM, after " + WARM_UP_RUNS + " runs of each", warm.get(0), warm.get(1), classes);
      System.out.printf(Locale.ROOT, "cnnspec's analysis of the %d specs alone, warm: %.1f ms (%.3f ms per spec)%n",
          classes, analysisMillis(specs), analysisMillis(specs) / classes);
    } finally {
      delete(root);
    }
  }

  private static void report(String title, List<Run> without, List<Run> with, int classes) {
    double wallWithout = median(without, Run::wallMillis);
    double wallWith = median(with, Run::wallMillis);
    double added = wallWith - wallWithout;
    double inProcessor = median(with, Run::processorMillis);
    System.out.println(title + " (medians of " + with.size() + " runs)");
    System.out.printf(Locale.ROOT, "  javac -proc:none       %7.0f ms wall %7.0f ms cpu%n", wallWithout,
        median(without, Run::cpuMillis));
    System.out.printf(Locale.ROOT, "  javac with processor   %7.0f ms wall %7.0f ms cpu%n", wallWith,
        median(with, Run::cpuMillis));
    System.out.printf(Locale.ROOT, "  added by the processor %7.0f ms (%.0f%% of the build), %.2f ms per @Network:%n", added,
        100 * added / wallWith, added / classes);
    System.out.printf(Locale.ROOT, "    inside the processor %7.0f ms (%.0f%%), javac on the generated classes %.0f ms (%.0f%%)%n",
        inProcessor, 100 * inProcessor / wallWith, added - inProcessor, 100 * (added - inProcessor) / wallWith);
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> field) {
    double[] values = runs.stream().mapToDouble(field).sorted().toArray();
    return values[values.length / 2];
  }

  /** One javac per child JVM; the child reports its CPU time (start-up included) and the processor's time. */
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
      String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
      result.add(new Run(wall, Double.parseDouble(last[0]), Double.parseDouble(last[1])));
    }
    return result;
  }

  /** Alternates the two kinds, so drift in the machine's load falls on both alike. */
  private static List<List<Run>> warm(Path root, int runs) throws IOException {
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      compile(Mode.WITH, root);
      compile(Mode.WITHOUT, root);
    }
    List<Run> with = new ArrayList<>();
    List<Run> without = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      without.add(compile(Mode.WITHOUT, root));
      with.add(compile(Mode.WITH, root));
    }
    return List.of(without, with);
  }

  private static Run compile(Mode mode, Path root) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory(root, "classes");
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
        System.getProperty("java.class.path"), "-implicit:none"));
    if (mode == Mode.WITHOUT) {
      options.add("-proc:none");
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root.resolve("src"))) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    AtomicLong processorNanos = new AtomicLong();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (mode == Mode.WITH) {
        task.setProcessors(List.of(new TimedProcessor(new NetworkProcessor(), processorNanos)));
      }
      if (!task.call()) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
      }
    }
    Run run = new Run((System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, processorNanos.get() / 1e6);
    long classes;
    try (Stream<Path> walk = Files.walk(out)) {
      classes = walk.filter(p -> p.toString().endsWith(".class")).count();
    }
    // Every @Network adds a class (and its Layer enum): a run that wrote no more classes than there
    // are sources did not run the processor, and its time would mean nothing.
    if (mode == Mode.WITH && classes <= sources.size()) {
      throw new IllegalStateException("the processor generated nothing: " + classes + " classes from " + sources.size() + " sources");
    }
    delete(out);
    return run;
  }

  private static double analysisMillis(List<NetworkSources.Spec> specs) {
    Runnable all = () -> specs.forEach(s -> {
      if (!CnnSpec.compile(new SpecInput.Inline(s.name(), s.input(), s.body(), s.name()), CompileOptions.DEFAULT).ok()) {
        throw new IllegalStateException(s.name() + " does not compile: " + s.body());
      }
    });
    return Timing.of(all, 2_000_000_000L, 5).wallNanos() / 1e6;
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
