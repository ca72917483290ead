package io.ope4j.sequential;

import io.ope4j.internal.stats.CompensatedSum;
import io.ope4j.internal.stats.CounterRng;

/**
 * The one-pass, mergeable state of the high-confidence lower bound of Thomas, Theocharous &amp;
 * Ghavamzadeh (2015, AAAI, "High-Confidence Off-Policy Evaluation", Theorem 1) on the mean of
 * non-negative importance-weighted values {@code X_i}, truncated at a threshold c chosen on a
 * held-out split of the episodes (the paper's §4 procedure).
 *
 * <p>Each episode goes to the <em>selection</em> split when a counter-based hash of (seed,
 * episode id) falls below {@link #SELECTION_SHARE}, else to the <em>bound</em> split, so the split
 * depends on neither the order of the episodes nor the number of threads. For every candidate
 * threshold {@code c_k = 2^(k/4)} on a fixed grid ({@link #candidates}) both splits keep the count
 * and the sums of {@code Z = min(X, c_k) / c_k} and {@code Z^2}: memory O(candidates), one pass,
 * merged by adding. At the end c is the candidate whose bound, predicted from the selection split
 * (its mean and sample variance of Z, with the bound split's size n), is highest; Theorem 1 is then
 * applied on the bound split with every {@code c_i = c}:
 *
 * <pre>
 *   E[X] >= c (mean Z - 7 ln(2/delta) / (3 (n - 1)) - sqrt(2 ln(2/delta) var Z / n))
 * </pre>
 *
 * which is the theorem's {@code (sum 1/c_i)^-1 (sum Y_i/c_i - 7 n ln(2/delta)/(3(n-1)) - sqrt(
 * ln(2/delta)/(n-1) sum_{i,j} (Y_i/c_i - Y_j/c_j)^2))} with equal c_i ({@code sum_{i,j}(Z_i -
 * Z_j)^2 = 2 n (n - 1) var Z}). As {@code X >= 0}, the bound is cut below at 0. Mutable, one thread.
 */
final class HighConfidenceBound implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  /** The share of episodes sent to the selection split (1 in 20; the paper leaves it open). */
  static final double SELECTION_SHARE = 0.05;

  /** Candidate thresholds {@code 2^(k/4)}, k from {@link #LOWEST_EXPONENT}, 241 of them: 2^-20 .. 2^40. */
  private static final int LOWEST_EXPONENT = -80;
  private static final int CANDIDATES = 241;

  /** Stream of {@link CounterRng} reserved for the split (distinct from the bootstrap's). */
  private static final long SPLIT_STREAM = 0x48434f5045L; // "HCOPE"

  private final long splitKey;
  /**
   * [split][candidate]: sums of Z and Z^2; split 0 selects, split 1 bounds. Episodes are added
   * plainly (a chunk of ~1K episodes per state); merged states go to compensated totals, as
   * docs/design.md asks of sums over very many rows.
   */
  private final double[][] sums = new double[2][CANDIDATES];
  private final double[][] squares = new double[2][CANDIDATES];
  private final CompensatedSum[][] mergedSums = compensated();
  private final CompensatedSum[][] mergedSquares = compensated();
  private final long[] counts = new long[2];

  /** @param seed the seed of the split (the run's {@code --seed}) */
  HighConfidenceBound(long seed) {
    this.splitKey = CounterRng.key(seed, SPLIT_STREAM);
  }

  private static final double[] THRESHOLDS = new double[CANDIDATES];

  static {
    for (int k = 0; k < CANDIDATES; k++) {
      THRESHOLDS[k] = Math.pow(2.0, (k + LOWEST_EXPONENT) / 4.0);
    }
  }

  /** The candidate threshold {@code k}: {@code 2^((k + LOWEST_EXPONENT) / 4)}. */
  static double candidate(int k) {
    return THRESHOLDS[k];
  }

  /** Whether episode {@code id} falls in the selection split under {@code seed}. */
  static boolean selects(long seed, long id) {
    return inSelection(CounterRng.key(seed, SPLIT_STREAM), id);
  }

  private static boolean inSelection(long splitKey, long id) {
    return CounterRng.uniform(splitKey, id) < SELECTION_SHARE;
  }

  /** Folds in one episode's value {@code x >= 0}. */
  void add(long episodeId, double x) {
    int split = inSelection(splitKey, episodeId) ? 0 : 1;
    counts[split]++;
    double[] sum = sums[split];
    double[] square = squares[split];
    for (int k = 0; k < CANDIDATES; k++) {
      double c = THRESHOLDS[k];
      double z = x >= c ? 1.0 : x / c;
      sum[k] += z;
      square[k] += z * z;
    }
  }

  /** Adds {@code other}'s episodes. */
  void merge(HighConfidenceBound other) {
    for (int split = 0; split < 2; split++) {
      counts[split] += other.counts[split];
      for (int k = 0; k < CANDIDATES; k++) {
        mergedSums[split][k].add(other.mergedSums[split][k]);
        mergedSums[split][k].add(other.sums[split][k]);
        mergedSquares[split][k].add(other.mergedSquares[split][k]);
        mergedSquares[split][k].add(other.squares[split][k]);
      }
    }
  }

  private static CompensatedSum[][] compensated() {
    CompensatedSum[][] totals = new CompensatedSum[2][CANDIDATES];
    for (CompensatedSum[] split : totals) {
      for (int k = 0; k < CANDIDATES; k++) {
        split[k] = new CompensatedSum();
      }
    }
    return totals;
  }

  /** The sum over every episode of this state and those merged into it. */
  private static double total(CompensatedSum merged, double plain) {
    return merged.value() + plain;
  }

  /**
   * The result at confidence {@code 1 - delta}: NaN bound and threshold when either split has
   * fewer than 2 episodes (no variance to go by).
   */
  Result finish(double delta) {
    long selection = counts[0];
    long bound = counts[1];
    if (selection < 2 || bound < 2) {
      return new Result(Double.NaN, Double.NaN, selection, bound);
    }
    double log = Math.log(2 / delta);
    int best = 0;
    double bestPredicted = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < CANDIDATES; k++) {
      double predicted = candidate(k) * theorem1(total(mergedSums[0][k], sums[0][k]),
          total(mergedSquares[0][k], squares[0][k]), selection, bound, log);
      if (predicted > bestPredicted) {
        bestPredicted = predicted;
        best = k;
      }
    }
    double c = candidate(best);
    double lower = c * theorem1(total(mergedSums[1][best], sums[1][best]),
        total(mergedSquares[1][best], squares[1][best]), bound, bound, log);
    return new Result(Math.max(0.0, lower), c, selection, bound);
  }

  /**
   * Theorem 1 in units of c: {@code mean Z - 7 ln(2/delta) / (3 (n - 1)) - sqrt(2 ln(2/delta)
   * var Z / n)} with mean and sample variance of Z from {@code m} values and the bound's size n.
   */
  static double theorem1(double sum, double squares, long m, long n, double log) {
    double mean = sum / m;
    double variance = Math.max(0.0, squares - sum * mean) / (m - 1);
    return mean - 7 * log / (3.0 * (n - 1)) - Math.sqrt(2 * log * variance / n);
  }

  /**
   * @param lower the lower bound on {@code E[X]} (at least 0), NaN when a split has fewer than 2
   *     episodes
   * @param threshold the chosen c, NaN likewise
   * @param selectionEpisodes episodes in the selection split
   * @param boundEpisodes episodes in the bound split
   */
  record Result(double lower, double threshold, long selectionEpisodes, long boundEpisodes) {}
}
