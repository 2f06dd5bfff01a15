package io.cnnspec.processor;

import io.cnnspec.model.NetworkInfo;
import io.cnnspec.processor.NetworkAnnotation.Member;

/**
 * A validated {@code @Network}: everything the generator needs, and nothing left to check.
 *
 * @param nameMember where problems with the class name are reported: {@code name}, or the spec's
 *     member when the name comes from a file's header
 */
record NetworkRequest(
    NetworkAnnotation annotation, String packageName, String className, Member nameMember, NetworkInfo network,
    AnnotatedSpec spec) {

  String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }
}
