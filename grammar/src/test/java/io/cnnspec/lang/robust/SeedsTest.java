package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnnspec.lang.Compilation;
import io.cnnspec.lang.diagnostics.Limits;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The fuzzer's starting points are real networks: each compiles, whole and as an annotation body. */
class SeedsTest {

  @TestFactory
  Stream<DynamicTest> everySeedCompiles() {
    return Seeds.all().stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () -> {
      Compilation whole = Properties.check(seed.name(), new Case.File(seed.text()));
      assertTrue(whole.ok(), () -> whole.diagnostics().toString());
      // the body alone has no declared output to check, but the same layers
      Compilation body = Properties.check(seed.name(),
          new Case.Inline("Net", whole.networkOrThrow().input().toString(), Seeds.body(seed.text()), Limits.DEFAULT));
      assertEquals(whole.networkOrThrow().layers(), body.networkOrThrow().layers());
    }));
  }

  @Test
  void theEmbeddedSeedsHaveTheirPublishedFigures() {
    assertEquals(138_357_544L, Properties.check("vgg16", new Case.File(Seeds.VGG16)).networkOrThrow().params());
    assertEquals(11_689_512L, Properties.check("resnet18", new Case.File(Seeds.RESNET18)).networkOrThrow().params());
  }
}
