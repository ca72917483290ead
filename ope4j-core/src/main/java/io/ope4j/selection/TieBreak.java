package io.ope4j.selection;

/**
 * How candidates with equal values are ordered when they are ranked. Estimates of continuous
 * quantities rarely tie; a degenerate estimator (for example the direct method with a constant
 * reward model) ties every candidate, and then the rule decides its top k.
 */
public enum TieBreak {
  /** Among equal values the candidate listed first ranks higher (a stable descending sort). */
  FIRST_LISTED,
  /**
   * Among equal values the candidate listed last ranks higher: numpy's {@code
   * argsort(values)[::-1]}, which is how SCOPE-RL ranks, and how the figures of its SharpeRatio@k
   * documentation were drawn (toy example 1, estimator Y: std@2 = 5.66 puts the later-listed of
   * the two candidates estimated at 11 second).
   */
  LAST_LISTED
}
