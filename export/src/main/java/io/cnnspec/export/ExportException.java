package io.cnnspec.export;

/**
 * A network that cannot be written in the chosen format: a layer without an equivalent there
 * (e.g. average pooling with dilation in PyTorch). The message is a whole sentence with a fix hint.
 */
public final class ExportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ExportException(String message) {
    super(message);
  }
}
