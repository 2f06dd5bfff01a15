package io.cnnspec.lang.syntax;

import io.cnnspec.lang.diagnostics.DiagnosticCode;
import io.cnnspec.lang.diagnostics.Position;
import io.cnnspec.lang.vocabulary.FrameworkWords;
import io.cnnspec.lang.vocabulary.LayerWord;
import io.cnnspec.lang.vocabulary.Modifier;
import io.cnnspec.lang.vocabulary.Suggestions;
import io.cnnspec.lang.vocabulary.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Common slips that are syntax errors, recognised where the parser fails, each with the direct
 * fix: {@code conv3-64 x 2}, {@code fc 4096}, {@code dropout 0.5}, an input of two numbers, a
 * statement after the layers, a branch written with a word that is no branch kind. A slip's hint
 * is text that parses; a slip that cannot be fixed with certainty is left to the plain syntax error.
 */
public final class Slips {

  private Slips() {}

  /** A recognised slip: what to report instead of the parser's own words. */
  public record Slip(DiagnosticCode code, Position pos, String title, String detail, String hint) {}

  /** Words people write for a branch kind, and the kind they mean when the language has it. */
  private static final Map<String, String> BRANCH_ALIASES = Map.of(
      "concat", "cat", "concatenate", "cat", "sum", "add", "plus", "add", "residual", "res",
      "multiply", "mul", "gate", "mul", "split", "chunk", "channelsplit", "chunk", "se", "mul");

  /** The branch kinds, from the one list the parser's branches are built with. */
  static List<String> branchKinds() {
    return Arrays.stream(Element.BranchKind.values()).map(Element.BranchKind::keyword).toList();
  }

  /** The slip that explains a syntax error at {@code offending}, or null. */
  static Slip at(Parser parser, Token offending) {
    if (offending == null || offending.getType() == Token.EOF || offending.getTokenIndex() < 0) {
      return null;
    }
    TokenStream tokens = parser.getInputStream();
    Token previous = before(tokens, offending, 1);
    Slip slip = branchKind(parser, offending);
    if (slip == null && previous != null) {
      slip = switch (offending.getType()) {
        case CnnSpecLexer.INT -> previous.getType() == CnnSpecLexer.X ? repetitionApart(parser, previous, offending)
            : previous.getType() == CnnSpecLexer.ID ? numberApart(tokens, previous, offending) : null;
        case CnnSpecLexer.X -> shapeWithSpaces(tokens, offending);
        case CnnSpecLexer.UNKNOWN -> offending.getText().equals(".") ? probabilityInParentheses(tokens, previous, offending)
            : copiedDash(tokens, previous, offending);
        case CnnSpecLexer.EQ -> previous.getType() == CnnSpecLexer.ID ? keywordArgument(tokens, previous, offending) : null;
        case CnnSpecLexer.REPEAT -> {
          Token at = before(tokens, previous, 1);
          yield at != null && at.getType() == CnnSpecLexer.AT ? repetitionAfterName(parser, at, previous, offending)
              : inputOfTwoNumbers(tokens, previous, offending);
        }
        default -> null;
      };
    }
    if (slip == null && (offending.getType() == CnnSpecLexer.EXPECT || offending.getType() == CnnSpecLexer.OPTION
        || offending.getType() == CnnSpecLexer.DEF) && previous != null) {
      slip = statementAfterLayers(offending);
    }
    return slip;
  }

  /** The token at {@code index}, read ahead when the parser has not come to it yet; null past the end. */
  private static Token token(TokenStream tokens, int index) {
    Token token = index >= tokens.index() ? tokens.LT(index - tokens.index() + 1) : tokens.get(index);
    return token == null || token.getType() == Token.EOF ? null : token;
  }

  private static Token before(TokenStream tokens, Token token, int back) {
    int index = token.getTokenIndex() - back;
    return index < 0 ? null : tokens.get(index);
  }

  private static String text(Token from, Token to) {
    return from.getInputStream().getText(Interval.of(from.getStartIndex(), to.getStopIndex()));
  }

  private static Position span(Token from, Token to) {
    int length = from.getLine() == to.getLine() ? to.getStopIndex() - from.getStartIndex() + 1 : from.getText().length();
    return new Position(from.getLine(), from.getCharPositionInLine() + 1, length);
  }

  private static boolean glued(Token left, Token right) {
    return left.getStopIndex() + 1 == right.getStartIndex();
  }

