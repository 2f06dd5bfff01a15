package io.cnnspec.cli;

import io.cnnspec.report.DType;
import io.cnnspec.report.ReportFormat;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option values users type, read with messages that name the valid choices. */
final class Options {

  private Options() {}

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

  /** The runtime's report formats, json and html included, with the command's own message for a wrong one. */
  static final ITypeConverter<ReportFormat> FORMAT = new Converter<>() {
    @Override
    ReportFormat parse(String value) {
      try {
        return ReportFormat.parse(value == null ? "" : value.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown format '" + value + "'; use one of table, markdown (md), csv, json or html");
      }
    }
  };

  static final ITypeConverter<DType> DTYPE = new Converter<>() {
    @Override
    DType parse(String value) {
      return DType.parse(value);
    }
  };

  static final ITypeConverter<Optimizer> OPTIMIZER = new Converter<>() {
    @Override
    Optimizer parse(String value) {
      return Optimizer.parse(value);
    }
  };

  /** Completion candidates and the {@code ${COMPLETION-CANDIDATES}} of help texts. */
  static final List<String> FORMAT_NAMES = List.of("table", "markdown", "csv", "json", "html");

  static final List<String> DTYPE_NAMES = List.of("fp32", "fp16", "bf16", "int8");

  static final List<String> OPTIMIZER_NAMES = List.of("sgd", "momentum", "rmsprop", "adagrad", "adam", "adamw");

  /** Reads a value with {@link #parse}; its IllegalArgumentException becomes picocli's conversion error. */
  private abstract static class Converter<T> implements ITypeConverter<T> {

    abstract T parse(String value);

    @Override
    public T convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
