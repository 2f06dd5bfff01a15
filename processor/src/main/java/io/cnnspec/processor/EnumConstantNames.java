package io.cnnspec.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java constant names for layer names: {@code conv1_1} becomes {@code CONV1_1}, {@code res2a.branch1}
 * becomes {@code RES2A_BRANCH1}. The result is always a legal, ASCII, upper-case identifier, and
 * unique within the network (a clash gets {@code _2}, {@code _3}, ...), so any layer names the
 * language allows make a compilable enum.
 */
final class EnumConstantNames {

  private EnumConstantNames() {}

  static List<String> of(List<String> layerNames) {
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>(layerNames.size());
    for (String layerName : layerNames) {
      String base = constantName(layerName);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      names.add(name);
    }
    return names;
  }

  static String constantName(String layerName) {
    StringBuilder out = new StringBuilder(layerName.length() + 1);
    for (char c : layerName.toUpperCase(Locale.ROOT).toCharArray()) {
      boolean asciiAlphanumeric = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      out.append(asciiAlphanumeric ? c : '_');
    }
    if (out.chars().allMatch(c -> c == '_')) {
      // "_" alone is a keyword, and an all-underscore name says nothing: name it by what it is.
      out.insert(0, "LAYER");
    } else if (Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }
}
