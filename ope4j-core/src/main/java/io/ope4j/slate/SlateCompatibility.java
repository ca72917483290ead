package io.ope4j.slate;

/** Whose intervals a slate evaluation computes (docs/slates.md, "Open Bandit Pipeline"). */
public enum SlateCompatibility {
  /**
   * ope4j's: the bootstrap draws Poisson multiplicities keyed by (seed, slate id) and renormalises
   * a self-normalised estimator within every replicate.
   */
  NONE,
  /**
   * Open Bandit Pipeline 0.5.5's: the bootstrap redraws N slate indices per replicate from
   * numpy's legacy MT19937 stream and keeps a self-normalised estimator's normalisers at the
   * whole log's mean weights.
   */
  OBP
}