  /** {@code conv3-64 x 2}: the count must be glued to its x. */
  private static Slip repetitionApart(Parser parser, Token x, Token count) {
    String times = "x" + count.getText();
    String fixed = times;
    ParserRuleContext element = enclosing(parser.getContext(), CnnSpecParser.ElementContext.class);
    if (element != null && element.start != null && element.start.getStartIndex() < x.getStartIndex()) {
      String written = element.start.getInputStream()
          .getText(Interval.of(element.start.getStartIndex(), x.getStartIndex() - 1)).strip();
      // conv3-64x2 as the docs write it; a word without channels or stride keeps the space (relu x2),
      // since p1x2 or conv1x2 would read as a pair, not a repetition
      boolean layerWithSize = element.getChild(0) instanceof CnnSpecParser.LayerAtomContext layer
          && (layer.channels != null || layer.stride != null) && layer.strides == null && written.indexOf(' ') < 0;
      fixed = written.isEmpty() || written.length() > 60 ? times : written + (layerWithSize ? "" : " ") + times;
    }
    return new Slip(DiagnosticCode.REPETITION_APART, span(x, count), "repetition written apart from its count",
        "'x " + count.getText() + "' is an x and then a stray number; a repetition is x glued to its count",
        "write " + fixed);
  }

  /** {@code fc 4096}, {@code dropout 0.5}, {@code conv3 64}, {@code p 1}: a word and its number apart. */
  private static Slip numberApart(TokenStream tokens, Token word, Token number) {
    Token last = number;
    String digits = number.getText();
    int next = number.getTokenIndex() + 1;
    Token dot = token(tokens, next);
    Token fraction = token(tokens, next + 1);
    if (dot != null && fraction != null) {
      if (dot.getType() == CnnSpecLexer.UNKNOWN && dot.getText().equals(".") && glued(number, dot)
          && fraction.getType() == CnnSpecLexer.INT && glued(dot, fraction)) {
        digits = digits + "." + fraction.getText();
        last = fraction;
      }
    }
    String written = word.getText();
    String normalized = Vocabulary.normalize(written);
    if (normalized.equals("stride") && digits.indexOf('.') < 0) {
      // Keras's strides=2: in cnnspec the stride follows a slash on its layer
      return new Slip(DiagnosticCode.NUMBER_APART, span(word, last), "stride written as a word",
          "'" + text(word, last) + "' is no layer; a stride is part of the layer it belongs to",
          "write the stride after a slash on that layer, e.g. conv3-64/" + digits);
    }
    String fixed;
    if (!normalized.isEmpty() && Character.isDigit(normalized.charAt(normalized.length() - 1))
        && Vocabulary.isLayerWord(normalized) && digits.indexOf('.') < 0) {
      fixed = written + "-" + digits; // conv3 64: the number after a sized word is its channels
    } else if (Vocabulary.isLayerWord(Vocabulary.normalize(written + digits))
        || Vocabulary.isModifier(Vocabulary.normalize(written + digits), false)) {
      fixed = written + digits;
    } else {
      return null;
    }
    return new Slip(DiagnosticCode.NUMBER_APART, span(word, last), "number written apart from its word",
        "'" + text(word, last) + "' is the word " + written + " and then a stray number", "write " + fixed);
  }

  /**
   * {@code relu@a x2}, {@code res { relu } @blk x2}: the @name names the whole repetition and comes
   * last, so the parser has finished the element at the name and the x2 is stray.
   */
  private static Slip repetitionAfterName(Parser parser, Token at, Token name, Token times) {
    String fixed = times.getText() + " @" + name.getText();
    // the element the name ends, read back from the @ through the tokens (the streaming parse has
    // dropped a finished top-level element's tree): a bracketed group or branch with its keyword,
    // else the glued tokens of one word (conv3-8/2, conv{k}-8)
    TokenStream tokens = parser.getInputStream();
    Token last = before(tokens, at, 1);
    Token first = last;
    if (last != null && (last.getType() == CnnSpecLexer.RBRACE || last.getType() == CnnSpecLexer.RPAREN)) {
      int depth = 0;
      for (int i = last.getTokenIndex(); i >= 0; i--) {
        int type = tokens.get(i).getType();
        depth += type == CnnSpecLexer.RBRACE || type == CnnSpecLexer.RPAREN ? 1
            : type == CnnSpecLexer.LBRACE || type == CnnSpecLexer.LPAREN || type == CnnSpecLexer.CALL ? -1 : 0;
        if (depth == 0) {
          first = tokens.get(i);
          Token kind = before(tokens, first, 1);
          first = first.getType() == CnnSpecLexer.LBRACE && kind != null ? kind : first;
          break;
        }
      }
    } else {
      for (Token earlier = first == null ? null : before(tokens, first, 1); earlier != null && glued(earlier, first);
          earlier = before(tokens, earlier, 1)) {
        first = earlier;
      }
    }
    if (first != null) {
      String written = text(first, last);
      if (written.length() <= 60 && written.indexOf('\n') < 0) {
        fixed = written + " " + fixed;
      }
    }
    return new Slip(DiagnosticCode.REPETITION_AFTER_NAME, span(times, times), "repetition after the @name",
        "'" + times.getText() + "' follows @" + name.getText() + "; a repetition comes before the @name, which names all of it",
        "write " + fixed);
  }

