package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * One pass over a log read through the local schema readers: partitions fold the chunks lying
 * wholly in them ({@link BufferedPartitionFolder}), the rows of chunks cut by partition edges
 * meet after a shuffle and are folded whole ({@link BufferedChunkFolder}), and the driver merges
 * the chunk states in chunk order, exactly as the local engine merges its chunks, holding one
 * merge partition of states at a time ({@code toLocalIterator}).
 */
final class BufferedFold {

  /** Chunks per partition of the merge stage: bounds what the driver holds at once. */
  private static final long CHUNKS_PER_MERGE_PARTITION = 64;

  private BufferedFold() {}

  /** First global row of every partition, then the total (the first job of a row-wise log). */
  static long[] partitionOffsets(JavaRDD<InternalRow> rows) {
    List<long[]> counts = rows.mapPartitionsWithIndex((partition, iterator) -> {
      long count = 0;
      while (iterator.hasNext()) {
        iterator.next();
        count++;
      }
      return List.of(new long[] {partition, count}).iterator();
    }, true).collect();
    long[] offsets = new long[rows.getNumPartitions() + 1];
    for (long[] count : counts) {
      offsets[(int) count[0] + 1] = count[1];
    }
    for (int p = 1; p < offsets.length; p++) {
      offsets[p] += offsets[p - 1];
    }
    return offsets;
  }

  /**
   * Folds every chunk into {@code total} in chunk order, or throws the log's first bad row:
   * {@code earlier} (a problem found by another job, e.g. a repeated episode, or null) if it
   * comes before the first bad row of the chunks.
   */
  static <S extends Serializable> void fold(JavaRDD<InternalRow> rows, ProjectedColumns columns, ChunkCut cut,
      ChunkReader<S> reader, S total, BiConsumer<S, S> merge, InvalidDataException earlier) {
    long chunks = cut.chunks();
    int mergePartitions = (int) Math.max(1, (chunks + CHUNKS_PER_MERGE_PARTITION - 1) / CHUNKS_PER_MERGE_PARTITION);
    JavaPairRDD<ChunkKey, ChunkPiece<S>> pieces = JavaPairRDD.fromJavaRDD(
        rows.mapPartitionsWithIndex(new BufferedPartitionFolder<>(columns, cut, reader), true));
    JavaRDD<ChunkPiece<S>> chunkStates = pieces
        .repartitionAndSortWithinPartitions(new ChunkPartitioner(chunks, mergePartitions))
        .mapPartitions(new BufferedChunkFolder<>(reader));
    Iterator<ChunkPiece<S>> inChunkOrder = chunkStates.toLocalIterator();
    while (inChunkOrder.hasNext()) {
      ChunkPiece<S> piece = inChunkOrder.next();
      if (piece.failure() != null) {
        throw earlier != null && earlier.row() < piece.failedAt() ? earlier : piece.failure();
      }
      merge.accept(total, piece.state());
    }
    if (earlier != null) {
      throw earlier;
    }
  }
}
