package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.UsageException;
import io.ope4j.io.CsvLogWriter;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.MultiLoggerBandit;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ope4j simulate --logger ...} and {@code --embedding-dims D}: a log pooled from several
 * loggers ({@link MultiLoggerBandit}) or a log with action embeddings ({@link EmbeddingBandit}),
 * each with its exact truth (docs/large-actions.md).
 */
final class ExtraSimulateRun {

  private ExtraSimulateRun() {}

  /** Writes the log, the truth and (embeddings) the table; returns a summary line. */
  static String run(ExtraSimulateOptions options, SyntheticConfig base, long rows, Path log, Path truth)
      throws IOException {
    if (!options.loggers.isEmpty() && options.embeddingDims > 0) {
      throw new UsageException("--logger and --embedding-dims simulate different logs; give one of them");
    }
    if (options.contextColumns && options.embeddingDims == 0) {
      throw new UsageException("--embedding-context-columns is for a log with --embedding-dims");
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode policies = root.putObject("policies");
    String extra;
    if (options.embeddingDims > 0) {
      EmbeddingBandit bandit = embeddingBandit(options, base);
      writeEmbeddingLog(bandit, rows, log);
      Path table = options.embeddingTable != null ? options.embeddingTable : tablePathFor(log);
      writeTable(bandit.table(), table);
      for (int p = 0; p < base.policies().size(); p++) {
        policies.put(base.policies().get(p).name(), bandit.value(p));
      }
      root.put("behavior_value", bandit.behaviorValue());
      extra = " and the embedding table to " + table;
    } else {
      MultiLoggerBandit bandit = multiLogger(options, base);
      writeLoggerLog(bandit, rows, log);
      for (int p = 0; p < base.policies().size(); p++) {
        policies.put(base.policies().get(p).name(), bandit.truth().value(p));
      }
      root.put("behavior_value", bandit.behaviorValue());
      extra = "";
    }
    root.put("rows", rows);
    root.put("seed", base.seed());
    mapper.writeValue(truth.toFile(), root);
    return String.format("ope4j: wrote %,d rows to %s, the true values to %s%s", rows, log, truth, extra);
  }

  static Path tablePathFor(Path log) {
    String name = log.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
    return log.resolveSibling(name + ".embedding.csv");
  }

  static EmbeddingBandit embeddingBandit(ExtraSimulateOptions options, SyntheticConfig base) {
    try {
      EmbeddingBandit bandit = new EmbeddingBandit(new EmbeddingBandit.Settings(base.nActions(), options.embeddingDims,
          options.embeddingCategories, base.poolSize(), options.embeddingTemperature, base.behaviourTemperature(),
          base.policies(), base.seed()));
      return options.contextColumns ? bandit.withContextColumns() : bandit;
    } catch (IllegalArgumentException e) {
      throw new UsageException("the embedding simulation's settings: " + e.getMessage(), e);
    }
  }

  static MultiLoggerBandit multiLogger(ExtraSimulateOptions options, SyntheticConfig base) {
    List<String> labels = new ArrayList<>();
    double[] temperatures = new double[options.loggers.size()];
    double[] shares = new double[options.loggers.size()];
    for (int k = 0; k < temperatures.length; k++) {
      String spec = options.loggers.get(k);
      int equals = spec.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--logger must be LABEL=TEMPERATURE[:SHARE], got '" + spec + "'");
      }
      labels.add(spec.substring(0, equals));
      String[] parts = spec.substring(equals + 1).split(":", -1);
      try {
        temperatures[k] = Double.parseDouble(parts[0]);
        shares[k] = parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0;
      } catch (NumberFormatException e) {
        throw new UsageException("--logger must be LABEL=TEMPERATURE[:SHARE] with numbers, got '" + spec + "'", e);
      }
      if (parts.length > 2) {
        throw new UsageException("--logger must be LABEL=TEMPERATURE[:SHARE], got '" + spec + "'");
      }
    }
    try {
      return new MultiLoggerBandit(base, labels, temperatures, shares);
    } catch (IllegalArgumentException e) {
      throw SyntheticOptions.asOptionError(e);
    }
  }

  private static void writeEmbeddingLog(EmbeddingBandit bandit, long rows, Path log) throws IOException {
    List<String> names = bandit.columnNames();
    int dims = bandit.settings().dims();
    double[] values = new double[names.size()];
    try (CsvLogWriter writer = CsvLogWriter.open(log, names)) {
      for (long i = 0; i < rows; i++) {
        bandit.wideRow(i, values);
        writer.writeInt((int) values[0]).writeDouble(values[1]).writeDouble(values[2]);
        for (int d = 0; d < dims; d++) {
          writer.writeInt((int) values[3 + d]);
        }
        for (int c = 3 + dims; c < values.length; c++) {
          writer.writeDouble(values[c]);
        }
        writer.endRow();
      }
    }
  }

  private static void writeLoggerLog(MultiLoggerBandit bandit, long rows, Path log) throws IOException {
    double[] values = new double[bandit.numericColumns()];
    try (CsvLogWriter writer = CsvLogWriter.open(log, bandit.columnNames())) {
      for (long i = 0; i < rows; i++) {
        bandit.wideRow(i, values);
        writer.writeInt((int) values[0]);
        for (int c = 1; c < values.length; c++) {
          writer.writeDouble(values[c]);
        }
        writer.writeText(bandit.label(bandit.logger(i)));
        writer.endRow();
      }
    }
  }

  private static void writeTable(EmbeddingTable table, Path path) throws IOException {
    try (CsvLogWriter writer = CsvLogWriter.open(path, List.of("action", "dim", "category", "p"))) {
      for (int a = 0; a < table.actions(); a++) {
        for (int d = 0; d < table.dims(); d++) {
          for (int c = 0; c < table.categories(d); c++) {
            writer.writeInt(a).writeInt(d).writeInt(c).writeDouble(table.probability(a, d, c));
            writer.endRow();
          }
        }
      }
    }
  }
}
