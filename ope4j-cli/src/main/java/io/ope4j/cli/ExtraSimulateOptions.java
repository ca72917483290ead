package io.ope4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code simulate} for logs pooled from several loggers and logs with action embeddings. */
final class ExtraSimulateOptions {

  @Option(names = "--logger", paramLabel = "LABEL=TEMPERATURE[:SHARE]",
      description = "Pool the log from several softmax loggers: each row's logger is drawn with probability"
          + " SHARE (default 1, normalised) and written in a logger column with pscore_avg. Repeat per logger.")
  List<String> loggers = new ArrayList<>();

  @Option(names = "--embedding-dims", defaultValue = "0", paramLabel = "D",
      description = "Write a log whose actions act only through D categorical embedding dimensions (e_0..), with"
          + " the behaviour's pscore_0.. columns and the embedding table (default: ${DEFAULT-VALUE}, none).")
  int embeddingDims;

  @Option(names = "--embedding-categories", defaultValue = "5", paramLabel = "C",
      description = "Categories of each embedding dimension (default: ${DEFAULT-VALUE}).")
  int embeddingCategories;

  @Option(names = "--embedding-temperature", defaultValue = "0.5", paramLabel = "TAU",
      description = "Softmax temperature of p(e_d | a); small makes each action's embedding nearly fixed"
          + " (default: ${DEFAULT-VALUE}).")
  double embeddingTemperature;

  @Option(names = "--embedding-context-columns",
      description = "With --embedding-dims: also write each row's context (one of --contexts) as one-hot columns"
          + " x_0.., for a fitted action model (evaluate --action-model).")
  boolean contextColumns;

  @Option(names = "--embedding-table-out", paramLabel = "FILE",
      description = "Where to write the embedding table (default: the log's name with .embedding.csv).")
  Path embeddingTable;

  /** Whether one of these simulations is asked for. */
  boolean active() {
    return !loggers.isEmpty() || embeddingDims > 0 || contextColumns;
  }
}
