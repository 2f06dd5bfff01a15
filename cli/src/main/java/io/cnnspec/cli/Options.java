package io.cnnspec.cli;

import io.cnnspec.report.DType;
import io.cnnspec.report.ReportFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option values users type, read with messages that name the valid choices. */
final class Options {

  private Options() {}

  /** What {@code --format} selects: the runtime's reports, or JSON. */
  enum Format {
    TABLE(ReportFormat.TABLE),
    MARKDOWN(ReportFormat.MARKDOWN),
    CSV(ReportFormat.CSV),
    JSON(null);

    private final ReportFormat report;

    Format(ReportFormat report) {
      this.report = report;
    }

    /** The runtime's format, null for JSON. */
    ReportFormat report() {
      return report;
    }

    static Format parse(String text) {
      String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      if (key.equals("json")) {
        return JSON;
      }
      try {
        return switch (ReportFormat.parse(key)) {
          case TABLE -> TABLE;
          case MARKDOWN -> MARKDOWN;
          case CSV -> CSV;
        };
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown format '" + text + "'; use one of table, markdown (md), csv or json");
      }
    }
  }

  /** Optimizers by the state they keep per trainable parameter. */
  enum Optimizer {
    SGD(0),
    MOMENTUM(1),
    RMSPROP(1),
    ADAGRAD(1),
    ADAM(2),
    ADAMW(2);

    private final int states;

    Optimizer(int states) {
      this.states = states;
    }

    int states() {
      return states;
    }

    static Optimizer parse(String text) {
      String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      for (Optimizer optimizer : values()) {
        if (optimizer.name().toLowerCase(Locale.ROOT).equals(key)) {
          return optimizer;
        }
      }
      if (key.equals("sgdmomentum") || key.equals("nesterov")) {
        return MOMENTUM;
      }
      throw new IllegalArgumentException("unknown optimizer '" + text
          + "'; use sgd (no state), momentum, rmsprop or adagrad (1 state per parameter), adam or adamw (2)");
    }
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return wrap(() -> Format.parse(value));
    }
  }

  static final class DTypeConverter implements ITypeConverter<DType> {
    @Override
    public DType convert(String value) {
      return wrap(() -> DType.parse(value));
    }
  }

  static final class OptimizerConverter implements ITypeConverter<Optimizer> {
    @Override
    public Optimizer convert(String value) {
      return wrap(() -> Optimizer.parse(value));
    }
  }

  /** Completion candidates and the {@code ${COMPLETION-CANDIDATES}} of help texts. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("table", "markdown", "csv", "json").iterator();
    }
  }

  static final class DTypeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("fp32", "fp16", "bf16", "int8").iterator();
    }
  }

  static final class OptimizerNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("sgd", "momentum", "rmsprop", "adagrad", "adam", "adamw").iterator();
    }
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T wrap(Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
