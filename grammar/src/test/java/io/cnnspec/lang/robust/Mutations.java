package io.cnnspec.lang.robust;

import io.cnnspec.lang.diagnostics.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed spec with a few mutations: tokens deleted, duplicated, swapped or replaced, numbers made
 * 0, negative or huge, the text cut short, hostile characters put in, lines doubled or dropped,
 * stretches wrapped in groups, branches or big repetitions. A third of the cases go through the
 * annotation form or another input size.
 */
final class Mutations implements Generator {

  // Rough tokens, whitespace kept, so that a mutated spec keeps its layout: words (with a call's
  // "("), numbers and shapes, comments, arrows, any other single character.
  private static final Pattern TOKEN = Pattern.compile(
      "\\s+|#[^\\n]*|[A-Za-z_][A-Za-z0-9_.]*(?:-[A-Za-z][A-Za-z0-9_.]*)*\\(?|[0-9][0-9_]*(?:x[0-9]+)*|->|.",
      Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9_]*");

  private static final List<String> INPUTS = List.of("224x224x3", "32x32x3", "64x64", "0", "-1", "", "1x1x1",
      "99999999999999999999", "1000000000x1000000000x1000000000", "2147483647x1x1", "224 x 224 x 3", "224x224x3x1",
      "\u202e3", "784", "x", "((", "224x224x3 # comment", "1_000x1_000x3");
  private static final List<String> NAMES = List.of("Net", "Vgg16", "", " ", "1net", "a b", "N\u0000", "\u00f8",
      "network", "class", "_", "N".repeat(300));

  private final List<Seeds.Seed> seeds;

  Mutations(List<Seeds.Seed> seeds) {
    this.seeds = seeds;
  }

  @Override
  public Case next(SplittableRandom random) {
    String spec = Generator.pick(random, seeds).text();
    if (random.nextBoolean()) {
      // without its expect lines and declared output, a mutated network may still compile
      spec = spec.replaceAll("(?m)^\\s*expect .*$", "").replaceAll("(network \\w+ : \\S+) -> \\S+", "$1");
    }
    List<String> tokens = tokens(spec);
    int mutations = Generator.chance(random, 0.5) ? 1 : 1 + random.nextInt(Generator.chance(random, 0.2) ? 12 : 3);
    for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
      mutate(tokens, random);
    }
    String text = String.join("", tokens);
    return switch (random.nextInt(9)) {
      case 0 -> new Case.Inline(Generator.chance(random, 0.8) ? "Net" : Generator.pick(random, NAMES),
          Generator.chance(random, 0.7) ? "224x224x3" : Generator.pick(random, INPUTS), Seeds.body(text),
          TokenSoup.limits(random));
      case 1 -> new Case.WithInput(text, Generator.pick(random, INPUTS));
      case 2 -> new Case.File(text, Limits.DEFAULT);
      default -> new Case.File(text, TokenSoup.limits(random));
    };
  }

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  private static void mutate(List<String> tokens, SplittableRandom random) {
    int at = random.nextInt(tokens.size());
    switch (random.nextInt(13)) {
      case 0 -> tokens.remove(at);
      case 1 -> tokens.add(at, tokens.get(at));
      case 2 -> {
        int other = random.nextBoolean() ? Math.min(tokens.size() - 1, at + 2) : random.nextInt(tokens.size());
        String t = tokens.get(at);
        tokens.set(at, tokens.get(other));
        tokens.set(other, t);
      }
      case 3, 4 -> {
        int number = find(tokens, at, NUMBER);
        if (number >= 0) {
          tokens.set(number, NUMBER.matcher(tokens.get(number)).replaceFirst(Vocabulary.number(random)));
        }
      }
      case 5 -> tokens.subList(at, tokens.size()).clear();
      case 6 -> tokens.add(at, Generator.pick(random, Vocabulary.HOSTILE));
      case 7 -> tokens.add(at, " " + Vocabulary.anyToken(random) + " ");
      case 8 -> {
        int end = Math.min(tokens.size(), at + 1 + random.nextInt(20));
        String wrap = Generator.pick(random, List.of("(", "cat { ", "add { ", "res { ", "mul { ", "side { ", "cat { id | "));
        tokens.add(end, wrap.equals("(") ? ") x" + (1 + random.nextInt(Generator.chance(random, 0.2) ? 5000 : 4)) : " }");
        tokens.add(at, " " + wrap);
      }
      case 9 -> tokens.add(at, " x" + Generator.pick(random, List.of("0", "2", "1000", "100000", "3000000",
          "99999999999999999999")) + " ");
      case 10 -> {
        // a whole line doubled or dropped
        int start = at;
        while (start > 0 && !tokens.get(start - 1).contains("\n")) {
          start--;
        }
        int end = at;
        while (end < tokens.size() - 1 && !tokens.get(end).contains("\n")) {
          end++;
        }
        List<String> line = new ArrayList<>(tokens.subList(start, end + 1));
        if (random.nextBoolean()) {
          tokens.addAll(end + 1, line);
        } else {
          tokens.subList(start, end + 1).clear();
        }
      }
      case 11 -> tokens.set(at, Generator.pick(random, Vocabulary.LAYERS));
      default -> {
        String t = tokens.get(at);
        if (!t.isEmpty()) {
          int cut = random.nextInt(t.length());
          tokens.set(at, t.substring(0, cut) + Generator.pick(random, Vocabulary.HOSTILE) + t.substring(cut));
        }
      }
    }
  }

  /** The first token from {@code from} on (wrapping around) that contains a match, or -1. */
  private static int find(List<String> tokens, int from, Pattern pattern) {
    for (int i = 0; i < tokens.size(); i++) {
      int at = (from + i) % tokens.size();
      if (pattern.matcher(tokens.get(at)).find()) {
        return at;
      }
    }
    return -1;
  }
}
