package io.cnnspec.model;

/**
 * A tensor shape without the batch dimension: {@code height x width x channels}, or a flat vector
 * of {@code channels} values (then height and width are 1 and {@link #vector()} is true).
 */
public record Shape(int height, int width, int channels, boolean vector) {

  public Shape {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("shape dimensions must be positive: " + height + "x" + width + "x" + channels);
    }
    if (vector && (height != 1 || width != 1)) {
      throw new IllegalArgumentException("a vector has height and width 1");
    }
  }

  // equals and hashCode written out: a record's generated ones are bound on first use by a
  // bootstrap that costs tens of milliseconds of a command's start, and shapes key the analyser's
  // caches and a layer table's shape pool
  @Override
  public boolean equals(Object other) {
    return other instanceof Shape s && height == s.height && width == s.width && channels == s.channels
        && vector == s.vector;
  }

  @Override
  public int hashCode() {
    return ((height * 31 + width) * 31 + channels) * 2 + (vector ? 1 : 0);
  }

  public static Shape of(int height, int width, int channels) {
    return new Shape(height, width, channels, false);
  }

  public static Shape vector(int size) {
    return new Shape(1, 1, size, true);
  }

  /** Parses {@code 224x224x3} or {@code 1000}, the form {@link #toString()} writes. */
  public static Shape parse(String text) {
    String[] parts = text.trim().split("x", -1);
    try {
      if (parts.length == 1) {
        return vector(Integer.parseInt(parts[0]));
      }
      if (parts.length == 3) {
        return of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
    } catch (NumberFormatException e) {
      // falls through to the error below, which names the whole text
    }
    throw new IllegalArgumentException("not a shape: '" + text + "' (write HxWxC, e.g. 224x224x3, or one number)");
  }

  /** The number of values, height x width x channels. */
  public long size() {
    return (long) height * width * channels;
  }

  /** The dimensions as written: {@code [h, w, c]}, or {@code [n]} for a vector. */
  public int[] dims() {
    return vector ? new int[] {channels} : new int[] {height, width, channels};
  }

  /** True for a 1x1xC map or a vector of C: what a squeeze-and-excitation branch yields. */
  public boolean isPerChannel() {
    return height == 1 && width == 1;
  }

  @Override
  public String toString() {
    return vector ? Integer.toString(channels) : height + "x" + width + "x" + channels;
  }
}
