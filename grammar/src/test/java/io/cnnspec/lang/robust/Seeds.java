package io.cnnspec.lang.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The specs the fuzzer starts from: a few written here, so the tests stand without the zoo, and
 * every {@code .cnn} of the zoo when it is there ({@code ../zoo} from the grammar module, or the
 * directory named by {@code -Dcnnspec.zoo=...}).
 */
final class Seeds {

  private Seeds() {}

  /** A named spec text. */
  record Seed(String name, String text) {}

  static final String VGG16 = """
      # VGG-16, configuration D
      network Vgg16 : 224x224x3 -> 1000
        expect params 138_357_544
        conv3-64x2   maxpool
        conv3-128x2  maxpool
        conv3-256x3  maxpool
        conv3-512x3  maxpool
        conv3-512x3  maxpool
        fc4096 fc4096 fc1000 softmax
      """;

  static final String RESNET18 = """
      # ResNet-18 with a basic block and a downsampling block
      network ResNet18 : 224x224x3 -> 1000
      option nobias
      expect params 11_689_512
      def basic(c) { res { conv3-{c} bn relu conv3-{c} bn } relu }
      def down(c) {
        res { conv3-{c}/2 bn relu conv3-{c} bn
            | conv1-{c}/2 bn }
        relu
      }
        conv7-64/2 p3 bn relu  maxpool3/2 p1
        basic(64) x2
        down(128) basic(128)
        down(256) basic(256)
        down(512) basic(512)
        gap fc1000
      """;

  static final String TINY_DENSE = """
      network TinyDense : 32x32x3 -> 10
      option nobias
      def dense(k) { cat { id | bn relu conv1-{4*k} bn relu conv3-{k} } }
      def transition { bn relu conv1-{in/2} avgpool2 }
        conv3-24
        dense(12) x4 transition
        dense(12) x4 @last
        bn relu gap fc10
      """;

  static final String MIXED = """
      # one of most forms: defaults, in, mul, add, cat, labels, modifiers, expressions
      network Mixed : 64x64x3 -> 10
      def se(r = 4) { mul { gap fc{in/r} relu fc{in} sigmoid } }
      def stage(c, n) { (conv3-{c} bn relu) x{n} se }
        stage(16, 2) @s1 maxpool
        add { conv3-32 | conv1-32 nobias } @merge
        cat { maxpool3/1 p1 | conv3-{2*8+1} | sepconv3-8 | dwconv3 conv1-4 }
        deconv2-16/2 upsample2 nearest avgpool4 conv1x7-8 conv7x1-8 g2 gn4 ln scale prelu dropout0.3 lrn
        (conv3-8 d2 relu6) x2
        flatten FC-64 nobias relu6 fc10 soft-max
      """;

  static List<Seed> embedded() {
    return List.of(new Seed("vgg16", VGG16), new Seed("resnet18", RESNET18), new Seed("tiny_dense", TINY_DENSE),
        new Seed("mixed", MIXED));
  }

  /** The zoo's directory, or null when neither it nor -Dcnnspec.zoo is there. */
  static Path zooDirectory() {
    String property = System.getProperty("cnnspec.zoo");
    Path dir = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "zoo");
    return Files.isDirectory(dir) ? dir : null;
  }

  static List<Seed> zoo() {
    Path dir = zooDirectory();
    if (dir == null) {
      return List.of();
    }
    List<Seed> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".cnn")).sorted().toList()) {
        seeds.add(new Seed(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seeds;
  }

  static List<Seed> all() {
    List<Seed> all = new ArrayList<>(embedded());
    all.addAll(zoo());
    return all;
  }

  /**
   * The cases of issue 13, each of which once took gigabytes or crashed javac, at sizes a mutation
   * can afford (the full sizes are in {@link RegressionTest}, which holds each to its time and
   * allocation bound). They are answered with errors, so they are not {@link #all} (whose seeds
   * compile), and the mutations do not start from them: a mutated doubling chain legally expands
   * to a million layers, too slow for every build on a loaded machine; the {@link DefHeavy}
   * family makes their shapes instead.
   */
  static List<Seed> hostile() {
    StringBuilder chain = new StringBuilder("network Chain : 8x8x3\ndef blk40 { relu }\n");
    for (int i = 39; i >= 0; i--) {
      chain.append("def blk").append(i).append(" { blk").append(i + 1).append(" blk").append(i + 1).append(" }\n");
    }
    chain.append("blk0\n");
    String longName = "b".repeat(3_000);
    String nearMiss = "b".repeat(1_499) + "c" + "b".repeat(1_500);
    return List.of(
        new Seed("million-calls", "network Big : 8x8x3\ndef b { relu } b x1000000\n"),
        new Seed("doubling-chain", chain.toString()),
        new Seed("near-miss", "network Near : 8x8x3\ndef " + longName + " { relu }\n" + (nearMiss + "\n").repeat(3)),
        new Seed("long-label", "network Label : 8x8x3\nconv3-8 @" + "l".repeat(3_000) + "\n"),
        new Seed("relu-words", "network Words : 8x8x3\n" + "relu ".repeat(20_000) + "\n"),
        new Seed("long-network-name", "network N" + "e".repeat(299) + " : 8x8x3\nconv3-8\n"),
        new Seed("call-chain-blocks", callChain()),
        new Seed("labelled-group-nest", groupNest()),
        new Seed("distinct-rows", "network Distinct : 1x1x3\ndef b { conv1-{in+1} }\nb x20000 @" + "a".repeat(127) + "\n"));
  }

  /** 63 defs that each call the next once, the first repeated 99,999 times: 63 def calls a layer. */
  static String callChain() {
    StringBuilder calls = new StringBuilder("network Calls : 8x8x3\ndef k63 { relu }\n");
    for (int i = 62; i >= 1; i--) {
      calls.append("def k").append(i).append(" { k").append(i + 1).append(" }\n");
    }
    return calls.append("k1 x99999\n").toString();
  }

  /** 60 nested labelled groups around one layer, repeated 99,999 times: 60 blocks a layer. */
  static String groupNest() {
    String groups = "relu";
    for (int i = 0; i < 60; i++) {
      groups = "( " + groups + " ) @g" + i;
    }
    return "network Groups : 8x8x3\n( " + groups + " ) x99999\n";
  }

  /** A seed's layers without its header line, for the annotation form. */
  static String body(String spec) {
    StringBuilder out = new StringBuilder();
    for (String line : spec.split("\n", -1)) {
      out.append(line.strip().startsWith("network ") ? "" : line).append('\n');
    }
    return out.toString();
  }
}
