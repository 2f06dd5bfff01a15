package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamerTest {

  @Test
  void countsPerStemAndScope() {
    Namer namer = new Namer();
    assertEquals("conv1", namer.generate("", "conv").toString());
    assertEquals("conv2", namer.generate("", "conv").toString());
    assertEquals("pool1", namer.generate("", "pool").toString());
    assertEquals("fire2.conv1", namer.generate("fire2.", "conv").toString());
  }

  @Test
  void userNamesAreTakenOnceAndGeneratedNamesStepAroundThem() {
    Namer namer = new Namer();
    assertTrue(namer.claim("", "conv2"));
    assertFalse(namer.claim("", "conv2"));
    assertEquals("conv1", namer.generate("", "conv").toString());
    assertEquals("conv3", namer.generate("", "conv").toString());
    assertFalse(namer.claim("", "conv3"), "given already");
  }

  @Test
  void stemsEndingInADigitAreRememberedOneByOne() {
    Namer namer = new Namer();
    // def block2 gives block21, which stem block could give too
    assertEquals("block21", namer.generate("", "block2").toString());
    assertFalse(namer.claim("", "block21"));
    assertTrue(namer.claim("", "block22"));
  }

  @Test
  void aClosedScopeIsForgottenAndItsNameStaysTaken() {
    Namer namer = new Namer();
    String scope = namer.generate("", "b").toString() + ".";
    assertEquals("b1.relu1", namer.generate(scope, "relu").toString());
    assertTrue(namer.claim(scope, "r"));
    namer.close(scope);
    assertFalse(namer.claim("", "b1"), "the scope's own name is in the scope around it");
    assertEquals("b2", namer.generate("", "b").toString());
  }
}
