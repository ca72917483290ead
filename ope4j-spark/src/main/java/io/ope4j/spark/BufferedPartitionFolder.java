package io.ope4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Folds one partition: its rows are cut into the local engine's chunks ({@link ChunkCut}). A
 * chunk lying wholly in the partition is read and folded here ({@link ChunkReader}); the rows of a
 * chunk shared with other partitions (at most one at each end) travel unread as a {@link
 * RowBuffer}, keyed by chunk and first row, to meet the rest of their chunk in {@link
 * BufferedChunkFolder}. The first bad row ends the partition: the rest comes later in the log.
 */
final class BufferedPartitionFolder<S extends Serializable>
    implements Function2<Integer, Iterator<InternalRow>, Iterator<Tuple2<ChunkKey, ChunkPiece<S>>>> {

  private static final long serialVersionUID = 1L;

  private final ProjectedColumns columns;
  private final ChunkCut cut;
  private final ChunkReader<S> reader;

  BufferedPartitionFolder(ProjectedColumns columns, ChunkCut cut, ChunkReader<S> reader) {
    this.columns = columns;
    this.cut = cut;
    this.reader = reader;
  }

  @Override
  public Iterator<Tuple2<ChunkKey, ChunkPiece<S>>> call(Integer partition, Iterator<InternalRow> rows) {
    List<Tuple2<ChunkKey, ChunkPiece<S>>> pieces = new ArrayList<>();
    long row = cut.offset(partition);
    long end = cut.offset(partition + 1);
    ChunkCut.RowChunks chunks = cut.rowsOf(partition);
    long chunk = -1;
    RowBuffer buffer = null;
    while (row < end) {
      if (!rows.hasNext()) {
        throw changedBetweenPasses(partition);
      }
      InternalRow next = rows.next();
      long chunkOfRow = chunks.chunkOf(next);
      if (chunkOfRow != chunk) {
        if (buffer != null && !emit(partition, chunk, buffer, pieces)) {
          return pieces.iterator();
        }
        chunk = chunkOfRow;
        buffer = new RowBuffer(row, columns.count());
      }
      buffer.append(next, columns);
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
  private boolean emit(int partition, long chunk, RowBuffer buffer, List<Tuple2<ChunkKey, ChunkPiece<S>>> pieces) {
    ChunkKey key = new ChunkKey(chunk, buffer.firstRow());
    if (!cut.chunkWithin(partition, chunk)) {
      pieces.add(new Tuple2<>(key, ChunkPiece.of(buffer)));
      return true;
    }
    ChunkPiece<S> folded = reader.read(List.of(buffer));
    pieces.add(new Tuple2<>(key, folded));
    return folded.failure() == null;
  }

  private UnstableDatasetException changedBetweenPasses(int partition) {
    return new UnstableDatasetException("partition " + partition + " of the Dataset did not give "
        + "the " + (cut.offset(partition + 1) - cut.offset(partition)) + " rows it gave when counted: "
        + "its rows must be the same, in the same order, on every pass (cache() or checkpoint() "
        + "a Dataset computed non-deterministically)");
  }
}
