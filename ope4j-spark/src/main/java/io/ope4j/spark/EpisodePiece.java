package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.sequential.SequentialState;
import java.io.Serializable;

/**
 * What a partition contributes to one chunk of episodes: the folded state of a whole chunk, the
 * rows of a part of a chunk shared with other partitions, or the first bad row met in a chunk
 * (an error travels as data, in row order, so the driver reports the log's first bad row as the
 * local reader does).
 *
 * @param state the state of a whole chunk, or null
 * @param rows part of a chunk's rows, not yet validated, or null
 * @param failure the chunk's first bad row, or null
 * @param failedAt the 1-based row at which the failure was found (the reader's current row)
 */
record EpisodePiece(SequentialState state, RowBuffer rows, InvalidDataException failure, long failedAt)
    implements Serializable {

  static EpisodePiece of(SequentialState wholeChunk) {
    return new EpisodePiece(wholeChunk, null, null, -1);
  }

  static EpisodePiece of(RowBuffer partOfChunk) {
    return new EpisodePiece(null, partOfChunk, null, -1);
  }

  static EpisodePiece failed(InvalidDataException badRow, long foundAt) {
    return new EpisodePiece(null, null, badRow, foundAt);
  }
}