  /**
   * {@code network T : 32 x 32 x 16}: the shape is one token, {@code 32x32x16}. The numbers and x's
   * from the colon on, when that is all they are.
   */
  private static Slip shapeWithSpaces(TokenStream tokens, Token x) {
    Token first = before(tokens, x, 1);
    Token colon = first == null ? null : before(tokens, first, 1);
    if (first == null || first.getType() != CnnSpecLexer.INT || colon == null || colon.getType() != CnnSpecLexer.COLON) {
      return null;
    }
    StringBuilder fixed = new StringBuilder(first.getText());
    Token last = first;
    for (int i = x.getTokenIndex(); fixed.length() <= 40; i += 2) {
      Token times = token(tokens, i);
      Token number = token(tokens, i + 1);
      if (times == null || times.getType() != CnnSpecLexer.X || number == null || number.getType() != CnnSpecLexer.INT) {
        break;
      }
      fixed.append('x').append(number.getText());
      last = number;
    }
    if (last == first) {
      return null;
    }
    return new Slip(DiagnosticCode.SHAPE_APART, span(first, last), "shape written with spaces",
        "'" + text(first, last) + "' is numbers and x's apart; a shape is one word", "write " + fixed);
  }

  /**
   * {@code conv3–8}, {@code conv3—8}: an en or em dash copied from a paper's PDF where cnnspec
   * writes a hyphen.
   */
  private static Slip copiedDash(TokenStream tokens, Token before, Token dash) {
    if (!dash.getText().equals("\u2013") && !dash.getText().equals("\u2014") && !dash.getText().equals("\u2212")) {
      return null;
    }
    Token after = token(tokens, dash.getTokenIndex() + 1);
    String fixed = "-";
    Token first = dash;
    Token last = dash;
    if (glued(before, dash) && before.getType() == CnnSpecLexer.ID) {
      fixed = before.getText() + fixed;
      first = before;
    }
    if (after != null && glued(dash, after) && after.getType() == CnnSpecLexer.INT) {
      fixed = fixed + after.getText();
      last = after;
    }
    return new Slip(DiagnosticCode.TYPOGRAPHIC_DASH, span(first, last), "dash instead of a hyphen",
        "'" + dash.getText() + "' (U+" + String.format(Locale.ROOT, "%04X", (int) dash.getText().charAt(0))
            + ") is a typographic dash, as copied from a paper; cnnspec writes a hyphen",
        "write " + fixed);
  }

  /**
   * {@code dropout(0.5)}: PyTorch's {@code nn.Dropout(0.5)}, where the parser meets the decimal
   * point inside what reads as a def call. A probability is glued to its word.
   */
  private static Slip probabilityInParentheses(TokenStream tokens, Token whole, Token dot) {
    Token call = before(tokens, whole, 1);
    Token fraction = token(tokens, dot.getTokenIndex() + 1);
    if (call == null || call.getType() != CnnSpecLexer.CALL || whole.getType() != CnnSpecLexer.INT
        || fraction == null || fraction.getType() != CnnSpecLexer.INT || !glued(whole, dot) || !glued(dot, fraction)) {
      return null;
    }
    String word = call.getText().substring(0, call.getText().length() - 1);
    Vocabulary.Read read = Vocabulary.layer(Vocabulary.normalize(word));
    if (read == null || read.word().form() != LayerWord.Form.PROBABILITY) {
      return null;
    }
    Token close = token(tokens, fraction.getTokenIndex() + 1);
    Token last = close != null && close.getType() == CnnSpecLexer.RPAREN ? close : fraction;
    String fixed = read.word().word() + whole.getText() + "." + fraction.getText();
    return new Slip(DiagnosticCode.LAYER_NOT_DEF, span(call, last), "'" + word + "' is a layer, not a def",
        "a word glued to ( calls a def; " + word + "'s " + read.word().form().number() + " is glued to the word",
        "a layer's number is glued to its word: write " + fixed);
  }

