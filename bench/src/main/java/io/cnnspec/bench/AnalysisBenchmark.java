package io.cnnspec.bench;

import io.cnnspec.model.NetworkInfo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole compile of a published network, text to analysed {@link NetworkInfo}: what the annotation
 * processor and {@code cnnspec summary} pay per spec once the JVM is warm. {@code parse} is the
 * syntax stage alone, so the split between parsing and analysis can be read off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalysisBenchmark {

  @Param({"vgg16", "resnet152", "densenet121"})
  public String network;

  private String source;

  @Setup
  public void load() {
    source = ReferenceSpecs.text(network);
    NetworkInfo info = Compile.network(source, network + ".cnn");
    // Printed once per fork, so time per layer can be read from the results.
    System.out.println(network + ": " + info.layers().size() + " layers, " + info.params() + " params");
  }

  @Benchmark
  public NetworkInfo compile() {
    return Compile.network(source, network + ".cnn");
  }

  @Benchmark
  public long parse() {
    return Parse.file(source, network + ".cnn");
  }
}
