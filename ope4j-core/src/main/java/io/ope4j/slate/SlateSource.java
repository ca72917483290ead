package io.ope4j.slate;

import java.io.Closeable;
import java.io.IOException;

/** Slates, batch after batch, as a reader or a simulator delivers them. */
public interface SlateSource extends Closeable {

  /** Opens the same slates again from the start. */
  interface Opener {
    SlateSource open() throws IOException;
  }

  /** How messages name the source. */
  String name();

  /** Positions per slate (L), the same for every slate. */
  int slateLength() throws IOException;

  /** Whether the source holds the columns {@code estimator} reads. */
  boolean supports(SlateEstimator estimator);

  /** The columns {@code estimator} reads, for a message when the source lacks them. */
  default String needs(SlateEstimator estimator) {
    return estimator.columns();
  }

  /**
   * Clears {@code batch} and fills it with the next slates, up to its capacity.
   *
   * @return the number of slates read; 0 at the end
   */
  int next(SlateBatch batch) throws IOException;
}
