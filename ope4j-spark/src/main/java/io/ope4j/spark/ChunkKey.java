package io.ope4j.spark;

import java.io.Serializable;

/**
 * Shuffle key of a {@link ChunkPiece}: its chunk and its first global row. Chunks are
 * consecutive rows, so the row alone orders the pieces; the chunk places them ({@link
 * ChunkPartitioner}).
 */
record ChunkKey(long chunk, long row) implements Comparable<ChunkKey>, Serializable {

  @Override
  public int compareTo(ChunkKey other) {
    int byChunk = Long.compare(chunk, other.chunk);
    return byChunk != 0 ? byChunk : Long.compare(row, other.row);
  }
}
