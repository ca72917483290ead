package io.ope4j.spark;

import io.ope4j.io.SlateLogReader;
import io.ope4j.slate.SlateBatch;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateState;
import java.util.List;

/**
 * Reads a chunk of {@link SlateEvaluator#BATCH_SLATES} whole slates with the local slate reader
 * (told the log's slate length, that of its first slate) into one batch and folds it into a
 * fresh {@link SlateState}, as the local engine folds each of its batches.
 */
final class SlateChunkReader implements ChunkReader<SlateState> {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final ProjectedColumns columns;
  private final double piSumTolerance;
  private final int slateLength;
  private final SlateConfig config;

  SlateChunkReader(String source, ProjectedColumns columns, double piSumTolerance, int slateLength,
      SlateConfig config) {
    this.source = source;
    this.columns = columns;
    this.piSumTolerance = piSumTolerance;
    this.slateLength = slateLength;
    this.config = config;
  }

  @Override
  public ChunkPiece<SlateState> read(List<RowBuffer> rows) {
    return ChunkReader.readAsTable(source, columns, rows, table -> {
      try (SlateLogReader reader = SlateLogReader.over(table, piSumTolerance, slateLength)) {
        SlateState state = new SlateState(config, slateLength);
        SlateBatch batch = new SlateBatch(slateLength, SlateEvaluator.BATCH_SLATES);
        if (reader.next(batch) > 0) {
          state.add(batch);
        }
        if (reader.next(batch) > 0) {
          throw new IllegalStateException("a chunk holds more than " + SlateEvaluator.BATCH_SLATES + " slates");
        }
        return state;
      }
    });
  }
}
