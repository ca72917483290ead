package io.ope4j.sequence;

/**
 * The hedged-capital betting sequence of Waudby-Smith &amp; Ramdas (2024, "Estimating means of bounded
 * random variables by betting", JRSSB, section 4.2, with the predictable plug-in bets of eq. 26 and
 * truncation c = 1/2, theta = 1/2) for the mean of terms in a known range [lo, hi].
 *
 * <p>For every candidate mean m on a grid of the scaled range [0, 1], a gambler bets for and one
 * against m; a candidate leaves the sequence once the hedged capital {@code max(K+ / 2, K- / 2)}
 * reaches {@code 1 / alpha} (Ville's inequality). The set is an interval, so only the candidates
 * between the outermost survivors are updated, and, as a running intersection, a rejected
 * candidate never returns. The ends are reported at the nearest rejected grid points, which errs
 * on the wide side by at most one grid step ({@code (hi - lo) / grid}).
 *
 * <p>Not mergeable: the bets depend on the rows before them and the running intersection on every
 * look. Mutable, for one thread at a time.
 */
public final class HedgedCapitalSequence implements ConfidenceSequence {

  /** Candidates on the scaled range by default: a resolution of 1e-4 of the range. */
  public static final int DEFAULT_GRID = 10_000;
  private static final double TRUNCATION = 0.5;
  private static final double LOG_HALF = Math.log(0.5);

  private final double lo;
  private final double hi;
  private final double logThreshold;
  private final double logTwoOverAlpha;
  private final double[] logCapitalFor;
  private final double[] logCapitalAgainst;
  private int firstAlive;
  private int lastAlive;
  private long count;
  private double sum;
  private double squaredDeviations;

  /** A sequence at error {@code alpha} for terms in [lo, hi], on {@code grid} candidate means. */
  public HedgedCapitalSequence(double lo, double hi, double alpha, int grid) {
    ConfidenceSequences.checkRange(lo, hi);
    ConfidenceSequences.checkAlpha(alpha);
    if (grid < 2) {
      throw new IllegalArgumentException("the grid needs at least 2 candidates, got " + grid);
    }
    this.lo = lo;
    this.hi = hi;
    this.logThreshold = -Math.log(alpha);
    this.logTwoOverAlpha = Math.log(2 / alpha);
    this.logCapitalFor = new double[grid];
    this.logCapitalAgainst = new double[grid];
    this.lastAlive = grid - 1;
  }

  private double candidate(int j) {
    return (j + 0.5) / logCapitalFor.length;
  }

  @Override
  public void add(double term) {
    if (!(term >= lo && term <= hi)) {
      throw new IllegalArgumentException("term " + term + " outside [" + lo + ", " + hi + "]");
    }
    double y = (term - lo) / (hi - lo);
    long t = count + 1;
    double variance = (0.25 + squaredDeviations) / t; // sigma^2_{t-1}, from the rows before this one
    double bet = Math.sqrt(2 * logTwoOverAlpha / (variance * t * Math.log1p(t)));
    for (int j = firstAlive; j <= lastAlive; j++) {
      double m = candidate(j);
      logCapitalFor[j] += Math.log1p(Math.min(bet, TRUNCATION / m) * (y - m));
      logCapitalAgainst[j] += Math.log1p(-Math.min(bet, TRUNCATION / (1 - m)) * (y - m));
    }
    count = t;
    sum += y;
    double runningMean = (0.5 + sum) / (t + 1);
    squaredDeviations += (y - runningMean) * (y - runningMean);
    while (firstAlive <= lastAlive && rejected(firstAlive)) {
      firstAlive++;
    }
    while (lastAlive >= firstAlive && rejected(lastAlive)) {
      lastAlive--;
    }
  }

  private boolean rejected(int j) {
    return Math.max(logCapitalFor[j], logCapitalAgainst[j]) + LOG_HALF >= logThreshold;
  }

  @Override
  public long count() {
    return count;
  }

  /**
   * The interval; before any row the range. Should every candidate be rejected (terms whose mean
   * moved while the sequence ran), the ends cross: lower &gt; upper.
   */
  @Override
  public SequenceInterval interval() {
    double lower = firstAlive == 0 ? 0 : candidate(firstAlive - 1);
    double upper = lastAlive == logCapitalFor.length - 1 ? 1 : candidate(lastAlive + 1);
    double estimate = count == 0 ? Double.NaN : sum / count;
    double width = hi - lo;
    return new SequenceInterval(count, lo + width * estimate, lo + width * lower, lo + width * upper);
  }
}
