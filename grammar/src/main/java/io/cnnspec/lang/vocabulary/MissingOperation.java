package io.cnnspec.lang.vocabulary;

import java.util.List;

/**
 * Operations that real networks use and the language does not have: a word naming one is no
 * typo, so it gets this explanation and a way to write the network today rather than "did you
 * mean". A word leaves this table when it becomes a {@link LayerWord}.
 */
public enum MissingOperation {
  SPLIT(List.of("split", "channelsplit"), "a channel split (ShuffleNet V2's chunk) as a layer",
      "a split is a branch kind: chunk { A | B } runs A and B on equal slices of the channels and concatenates them"),
  INTERPOLATE(List.of("interpolate"), "PyTorch's interpolate",
      "cnnspec writes it as resize: resizeHxW is interpolate(size=(H, W)), resize input sizes to the"
          + " network's input and a bare resize to where its branch began; upsampleN is interpolate(scale_factor=N)",
      "write resizeHxW, resize input, a bare resize at the end of a branch, or upsampleN"),
  PIXELUNSHUFFLE(List.of("pixelunshuffle", "spacetodepth"), "space-to-depth (pixel unshuffle)",
      "pixelshuffleR is the inverse, depth-to-space"),
  ROIPOOL(List.of("roialign", "roipool"), "region-of-interest pooling (detection)",
      "describe the backbone and the heads; the region pooling is outside a CNN spec"),
  ATTENTION(List.of("attention", "selfattention", "multiheadattention"), "attention",
      "cnnspec describes convolutional networks; attention layers are not part of the language"),
  RECURRENT(List.of("lstm", "gru", "rnn"), "a recurrent layer",
      "cnnspec describes convolutional networks; recurrent layers are not part of the language");

  private final List<String> words;
  private final String description;
  private final String reason;
  private final String hint;

  MissingOperation(List<String> words, String description, String hint) {
    this(words, description, "it names " + description + ", which cnnspec does not have", hint);
  }

  /** One that cnnspec has under another word: {@code reason} says which. */
  MissingOperation(List<String> words, String description, String reason, String hint) {
    this.words = words;
    this.description = description;
    this.reason = reason;
    this.hint = hint;
  }

  /** Why the word is refused: "it names attention, which cnnspec does not have". */
  public String reason() {
    return reason;
  }

  /** The words, lower case and without hyphens, that name it. */
  public List<String> words() {
    return words;
  }

  /** What it is, as the object of "it names ...": "centre cropping (U-Net's copy and crop)". */
  public String description() {
    return description;
  }

  /** How to write a network that uses it today. */
  public String hint() {
    return hint;
  }
}
