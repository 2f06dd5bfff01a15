package io.cnnspec.lang.robust;

import io.cnnspec.lang.diagnostics.Limits;
import java.util.SplittableRandom;

/**
 * Random sequences of the language's tokens and of characters it refuses, usually after a valid
 * header so that the soup reaches the analysis, sometimes under tight limits.
 */
final class TokenSoup implements Generator {

  @Override
  public Case next(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    if (Generator.chance(random, 0.75)) {
      text.append(Generator.pick(random, Vocabulary.HEADERS));
    }
    int tokens = 1 + random.nextInt(Generator.chance(random, 0.1) ? 400 : 40);
    for (int i = 0; i < tokens; i++) {
      text.append(Vocabulary.anyToken(random)).append(Generator.pick(random, Vocabulary.SEPARATORS));
    }
    return new Case.File(text.toString(), limits(random));
  }

  /**
   * Mostly the defaults with a layer limit of 100,000, so that a mutated x65536 costs a second and
   * not ten (the full limit has its own tests); sometimes the defaults as they are; sometimes
   * limits so small that ordinary input reaches them.
   */
  static Limits limits(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return Limits.DEFAULT.withMaxLayers(100_000);
    }
    if (kind < 85) {
      return Limits.DEFAULT;
    }
    return new Limits(1 + random.nextInt(50), 1 + random.nextInt(6), 1 + random.nextInt(4), 1 + random.nextInt(5));
  }
}
