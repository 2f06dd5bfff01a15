package io.cnnspec.lang.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The seeded fuzzer: every generator makes its share of the cases, each from its own seed, and
 * every case is held to {@link Properties}. CI runs a few thousand with a fixed seed; the fuzz
 * profile ({@code mvn -Pfuzz ...}) sets {@code cnnspec.fuzz.cases} to 100,000 or more. A failure
 * names its case as generator:seed; {@code -Dcnnspec.fuzz.repro=generator:seed} runs that case
 * alone.
 */
class FuzzTest {

  static final int CASES = Integer.getInteger("cnnspec.fuzz.cases", 3_000);
  static final long SEED = Long.getLong("cnnspec.fuzz.seed", 0x5eed_c0de_2024L);

  /** Failures collected per generator before it stops: enough to see more than one bug at a time. */
  static final int MAX_FAILURES = 20;

  /** Each generator with its share of the cases. */
  private static Map<String, Share> generators() {
    Map<String, Share> all = new LinkedHashMap<>();
    all.put("soup", new Share(new TokenSoup(), 0.22));
    all.put("specs", new Share(new RandomSpecs(), 0.25));
    all.put("mutations", new Share(new Mutations(Seeds.all()), 0.31));
    all.put("nesting", new Share(new DeepNesting(), 0.06));
    all.put("hostile", new Share(new HostileText(), 0.14));
    all.put("defs", new Share(new DefHeavy(), 0.02));
    return all;
  }

  private record Share(Generator generator, double fraction) {}

  @TestFactory
  Stream<DynamicTest> everyCaseHoldsTheProperties() {
    String repro = System.getProperty("cnnspec.fuzz.repro");
    Map<String, Share> generators = generators();
    if (repro != null && !repro.isBlank()) {
      String[] parts = repro.split(":", 2);
      long seed = Long.parseUnsignedLong(parts[1], 16);
      return Stream.of(DynamicTest.dynamicTest(repro, () -> run(parts[0], generators.get(parts[0]).generator(), seed)));
    }
    List<DynamicTest> tests = new ArrayList<>();
    generators.forEach((name, share) -> {
      int cases = (int) Math.ceil(CASES * share.fraction());
      tests.add(DynamicTest.dynamicTest(name + " x " + cases, () -> {
        SplittableRandom seeds = new SplittableRandom(SEED ^ name.hashCode());
        Tally tally = new Tally();
        long start = System.nanoTime();
        List<AssertionFailedError> failures = new ArrayList<>();
        for (int i = 0; i < cases && failures.size() < MAX_FAILURES; i++) {
          long seed = seeds.nextLong();
          long caseStart = System.nanoTime();
          try {
            boolean ok = run(name, share.generator(), seed);
            tally.add(name + ":" + Long.toHexString(seed), ok, System.nanoTime() - caseStart);
          } catch (AssertionFailedError e) {
            failures.add(e);
          }
        }
        System.out.printf(Locale.ROOT, "fuzz %-9s %,7d cases in %6.1f s: %,d compiled, %,d refused, %d failed; "
                + "slowest %s %.0f ms%n", name, cases, (System.nanoTime() - start) / 1e9, tally.compiled, tally.refused,
            failures.size(), tally.slowest, tally.slowestNanos / 1e6);
        if (!failures.isEmpty()) {
          AssertionFailedError first = new AssertionFailedError(failures.size() + " failing case(s)"
              + (failures.size() == MAX_FAILURES ? " (stopped there)" : "") + ", the first:\n" + failures.get(0).getMessage());
          failures.forEach(first::addSuppressed);
          throw first;
        }
      }));
    });
    return tests.stream();
  }

  private static boolean run(String name, Generator generator, long seed) {
    Case c = generator.next(new SplittableRandom(seed));
    String id = name + ":" + Long.toHexString(seed);
    if (generator instanceof DefHeavy) {
      return Properties.checkBounded(id, c).ok();
    }
    return Properties.check(id, c).ok();
  }

  /** How the cases of one generator went, for the summary line each prints. */
  private static final class Tally {
    int compiled;
    int refused;
    String slowest = "";
    long slowestNanos;

    void add(String id, boolean ok, long nanos) {
      if (ok) {
        compiled++;
      } else {
        refused++;
      }
      if (nanos > slowestNanos) {
        slowest = id;
        slowestNanos = nanos;
      }
    }
  }
}
