package io.cnnspec.processor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Network} as written on a type, read through its mirror rather than reflection so that
 * every problem can be reported on the member that holds it.
 *
 * @param holder the annotated type
 * @param mirror this {@code @Network}; for a repeated annotation, the one inside the {@code @Networks} container
 * @param given the members the user wrote, with their values (members left at their default are absent)
 * @param repeatIndex for a repeated annotation, its 0-based place among the {@code @Network}s of the
 *     container, in source order; -1 for an annotation written alone
 */
record NetworkAnnotation(TypeElement holder, AnnotationMirror mirror, Map<Member, AnnotationValue> given, int repeatIndex) {

  static final String NETWORK = "io.cnnspec.Network";
  static final String NETWORKS = "io.cnnspec.Networks";

  /** The members of {@code @Network}, each a place an error can be reported on. */
  enum Member {
    VALUE("value"),
    NAME("name"),
    INPUT("input"),
    OUTPUT("output"),
    FILE("file");

    final String javaName;

    Member(String javaName) {
      this.javaName = javaName;
    }
  }

  NetworkAnnotation {
    given = Map.copyOf(given);
  }

  /**
   * Every {@code @Network} on the type, in source order: written directly, or, when repeated, held
   * by the {@code @Networks} container javac puts in their place.
   */
  static List<NetworkAnnotation> on(TypeElement holder) {
    List<NetworkAnnotation> found = new ArrayList<>();
    for (AnnotationMirror mirror : holder.getAnnotationMirrors()) {
      String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (type.equals(NETWORK)) {
        found.add(read(holder, mirror, -1));
      } else if (type.equals(NETWORKS)) {
        for (AnnotationValue container : mirror.getElementValues().values()) {
          if (container.getValue() instanceof List<?> items) {
            int index = 0;
            for (Object item : items) {
              if (item instanceof AnnotationValue value && value.getValue() instanceof AnnotationMirror inner) {
                found.add(read(holder, inner, index++));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static NetworkAnnotation read(TypeElement holder, AnnotationMirror mirror, int repeatIndex) {
    Map<Member, AnnotationValue> given = new EnumMap<>(Member.class);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      String memberName = entry.getKey().getSimpleName().toString();
      for (Member member : Member.values()) {
        if (member.javaName.equals(memberName)) {
          given.put(member, entry.getValue());
        }
      }
    }
    return new NetworkAnnotation(holder, mirror, given, repeatIndex);
  }

  /** The member's text as written, or "" when left at its default. */
  String text(Member member) {
    AnnotationValue value = given.get(member);
    // Anything but a String here is javac's placeholder for an expression it could not resolve;
    // javac reports that itself, so the member counts as empty.
    return value != null && value.getValue() instanceof String text ? text : "";
  }

  /** The member's value for error positions, or null when not written (then the annotation is marked). */
  AnnotationValue valueOf(Member member) {
    return given.get(member);
  }

  boolean isBlank(Member member) {
    return text(member).isBlank();
  }

  /** How messages name this spec: its class name, else its file, else where it is written. */
  String describe() {
    if (!isBlank(Member.NAME)) {
      return text(Member.NAME).strip();
    }
    if (!isBlank(Member.FILE)) {
      return text(Member.FILE).strip();
    }
    return "@Network on " + holder.getQualifiedName();
  }
}
