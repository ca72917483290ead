package io.ope4j.spark;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Folds one partition: its rows are global rows {@code [offsets[p], offsets[p + 1])}, cut into
 * the local engine's batches and chunks on global row indices ({@link Chunks}). A chunk lying
 * wholly in the partition is folded here into an {@link EvaluationState}; the rows of a chunk
 * shared with a neighbour (at most one at each end) are kept as a {@link RowFragment}. Each
 * piece is keyed by its first global row, which also keys the bootstrap's multiplicities, so
 * nothing depends on how the rows are partitioned. A bad row ends the partition with an error
 * piece keyed by that row.
 */
final class PartitionFolder
    implements Function2<Integer, Iterator<InternalRow>, Iterator<Tuple2<Long, Piece>>> {

  private static final long serialVersionUID = 1L;

  private final DatasetColumns columns;
  private final EvaluationConfig config;
  private final long[] offsets;
  private final List<String> loggerLabels;

  /**
   * @param offsets first global row of every partition, and the total row count last
   * @param loggerLabels the log's logger labels in order of first appearance, or empty
   */
  PartitionFolder(DatasetColumns columns, EvaluationConfig config, long[] offsets, List<String> loggerLabels) {
    this.columns = columns;
    this.config = config;
    this.offsets = offsets;
    this.loggerLabels = loggerLabels;
  }

  @Override
  public Iterator<Tuple2<Long, Piece>> call(Integer partition, Iterator<InternalRow> rows) {
    long next = offsets[partition];
    long end = offsets[partition + 1];
    LogLayout layout = columns.columns().layout();
    SparkRowReader reader = new SparkRowReader(columns, loggerLabels);
    BanditBatch batch = new BanditBatch(layout, Chunks.BATCH_ROWS);
    List<Tuple2<Long, Piece>> pieces = new ArrayList<>();
    try {
      fold(partition, rows, next, end, reader, batch, pieces);
    } catch (InvalidDataException badRow) {
      // the rest of the partition is not read: its rows come after this one
      pieces.add(new Tuple2<>(badRow.row() - 1, Piece.of(badRow)));
    }
    return pieces.iterator();
  }

  private void fold(int partition, Iterator<InternalRow> rows, long next, long end,
      SparkRowReader reader, BanditBatch batch, List<Tuple2<Long, Piece>> pieces) {
    long total = offsets[offsets.length - 1];
    LogLayout layout = batch.layout();
    while (next < end) {
      long chunkStart = Chunks.chunkOf(next) * Chunks.CHUNK_ROWS;
      long chunkEnd = Math.min(chunkStart + Chunks.CHUNK_ROWS, total);
      long stop = Math.min(chunkEnd, end);
      boolean whole = next == chunkStart && stop == chunkEnd;
      EvaluationState state = whole ? new EvaluationState(layout, config) : null;
      RowFragment fragment = whole ? null : new RowFragment(layout, next, (int) (stop - next));
      long pieceStart = next;
      while (next < stop) {
        long batchEnd = Math.min((next / Chunks.BATCH_ROWS + 1) * Chunks.BATCH_ROWS, stop);
        int size = (int) (batchEnd - next);
        for (int i = 0; i < size; i++) {
          if (!rows.hasNext()) {
            throw changedBetweenPasses(partition);
          }
          reader.read(rows.next(), batch, i, next + i);
        }
        batch.setRows(next, size);
        if (whole) {
          state.add(batch);
        } else {
          fragment.append(batch);
        }
        next = batchEnd;
      }
      pieces.add(new Tuple2<>(pieceStart, whole ? Piece.of(state) : Piece.of(fragment)));
    }
    if (rows.hasNext()) {
      throw changedBetweenPasses(partition);
    }
  }

  private UnstableDatasetException changedBetweenPasses(int partition) {
    return new UnstableDatasetException("partition " + partition + " of the Dataset did not give "
        + "the " + (offsets[partition + 1] - offsets[partition]) + " rows it gave when counted: "
        + "its rows must be the same, in the same order, on every pass (cache() or checkpoint() "
        + "a Dataset computed non-deterministically)");
  }
}
