package io.cnnspec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTableTest {

  private static final Shape MAP = Shape.of(8, 8, 4);
  private static final Shape POOLED = Shape.of(4, 4, 4);

  @Test
  void rowsReadBackAsTheLayerInfosTheyStandFor() {
    LayerTable.Builder builder = LayerTable.builder();
    builder.add("conv", 1, "conv", "conv3-4", 0, 0, MAP, MAP, 112, 0, 6912, 256, 3, 1.0);
    builder.add("stem", 0, "maxpool", "maxpool", 0, 0, MAP, POOLED, 0, 0, 0, 64, 4, 2.0);
    builder.add("block_1.conv", 12, "conv", "conv3-4", 1, 2, POOLED, POOLED, 148, 0, 2304, 64, 8, 2.0);
    LayerTable table = builder.build();

    List<LayerInfo> expected = List.of(
        new LayerInfo("conv1", "conv", "conv3-4", 0, 0, MAP, MAP, 112, 0, 6912, 256, 3, 1.0),
        new LayerInfo("stem", "maxpool", "maxpool", 0, 0, MAP, POOLED, 0, 0, 0, 64, 4, 2.0),
        new LayerInfo("block_1.conv12", "conv", "conv3-4", 1, 2, POOLED, POOLED, 148, 0, 2304, 64, 8, 2.0));
    assertEquals(expected, table);
    assertEquals(expected.hashCode(), table.hashCode());
    assertEquals("block_1.conv12", table.name(2));
    assertEquals(148, table.params(2));
    assertEquals(6912, table.macs(0));
    assertEquals(64, table.activations(1));
    assertEquals(0, table.nonTrainableParams(0));
  }

  @Test
  void rowsInScopesAreNamedByTheScopesAroundThem() {
    LayerTable.Builder builder = LayerTable.builder();
    int call = builder.scope(LayerTable.TOP, "fire", 2);
    int inner = builder.scope(call, "squeeze", 0);
    builder.set(builder.reserve(), call, "conv", 1, "conv", "conv1-4", 0, 0, MAP, MAP, 20, 0, 1280, 256, 1, 1.0);
    builder.set(builder.reserve(), inner, "relu", 3, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    builder.set(builder.reserve(), LayerTable.TOP, "out", 0, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    LayerTable table = builder.build();
    assertEquals(List.of("fire2.conv1", "fire2.squeeze.relu3", "out"), table.stream().map(LayerInfo::name).toList());
    assertThrows(IndexOutOfBoundsException.class, () -> LayerTable.builder().scope(0, "x", 1));
  }

  @Test
  void blocksReadBackAsTheBlocksTheyStandForWithEmptySlotsDropped() {
    BlockTable.Builder builder = BlockTable.builder();
    int repeat = builder.reserve();
    int empty = builder.reserve();
    int call = builder.reserve();
    builder.set(call, Block.Kind.CALL, "fire(16, 64)", "fire", 0, 3, 0);
    builder.set(repeat, Block.Kind.REPEAT, "fire(16, 64) x2", null, 0, 6, 0);
    BlockTable table = builder.build();
    assertEquals(List.of(new Block(Block.Kind.REPEAT, "fire(16, 64) x2", null, 0, 6, 0),
        new Block(Block.Kind.CALL, "fire(16, 64)", "fire", 0, 3, 0)), table);
    assertEquals(6, table.maxEndRow());
    assertEquals(1, empty);
    BlockTable.Builder checked = BlockTable.builder();
    int slot = checked.reserve();
    assertThrows(IllegalArgumentException.class, () -> checked.set(slot, Block.Kind.GROUP, "@x", "d", 0, 1, 0));
  }

  @Test
  void scopesThatFollowOnAreOneRunAndNamedAsEach() {
    LayerTable.Builder builder = LayerTable.builder();
    int[] calls = new int[5];
    for (int i = 0; i < calls.length; i++) {
      calls[i] = builder.scope(LayerTable.TOP, "b", i + 1);
    }
    int inner = builder.scope(calls[3], "c", 1); // another parent: a run of its own
    int after = builder.scope(LayerTable.TOP, "b", 7); // a gap in the numbers: a run of its own
    int unnumbered = builder.scope(LayerTable.TOP, "b", 0);
    assertEquals("b4.c1", builder.scopeName(inner));
    assertEquals("b7", builder.scopeName(after));
    assertEquals("b", builder.scopeName(unnumbered));
    for (int i = 0; i < calls.length; i++) {
      builder.set(builder.reserve(), calls[i], "relu", 1, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    }
    builder.set(builder.reserve(), inner, "relu", 1, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    builder.set(builder.reserve(), after, "relu", 1, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    assertEquals(List.of("b1.relu1", "b2.relu1", "b3.relu1", "b4.relu1", "b5.relu1", "b4.c1.relu1", "b7.relu1"),
        builder.build().stream().map(LayerInfo::name).toList());
  }

  @Test
  void blocksThatFollowOnAreOneRunAndReadBackAsEach() {
    BlockTable.Builder builder = BlockTable.builder();
    int repeat = builder.reserve();
    for (int turn = 0; turn < 4; turn++) {
      builder.set(builder.reserve(), Block.Kind.CALL, "b", "b", 2 * turn, 2 * turn + 2, 1);
    }
    int gap = builder.reserve(); // not following on: rows 9-10, not 8-10
    builder.set(gap, Block.Kind.CALL, "b", "b", 9, 11, 1);
    int other = builder.reserve(); // another text
    builder.set(other, Block.Kind.CALL, "c", "c", 11, 13, 1);
    builder.set(repeat, Block.Kind.REPEAT, "b x4", null, 0, 8, 0);
    assertThrows(IllegalStateException.class, () -> builder.set(2, Block.Kind.CALL, "b", "b", 2, 4, 1));
    BlockTable table = builder.build();
    assertEquals(List.of(new Block(Block.Kind.REPEAT, "b x4", null, 0, 8, 0),
        new Block(Block.Kind.CALL, "b", "b", 0, 2, 1), new Block(Block.Kind.CALL, "b", "b", 2, 4, 1),
        new Block(Block.Kind.CALL, "b", "b", 4, 6, 1), new Block(Block.Kind.CALL, "b", "b", 6, 8, 1),
        new Block(Block.Kind.CALL, "b", "b", 9, 11, 1), new Block(Block.Kind.CALL, "c", "c", 11, 13, 1)), table);
    assertEquals(13, table.maxEndRow());
  }

  @Test
  void aReservedRowIsFilledInLater() {
    LayerTable.Builder builder = LayerTable.builder();
    int merge = builder.reserve();
    builder.add("relu", 1, "relu", "relu", 1, 1, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    builder.set(merge, "res", 1, "res", "res", 0, 0, MAP, MAP, 0, 0, 0, 256, 1, 1.0);
    LayerTable table = builder.build();
    assertEquals(List.of("res1", "relu1"), table.stream().map(LayerInfo::name).toList());
  }

  @Test
  void growsPastItsFirstArraysAndSharesWhatRowsRepeat() {
    LayerTable.Builder builder = LayerTable.builder();
    for (int i = 1; i <= 100_000; i++) {
      builder.add("relu", i, "relu", "relu", 0, 0, MAP, MAP, i, 0, 0, 0, 1, i / 2.0);
    }
    LayerTable table = builder.build();
    assertEquals(100_000, table.size());
    for (int i : new int[] {0, 15, 16, 4_095, 4_096, 4_097, 8_191, 8_192, 99_999}) {
      assertEquals(i + 1, table.params(i), "row " + i);
      assertEquals((i + 1) / 2.0, table.get(i).jump(), "row " + i);
      assertEquals("relu" + (i + 1), table.name(i));
    }
    assertEquals("relu100000", table.get(99_999).name());
    assertSame(table.get(0).spec(), table.get(99_999).spec());
  }

  @Test
  void refusesWhatLayerInfoRefuses() {
    LayerTable.Builder builder = LayerTable.builder();
    assertThrows(IllegalArgumentException.class,
        () -> builder.add("conv", 1, "conv", "conv3-4", 0, 0, MAP, MAP, -1, 0, 0, 0, 1, 1.0));
    assertThrows(NullPointerException.class,
        () -> builder.add("conv", 1, "conv", "conv3-4", 0, 0, null, MAP, 0, 0, 0, 0, 1, 1.0));
  }

  @Test
  void aRowReservedAndNeverFilledStopsTheBuild() {
    LayerTable.Builder builder = LayerTable.builder();
    builder.reserve();
    assertThrows(IllegalStateException.class, builder::build);
  }

  @Test
  void isImmutableAndBuiltOnce() {
    LayerTable.Builder builder = LayerTable.builder();
    builder.add("relu", 1, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    LayerTable table = builder.build();
    assertThrows(UnsupportedOperationException.class, () -> table.add(table.get(0)));
    assertThrows(IllegalStateException.class, builder::build);
    assertThrows(IllegalStateException.class, builder::reserve);
    assertThrows(IndexOutOfBoundsException.class, () -> table.get(1));
  }

  @Test
  void aNetworkKeepsTheTableItIsGiven() {
    LayerTable.Builder builder = LayerTable.builder();
    builder.add("relu", 1, "relu", "relu", 0, 0, MAP, MAP, 0, 0, 0, 0, 1, 1.0);
    LayerTable table = builder.build();
    NetworkInfo network = new NetworkInfo("N", MAP, MAP, table, 0, 0, 0, 0, MAP.size());
    assertSame(table, network.layers());
  }
}
