package io.ope4j.spark;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Where the local engine cuts a log into the chunks whose states it merges in order, told for
 * the rows of each partition: by global row index (row-wise logs, {@link RowChunkCut}) or by
 * global episode index (trajectories, {@link GroupPlan}). Chunks are consecutive rows.
 */
interface ChunkCut extends Serializable {

  /** First global row of partition {@code p}; {@code offset(partitions)} is the row count. */
  long offset(int p);

  /** Number of chunks of the log. */
  long chunks();

  /** Whether chunk {@code chunk} lies wholly in partition {@code p}. */
  boolean chunkWithin(int p, long chunk);

  /** Tells the chunk of each row of partition {@code p}, read in order. */
  RowChunks rowsOf(int p);

  /** The chunk of each row of one partition, row after row. */
  interface RowChunks {
    long chunkOf(InternalRow row);
  }
}
