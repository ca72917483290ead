package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import java.io.Serializable;

/**
 * What a partition contributes to one chunk of a log read through {@link BufferTable}s: the
 * folded state of a whole chunk, the rows of a part of a chunk shared with other partitions, or
 * the first bad row met in a chunk (an error travels as data, in row order, so the driver reports
 * the log's first bad row as the local reader does).
 *
 * @param <S> the state of a chunk, e.g. a {@code SequentialState}
 * @param state the state of a whole chunk, or null
 * @param rows part of a chunk's rows, not yet validated, or null
 * @param failure the chunk's first bad row, or null
 * @param failedAt the 1-based row at which the failure was found (the reader's current row)
 */
record ChunkPiece<S extends Serializable>(S state, RowBuffer rows, InvalidDataException failure, long failedAt)
    implements Serializable {

  static <S extends Serializable> ChunkPiece<S> of(S wholeChunk) {
    return new ChunkPiece<>(wholeChunk, null, null, -1);
  }

  static <S extends Serializable> ChunkPiece<S> of(RowBuffer partOfChunk) {
    return new ChunkPiece<>(null, partOfChunk, null, -1);
  }

  static <S extends Serializable> ChunkPiece<S> failed(InvalidDataException badRow, long foundAt) {
    return new ChunkPiece<>(null, null, badRow, foundAt);
  }
}
