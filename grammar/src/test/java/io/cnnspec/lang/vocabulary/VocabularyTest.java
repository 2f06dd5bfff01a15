package io.cnnspec.lang.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void readsGluedNumbersByForm() {
    assertEquals(new Vocabulary.Read(LayerWord.CONV, "1", "7"), Vocabulary.layer("conv1x7"));
    assertEquals(new Vocabulary.Read(LayerWord.MAXPOOL, null, null), Vocabulary.layer("maxpool"));
    assertEquals(new Vocabulary.Read(LayerWord.FC, "4096", null), Vocabulary.layer("fc4096"));
    assertEquals(new Vocabulary.Read(LayerWord.ADAPTIVEAVGPOOL, "6", "7"), Vocabulary.layer("adaptiveavgpool6x7"));
    assertEquals(new Vocabulary.Read(LayerWord.DROPOUT, "0.5", null), Vocabulary.layer("dropout0.5"));
    assertEquals(new Vocabulary.Read(LayerWord.DROPOUT, "", null), Vocabulary.layer("dropout"));
    assertEquals(new Vocabulary.Read(LayerWord.SILU, null, null), Vocabulary.layer("swish"));
    assertNull(Vocabulary.layer("gn"), "a counted word needs its count");
    assertNull(Vocabulary.layer("relu3"));
    assertNull(Vocabulary.layer("conv3x"));
    assertNull(Vocabulary.layer("frobnicate"));
  }

  @Test
  void modifiersAndTheirNumbers() {
    assertTrue(Vocabulary.isModifier("p1", false));
    assertTrue(Vocabulary.isModifier("g32", false));
    assertTrue(Vocabulary.isModifier("p", true), "p{k}");
    assertTrue(Vocabulary.isModifier("nobias", false));
    assertFalse(Vocabulary.isModifier("p", false), "p alone is no modifier");
    assertFalse(Vocabulary.isModifier("valid", true));
    assertFalse(Vocabulary.isModifier("px", false));
    assertEquals(Modifier.D, Vocabulary.gluedNumber("d2"));
    assertNull(Vocabulary.gluedNumber("valid"));
  }

  @Test
  void reservedNamesAreLayersModifiersAndTheirStems() {
    for (String name : List.of("conv", "Conv3", "swish", "p", "g", "d", "p1", "valid", "Batch-Norm", "pool")) {
      assertTrue(Vocabulary.isReserved(name), name);
    }
    for (String name : List.of("block", "fire", "bottleneck", "convblock")) {
      assertFalse(Vocabulary.isReserved(name), name);
    }
  }

  @Test
  void everySpellingIsOnceInTheTable() {
    Set<String> seen = new HashSet<>();
    for (String spelling : Vocabulary.spellings()) {
      assertTrue(seen.add(spelling), spelling);
      assertEquals(spelling, Vocabulary.normalize(spelling), "spellings are normalized");
    }
  }

  @Test
  void everyModifierIsAcceptedSomewhereAndFamiliesExclude() {
    for (Modifier modifier : Modifier.values()) {
      assertTrue(List.of(LayerWord.values()).stream().anyMatch(w -> w.accepts(modifier)), modifier.word());
    }
    assertEquals(Modifier.P.family(), Modifier.VALID.family());
    assertEquals(Modifier.NOBIAS.family(), Modifier.BIAS.family());
  }

  @Test
  void suggestionsKeepTheNumbers() {
    assertEquals("conv3", Vocabulary.suggest("convv3", List.of()));
    assertEquals("relu", Vocabulary.suggest("rleu", List.of()));
    assertEquals("block", Vocabulary.suggest("blok", List.of("block")));
    assertNull(Vocabulary.suggest("transformer", List.of()));
  }

  @Test
  void editDistanceCountsSwapsOnce() {
    assertEquals(1, Suggestions.distance("rleu", "relu"));
    assertEquals(2, Suggestions.distance("conv", "cnv3"));
    assertEquals("bias", Suggestions.closest("bais", List.of("nobias", "bias")));
    // doubled edits and a single swap, as the command line ranks zoo names: vgg61 is nearer vgg16 than vgg11
    assertEquals(1, Suggestions.distance("vgg61", "vgg16", 2, 1));
    assertEquals(2, Suggestions.distance("vgg61", "vgg11", 2, 1));
    assertNull(Suggestions.closest("zzzz", List.of("relu")));
  }

  @Test
  void theBoundedDistanceAgreesWithTheFullOneWithinTheBound() {
    String[] words = {"", "a", "relu", "rleu", "conv3", "cnv3", "convv3", "softmax", "sotfmax", "maxpool", "pool", "xx"};
    for (String a : words) {
      for (String b : words) {
        int full = Suggestions.distance(a, b, 1, 1);
        int bounded = Suggestions.distance(a, b);
        if (full <= 3) {
          assertEquals(full, bounded, a + " / " + b);
        } else {
          assertTrue(bounded > 3, a + " / " + b);
        }
      }
    }
  }

  @Test
  void aSuggestionForAHugeNameNeedsNoMatrix() {
    // a 30,000-character name and a near miss: a full (n+1) x (m+1) matrix of ints is 3.6 GB
    String name = "b".repeat(30_000);
    String nearMiss = "b".repeat(14_999) + "c" + "b".repeat(15_000);
    assertEquals(1, Suggestions.distance(nearMiss, name));
    assertEquals(name, Suggestions.closest(nearMiss, List.of("relu", name)));
    assertNull(Suggestions.closest("c".repeat(30_000), List.of(name)));
  }
}
