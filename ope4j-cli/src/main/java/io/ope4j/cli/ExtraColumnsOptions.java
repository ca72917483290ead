package io.ope4j.cli;

import io.ope4j.data.EmbeddingTable;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.EmbeddingTableReader;
import io.ope4j.io.ExtraColumnNames;
import io.ope4j.io.LogInput;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options of the optional bandit-log columns (formats.md, "Several loggers" and "Action
 * embeddings") and the known embedding table the MIPS estimators read.
 */
final class ExtraColumnsOptions {

  @Option(names = "--logger-col", defaultValue = "logger", paramLabel = "COLUMN",
      description = "Column naming the logging policy of each row, any labels; read if present (default: ${DEFAULT-VALUE}).")
  String logger;

  @Option(names = "--pscore-avg-col", defaultValue = "pscore_avg", paramLabel = "COLUMN",
      description = "Loggers' mixture probability of the logged action, for ipw-balanced and dr-balanced;"
          + " read if present (default: ${DEFAULT-VALUE}).")
  String pscoreAvg;

  @Option(names = "--embedding-prefix", defaultValue = "e_", paramLabel = "PREFIX",
      description = "Prefix of the action-embedding columns e_0..e_{D-1}; read if present (default: ${DEFAULT-VALUE}).")
  String embeddingPrefix;

  @Option(names = "--behavior-prefix", defaultValue = "pscore_", paramLabel = "PREFIX",
      description = "Prefix of the behaviour policy's probability of every action, pscore_0..pscore_{K-1},"
          + " for mips and snmips; read if present (default: ${DEFAULT-VALUE}).")
  String behaviorPrefix;

  @Option(names = "--embedding-table", paramLabel = "FILE",
      description = "Known embedding distribution p(e_d = c | a) for mips and snmips: columns action, dim,"
          + " category, p (docs/formats.md).")
  String embeddingTable;

  ExtraColumnNames names() {
    return new ExtraColumnNames(logger, pscoreAvg, embeddingPrefix, behaviorPrefix);
  }

  private EmbeddingTable table;

  /** Reads the embedding table, when one is given; before {@link #bind}. */
  void load() throws IOException {
    if (embeddingTable != null && table == null) {
      table = EmbeddingTableReader.read(LogInput.of(embeddingTable));
    }
  }

  /** {@code estimators} with the embedding table bound, when one is given. */
  List<Estimator> bind(List<Estimator> estimators) {
    if (embeddingTable != null && table == null) {
      throw new IllegalStateException("the embedding table is bound before it is loaded");
    }
    return table == null ? estimators : Estimators.withEmbeddingTable(estimators, table);
  }
}
