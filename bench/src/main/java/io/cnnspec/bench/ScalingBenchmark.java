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
 * Compile time against the spec's length. {@code written} spells every layer out (the text grows
 * with the network), {@code repeated} is one {@code (conv3-16 bn relu)xN} (the text stays tiny and
 * only expansion and analysis grow). Linear cost means the score divided by {@code layers} stays
 * flat; {@link ScalingReport} prints that quotient directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed heap, so the 1M case is not measured against a heap that is still growing.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ScalingBenchmark {

  @Param({"10000", "100000", "1000000"})
  public int layers;

  @Param({"written", "repeated"})
  public String form;

  private String source;

  @Setup
  public void generate() {
    source = SyntheticSpecs.of(form, layers);
  }

  @Benchmark
  public NetworkInfo compile() {
    return Compile.network(source, form + layers + ".cnn");
  }
}
