package io.cnnspec.lang;

import io.cnnspec.lang.analysis.LayerOp;
import io.cnnspec.lang.diagnostics.Diagnostic;
import io.cnnspec.model.NetworkInfo;
import java.util.List;
import java.util.Optional;

/**
 * The result of compiling one spec: the analysed network when the spec has no error, and every
 * diagnostic found. A network is never given together with an error.
 */
public record Compilation(Optional<NetworkInfo> network, List<Diagnostic> diagnostics, List<LayerOp> ops,
    List<Integer> branchCounts) {

  /** A compilation without ops: one that failed, or one built by hand. */
  public Compilation(Optional<NetworkInfo> network, List<Diagnostic> diagnostics) {
    this(network, diagnostics, List.of(), List.of());
  }

  /**
   * @param ops the resolved op of each row of the network, in row order, null for a merge or side row;
   *     empty without a network. Kept uncopied: a walk's list is unmodifiable already.
   * @param branchCounts for each row, the number of branches a merge or side row was written with,
   *     empty branches included ({@code add { conv3-8 | }} has 2, though only one branch has rows);
   *     0 for a layer row; empty without a network
   */
  public Compilation {
    diagnostics = List.copyOf(diagnostics);
    java.util.Objects.requireNonNull(ops, "ops");
    java.util.Objects.requireNonNull(branchCounts, "branchCounts");
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
