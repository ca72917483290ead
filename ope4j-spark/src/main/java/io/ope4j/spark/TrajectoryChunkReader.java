package io.ope4j.spark;

import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialState;
import java.util.List;

/**
 * Reads a chunk of whole episodes with the local trajectory reader and folds them into a fresh
 * {@link SequentialState}, as the local engine folds each chunk, in one pass of the evaluation
 * (the normalisers of self-normalised estimators come from a first pass, or are null).
 */
final class TrajectoryChunkReader implements ChunkReader<SequentialState> {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final ProjectedColumns columns;
  private final TrajectoryReadOptions options;
  private final SequentialConfig config;
  private final double[][] normalisers;
  private final boolean valuesPass;

  TrajectoryChunkReader(String source, ProjectedColumns columns, TrajectoryReadOptions options,
      SequentialConfig config, double[][] normalisers, boolean valuesPass) {
    this.source = source;
    this.columns = columns;
    this.options = options;
    this.config = config;
    this.normalisers = normalisers;
    this.valuesPass = valuesPass;
  }

  @Override
  public ChunkPiece<SequentialState> read(List<RowBuffer> rows) {
    return ChunkReader.readAsTable(source, columns, rows, table -> {
      try (TrajectoryLogReader reader = TrajectoryLogReader.over(table, options)) {
        return SequentialEvaluator.fold(reader, config, normalisers, valuesPass);
      }
    });
  }

  /** An empty state of this pass, to merge chunk states into. */
  SequentialState emptyState(int policies) {
    return new SequentialState(config, policies, normalisers, valuesPass);
  }
}
