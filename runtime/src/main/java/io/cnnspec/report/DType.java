package io.cnnspec.report;

import java.util.Locale;

/** The element type activations and parameters are stored in, which sets their size in bytes. */
public enum DType {
  FP32(4),
  FP16(2),
  BF16(2),
  INT8(1);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per stored value. */
  public int bytes() {
    return bytes;
  }

  /** The name reports print, e.g. {@code fp32}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a dtype the way users write it on a command line: {@code fp32}/{@code float32}/{@code
   * float}, {@code fp16}/{@code float16}/{@code half}, {@code bf16}/{@code bfloat16}, {@code
   * int8}; case and surrounding blanks do not matter.
   *
   * @throws IllegalArgumentException naming the valid spellings when the text is none of them
   */
  public static DType parse(String text) {
    // Locale.ROOT: in a Turkish default locale "INT8".toLowerCase() is "ınt8" and would not match
    String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "fp32", "float32", "float", "f32" -> FP32;
      case "fp16", "float16", "half", "f16" -> FP16;
      case "bf16", "bfloat16" -> BF16;
      case "int8", "i8" -> INT8;
      default -> throw new IllegalArgumentException(
          "unknown dtype '" + text + "'; use one of fp32 (float32), fp16 (half), bf16 (bfloat16) or int8");
    };
  }
}
