package io.cnnspec.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cnnspec.lang.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pooling and convolution output sizes for random kernels, strides, paddings, dilations and ceil
 * mode, each per axis, against PyTorch's rule: first against its formula written out here (as
 * aten's {@code pooling_output_shape} and {@code conv_output_size} compute it), then the same
 * cases against torch.nn itself when {@code /usr/bin/python3} has torch.
 */
class WindowSizesPropertyTest {

  /** One random layer on one input: a pool (max or average) or a convolution. */
  record Case(boolean pool, boolean avg, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int d,
      boolean ceil) {

    String spec() {
      String word = pool ? (avg ? "avgpool" : "maxpool") + kh + "x" + kw : "conv" + kh + "x" + kw + "-4";
      return word + "/" + sh + "x" + sw + " p" + ph + "x" + pw + " d" + d + (ceil ? " ceil" : "");
    }

    /** PyTorch's size along one axis, 0 or less when the window does not fit. */
    static long size(long n, long k, long s, long p, long d, boolean ceil) {
      long numerator = n + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
      long out = Math.floorDiv(numerator, s) + 1; // div_rtn: rounds toward minus infinity
      if (ceil && (out - 1) * s >= n + p) {
        out--;
      }
      return out;
    }

    long expectedH() {
      return size(h, kh, sh, ph, d, ceil);
    }

    long expectedW() {
      return size(w, kw, sw, pw, d, ceil);
    }
  }

  private static List<Case> cases(long seed, int count) {
    Random random = new Random(seed);
    List<Case> cases = new ArrayList<>();
    while (cases.size() < count) {
      boolean pool = random.nextBoolean();
      int kh = 1 + random.nextInt(6);
      int kw = 1 + random.nextInt(6);
      // PyTorch pools pad at most half the window; convolutions any amount
      int ph = random.nextInt(pool ? kh / 2 + 1 : 4);
      int pw = random.nextInt(pool ? kw / 2 + 1 : 4);
      // avg_pool2d has no dilation
      boolean avg = pool && random.nextBoolean();
      int d = avg ? 1 : 1 + random.nextInt(3);
      cases.add(new Case(pool, avg, 1 + random.nextInt(24), 1 + random.nextInt(24), kh, kw,
          1 + random.nextInt(4), 1 + random.nextInt(4), ph, pw, d, pool && random.nextBoolean()));
    }
    return cases;
  }

  /** What cnnspec gives: "HxW", or "none" when it reports that the size reaches zero. */
  private static String cnnspec(Case c) {
    Compilation result = CnnSpec.compile(new SpecInput.Inline("Net", c.h + "x" + c.w + "x4", c.spec(), "Net"),
        CompileOptions.DEFAULT);
    if (result.ok()) {
      var out = result.network().orElseThrow().output();
      return out.height() + "x" + out.width();
    }
    List<Diagnostic> errors = result.errors();
    assertEquals(1, errors.size(), () -> c.spec() + ": " + errors);
    assertEquals("size-reaches-zero", errors.get(0).code(), () -> c.spec() + ": " + errors.get(0).format());
    return "none";
  }

  private static String formula(Case c) {
    long h = c.expectedH();
    long w = c.expectedW();
    return h < 1 || w < 1 ? "none" : h + "x" + w;
  }

  @Test
  void outputSizesFollowPyTorchsFormulaPerAxis() {
    int fits = 0;
    for (Case c : cases(12, 3000)) {
      String expected = formula(c);
      assertEquals(expected, cnnspec(c), () -> c.spec() + " on " + c.h + "x" + c.w);
      fits += expected.equals("none") ? 0 : 1;
    }
    assertTrue(fits > 1000 && fits < 3000, "the cases cover both windows that fit and windows that do not: " + fits);
  }

  @Test
  void theFormulaIsTorchNns() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    boolean ci = "true".equals(System.getenv("CI"));
    String missing = !Files.isExecutable(python) ? "no /usr/bin/python3" : null;
    List<Case> cases = cases(13, 400);
    StringBuilder input = new StringBuilder();
    for (Case c : cases) {
      input.append(String.join(" ", List.of(c.pool ? (c.avg ? "avg" : "max") : "conv", "" + c.h, "" + c.w, "" + c.kh,
          "" + c.kw, "" + c.sh, "" + c.sw, "" + c.ph, "" + c.pw, "" + c.d, c.ceil ? "1" : "0"))).append('\n');
    }
    String script = String.join("\n",
        "import sys",
        "try:",
        "    import torch, torch.nn as nn",
        "except ImportError:",
        "    print('NO-TORCH'); sys.exit(0)",
        "for line in sys.stdin:",
        "    t, h, w, kh, kw, sh, sw, ph, pw, d, ceil = line.split()",
        "    h, w, kh, kw, sh, sw, ph, pw, d = map(int, (h, w, kh, kw, sh, sw, ph, pw, d))",
        "    x = torch.zeros(1, 4, h, w)",
        "    try:",
        "        if t == 'max': m = nn.MaxPool2d((kh, kw), (sh, sw), (ph, pw), d, ceil_mode=ceil == '1')",
        "        elif t == 'avg': m = nn.AvgPool2d((kh, kw), (sh, sw), (ph, pw), ceil_mode=ceil == '1')",
        "        else: m = nn.Conv2d(4, 4, (kh, kw), (sh, sw), (ph, pw), d)",
        "        y = m(x)",
        "        print('%dx%d' % (y.shape[2], y.shape[3]) if y.shape[2] > 0 and y.shape[3] > 0 else 'none')",
        "    except RuntimeError:",
        "        print('none')");
    List<String> torch = List.of();
    if (missing == null) {
      Process process = new ProcessBuilder(python.toString(), "-c", script).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the process died early; its output says why
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("python did not finish");
      }
      if (out.startsWith("NO-TORCH")) {
        missing = "/usr/bin/python3 has no torch";
      } else {
        torch = out.lines().toList();
        assertEquals(cases.size(), torch.size(), out);
      }
    }
    if (missing != null) {
      if (ci) {
        fail(missing + ", and CI=true requires it");
      }
      Assumptions.abort(missing + ": the sizes are checked against the written-out formula only");
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      assertEquals(torch.get(i), formula(c), c.spec() + " on " + c.h + "x" + c.w + " (torch.nn)");
      assertEquals(torch.get(i), cnnspec(c), c.spec() + " on " + c.h + "x" + c.w + " (cnnspec)");
    }
  }
}
