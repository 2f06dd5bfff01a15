package io.cnnspec.lang.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnnspec.lang.syntax.CnnSpecLexer;
import io.cnnspec.lang.syntax.CnnSpecParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DiagnosticErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The grammar is unambiguous on real input: every seed spec (and the zoo), whole and as an
 * annotation body, and a few hundred random well-formed specs, parse with exact ambiguity
 * detection and give no ambiguity report and no syntax error.
 */
class AmbiguityTest {

  /** What the parser reported: exact ambiguities, and syntax errors (which would void the check). */
  private static final class Reports extends BaseErrorListener {
    final List<String> ambiguities = new ArrayList<>();
    final List<String> syntaxErrors = new ArrayList<>();

    @Override
    public void reportAmbiguity(Parser recognizer, DFA dfa, int startIndex, int stopIndex, boolean exact,
        BitSet ambigAlts, ATNConfigSet configs) {
      ambiguities.add("rule " + recognizer.getRuleNames()[dfa.atnStartState.ruleIndex] + " alternatives " + ambigAlts
          + " on '" + recognizer.getTokenStream().getText(recognizer.getTokenStream().get(startIndex),
              recognizer.getTokenStream().get(stopIndex)) + "'");
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
        RecognitionException e) {
      // DiagnosticErrorListener's own reports arrive here too; only real syntax errors count
      if (!msg.startsWith("reportAmbiguity") && !msg.startsWith("reportAttemptingFullContext")
          && !msg.startsWith("reportContextSensitivity")) {
        syntaxErrors.add(line + ":" + column + " " + msg);
      }
    }
  }

  private static Reports parse(String text, Function<CnnSpecParser, ParserRuleContext> rule) {
    CnnSpecLexer lexer = new CnnSpecLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    CnnSpecParser parser = new CnnSpecParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    Reports reports = new Reports();
    parser.addErrorListener(new DiagnosticErrorListener(true));
    parser.addErrorListener(reports);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
    rule.apply(parser);
    return reports;
  }

  private static void assertUnambiguous(String name, String text, Function<CnnSpecParser, ParserRuleContext> rule) {
    Reports reports = parse(text, rule);
    assertEquals(List.of(), reports.syntaxErrors, name + " does not parse");
    assertEquals(List.of(), reports.ambiguities, name + " is ambiguous");
  }

  @TestFactory
  Stream<DynamicTest> everySeedParsesWithoutAmbiguity() {
    return Seeds.all().stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () -> {
      assertUnambiguous(seed.name(), seed.text(), CnnSpecParser::file);
      assertUnambiguous(seed.name() + " as a body", Seeds.body(seed.text()), CnnSpecParser::body);
    }));
  }

  @Test
  void randomWellFormedSpecsParseWithoutAmbiguity() {
    SplittableRandom seeds = new SplittableRandom(FuzzTest.SEED);
    RandomSpecs specs = new RandomSpecs();
    int checked = 0;
    for (int i = 0; i < 300; i++) {
      Case.File c = (Case.File) specs.next(new SplittableRandom(seeds.nextLong()));
      Reports reports = parse(c.source(), CnnSpecParser::file);
      if (reports.syntaxErrors.isEmpty()) {
        checked++;
        assertEquals(List.of(), reports.ambiguities, c.describe());
      }
    }
    assertEquals(true, checked > 100, "only " + checked + " of the random specs parsed");
  }

  @Test
  void theForms() {
    for (String spec : List.of("relu (conv3-64) x2", "maxpool (relu) x2 @a", "f(1, 2) f (1)", "conv{k}-{c}/{s}",
        "conv3-{-1 - -2 * (3 + in) / x}", "res { conv3-{in} | id } x{n} @r", "fc-4096 x 2", "fire(16, 64)x2")) {
      Reports reports = parse(spec, CnnSpecParser::body);
      assertEquals(List.of(), reports.ambiguities, spec);
    }
  }
}