  /**
   * PyTorch's and Keras's keyword arguments ({@code padding=1}, {@code stride=2},
   * {@code bias=False}) and the cnnspec form of each, on the layer written before when that is
   * known; null for a name that is none of them.
   */
  private static Slip keywordArgument(TokenStream tokens, Token name, Token eq) {
    Token call = callAround(tokens, name);
    if (call != null) {
      return keywordInCall(tokens, call, name, eq);
    }
    Token value = token(tokens, eq.getTokenIndex() + 1);
    String key = Vocabulary.normalize(name.getText()).replace("_", "");
    String written = value == null ? "" : value.getText().toLowerCase(Locale.ROOT);
    Long parsed = value != null && value.getType() == CnnSpecLexer.INT && !written.contains("_") ? parsed(written) : null;
    boolean number = parsed != null;
    Modifier modifier = null;
    String glued = null;
    switch (key) {
      case "padding" -> {
        modifier = number ? Modifier.P : written.equals("same") ? Modifier.SAME : written.equals("valid") ? Modifier.VALID : null;
        glued = modifier == Modifier.P ? "p" + written : modifier == null ? null : modifier.word();
      }
      case "stride", "strides" -> glued = number && parsed > 0 ? "/" + written : null;
      case "bias", "usebias" -> {
        modifier = written.equals("false") ? Modifier.NOBIAS : written.equals("true") ? Modifier.BIAS : null;
        glued = modifier == null ? null : modifier.word();
      }
      case "groups" -> {
        modifier = number && parsed > 1 ? Modifier.G : null;
        glued = modifier == null ? null : "g" + written;
      }
      default -> {
        return null;
      }
    }
    if (glued == null) {
      return null;
    }
    Token last = value != null && glued(eq, value) ? value : eq;
    String layer = layerBefore(tokens, name, modifier);
    String hint;
    if (glued.startsWith("/")) {
      int space = layer == null ? -1 : layer.indexOf(' ');
      String head = layer == null ? null : space < 0 ? layer : layer.substring(0, space);
      hint = head != null && head.indexOf('/') < 0 && windowed(head)
          ? "write " + head + glued + (space < 0 ? "" : layer.substring(space))
          : "write the stride after a slash on the layer it belongs to, e.g. conv3-64" + glued;
    } else {
      hint = layer != null ? "write " + layer + " " + glued : "write " + glued + " after the layer it belongs to, e.g. "
          + (modifier == Modifier.NOBIAS || modifier == Modifier.BIAS ? "fc10 " : "conv3-64 ") + glued;
    }
    return new Slip(DiagnosticCode.KEYWORD_ARGUMENT, span(name, last), "keyword argument '" + name.getText() + "='",
        "cnnspec has no keyword arguments: a layer's numbers are glued to its word (conv3-64/2) and the rest are"
            + " modifiers after it (p1, g2, nobias)", hint);
  }

