package io.ope4j.slate;

import io.ope4j.data.InvalidDataException;
import io.ope4j.internal.concurrent.OrderedChunks;
import io.ope4j.internal.stats.IndexBootstrap;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Evaluates a policy on slates in one pass: batches of {@value #BATCH_SLATES} whole slates are
 * read on the calling thread, folded into {@link SlateState}s on worker threads and merged in
 * batch order, so the result is the same to the bit for any number of threads.
 */
public final class SlateEvaluator {

  /** Slates per batch: the unit whose states are merged in order. */
  public static final int BATCH_SLATES = 1024;

  /** An effective sample size below this share of the slates is warned about. */
  private static final double LOW_ESS_SHARE = 0.01;

  private SlateEvaluator() {}

  /**
   * Evaluates every slate of {@code source} on {@code threads} threads.
   *
   * @throws InvalidDataException if an estimator needs columns the source lacks, on bad input,
   *     or if there is no slate
   */
  public static SlateResult evaluate(SlateSource source, SlateConfig config, int threads)
      throws IOException {
    return finish(fold(source, config, threads), config);
  }

  /** Folds every slate of {@code source} into one state. */
  public static SlateState fold(SlateSource source, SlateConfig config, int threads)
      throws IOException {
    checkColumns(source, config);
    int length = source.slateLength();
    SlateState total = new SlateState(config, length);
    ConcurrentLinkedQueue<SlateBatch> free = new ConcurrentLinkedQueue<>();
    try (OrderedChunks chunks = OrderedChunks.forThreads(threads, "ope4j-slates")) {
      chunks.<SlateBatch, SlateState, IOException>stream(() -> {
        SlateBatch batch = free.poll();
        if (batch == null) {
          batch = new SlateBatch(length, BATCH_SLATES);
        }
        return source.next(batch) > 0 ? batch : null;
      }, batch -> {
        SlateState state = new SlateState(config, length);
        state.add(batch);
        return state;
      }, (batch, state) -> {
        total.merge(state);
        free.add(batch);
      });
    }
    if (total.slates() == 0) {
      throw new InvalidDataException(source.name(), -1, null, "no slates");
    }
    return total;
  }

  /** Refuses, before any row, an estimator that needs columns {@code source} lacks. */
  public static void checkColumns(SlateSource source, SlateConfig config) {
    for (SlateEstimator estimator : config.estimators()) {
      if (!source.supports(estimator)) {
        throw new InvalidDataException(source.name(), -1, null, "estimator " + estimator.id()
            + " needs the columns " + source.needs(estimator) + "; the log lacks them");
      }
    }
  }

  /** The estimates, intervals and diagnostics of a folded state. */
  public static SlateResult finish(SlateState state, SlateConfig config) {
    List<SlateEstimate> estimates = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<SlateEstimator> estimators = config.estimators();
    int length = state.length();
    for (int e = 0; e < estimators.size(); e++) {
      SlateMoments moments = state.moments(e);
      double[] values = new double[length];
      double[] stderrs = new double[length];
      for (int l = 0; l < length; l++) {
        values[l] = moments.positionValue(l);
        stderrs[l] = moments.stderr(l);
      }
      double value = moments.value();
      double stderr = moments.stderr(-1);
      double[] replicates = replicates(state, moments, config);
      Interval interval = replicates == null
          ? Intervals.studentT(value, stderr, moments.count(), config.level())
          : Intervals.bootstrapPercentile(replicates, config.level());
      if (interval.degenerate()) {
        interval = interval.unbounded();
        warnings.add(estimators.get(e).id() + ": every slate gave the same value; its interval is"
            + " unbounded");
      }
      if (Double.isNaN(value)) {
        warnings.add(estimators.get(e).id() + ": the estimate is not a number (a position whose"
            + " weights are all 0)");
      }
      estimates.add(new SlateEstimate(estimators.get(e), value, stderr, interval, values, stderrs,
          replicates == null ? Double.NaN : mean(replicates), moments.count()));
    }
    SlateDiagnostics diagnostics = state.diagnostics();
    for (SlateDiagnostics.WeightSummary summary : diagnostics.weights()) {
      for (int l = 0; l < summary.ess().length; l++) {
        if (summary.ess()[l] < LOW_ESS_SHARE * state.slates()) {
          warnings.add(String.format(Locale.ROOT, "%s weights%s: effective sample size %.1f of %d"
                  + " slates; estimates that use them rest on a few slates", summary.kind(),
              summary.ess().length > 1 ? " at position " + l : "", summary.ess()[l],
              state.slates()));
        }
      }
    }
    return new SlateResult(state.slates(), length, estimates, diagnostics, warnings);
  }

  /** The bootstrap replicate estimates, or null for a t interval. */
  private static double[] replicates(SlateState state, SlateMoments moments, SlateConfig config) {
    if (config.method() != IntervalMethod.BOOTSTRAP) {
      return null;
    }
    if (config.compatibility() == SlateCompatibility.OBP) {
      return IndexBootstrap.resampleMeans(moments.slateTotals(), config.replicates(),
          config.seed());
    }
    return moments.replicateValues(state.totalMultiplicity());
  }

  private static double mean(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
