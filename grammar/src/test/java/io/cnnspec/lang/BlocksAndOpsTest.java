package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.model.Block;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure a compilation keeps beside the rows: blocks (calls, repetitions, groups) and ops. */
class BlocksAndOpsTest {

  private static Compilation compile(String text) {
    Compilation c = CnnSpec.compile(new SpecInput.File(text, "t.cnn"), CompileOptions.DEFAULT);
    c.networkOrThrow();
    return c;
  }

  @Test
  void callsRepetitionsAndLabelledGroupsBecomeNestedBlocks() {
    NetworkInfo n = compile("""
        network N : 8x8x3
        def blk(c) { conv3-{c} relu }
        (conv3-4 bn) @stem
        blk(8) x2
        conv3-8x3
        relu
        """).networkOrThrow();
    assertEquals(List.of(
        new Block(Block.Kind.GROUP, "@stem", null, 0, 2, 0),
        new Block(Block.Kind.REPEAT, "blk x2", null, 2, 6, 0),
        new Block(Block.Kind.CALL, "blk(8)", "blk", 2, 4, 0),
        new Block(Block.Kind.CALL, "blk(8)", "blk", 4, 6, 0),
        new Block(Block.Kind.REPEAT, "conv3-8 x3", null, 6, 9, 0)), n.blocks());
    assertEquals(10, n.layers().size());
  }

  @Test
  void blocksInsideBranchesCarryTheirDepth() {
    NetworkInfo n = compile("""
        network N : 8x8x4
        def two { conv3-4 relu }
        res { two x2 }
        """).networkOrThrow();
    // row 0 is the res merge; its branch holds the repetition at depth 1
    assertEquals(new Block(Block.Kind.REPEAT, "two x2", null, 1, 5, 1), n.blocks().get(0));
    assertEquals(3, n.blocks().size());
  }

  @Test
  void everyRowHasItsOpAndMergesHaveNone() {
    Compilation c = compile("network N : 8x8x4  conv3-8/2 p1 nobias  res { conv3-8 }  fc10");
    List<LayerOp> ops = c.ops();
    assertEquals(c.networkOrThrow().layers().size(), ops.size());
    LayerOp.Conv conv = assertInstanceOf(LayerOp.Conv.class, ops.get(0));
    assertEquals(2, conv.strideH());
    assertEquals(2, conv.strideW());
    assertEquals(false, conv.bias());
    assertNull(ops.get(1));
    assertInstanceOf(LayerOp.Dense.class, ops.get(3));
  }

  @Test
  void aFailedCompilationHasNoOps() {
    Compilation c = CnnSpec.compile(new SpecInput.File("network N : 8x8x4  conv3-8 bogus", "t.cnn"), CompileOptions.DEFAULT);
    assertEquals(List.of(), c.ops());
  }

  @Test
  void mergeRowsKeepTheirBranchCountEmptyBranchesIncluded() {
    Compilation c = compile("network N : 8x8x8  add { conv3-8 | }  cat { id | conv1-4 | }  relu");
    // rows: add, conv, cat, id, conv, relu
    assertEquals(List.of(2, 0, 3, 0, 0, 0), List.copyOf(c.branchCounts()));
  }
}
