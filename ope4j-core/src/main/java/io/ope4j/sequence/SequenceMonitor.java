package io.ope4j.sequence;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimator;
import io.ope4j.internal.stats.CompensatedSum;
import io.ope4j.interval.TermRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Confidence sequences for every (policy, estimator) of a bandit log, updated row by row, with a
 * verdict against a threshold: {@code above} once the sequence's lower end passes it, {@code below}
 * once its upper end falls under it. A verdict, once reached, stands (the sequence holds at every
 * row, so stopping at the first crossing keeps the error at most alpha per track). Rows are folded
 * one at a time, so the result never depends on how the rows arrived in batches.
 *
 * <p>Estimators: {@code ipw} and {@code snipw} (both estimate the policy's value: with {@link
 * ConfidenceSequences.Method#BETTING} they share the off-policy sequence of the weights and
 * rewards), and {@code dr} (its per-row pseudo-outcomes, asymptotic or with a term range).
 */
public final class SequenceMonitor {

  /** Where a track stands against the threshold. */
  public enum Verdict {
    /** The lower end passed the threshold. */
    ABOVE,
    /** The upper end fell under the threshold. */
    BELOW,
    /** Not settled (or no threshold). */
    OPEN;

    /** The lower-case name used in output. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What to watch.
   *
   * @param method how the sequences are built
   * @param level coverage of each track's sequence, in (0, 1)
   * @param rewardRange the range of every reward (betting on ipw and snipw)
   * @param termRange the range of every per-row term (hedged; betting on dr), or null
   * @param targetRows the number of rows the asymptotic sequence is tuned for
   * @param threshold the value to decide against, or NaN for none
   */
  public record Settings(ConfidenceSequences.Method method, double level, TermRange rewardRange, TermRange termRange,
      double targetRows, double threshold) {}

  /** One track's state after some rows. */
  public record Status(String policy, String estimator, SequenceInterval interval, Verdict verdict, long decidedAt) {}

  private final List<Track> tracks = new ArrayList<>();
  private final Settings settings;
  private final double[] y = new double[1];
  private final double[] x = new double[1];
  private final double[] d = new double[1];
  private long rows;

  /**
   * @throws UsageException for an estimator other than ipw, snipw and dr (unclipped), a method
   *     that needs a range not given, or hedged capital on snipw
   */
  public SequenceMonitor(LogLayout layout, List<Estimator> estimators, Settings settings) {
    this.settings = settings;
    if (!layout.hasPscore()) {
      throw new UsageException("monitor needs the logged propensities (the pscore column)");
    }
    for (int p = 0; p < layout.policyCount(); p++) {
      for (Estimator estimator : estimators) {
        tracks.add(new Track(layout.policies().get(p), p, estimator, sequenceFor(estimator, layout)));
      }
    }
  }

  private RowSequence sequenceFor(Estimator estimator, LogLayout layout) {
    String spec = estimator.spec();
    double alpha = 1 - settings.level();
    ConfidenceSequences.Method method = settings.method();
    if (!List.of("ipw", "snipw", "dr").contains(spec)) {
      throw new UsageException("monitor follows ipw, snipw and dr, not " + spec);
    }
    if (spec.equals("dr") && !layout.hasModel()) {
      throw new UsageException("dr needs reward-model columns (q_*), which the log does not have");
    }
    if (method == ConfidenceSequences.Method.ASYMPTOTIC) {
      AsymptoticSequence sequence = new AsymptoticSequence(alpha, settings.targetRows());
      return new RowSequence() {
        public void add(double w, double r, double term, double normaliser) {
          sequence.add(term, normaliser);
        }

        public ConfidenceSequence sequence() {
          return sequence;
        }
      };
    }
    if (method == ConfidenceSequences.Method.BETTING && !spec.equals("dr")) {
      TermRange range = settings.rewardRange();
      OffPolicyBettingSequence sequence = new OffPolicyBettingSequence(range.lower(), range.upper());
      ConfidenceSequence view = new ConfidenceSequence() {
        public void add(double term) {
          throw new UnsupportedOperationException("rows come as (weight, reward)");
        }

        public long count() {
          return sequence.count();
        }

        public SequenceInterval interval() {
          return sequence.interval(alpha);
        }

        public boolean covers(double value) {
          return sequence.covers(value, alpha);
        }
      };
      return new RowSequence() {
        public void add(double w, double r, double term, double normaliser) {
          sequence.add(w, r);
        }

        public ConfidenceSequence sequence() {
          return view;
        }
      };
    }
    if (spec.equals("snipw")) {
      throw new UsageException("--sequence hedged bets on a plain mean of bounded terms: it follows ipw and dr,"
          + " not snipw (use betting or asymptotic)");
    }
    TermRange range = settings.termRange();
    if (range == null) {
      throw new UsageException("--sequence " + method.id() + " on " + spec + " needs --term-range LO,HI, a range"
          + " known to hold every per-row term (for ipw: [0, max weight * max reward] with rewards >= 0)");
    }
    ConfidenceSequence sequence = ConfidenceSequences.create(method, range.lower(), range.upper(), alpha, 0);
    return new RowSequence() {
      public void add(double w, double r, double term, double normaliser) {
        sequence.add(term);
      }

      public ConfidenceSequence sequence() {
        return sequence;
      }
    };
  }

