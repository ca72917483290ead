package io.ope4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Folds one partition of a trajectory log: its rows are cut into the local engine's chunks of
 * whole episodes by global episode index ({@link EpisodePlan}). A chunk lying wholly in the
 * partition is read and folded here; the rows of a chunk shared with other partitions (at most
 * one at each end: the leading rows of an episode begun earlier, the trailing rows of one that
 * goes on) travel unread as a {@link RowBuffer}, keyed by chunk and first row, to meet the rest
 * of their chunk in {@link EpisodeMergeFolder}. The first bad row ends the partition.
 */
final class EpisodeFolder
    implements Function2<Integer, Iterator<InternalRow>, Iterator<Tuple2<ChunkKey, EpisodePiece>>> {

  private static final long serialVersionUID = 1L;

  private final ProjectedColumns columns;
  private final int episodeSlot;
  private final EpisodePlan plan;
  private final EpisodeChunkFold fold;

  EpisodeFolder(ProjectedColumns columns, int episodeSlot, EpisodePlan plan, EpisodeChunkFold fold) {
    this.columns = columns;
    this.episodeSlot = episodeSlot;
    this.plan = plan;
    this.fold = fold;
  }

  @Override
  public Iterator<Tuple2<ChunkKey, EpisodePiece>> call(Integer partition, Iterator<InternalRow> rows) {
    List<Tuple2<ChunkKey, EpisodePiece>> pieces = new ArrayList<>();
    long row = plan.offset(partition);
    long end = plan.offset(partition + 1);
    long episode = plan.firstEpisode(partition);
    long chunk = -1;
    RowBuffer buffer = null;
    long previous = 0;
    boolean previousNull = true;
    while (row < end) {
      if (!rows.hasNext()) {
        throw changedBetweenPasses(partition);
      }
      InternalRow next = rows.next();
      boolean isNull = next.isNullAt(episodeSlot);
      long id = isNull ? 0 : next.getLong(episodeSlot);
      if (buffer != null && EpisodeRuns.startsRun(isNull, id, previousNull, previous)) {
        episode++;
      }
      if (episode / EpisodePlan.CHUNK_EPISODES != chunk) {
        if (buffer != null && !emit(partition, chunk, buffer, pieces)) {
          return pieces.iterator();
        }
        chunk = episode / EpisodePlan.CHUNK_EPISODES;
        buffer = new RowBuffer(row, columns.count());
      }
      buffer.append(next, columns);
      previous = id;
      previousNull = isNull;
      row++;
    }
    if (rows.hasNext()) {
      throw changedBetweenPasses(partition);
    }
    if (buffer != null) {
      emit(partition, chunk, buffer, pieces);
    }
    return pieces.iterator();
  }

  /** Adds the chunk's piece; returns false after a bad row (the partition ends there). */
  private boolean emit(int partition, long chunk, RowBuffer rows, List<Tuple2<ChunkKey, EpisodePiece>> pieces) {
    ChunkKey key = new ChunkKey(chunk, rows.firstRow());
    if (!plan.chunkWithin(partition, chunk)) {
      pieces.add(new Tuple2<>(key, EpisodePiece.of(rows)));
      return true;
    }
    EpisodePiece folded = fold.fold(List.of(rows));
    pieces.add(new Tuple2<>(key, folded));
    return folded.failure() == null;
  }

  private UnstableDatasetException changedBetweenPasses(int partition) {
    return new UnstableDatasetException("partition " + partition + " of the Dataset did not give "
        + "the " + (plan.offset(partition + 1) - plan.offset(partition)) + " rows it gave when counted: "
        + "its rows must be the same, in the same order, on every pass (cache() or checkpoint() "
        + "a Dataset computed non-deterministically)");
  }
}
