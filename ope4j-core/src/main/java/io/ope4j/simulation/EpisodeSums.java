package io.ope4j.simulation;

import io.ope4j.internal.stats.CompensatedSum;

/**
 * Mergeable sums of simulated episodes: count and steps, the sums of the returns and of their
 * squares, the same of the importance-weighted returns, and (for PROPS) the visits of every
 * (state, action). Chunks sum plainly; merged chunks add compensated.
 */
final class EpisodeSums {

  long episodes;
  long steps;
  final CompensatedSum returns = new CompensatedSum();
  final CompensatedSum squaredReturns = new CompensatedSum();
  final CompensatedSum weighted = new CompensatedSum();
  final CompensatedSum squaredWeighted = new CompensatedSum();
  /** Visits of (s, a) at {@code s * actions + a}; null when not tracked. */
  final long[] visits;

  EpisodeSums(int cells) {
    visits = cells > 0 ? new long[cells] : null;
  }

  void merge(EpisodeSums other) {
    episodes += other.episodes;
    steps += other.steps;
    returns.add(other.returns);
    squaredReturns.add(other.squaredReturns);
    weighted.add(other.weighted);
    squaredWeighted.add(other.squaredWeighted);
    if (visits != null) {
      for (int i = 0; i < visits.length; i++) {
        visits[i] += other.visits[i];
      }
    }
  }

  double mean(CompensatedSum sum) {
    return sum.value() / episodes;
  }

  /** Standard error of a mean from its sums (sample variance, divisor n - 1). */
  double stderr(CompensatedSum sum, CompensatedSum squares) {
    double n = episodes;
    double variance = (squares.value() - sum.value() * sum.value() / n) / (n - 1);
    return Math.sqrt(Math.max(variance, 0.0) / n);
  }
}