  /**
   * The CALL token ({@code Conv2d(}) whose arguments {@code name} is one of, or null when it is
   * none: read back over the arguments before it, which are numbers, names and keyword arguments.
   */
  private static Token callAround(TokenStream tokens, Token name) {
    for (Token at = before(tokens, name, 1); at != null && name.getTokenIndex() - at.getTokenIndex() <= 64;
        at = before(tokens, at, 1)) {
      switch (at.getType()) {
        case CnnSpecLexer.CALL -> {
          return at;
        }
        case CnnSpecLexer.COMMA, CnnSpecLexer.INT, CnnSpecLexer.ID, CnnSpecLexer.EQ, CnnSpecLexer.UNKNOWN -> { }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * {@code Conv2d(3, 64, kernel_size=3)} and {@code Dropout(p=0.5)}: keyword arguments of a
   * PyTorch module, read with the positional ones into the cnnspec layer; null for a call of
   * anything else, which stays a plain syntax error.
   */
  private static Slip keywordInCall(TokenStream tokens, Token call, Token name, Token eq) {
    String word = call.getText().substring(0, call.getText().length() - 1);
    Vocabulary.Read read = Vocabulary.layer(Vocabulary.normalize(word));
    Token value = token(tokens, eq.getTokenIndex() + 1);
    if (read != null && read.word().form() == LayerWord.Form.PROBABILITY) {
      // Dropout(p=0.5), Dropout(rate=0.5): the probability glued to the word
      Token dot = value == null ? null : token(tokens, value.getTokenIndex() + 1);
      Token fraction = dot == null ? null : token(tokens, dot.getTokenIndex() + 1);
      String key = Vocabulary.normalize(name.getText());
      if (!(key.equals("p") || key.equals("rate")) || value == null || value.getType() != CnnSpecLexer.INT || fraction == null
          || !dot.getText().equals(".") || fraction.getType() != CnnSpecLexer.INT || !glued(value, dot) || !glued(dot, fraction)) {
        return null;
      }
      Token close = token(tokens, fraction.getTokenIndex() + 1);
      return new Slip(DiagnosticCode.KEYWORD_ARGUMENT, span(call, close != null && close.getType() == CnnSpecLexer.RPAREN ? close : fraction),
          "keyword argument '" + name.getText() + "='",
          "cnnspec has no keyword arguments: " + read.word().word() + "'s " + read.word().form().number() + " is glued to the word",
          "write " + read.word().word() + value.getText() + "." + fraction.getText());
    }
    FrameworkWords.Module module = FrameworkWords.Module.of(word);
    if (module == null) {
      return null;
    }
    // the arguments, positional and by keyword, in the module's order; null once one is not a number
    List<Long> numbers = new java.util.ArrayList<>();
    int position = 0;
    for (int i = call.getTokenIndex() + 1; numbers != null; i++) {
      Token at = token(tokens, i);
      if (at == null || at.getType() == CnnSpecLexer.RPAREN) {
        break;
      }
      Token next = token(tokens, i + 1);
      if (at.getType() == CnnSpecLexer.ID && next != null && next.getType() == CnnSpecLexer.EQ) {
        position = module.position(at.getText());
        Token number = token(tokens, i + 2);
        if (position < 0 || number == null || number.getType() != CnnSpecLexer.INT) {
          numbers = null;
          break;
        }
        at = number;
        i += 2;
      } else if (at.getType() != CnnSpecLexer.INT) {
        numbers = null;
        break;
      }
      while (numbers.size() <= position) {
        numbers.add(null);
      }
      numbers.set(position, parsed(at.getText()));
      position++;
      Token after = token(tokens, i + 1);
      if (after != null && after.getType() == CnnSpecLexer.COMMA) {
        i++;
      }
    }
    return new Slip(DiagnosticCode.FRAMEWORK_MODULE, span(call, call), FrameworkWords.Module.title(word),
        FrameworkWords.Module.detail(word) + ", and it has no keyword arguments", module.hint(numbers));
  }

  /** {@code digits} as a number, null past a long (the hint then gives an example). */
  private static Long parsed(String digits) {
    try {
      return Long.parseLong(digits.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The layer written just before {@code token} with its modifiers, as written on one line
   * ({@code conv3-64 p1}), when it is a layer word that accepts {@code modifier} (any layer when
   * null) and has none of its family yet; else null.
   */
  private static String layerBefore(TokenStream tokens, Token token, Modifier modifier) {
    java.util.ArrayDeque<String> words = new java.util.ArrayDeque<>();
    Token last = before(tokens, token, 1);
    while (last != null && last.getLine() == token.getLine() && words.size() < 16) {
      Token first = last;
      for (Token earlier = before(tokens, first, 1); earlier != null && glued(earlier, first); earlier = before(tokens, earlier, 1)) {
        first = earlier;
      }
      if (first.getType() != CnnSpecLexer.ID) {
        return null;
      }
      String word = text(first, last);
      words.addFirst(word);
      String normalized = Vocabulary.normalize(first.getText());
      Modifier written = Vocabulary.gluedNumber(normalized) != null ? Vocabulary.gluedNumber(normalized)
          : Arrays.stream(Modifier.values()).filter(m -> !m.numbered() && m.word().equals(normalized)).findFirst().orElse(null);
      if (written != null && !Vocabulary.isLayerWord(normalized)) {
        if (modifier != null && written.family().equals(modifier.family())) {
          return null;
        }
        last = before(tokens, first, 1);
        continue;
      }
      Vocabulary.Read read = Vocabulary.layer(normalized);
      if (read == null || modifier != null && !read.word().accepts(modifier)) {
        return null;
      }
      return String.join(" ", words);
    }
    return null;
  }

  /** Whether {@code head}, a layer as written, is a convolution or a pooling, which take a stride. */
  private static boolean windowed(String head) {
    Vocabulary.Read read = Vocabulary.layer(Vocabulary.normalize(head.replaceAll("[-/].*", "")));
    return read != null && read.word().form() == LayerWord.Form.WINDOW;
  }

  /** {@code network N : 224x224} or {@code --input 224x224}: a shape needs its channels. */
  private static Slip inputOfTwoNumbers(TokenStream tokens, Token height, Token width) {
    if (height.getType() != CnnSpecLexer.INT || !glued(height, width)) {
      return null;
    }
    Token before = before(tokens, height, 1);
    if (before != null && before.getType() != CnnSpecLexer.COLON) {
      return null;
    }
    String h = height.getText();
    String w = width.getText().substring(1);
    return new Slip(DiagnosticCode.INPUT_NEEDS_CHANNELS, span(height, width), "input shape without channels",
        "cnnspec reads an input as height x width x channels (or one number for a vector), and "
            + h + "x" + w + " gives no channel count",
        "write " + h + "x" + w + "x3 for a colour image, or " + h + "x" + w + "x1 for a grey one");
  }

  /** {@code expect params 1792} after the layers: statements come first. */
  private static Slip statementAfterLayers(Token keyword) {
    String word = keyword.getText().toLowerCase(Locale.ROOT);
    return new Slip(DiagnosticCode.STATEMENT_AFTER_LAYERS, span(keyword, keyword), word + " after the layers",
        "option, expect and def statements come before the layers",
        "move the " + word + " line above the first layer");
  }

  /**
   * {@code split { id | conv3-8 }}: the parser reads {@code split {...}} as a word with a number in
   * braces, and fails inside them. When the word takes no number, it was meant as a branch kind.
   */
  private static Slip branchKind(Parser parser, Token offending) {
    ParserRuleContext interp = enclosing(parser.getContext(), CnnSpecParser.InterpContext.class);
    if (interp == null || !(interp.getParent() instanceof CnnSpecParser.WordContext word)) {
      return null;
    }
    Token name = word.ID().getSymbol();
    return notABranchKind(name.getText(), span(name, name), false);
  }

  /**
   * The unknown-branch-kind slip for {@code written}, a word at {@code pos} followed by braces,
   * when the word takes no number and so was meant as a branch kind ({@code residual { relu }});
   * null for a word that takes a number ({@code conv{k}}, {@code p{pad}}) unless {@code holdsLayer},
   * the braces holding a layer word, which no number is ({@code resize { id }}). The analysis asks
   * it of a word whose braces hold one name that is no parameter, which parses.
   */
  public static Slip notABranchKind(String written, Position pos, boolean holdsLayer) {
    String normalized = Vocabulary.normalize(written);
    if (!holdsLayer && (Vocabulary.isLayerWord(normalized + "3") || Vocabulary.isModifier(normalized, true))) {
      return null; // conv{k}, p{pad}: a word that takes a number, and a real syntax error inside it
    }
    List<String> kinds = branchKinds();
    String meant = BRANCH_ALIASES.get(normalized);
    if (meant == null) {
      meant = Suggestions.closest(normalized, kinds);
    }
    String hint;
    if (meant != null && kinds.contains(meant)) {
      hint = "write " + meant + " { ... }";
    } else {
      hint = "write one of " + String.join(", ", kinds) + " before { ... }";
    }
    return new Slip(DiagnosticCode.UNKNOWN_BRANCH_KIND, pos, "'" + written + "' is not a branch kind",
        "branches are written " + String.join(", ", kinds.stream().map(k -> k + " { ... }").toList()), hint);
  }

  private static ParserRuleContext enclosing(RuleContext ctx, Class<? extends ParserRuleContext> type) {
    for (RuleContext at = ctx; at != null; at = at.getParent()) {
      if (type.isInstance(at)) {
        return (ParserRuleContext) at;
      }
    }
    return null;
  }
}
