package io.cnnspec.report;

/**
 * How text is made safe inside the table formats cnnspec writes, the one place for it: the
 * reports and the command line's zoo listing use these.
 */
public final class Escaping {

  private Escaping() {}

  /**
   * One RFC 4180 field: as it is, or in double quotes (a quote doubled) when it holds a comma, a
   * quote or a line break.
   */
  public static String csvField(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /**
   * Text safe inside a GitHub Markdown table cell: a bare '|' would end the cell and a line break
   * the row, so line breaks become spaces and '|' becomes {@code \|} (which GitHub honours even
   * inside code spans).
   */
  public static String markdownCell(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
  }
}
