package io.cnnspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cnnspec.lang.CnnSpec;
import io.cnnspec.lang.CompileOptions;
import io.cnnspec.lang.SpecInput;
import io.cnnspec.model.NetworkInfo;
import io.cnnspec.picture.Diagram;
import io.cnnspec.picture.DiagramLayout;
import io.cnnspec.picture.Folding;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: headless Chromium, driven through chromedriver. For each page:
 * a screenshot (kept in {@code target/browser/}), then through the DOM that every layer has a row
 * and a box, that no box overlaps another, that the page logged no console error, and that clicking
 * a box highlights its rows and clicking a row its box. Skips, saying why, where Chromium or
 * chromedriver is missing; fails instead when the environment variable CI is "true".
 */
class HtmlReportBrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("cnnspec.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("cnnspec.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Path.of("target", "browser");

  private static ChromeDriver browser;
  private static Path profile;
  /** Why the browser is not there, or null. */
  private static String skipped;

  @BeforeAll
  static void startChromium() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(program)) {
        missing.add(program.toString());
      }
    }
    if (!missing.isEmpty()) {
      String reason = "no " + String.join(" and no ", missing) + " (Debian: apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true, but the browser tests cannot run: " + reason);
      }
      // each test then skips with this reason, so the report counts and names them
      skipped = "browser tests skipped: " + reason;
      System.err.println(skipped);
      return;
    }
    Files.createDirectories(OUT);
    profile = Files.createTempDirectory("cnnspec-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--user-data-dir=" + profile, "--window-size=1400,900", "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // the driver given by path, so that Selenium Manager never looks for (or downloads) one
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"vgg16, folded", "resnet50, folded", "inception_v3, folded", "inception_v3, unfolded"})
  void pageShowsEveryLayerAndLinksBoxesAndRows(String name, String how) throws IOException {
    Assumptions.assumeTrue(skipped == null, skipped);
    boolean unfolded = how.equals("unfolded");
    String[] args = unfolded
        ? new String[] {"summary", name, "--format", "html", "--depth", "99"}
        : new String[] {"summary", name, "--format", "html"};
    Cli.Result r = Cli.run(args).noStackTrace();
    assertEquals(0, r.exit(), r::toString);
    Path page = OUT.resolve(name + "-" + how + ".html");
    Files.writeString(page, r.out(), StandardCharsets.UTF_8);

    Zoo.Entry entry = Zoo.bundled().find(name).orElseThrow();
    NetworkInfo network = CnnSpec.compile(new SpecInput.File(entry.text(), entry.origin()), CompileOptions.DEFAULT).network().orElseThrow();
    Diagram diagram = DiagramLayout.layout(network, unfolded ? Folding.depth(99) : Folding.BLOCKS);
    browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
    browser.get(page.toAbsolutePath().toUri().toString());

    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve(name + "-" + how + ".png"), png);
    assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a screenshot");

    // every layer: a row, naming a box that is there
    @SuppressWarnings("unchecked")
    Map<String, Object> dom = (Map<String, Object>) browser.executeScript("""
        var rows = document.querySelectorAll('section.layers tbody tr');
        var missing = [];
        rows.forEach(function (row) {
          var box = document.getElementById(row.getAttribute('data-box'));
          if (!box || !box.classList.contains('box')) { missing.push(row.id); }
        });
        var boxes = Array.from(document.querySelectorAll('svg g.box rect.frame')).map(function (frame) {
          var b = frame.getBoundingClientRect();
          return [b.left, b.top, b.width, b.height, frame.parentNode.id];
        });
        return {rows: rows.length, missing: missing, boxes: boxes};
        """);
    assertEquals((long) network.layers().size(), dom.get("rows"), "a row per layer");
    assertEquals(List.of(), dom.get("missing"), "rows whose box is missing");
    @SuppressWarnings("unchecked")
    List<List<Object>> boxes = (List<List<Object>>) dom.get("boxes");
    assertEquals(diagram.boxes().size(), boxes.size(), "boxes drawn");
    assertEquals(List.of(), overlapping(boxes), "boxes over one another, as the browser laid them out");

    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
    assertEquals(List.of(), errors, "console errors");

    // a click on the box holding the most rows highlights them all, and only them
    int chosen = 0;
    for (int k = 0; k < diagram.boxes().size(); k++) {
      Diagram.Box box = diagram.boxes().get(k);
      Diagram.Box best = diagram.boxes().get(chosen);
      if (box.endRow() - box.firstRow() > best.endRow() - best.firstRow()) {
        chosen = k;
      }
    }
    Diagram.Box box = diagram.boxes().get(chosen);
    browser.findElement(By.id("b" + chosen)).click();
    List<String> expected = new ArrayList<>();
    for (int row = box.firstRow(); row < box.endRow(); row++) {
      expected.add("r" + row);
    }
    assertEquals(expected, highlightedRows());
    assertTrue(highlighted("b" + chosen));

    // and a click on a row highlights its box, and no longer the other one
    int lastRow = network.layers().size() - 1;
    browser.findElement(By.id("r" + lastRow)).click();
    assertEquals(List.of("r" + lastRow), highlightedRows());
    int lastBox = diagram.boxOfRow(network.layers().size())[lastRow];
    assertTrue(highlighted("b" + lastBox));
    assertFalse(lastBox != chosen && highlighted("b" + chosen));
  }

  /** The console check can fail: a page that throws is caught. */
  @Test
  void aScriptErrorReachesTheConsoleLog() throws IOException {
    Assumptions.assumeTrue(skipped == null, skipped);
    Path page = OUT.resolve("throws.html");
    Files.writeString(page, "<!DOCTYPE html><title>t</title><script>undefinedFunction();</script>");
    browser.manage().logs().get(LogType.BROWSER);
    browser.get(page.toAbsolutePath().toUri().toString());
    assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .anyMatch(e -> e.getLevel() == Level.SEVERE && e.getMessage().contains("undefinedFunction")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> highlightedRows() {
    return (List<String>) browser.executeScript(
        "return Array.from(document.querySelectorAll('tr.hl')).map(function (row) { return row.id; });");
  }

  private static boolean highlighted(String boxId) {
    return (Boolean) browser.executeScript(
        "return document.getElementById(arguments[0]).classList.contains('hl');", boxId);
  }

  /** Pairs of boxes whose rectangles share more than a rounding error of area. */
  private static List<String> overlapping(List<List<Object>> boxes) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        List<Object> a = boxes.get(i);
        List<Object> b = boxes.get(j);
        double w = Math.min(num(a, 0) + num(a, 2), num(b, 0) + num(b, 2)) - Math.max(num(a, 0), num(b, 0));
        double h = Math.min(num(a, 1) + num(a, 3), num(b, 1) + num(b, 3)) - Math.max(num(a, 1), num(b, 1));
        if (w > 0.5 && h > 0.5) {
          found.add(a.get(4) + " and " + b.get(4));
        }
      }
      assertTrue(num(boxes.get(i), 2) > 0 && num(boxes.get(i), 3) > 0, "box drawn with no size: " + boxes.get(i));
    }
    return found;
  }

  private static double num(List<Object> box, int index) {
    return ((Number) box.get(index)).doubleValue();
  }
}
