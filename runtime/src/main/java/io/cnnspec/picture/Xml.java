package io.cnnspec.picture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes SVG and HTML markup through the JDK's StAX writer, which escapes every text and attribute
 * value ({@code <}, {@code &}, quotes), so a layer or network name can never become markup. Text
 * that XML cannot hold at all (control characters, unpaired surrogates) is replaced by U+FFFD.
 * The JDK's own implementation is asked for by name: the same bytes on every machine, and no
 * service lookup.
 */
public final class Xml {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final Writer out;
  private final XMLStreamWriter xml;

  public Xml(Writer out) {
    this.out = out;
    try {
      this.xml = FACTORY.createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the JDK's XML writer is not available", e);
    }
  }

  /** Opens element {@code name} with attributes given as name, value pairs. */
  public Xml start(String name, String... attributes) {
    try {
      xml.writeStartElement(name);
      attributes(attributes);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** An element without content, {@code <name a="v"/>}, for SVG shapes and HTML's void elements. */
  public Xml empty(String name, String... attributes) {
    try {
      xml.writeEmptyElement(name);
      attributes(attributes);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** Closes the innermost open element. */
  public Xml end() {
    try {
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** Escaped text. */
  public Xml text(String text) {
    try {
      xml.writeCharacters(clean(text));
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** {@code <name a="v">text</name>}. */
  public Xml element(String name, String text, String... attributes) {
    return start(name, attributes).text(text).end();
  }

  /**
   * Markup of cnnspec's own, written as is: a doctype, a style sheet or a script, whose text an
   * HTML parser reads raw and would not unescape. Never for names or specs.
   */
  public Xml raw(String markup) {
    try {
      // no characters, but the writer closes a pending start tag, so the markup lands after its '>'
      xml.writeCharacters("");
      xml.flush();
      out.write(markup);
    } catch (XMLStreamException e) {
      throw failed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes out what is pending. */
  public void flush() {
    try {
      xml.flush();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private void attributes(String[] attributes) throws XMLStreamException {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
    }
  }

  /** {@code text} with what XML 1.0 cannot hold replaced by U+FFFD; tabs and line breaks kept. */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            && c != 0xFFFE && c != 0xFFFF;
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }

  private static IllegalStateException failed(XMLStreamException e) {
    return new IllegalStateException("writing markup failed: " + e.getMessage(), e);
  }
}
