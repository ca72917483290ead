package io.ope4j.spark;

/**
 * Chunks of {@code chunkRows} consecutive rows, aligned on the global row index: the local
 * engines' cut of row-wise logs (bandit, continuous-action). Global indices come from the
 * partitions' row counts.
 */
final class RowChunkCut implements ChunkCut {

  private static final long serialVersionUID = 1L;

  private final long[] offsets;
  private final long chunkRows;

  private RowChunkCut(long[] offsets, long chunkRows) {
    this.offsets = offsets;
    this.chunkRows = chunkRows;
  }

  /** @param offsets first global row of every partition, then the total */
  static RowChunkCut of(long[] offsets, long chunkRows) {
    return new RowChunkCut(offsets, chunkRows);
  }

  @Override
  public long offset(int p) {
    return offsets[p];
  }

  @Override
  public long chunks() {
    return (offsets[offsets.length - 1] + chunkRows - 1) / chunkRows;
  }

  @Override
  public boolean chunkWithin(int p, long chunk) {
    long first = chunk * chunkRows;
    long end = Math.min(first + chunkRows, offsets[offsets.length - 1]);
    return first >= offsets[p] && end <= offsets[p + 1];
  }

  @Override
  public RowChunks rowsOf(int p) {
    long[] row = {offsets[p]};
    return ignored -> row[0]++ / chunkRows;
  }
}