  /** What a track feeds its sequence from one row. */
  private interface RowSequence {
    void add(double weight, double reward, double term, double normaliser);

    ConfidenceSequence sequence();
  }

  private static final class Track {
    final String policy;
    final int index;
    final Estimator estimator;
    final RowSequence sequence;
    final CompensatedSum terms = new CompensatedSum();
    final CompensatedSum normalisers = new CompensatedSum();
    Verdict verdict = Verdict.OPEN;
    long decidedAt;

    Track(String policy, int index, Estimator estimator, RowSequence sequence) {
      this.policy = policy;
      this.index = index;
      this.estimator = estimator;
      this.sequence = sequence;
    }
  }

  /**
   * Folds in row {@code i} of {@code batch} (already validated by the reader).
   *
   * @throws IllegalArgumentException when a reward or term is outside its declared range (the
   *     caller names the row)
   */
  public void add(BanditBatch batch, int i) {
    rows++;
    double reward = batch.reward()[i];
    for (Track track : tracks) {
      double weight = batch.piLogged(track.index)[i] / batch.pscore()[i];
      track.estimator.terms(batch, track.index, i, i + 1, y, x, d);
      double normaliser = track.estimator.selfNormalized() ? d[0] : 1.0;
      track.terms.add(x[0]);
      track.normalisers.add(normaliser);
      track.sequence.add(weight, reward, x[0], normaliser);
      if (track.verdict == Verdict.OPEN && !Double.isNaN(settings.threshold())
          && !track.sequence.sequence().covers(settings.threshold())) {
        SequenceInterval interval = track.sequence.sequence().interval();
        if (interval.lower() > settings.threshold()) {
          track.verdict = Verdict.ABOVE;
        } else if (interval.upper() < settings.threshold()) {
          track.verdict = Verdict.BELOW;
        }
        track.decidedAt = track.verdict == Verdict.OPEN ? 0 : rows; // NaN ends decide nothing
      }
    }
  }

  /** Rows folded in. */
  public long rows() {
    return rows;
  }

  /** Whether a threshold was given and every track has a verdict. */
  public boolean settled() {
    if (Double.isNaN(settings.threshold())) {
      return false;
    }
    for (Track track : tracks) {
      if (track.verdict == Verdict.OPEN) {
        return false;
      }
    }
    return true;
  }

  /** Every track's estimate (the estimator's own), interval and verdict now. */
  public List<Status> status() {
    List<Status> statuses = new ArrayList<>();
    for (Track track : tracks) {
      SequenceInterval interval = track.sequence.sequence().interval();
      double estimate = track.terms.value() / track.normalisers.value();
      statuses.add(new Status(track.policy, track.estimator.spec(),
          new SequenceInterval(rows, estimate, interval.lower(), interval.upper()), track.verdict, track.decidedAt));
    }
    return statuses;
  }
}
