package io.cnnspec.cli;

/**
 * A spec that cannot be had: a missing, unreadable or non-text file, a directory, an unknown zoo
 * name. Its message is printed as it is after {@code cnnspec: error: }; the command exits with
 * {@link Main#USAGE}.
 */
final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message, null, false, false);
  }
}
