package io.ope4j.spark;

import org.apache.spark.Partitioner;

/**
 * Sends the pieces of consecutive chunks to the same partition, in chunk order: partition
 * {@code i} holds chunks {@code [i C / P, (i + 1) C / P)} of a {@link ChunkKey}.
 */
final class ChunkKeyPartitioner extends Partitioner {

  private static final long serialVersionUID = 1L;

  private final long chunks;
  private final int partitions;

  ChunkKeyPartitioner(long chunks, int partitions) {
    this.chunks = chunks;
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (int) (((ChunkKey) key).chunk() * partitions / chunks);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkKeyPartitioner that
        && that.chunks == chunks && that.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(chunks) * 31 + partitions;
  }
}
