package io.ope4j.spark;

import org.apache.spark.Partitioner;

/**
 * Sends the pieces of consecutive chunks to the same partition, in chunk order: partition
 * {@code i} holds chunks {@code [i C / P, (i + 1) C / P)}. Keys are first global rows of the
 * bandit engine's chunks ({@link Chunks}), or {@link ChunkKey}s, which name their chunk.
 */
final class ChunkPartitioner extends Partitioner {

  private static final long serialVersionUID = 1L;

  private final long chunks;
  private final int partitions;

  ChunkPartitioner(long chunks, int partitions) {
    this.chunks = chunks;
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long chunk = key instanceof ChunkKey named ? named.chunk() : Chunks.chunkOf((Long) key);
    return (int) (chunk * partitions / chunks);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkPartitioner that
        && that.chunks == chunks && that.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(chunks) * 31 + partitions;
  }
}
