package io.cnnspec.lang.robust;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups, branches, calls, expressions and def chains nested up to a few hundred deep (past the
 * limit of 64 about half the time), with repetition at every level that multiplies out to far
 * more layers than the limit, sometimes left unbalanced.
 */
final class DeepNesting implements Generator {

  private static final List<String> OPENERS = List.of("( ", "cat { ", "add { ", "res { ", "mul { ", "side { ", "cat { id | ",
      "( f() ", "( () x1000000 ", "f( ", "conv3-{ ", "{ ", "- ", "- - ", "{1+1+1+1+1+1+1+1+", "(");

  @Override
  public Case next(SplittableRandom random) {
    return random.nextInt(3) == 0 ? defChain(random) : brackets(random);
  }

  private static Case brackets(SplittableRandom random) {
    int depth = 1 + random.nextInt(Generator.chance(random, 0.5) ? 60 : 300);
    StringBuilder text = new StringBuilder("network N : 32x32x3\ndef f { relu }\n");
    Deque<String> closers = new ArrayDeque<>();
    for (int i = 0; i < depth; i++) {
      String opener = Generator.pick(random, OPENERS);
      text.append(opener);
      if (Generator.chance(random, 0.3)) {
        text.append(Generator.pick(random, List.of("relu ", "conv1-4 ", "f ", "f() ", "1 + ", "in * ")));
      }
      closers.push(switch (opener) {
        case "( " -> ") x" + (1 + random.nextInt(Generator.chance(random, 0.3) ? 1000 : 3)) + " ";
        case "f( " -> ") ";
        case "( f() ", "( () x1000000 ", "(" -> ") ";
        case "- ", "- - " -> "";
        case "{1+1+1+1+1+1+1+1+" -> "+1} ";
        default -> "} ";
      });
    }
    text.append(Generator.chance(random, 0.5) ? "relu" : "1");
    int unbalanced = Generator.chance(random, 0.2) ? random.nextInt(Math.max(1, closers.size())) : 0;
    while (closers.size() > unbalanced) {
      text.append(closers.pop());
    }
    return new Case.File(text.toString(), TokenSoup.limits(random));
  }

  /** def d0 { relu } def d1 { ( d0 ) x3 } ... called at the end: depth of calls and of groups in them. */
  private static Case defChain(SplittableRandom random) {
    int length = Generator.chance(random, 0.3) ? 64 : 1 + random.nextInt(Generator.chance(random, 0.5) ? 70 : 2000);
    int groups = random.nextInt(Generator.chance(random, 0.6) ? 3 : 70);
    StringBuilder text = new StringBuilder("network N : 16x16x4\ndef d0 { relu }\n");
    for (int i = 1; i < length; i++) {
      text.append("def d").append(i).append(" { ").append("( ".repeat(groups)).append(Generator.chance(random, 0.9)
              ? "d" + (i - 1) : "d" + random.nextInt(length))
          .append(" )".repeat(groups)).append(" x").append(1 + random.nextInt(Generator.chance(random, 0.2) ? 100 : 2))
          .append(" }\n");
    }
    text.append("d").append(length - 1).append(Generator.chance(random, 0.5) ? " x3" : "").append('\n');
    return new Case.File(text.toString(), TokenSoup.limits(random));
  }
}
