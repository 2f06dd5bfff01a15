package io.cnnspec.lang.diagnostics;

import java.util.Locale;

/**
 * The stable code of every diagnostic the language reports: tools and tests match on it rather
 * than on the sentence, which may be reworded. {@link #id()} is the kebab-case form printed
 * ({@code [cnnspec:shape-mismatch]}); docs/diagnostics.md lists each with its meaning, and a test
 * keeps the two in step. A code, once published, is never renamed.
 */
public enum DiagnosticCode {
  SYNTAX("the text is not well formed: an unexpected token or character, or the spec ends early"),
  NESTING_TOO_DEEP("groups, branches and parentheses nest past the nesting limit, in the text or through def calls"),
  SPEC_TOO_DEEP("the spec's structure is too deep to analyse at all"),
  EXPRESSION_TOO_LONG("an expression in {...} nests more operations than any layer needs"),
  NUMBER_TOO_LARGE("a number as written does not fit in 64 bits"),
  REPETITION_APART("a repetition's count is written apart from its x (conv3-64 x 2)"),
  NUMBER_APART("a layer word or modifier is written apart from its number (fc 4096, dropout 0.5, p 1)"),
  STATEMENT_AFTER_LAYERS("an option, expect or def statement follows the layers"),
  SHAPE_APART("a shape is written with spaces around its x's (32 x 32 x 3)"),
  TYPOGRAPHIC_DASH("an en dash, em dash or minus sign (copied from a paper) stands where cnnspec writes a hyphen (conv3\u20138)"),
  INPUT_NEEDS_CHANNELS("an input shape is given as two numbers (224x224), without its channels"),
  CHANNELS_FIRST_INPUT("a warning: the input looks written channels first (3x224x224), and the network compiled with 3 as its height"),
  UNKNOWN_BRANCH_KIND("a word that is not a branch kind is written as one, with branches in braces (split { ... })"),
  MODIFIER_WITHOUT_LAYER("a modifier (p1, g2, valid, nobias...) does not follow a layer"),
  REPEATED_TWICE("a layer has a repetition both before and after its modifiers, or glued to its word and after it"),
  REPETITION_NOT_LAST("a repetition glued to a layer word comes before the layer's channels or stride"),
  REPETITION_AFTER_NAME("a repetition follows a layer's @name (relu @a x2) instead of coming before it"),
  NAMED_TWICE("a layer has an @name both before and after its modifiers"),
  INVALID_NAME("an annotation's network name is missing or is not a Java class name"),
  MISSING_INPUT("an annotation gives no input shape"),
  INVALID_INPUT_SIZE("an input dimension is below 1, past 1,000,000,000, or the input's size passes a 64-bit count"),
  EMPTY_SPEC("the spec has no layers"),
  UNKNOWN_OPTION("an option other than nobias or bias"),
  UNKNOWN_FIGURE("expect names a figure other than params, trainable, nontrainable, macs, allmacs, flops or activations"),
  EXPECT_DIFFERS("a figure differs from what an expect line says"),
  DECLARED_OUTPUT_DIFFERS("the network does not end in the output its header declares"),
  UNKNOWN_LAYER("a word is not a layer, a modifier or a def"),
  UNKNOWN_DEF("a call names no def of the spec"),
  LAYER_NOT_DEF("a layer word is glued to ( as if it were a def call"),
  FRAMEWORK_MODULE("a PyTorch module is written as a call (Conv2d(3, 64, 3), Linear(512, 10)) where cnnspec has a layer word"),
  KEYWORD_ARGUMENT("a layer argument is written as a keyword (padding=1, stride=2, bias=False); cnnspec has none"),
  UNKNOWN_NAME("a name in {...} is not a parameter of the def (or in)"),
  DEF_SHADOWS_WORD("a def takes the name of a layer word or modifier, or one that reads as a repetition (x2)"),
  DUPLICATE_DEF("two defs have the same name"),
  DUPLICATE_PARAMETER("a def declares a parameter twice"),
  RECURSIVE_DEF("a def reaches itself through its calls"),
  WRONG_ARGUMENT_COUNT("a def is called with fewer or more arguments than it takes"),
  DEFS_TOO_DEEP("def calls nest past the call-depth limit"),
  NAME_TOO_LONG("a def, parameter or @name is longer than 128 characters"),
  DUPLICATE_LAYER_NAME("two layers get the same @name in one scope"),
  LAYER_LIMIT("the spec expands past the layer limit"),
  NON_POSITIVE_NUMBER("a count, size, stride, repetition or modifier that must be positive is not"),
  ABSURD_NUMBER("a number in a layer is past 1,000,000,000"),
  NUMBER_OVERFLOW("an expression's value does not fit in 64 bits"),
  DIVISION_BY_ZERO("an expression divides by zero"),
  MISSING_KERNEL_SIZE("a convolution is written without its kernel size"),
  MISSING_CHANNELS("a layer that needs its output channel count (or fc its size) is written without it"),
  MISSING_NUMBER("a layer word that needs a number glued to it (an output size, a count, a factor) is written without it"),
  TWO_SIZES("fc is given its size twice, glued and after a hyphen, a depthwise conv both -C and a depth multiplier, or resize both a size and input"),
  UNEXPECTED_CHANNELS("a layer that keeps its input's channels is given a channel count, or padchannels fewer than its input has"),
  UNEXPECTED_STRIDE("a layer without a stride is given one"),
  MODIFIER_NOT_APPLICABLE("a modifier that the layer does not accept"),
  CONFLICTING_MODIFIERS("two modifiers of one family (padding, bias, mode...) on one layer"),
  PROBABILITY_OUT_OF_RANGE("a dropout or stochastic depth probability of 1 or more"),
  SIZE_REACHES_ZERO("a layer would produce a map with no pixels"),
  SIZE_TOO_LARGE("a layer would produce a dimension or a size past what can be counted"),
  COUNTS_OVERFLOW("a layer's figures, the totals or the receptive field pass exact 64-bit arithmetic"),
  SPATIAL_AFTER_FLATTEN("a layer that needs HxWxC follows a flat vector"),
  VECTOR_INPUT("a layer that needs HxWxC is in a network whose input is a vector (784), not an HxWxC map"),
  DEPTHWISE_CHANNELS("a depthwise conv's channels are not a whole multiple of its input's"),
  GROUPS_DO_NOT_DIVIDE("a grouped layer's groups do not divide its channels"),
  PADDING_TOO_LARGE("a pooling layer pads more than half its window"),
  OUTPUT_PADDING_TOO_LARGE("a transposed conv's output padding is not smaller than its stride or its dilation"),
  CROP_TOO_LARGE("cropN, cropHxW or a bare crop keeps more than its input has"),
  CROP_WITHOUT_MERGE("a bare crop (no size) is not the last layer of a branch of cat, add, mul, res or chunk"),
  CROP_WITHOUT_TARGET("every branch of a merge ends in a bare crop, so none gives the size to crop to"),
  RESIZE_OUTSIDE_BRANCH("a bare resize (no size, no input) stands outside any branch, so there is no branch start to resize to"),
  CHANNELS_DO_NOT_DIVIDE("pixelshuffleR gets a channel count that is not a multiple of R², or chunk one that its branch count does not divide"),
  UNSUPPORTED_OPERATION("a word names a real operation that the language does not have (yet)"),
  BRANCH_COUNT("res or mul is given more than two branches, or side more than one"),
  SHAPE_MISMATCH("merged branches end in shapes that cannot be added, concatenated or multiplied"),
  TOO_MANY_ERRORS("more errors than the error limit; the rest are only counted"),
  INTERNAL_ERROR("cnnspec failed on this spec: a bug to report");

  private final String meaning;

  DiagnosticCode(String meaning) {
    this.meaning = meaning;
  }

  /** The kebab-case code, as printed and documented: {@code shape-mismatch}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One line on when it is reported. */
  public String meaning() {
    return meaning;
  }

  @Override
  public String toString() {
    return id();
  }
}
