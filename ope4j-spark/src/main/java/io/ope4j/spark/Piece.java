package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationState;
import java.io.Serializable;

/**
 * What a partition contributes to one chunk: the folded state of a whole chunk, the rows of a
 * part of a chunk shared with other partitions, or the first bad row the partition met (an
 * error travels as data, in row order, so the driver reports the log's first bad row, as the
 * local engine does, whatever task fails first). Keyed by its first global row in the shuffle.
 */
final class Piece implements Serializable {

  private static final long serialVersionUID = 1L;

  private final EvaluationState state;
  private final RowFragment fragment;
  private final InvalidDataException failure;

  private Piece(EvaluationState state, RowFragment fragment, InvalidDataException failure) {
    this.state = state;
    this.fragment = fragment;
    this.failure = failure;
  }

  static Piece of(EvaluationState wholeChunk) {
    return new Piece(wholeChunk, null, null);
  }

  static Piece of(RowFragment partOfChunk) {
    return new Piece(null, partOfChunk, null);
  }

  static Piece of(InvalidDataException badRow) {
    return new Piece(null, null, badRow);
  }

  /** The first bad row of a partition, or null. */
  InvalidDataException failure() {
    return failure;
  }

  /** The state of a whole chunk, or null. */
  EvaluationState state() {
    return state;
  }

  /** The rows of part of a chunk, or null. */
  RowFragment fragment() {
    return fragment;
  }
}
