package io.ope4j.spark;

import io.ope4j.continuous.ContinuousBatch;
import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousLayout;
import io.ope4j.continuous.ContinuousState;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import java.util.List;

/**
 * Reads a chunk of a continuous-action log with the local reader and folds it into a fresh
 * {@link ContinuousState} in the local engine's batches of {@link ContinuousEvaluator#BATCH_ROWS}
 * rows, numbered by global row (the bootstrap's key), as the local engine folds each chunk.
 */
final class ContinuousChunkReader implements ChunkReader<ContinuousState> {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final ProjectedColumns columns;
  private final ContinuousReadOptions options;
  private final ContinuousLayout layout;
  private final ContinuousConfig config;

  ContinuousChunkReader(String source, ProjectedColumns columns, ContinuousReadOptions options,
      ContinuousLayout layout, ContinuousConfig config) {
    this.source = source;
    this.columns = columns;
    this.options = options;
    this.layout = layout;
    this.config = config;
  }

  @Override
  public ChunkPiece<ContinuousState> read(List<RowBuffer> rows) {
    return ChunkReader.readAsTable(source, columns, rows, table -> {
      try (ContinuousLogReader reader = ContinuousLogReader.over(table, options, rows.get(0).firstRow())) {
        ContinuousState state = new ContinuousState(layout, config);
        ContinuousBatch batch = new ContinuousBatch(layout, ContinuousEvaluator.BATCH_ROWS);
        while (reader.next(batch) && batch.size() > 0) {
          state.add(batch);
        }
        return state;
      }
    });
  }
}
