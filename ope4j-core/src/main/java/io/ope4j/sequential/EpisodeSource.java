package io.ope4j.sequential;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Episodes, one after another, as a reader or a simulator delivers them. */
public interface EpisodeSource extends Closeable {

  /** Opens the same episodes again from the start (a second pass). */
  interface Opener {
    EpisodeSource open() throws IOException;
  }

  /** How messages name the source. */
  String name();

  /** The evaluation policies' names, in the order of {@link EpisodeSteps}'s policy index. */
  List<String> policyNames();

  /** Whether Q-hat and V-hat are given (for dm, dr, sndr). */
  boolean hasModel();

  /** Whether marginal state-action ratios are given (for mis, mdr): only fitted models give them. */
  default boolean hasMarginalRatios() {
    return false;
  }

  /**
   * Fills {@code episode} with the next episode.
   *
   * @return false when there is none left
   */
  boolean next(EpisodeSteps episode) throws IOException;
}
