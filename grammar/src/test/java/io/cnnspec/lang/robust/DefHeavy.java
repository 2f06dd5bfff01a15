package io.cnnspec.lang.robust;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Specs heavy with defs, the shapes that once took gigabytes (issue 13): chains of defs that each
 * call the next several times (2^40 layers from 41 lines), wide fan-out (one def calling many
 * others, each called many times), a def called a million times, long def names and near misses
 * of them (the "did you mean" matrix), and labels inside calls (a naming scope per call).
 */
final class DefHeavy implements Generator {

  @Override
  public Case next(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> new Case.File(doublingChain(random), TokenSoup.limits(random));
      case 1 -> new Case.File(fanOut(random), TokenSoup.limits(random));
      case 2 -> new Case.File(manyCalls(random), TokenSoup.limits(random));
      default -> new Case.File(longNames(random), TokenSoup.limits(random));
    };
  }

  /** def d40 { relu } def d39 { d40 d40 } ... d0: each def calls the next 2 to 5 times. */
  private static String doublingChain(SplittableRandom random) {
    int length = 2 + random.nextInt(Generator.chance(random, 0.5) ? 45 : 200);
    int fan = 2 + random.nextInt(4);
    StringBuilder text = new StringBuilder("network N : 8x8x3\ndef d" + (length - 1) + " { relu }\n");
    for (int i = length - 2; i >= 0; i--) {
      text.append("def d").append(i).append(" { ");
      for (int k = 0; k < fan; k++) {
        text.append(Generator.chance(random, 0.1) ? "(d" + (i + 1) + ") @l" + k + " " : "d" + (i + 1) + " ");
      }
      text.append("}\n");
    }
    return text.append("d0").append(Generator.chance(random, 0.3) ? " x" + (1 + random.nextInt(1000)) : "").append('\n')
        .toString();
  }

  /** One def calling many leaf defs, itself called many times. */
  private static String fanOut(SplittableRandom random) {
    int leaves = 1 + random.nextInt(2000);
    StringBuilder text = new StringBuilder("network N : 8x8x3\n");
    for (int i = 0; i < leaves; i++) {
      text.append("def leaf").append(i).append("(c = 4) { conv1-{c} relu @r }\n");
    }
    text.append("def wide { ");
    for (int i = 0; i < leaves; i++) {
      text.append("leaf").append(i).append(Generator.chance(random, 0.5) ? "(" + (1 + random.nextInt(8)) + ") " : " ");
    }
    text.append("}\n");
    return text.append("wide x").append(1 + random.nextInt(Generator.chance(random, 0.5) ? 10 : 5000)).append('\n')
        .toString();
  }

  /** def b { relu } b x1000000, with a label, arguments or a nested call now and then. */
  private static String manyCalls(SplittableRandom random) {
    String body = Generator.pick(random, List.of("relu", "relu @r", "(relu) @g", "c(2)", "conv1-{k} relu"));
    String params = body.contains("{k}") ? "(k = 4)" : "";
    return "network N : 8x8x3\ndef c(n) { relu x{n} }\ndef b" + params + " { " + body + " }\nb x"
        + (1 + random.nextInt(Generator.chance(random, 0.5) ? 3_000_000 : 1000)) + "\n";
  }

  /** Def names of up to thousands of characters, called by near misses (one edit away). */
  private static String longNames(SplittableRandom random) {
    int length = 1 + random.nextInt(Generator.chance(random, 0.5) ? 200 : 6000);
    int defs = 1 + random.nextInt(20);
    int calls = 1 + random.nextInt(300);
    StringBuilder text = new StringBuilder("network N : 8x8x3\n");
    String[] names = new String[defs];
    for (int i = 0; i < defs; i++) {
      names[i] = "n" + i + "_" + "b".repeat(length);
      text.append("def ").append(names[i]).append(" { relu }\n");
    }
    for (int i = 0; i < calls; i++) {
      String name = names[random.nextInt(defs)];
      int at = 1 + random.nextInt(name.length() - 1);
      String nearMiss = Generator.chance(random, 0.8) ? name.substring(0, at) + "c" + name.substring(at + 1) : name;
      text.append(nearMiss).append(Generator.chance(random, 0.3) ? " @" + name : "").append('\n');
    }
    return text.toString();
  }
}
