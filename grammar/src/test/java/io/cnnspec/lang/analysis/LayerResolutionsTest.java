package io.cnnspec.lang.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.diagnostics.SpecException;
import io.cnnspec.lang.syntax.Element;
import io.cnnspec.lang.syntax.Expr;
import io.cnnspec.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerResolutionsTest {

  private static LayerResolutions.Written written(String word, Long channels, Long stride, LayerResolver.Mod... mods) {
    return new LayerResolutions.Written(word, channels, stride, null, List.of(mods));
  }

  @Test
  void resolvesOncePerWrittenForm() throws SpecException {
    Parts parts = Parts.reporting();
    LayerResolutions layers = new LayerResolutions(parts.source, true);
    LayerResolutions.Resolved conv = layers.resolve(written("conv3", 64L, 2L, new LayerResolver.Mod("p", 1L)));
    assertEquals("conv3-64/2 p1", conv.spec());
    assertSame(conv, layers.resolve(written("conv3", 64L, 2L, new LayerResolver.Mod("p", 1L))));
    // VGG's first conv on 224x224x3: 3*3*3*64 + 64 = 1,792 params, stride 2 and p1 give 112
    Outcome out = layers.apply(conv.op(), Shape.of(224, 224, 3), conv.spec());
    assertEquals(Shape.of(112, 112, 64), out.output());
    assertEquals(1_792, out.params());
    assertSame(out, layers.apply(conv.op(), Shape.of(224, 224, 3), conv.spec()));
  }

  @Test
  void aMisuseResolvesToItsError() {
    Parts parts = Parts.reporting();
    LayerResolutions layers = new LayerResolutions(parts.source, true);
    LayerResolutions.Resolved fc = layers.resolve(written("fc10", null, null, new LayerResolver.Mod("p", 1L)));
    assertNull(fc.op());
    assertEquals("modifier-not-applicable", fc.error().code().id());
    assertEquals("'fc10' accepts nobias, bias", fc.error().detail());
    assertNull(layers.resolve(written("frobnicate", null, null)).op());
  }

  @Test
  void anUnknownWordIsReportedWithTheWordToCarryOnWith() {
    Parts parts = Parts.reporting();
    LayerResolutions layers = new LayerResolutions(parts.source, true);
    assertEquals("relu", layers.unknown("rleu", null, Parts.AT, List.of()));
    assertNull(layers.unknown("transformer", null, Parts.AT, List.of()));
    assertEquals(List.of("did you mean relu?", "see the layer table in docs/language.md"), parts.reporter.diagnostics().stream().map(d -> d.hint()).toList());
    assertEquals(Shape.vector(4096), layers.guess("fc4096", null, null, null, List.of(), Shape.of(7, 7, 512)).output());
    assertNull(layers.guess("conv3", null, null, null, List.of(), Shape.of(7, 7, 512)), "conv3 without channels fails too");
  }

  @Test
  void onlyALayerWithPlainNumbersIsRememberedByItsElement() {
    Parts parts = Parts.reporting();
    LayerResolutions layers = new LayerResolutions(parts.source, true);
    Position at = new Position(1, 1, 1);
    // conv3-64 p1 and conv3-{c}: the same resolution now, but the second reads anew where c differs
    Element.Layer plain = new Element.Layer("conv3", null, new Expr.Literal(64, at), null, null,
        List.of(new Element.Modifier("p", new Expr.Literal(1, at), at)), null, null, at);
    Element.Layer variable = new Element.Layer("conv3", null, new Expr.Variable("c", at), null, null,
        List.of(new Element.Modifier("p", new Expr.Literal(1, at), at)), null, null, at);
    LayerResolutions.Resolved conv = layers.resolve(written("conv3", 64L, null, new LayerResolver.Mod("p", 1L)));
    layers.rememberPlain(plain, conv);
    layers.rememberPlain(variable, conv);
    assertSame(conv, layers.plain(plain));
    assertNull(layers.plain(variable));
    // by the element itself, not an equal one: another conv3-64 p1 elsewhere in the spec reads once too
    assertNull(layers.plain(plain.withModifiers(plain.modifiers(), null, null)));
  }
}
