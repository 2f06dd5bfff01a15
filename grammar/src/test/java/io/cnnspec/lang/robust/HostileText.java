package io.cnnspec.lang.robust;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Text that is not a spec, or barely: random characters from all of Unicode (controls,
 * surrogates, format and bidi characters, emoji), very long lines, many lines, empty input, and
 * valid specs with hostile characters or line endings in them.
 */
final class HostileText implements Generator {

  @Override
  public Case next(SplittableRandom random) {
    String text = switch (random.nextInt(8)) {
      case 0 -> randomChars(random, random.nextInt(200));
      case 1 -> Generator.pick(random, Vocabulary.HEADERS) + randomChars(random, random.nextInt(100));
      case 2 -> longLine(random);
      case 3 -> manyLines(random);
      case 4 -> Generator.pick(random, List.of("", " ", "\n", "#", "# only a comment\n", "network", "network N :",
          "network N : 3x3x3", "network N : 3x3x3 ->", "\ufeffnetwork N : 3x3x3 relu", "network N : 3x3x3\r\nrelu\r\n",
          "network N : 3x3x3\rrelu\r", "network N : 3x3x3 relu\u0000", "\u0000".repeat(50)));
      case 5 -> sprinkle(random, Generator.pick(random, Seeds.embedded()).text());
      case 6 -> lineEndings(random, Generator.pick(random, Seeds.embedded()).text());
      default -> Generator.pick(random, Vocabulary.HEADERS) + "relu".repeat(1 + random.nextInt(5000));
    };
    return random.nextInt(10) == 0
        ? new Case.Inline(randomChars(random, random.nextInt(8)), randomChars(random, random.nextInt(12)), text,
            TokenSoup.limits(random))
        : new Case.File(text, TokenSoup.limits(random));
  }

  private static String randomChars(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        out.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 6) {
        out.append((char) random.nextInt(0x100));
      } else if (kind < 8) {
        out.append((char) random.nextInt(0x10000));
      } else if (kind < 9) {
        out.appendCodePoint(0x10000 + random.nextInt(0x100000));
      } else {
        out.append(Generator.pick(random, Vocabulary.HOSTILE));
      }
    }
    return out.toString();
  }

  private static String longLine(SplittableRandom random) {
    StringBuilder out = new StringBuilder(Generator.pick(random, Vocabulary.HEADERS));
    int length = 1_000 + random.nextInt(Generator.chance(random, 0.1) ? 200_000 : 20_000);
    String word = Generator.pick(random, List.of("relu ", "conv3-8 ", "a", "1", "(", "{", "x", "-", "cat{", "#",
        "\u00e9", "\ud83d\ude00", "relu@a "));
    while (out.length() < length) {
      out.append(word);
    }
    if (Generator.chance(random, 0.5)) {
      out.append(Generator.pick(random, Vocabulary.HOSTILE)).append(" fooo");
    }
    return out.toString();
  }

  private static String manyLines(SplittableRandom random) {
    StringBuilder out = new StringBuilder(Generator.pick(random, Vocabulary.HEADERS));
    int lines = 100 + random.nextInt(Generator.chance(random, 0.1) ? 20_000 : 2_000);
    for (int i = 0; i < lines; i++) {
      out.append(Generator.chance(random, 0.999) ? Generator.pick(random, Vocabulary.LAYERS) : Vocabulary.anyToken(random))
          .append(Generator.pick(random, List.of("\n", "\r\n", " # note\n", "\n\n")));
    }
    return out.toString();
  }

  private static String sprinkle(SplittableRandom random, String spec) {
    StringBuilder out = new StringBuilder(spec);
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      out.insert(random.nextInt(out.length() + 1), Generator.pick(random, Vocabulary.HOSTILE));
    }
    return out.toString();
  }

  private static String lineEndings(SplittableRandom random, String spec) {
    return spec.replace("\n", Generator.pick(random, List.of("\r\n", "\r", "\n\r", "\u2028", "\u0085", "\f\n")));
  }
}
