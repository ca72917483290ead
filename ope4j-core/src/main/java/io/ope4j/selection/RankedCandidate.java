package io.ope4j.selection;

import io.ope4j.engine.Estimate;

/**
 * One candidate policy in a selection.
 *
 * @param rank 1 for the best-ranked candidate
 * @param logIndex the candidate's position among the log's policies, from 0
 * @param estimate its estimate, interval and importance-weight diagnostics
 * @param score the number it was ranked by ({@link Criterion#score})
 * @param selected whether it is among the top k
 */
public record RankedCandidate(int rank, int logIndex, Estimate estimate, double score, boolean selected) {

  /** The candidate's policy name. */
  public String policy() {
    return estimate.policy();
  }
}
