package io.cnnspec.lang.robust;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-formed specs built from the grammar with random structure and numbers: they get past the
 * parser, so the analysis (shapes, defs, repetition, counts) is what they exercise, and many
 * compile, so the count properties are checked on real networks.
 */
final class RandomSpecs implements Generator {

  // Layers that keep the shape, and ones that fit after almost anything spatial: with these most
  // specs compile, so the counts of real networks get checked, not only the errors.
  private static final List<String> PRESERVING = List.of("bn", "relu", "id", "scale", "prelu", "dwconv3", "gelu",
      "maxpool3/1 p1", "avgpool3/1 p1", "dropout", "lrn", "ln", "sigmoid", "conv3-{in}", "zeropad0");
  private static final List<String> FITTING = List.of("conv3-8", "conv1-16", "conv3-32/2", "sepconv3-16",
      "conv5-8 p2", "conv3-16 d2", "conv1x7-8", "zeropad1", "upsample2", "deconv2-8/2", "conv3-12 g3 p1",
      "maxpool", "adaptiveavgpool2");

  private static final List<String> INPUTS = List.of("224x224x3", "32x32x3", "8x8x1", "64x64x16", "1x1x3", "784",
      "10", "1000x1000x3", "3x3x1", "512x512x64", "1000000000x1000000000x1", "100000x100000x100");

  @Override
  public Case next(SplittableRandom random) {
    StringBuilder text = new StringBuilder("network R : " + Generator.pick(random, INPUTS) + "\n");
    if (Generator.chance(random, 0.3)) {
      text.append("option nobias\n");
    }
    if (Generator.chance(random, 0.1)) {
      text.append("expect params ").append(random.nextInt(1_000_000)).append('\n');
    }
    int defs = random.nextInt(4);
    int[] arity = new int[defs];
    for (int i = 0; i < defs; i++) {
      int params = random.nextInt(3);
      arity[i] = params;
      text.append("def blk").append(i);
      if (params > 0 || Generator.chance(random, 0.3)) {
        text.append('(');
        for (int p = 0; p < params; p++) {
          text.append(p == 0 ? "" : ", ").append("a").append(p);
          if (p == params - 1 && Generator.chance(random, 0.3)) {
            text.append(" = ").append(expr(random, params, 2));
          }
        }
        text.append(')');
      }
      text.append(" { ").append(sequence(random, 2, arity, i, params)).append(" }\n");
    }
    text.append(sequence(random, 3, arity, defs, 0)).append('\n');
    return new Case.File(text.toString(), TokenSoup.limits(random));
  }

  /** Layers, groups, branches and calls of the defs before {@code defs}; {@code params} in scope. */
  private static String sequence(SplittableRandom random, int depth, int[] arity, int defs, int params) {
    StringBuilder out = new StringBuilder();
    int elements = 1 + random.nextInt(6);
    for (int i = 0; i < elements; i++) {
      out.append(element(random, depth, arity, defs, params)).append(' ');
    }
    return out.toString().strip();
  }

  private static String element(SplittableRandom random, int depth, int[] arity, int defs, int params) {
    int kind = random.nextInt(depth > 0 ? 10 : 7);
    String atom;
    if (kind < 5) {
      atom = layer(random, params);
    } else if (kind < 7) {
      atom = defs == 0 ? layer(random, params) : call(random, arity, defs, params);
    } else if (kind < 8) {
      atom = "(" + sequence(random, depth - 1, arity, defs, params) + ")";
    } else {
      String branch = Generator.pick(random, List.of("cat", "add", "res", "mul", "side", "chunk"));
      int count = 1 + random.nextInt(branch.equals("cat") || branch.equals("add") ? 3 : 2);
      boolean fitting = Generator.chance(random, 0.6);
      StringBuilder b = new StringBuilder(branch).append(" { ");
      for (int i = 0; i < count; i++) {
        String inner = fitting && branch.equals("mul") ? "gap conv1-{in} sigmoid"
            : fitting && !branch.equals("cat") ? Generator.pick(random, PRESERVING) + " " + Generator.pick(random, PRESERVING)
            : fitting ? Generator.pick(random, FITTING) : sequence(random, depth - 1, arity, defs, params);
        b.append(i == 0 ? "" : " | ").append(Generator.chance(random, 0.2) ? "id" : inner);
      }
      atom = b.append(" }").toString();
    }
    if (Generator.chance(random, 0.2)) {
      atom += " x" + (Generator.chance(random, 0.03) ? Vocabulary.number(random) : String.valueOf(1 + random.nextInt(4)));
    }
    if (Generator.chance(random, 0.05)) {
      atom += " @n" + random.nextInt(3);
    }
    return atom;
  }

  /** A call of one of the first {@code defs} defs, mostly with as many arguments as it takes. */
  private static String call(SplittableRandom random, int[] arity, int defs, int params) {
    int def = random.nextInt(defs);
    int args = Generator.chance(random, 0.9) ? arity[def] : random.nextInt(3);
    if (args == 0 && Generator.chance(random, 0.5)) {
      return "blk" + def;
    }
    StringBuilder out = new StringBuilder("blk").append(def).append('(');
    for (int i = 0; i < args; i++) {
      out.append(i == 0 ? "" : ", ").append(expr(random, params, 2));
    }
    return out.append(')').toString();
  }

  private static String layer(SplittableRandom random, int params) {
    if (Generator.chance(random, 0.6)) {
      return Generator.pick(random, random.nextBoolean() ? PRESERVING : FITTING);
    }
    String word = Generator.pick(random, Vocabulary.LAYERS);
    if (Generator.chance(random, 0.3)) {
      // a number of the word replaced by an expression or an extreme
      String replacement = Generator.chance(random, 0.5) ? "{" + expr(random, params, 3) + "}" : Vocabulary.number(random);
      word = word.replaceFirst("[0-9]+", java.util.regex.Matcher.quoteReplacement(replacement));
    }
    if (Generator.chance(random, 0.25)) {
      word += " " + Generator.pick(random, Vocabulary.MODIFIERS);
    }
    return word;
  }

  private static String expr(SplittableRandom random, int params, int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 4);
    return switch (kind) {
      case 0 -> params > 0 ? "a" + random.nextInt(params) : "in";
      case 1 -> "in";
      case 2, 3 -> Generator.chance(random, 0.15) ? Vocabulary.number(random).replace("-", "") : String.valueOf(random.nextInt(130));
      case 4 -> "-" + expr(random, params, depth - 1);
      case 5 -> "(" + expr(random, params, depth - 1) + ")";
      default -> expr(random, params, depth - 1) + Generator.pick(random, List.of(" + ", " - ", " * ", " / ", "*", "/"))
          + expr(random, params, depth - 1);
    };
  }
}
