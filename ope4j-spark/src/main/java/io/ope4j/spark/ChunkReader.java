package io.ope4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Reads the rows of one whole chunk with a local schema reader over a {@link BufferTable} (its
 * checks and messages) and folds them into a fresh state, as the local engine folds each chunk.
 *
 * @param <S> the chunk state
 */
interface ChunkReader<S extends Serializable> extends Serializable {

  /** The chunk's state, or its first bad row (with the row at which it was found). */
  ChunkPiece<S> read(List<RowBuffer> rows);
}
