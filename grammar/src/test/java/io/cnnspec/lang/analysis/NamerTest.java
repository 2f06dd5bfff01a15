package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamerTest {

  private static final int TOP = io.cnnspec.model.LayerTable.TOP;

  @Test
  void countsPerStemAndScope() {
    Namer namer = new Namer();
    assertEquals(1, namer.generate(TOP, "conv"));
    assertEquals(2, namer.generate(TOP, "conv"));
    assertEquals(1, namer.generate(TOP, "pool"));
    assertEquals(1, namer.generate(0, "conv"), "fire2.conv1, in scope 0");
  }

  @Test
  void userNamesAreTakenOnceAndGeneratedNamesStepAroundThem() {
    Namer namer = new Namer();
    assertTrue(namer.claim(TOP, "conv2"));
    assertFalse(namer.claim(TOP, "conv2"));
    assertEquals(1, namer.generate(TOP, "conv"));
    assertEquals(3, namer.generate(TOP, "conv"));
    assertFalse(namer.claim(TOP, "conv3"), "given already");
  }

  @Test
  void stemsEndingInADigitAreRememberedOneByOne() {
    Namer namer = new Namer();
    // def block2 gives block21, which stem block could give too
    assertEquals(1, namer.generate(TOP, "block2"));
    assertFalse(namer.claim(TOP, "block21"));
    assertTrue(namer.claim(TOP, "block22"));
  }

  @Test
  void theTurnsOfALabelledRepetitionAreCountedAndStayTaken() {
    Namer namer = new Namer();
    assertTrue(namer.claim(TOP, "a_", 1));
    assertTrue(namer.claim(TOP, "a_", 2));
    assertFalse(namer.claim(TOP, "a_2"), "a_2 is a turn's name");
    assertFalse(namer.claim(TOP, "a_", 2));
    assertTrue(namer.claim(TOP, "a_5"));
    assertTrue(namer.claim(TOP, "a_", 3));
    assertTrue(namer.claim(TOP, "a_", 4));
    assertFalse(namer.claim(TOP, "a_", 5), "taken by a user name");
  }

  @Test
  void aClosedScopeIsForgottenAndItsNameStaysTaken() {
    Namer namer = new Namer();
    assertEquals(1, namer.generate(TOP, "b"));
    int scope = 0; // b1's scope in the row table
    assertEquals(1, namer.generate(scope, "relu"));
    assertTrue(namer.claim(scope, "r"));
    namer.close(scope);
    assertFalse(namer.claim(TOP, "b1"), "the scope's own name is in the scope around it");
    assertEquals(2, namer.generate(TOP, "b"));
  }
}
