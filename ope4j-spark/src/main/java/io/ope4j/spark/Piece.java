package io.ope4j.spark;

import io.ope4j.engine.EvaluationState;
import java.io.Serializable;

/**
 * What a partition contributes to one chunk: the folded state of a whole chunk, or the rows of
 * a part of a chunk shared with other partitions. Keyed by its first global row in the shuffle.
 */
final class Piece implements Serializable {

  private static final long serialVersionUID = 1L;

  private final EvaluationState state;
  private final RowFragment fragment;

  private Piece(EvaluationState state, RowFragment fragment) {
    this.state = state;
    this.fragment = fragment;
  }

  static Piece of(EvaluationState wholeChunk) {
    return new Piece(wholeChunk, null);
  }

  static Piece of(RowFragment partOfChunk) {
    return new Piece(null, partOfChunk);
  }

  /** The state of a whole chunk, or null for a fragment. */
  EvaluationState state() {
    return state;
  }

  /** The rows of part of a chunk, or null for a whole chunk's state. */
  RowFragment fragment() {
    return fragment;
  }
}
