package io.cnnspec.lang;

import io.cnnspec.model.NetworkInfo;
import java.util.List;
import java.util.Optional;

/**
 * The result of compiling one spec: the analysed network when the spec has no error, and every
 * diagnostic found. A network is never given together with an error.
 */
public record Compilation(Optional<NetworkInfo> network, List<Diagnostic> diagnostics) {

  public Compilation {
    diagnostics = List.copyOf(diagnostics);
    if (network.isPresent() && hasError(diagnostics)) {
      throw new IllegalArgumentException("a compilation with errors carries no network");
    }
  }

  public boolean ok() {
    return network.isPresent();
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  /** The network; call only when {@link #ok()}. */
  public NetworkInfo networkOrThrow() {
    return network.orElseThrow(() -> new IllegalStateException(
        "the spec has errors:\n" + String.join("\n", errors().stream().map(Diagnostic::format).toList())));
  }

  private static boolean hasError(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
  }
}
