package io.ope4j.spark;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * Turns the pieces of consecutive chunks, sorted by first row, into one state per chunk in
 * chunk order: a whole chunk's state passes through; the fragments of a shared chunk are joined
 * and folded in the local engine's batches, aligned on the chunk's start. The first error piece
 * ends the output: every piece before it in row order is complete; the chunk it cuts is not.
 */
final class ChunkFolder implements FlatMapFunction<Iterator<Tuple2<Long, Piece>>, Piece> {

  private static final long serialVersionUID = 1L;

  private final LogLayout layout;
  private final EvaluationConfig config;
  private final long totalRows;

  ChunkFolder(LogLayout layout, EvaluationConfig config, long totalRows) {
    this.layout = layout;
    this.config = config;
    this.totalRows = totalRows;
  }

  @Override
  public Iterator<Piece> call(Iterator<Tuple2<Long, Piece>> pieces) {
    List<Piece> states = new ArrayList<>();
    List<RowFragment> shared = new ArrayList<>();
    while (pieces.hasNext()) {
      Tuple2<Long, Piece> keyed = pieces.next();
      Piece piece = keyed._2();
      if (piece.failure() != null) {
        if (!shared.isEmpty()
            && Chunks.chunkOf(shared.get(0).firstRow()) != Chunks.chunkOf(keyed._1())) {
          foldShared(shared, states);
        }
        states.add(piece);
        return states.iterator();
      }
      if (piece.state() != null) {
        foldShared(shared, states);
        states.add(piece);
        continue;
      }
      RowFragment fragment = piece.fragment();
      if (!shared.isEmpty()
          && Chunks.chunkOf(shared.get(0).firstRow()) != Chunks.chunkOf(fragment.firstRow())) {
        foldShared(shared, states);
      }
      shared.add(fragment);
    }
    foldShared(shared, states);
    return states.iterator();
  }

  /** Folds the fragments of one chunk (in row order), if any, and clears the list. */
  private void foldShared(List<RowFragment> fragments, List<Piece> states) {
    if (fragments.isEmpty()) {
      return;
    }
    long chunkStart = Chunks.chunkOf(fragments.get(0).firstRow()) * Chunks.CHUNK_ROWS;
    long chunkEnd = Math.min(chunkStart + Chunks.CHUNK_ROWS, totalRows);
    EvaluationState state = new EvaluationState(layout, config);
    BanditBatch batch = new BanditBatch(layout, Chunks.BATCH_ROWS);
    long row = chunkStart;
    int filled = 0;
    for (RowFragment fragment : fragments) {
      if (fragment.firstRow() != row + filled) {
        throw new IllegalStateException("rows " + (row + filled) + ".." + fragment.firstRow()
            + " of chunk " + Chunks.chunkOf(chunkStart) + " are missing");
      }
      int from = 0;
      while (from < fragment.size()) {
        int count = Math.min(fragment.size() - from, Chunks.BATCH_ROWS - filled);
        fragment.copyTo(from, batch, filled, count);
        from += count;
        filled += count;
        if (filled == Chunks.BATCH_ROWS) {
          batch.setRows(row, filled);
          state.add(batch);
          row += filled;
          filled = 0;
        }
      }
    }
    if (filled > 0) {
      batch.setRows(row, filled);
      state.add(batch);
      row += filled;
    }
    if (row != chunkEnd) {
      throw new IllegalStateException("chunk " + Chunks.chunkOf(chunkStart) + " has rows up to "
          + row + ", expected " + chunkEnd);
    }
    states.add(Piece.of(state));
    fragments.clear();
  }
}
