package io.cnnspec.lang.robust;

import java.util.List;
import java.util.SplittableRandom;

/** Makes one input from a seeded random source: the same seed, the same input. */
interface Generator {

  Case next(SplittableRandom random);

  static <T> T pick(SplittableRandom random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  static boolean chance(SplittableRandom random, double p) {
    return random.nextDouble() < p;
  }
}
