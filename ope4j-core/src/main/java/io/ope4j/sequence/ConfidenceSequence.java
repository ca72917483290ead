package io.ope4j.sequence;

/**
 * A running confidence interval for the mean of a stream of per-row terms that holds at every row
 * at once: with probability at least {@code 1 - alpha}, the true mean lies in {@link #interval()}
 * after every row, however often it is looked at and whenever the looking stops. A fixed-n interval
 * looked at after every row does not have this property: its error grows with the number of looks.
 *
 * <p>Rows are folded in one at a time, in order; the error level is fixed when the sequence is made
 * (see {@link ConfidenceSequences}). Mutable, for one thread at a time.
 */
public interface ConfidenceSequence {

  /** Folds in the next row's term. @throws IllegalArgumentException if it is outside the declared range */
  void add(double term);

  /** Folds in {@code terms[from, to)} in order. */
  default void add(double[] terms, int from, int to) {
    for (int i = from; i < to; i++) {
      add(terms[i]);
    }
  }

  /** Rows folded in. */
  long count();

  /** The interval after the rows folded in so far ({@code [lo, hi]} of the range before any row). */
  SequenceInterval interval();

  /** Whether {@link #interval()} holds {@code value}; cheaper than it for some methods. */
  default boolean covers(double value) {
    return interval().covers(value);
  }
}
