package io.ope4j.sequential;

import io.ope4j.data.InvalidDataException;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates policies on episodes. Without a self-normalised estimator one streamed pass
 * suffices. With one, a first pass sums the weights per step ({@link StepWeights}) and a second
 * computes every per-trajectory value: the self-normalised estimate itself is a function of
 * per-step sums, but its per-trajectory values (which its t, Hoeffding, Bernstein and
 * SCOPE-RL-style intervals need, through their sum of squares and maximum) depend on the
 * normaliser of the whole log, so they cannot be folded before it is known (docs/sequential.md).
 * {@link #evaluateReadingOnce} opens the source once all the same, replaying a spill of its
 * episodes ({@link EpisodeSpill}) in the second pass.
 */
public final class SequentialEvaluator {

  /** Whole episodes per chunk, the unit whose states are merged in order (for engines that cut alike). */
  public static final int CHUNK_EPISODES = ChunkedEpisodeFold.CHUNK_EPISODES;

  private SequentialEvaluator() {}

  /**
   * Evaluates the episodes {@code opener} gives (opened once, or twice with a self-normalised
   * estimator).
   *
   * @throws InvalidDataException on bad input, or if an estimator needs model columns the source
   *     lacks, or if there is no episode
   */
  public static SequentialResult evaluate(EpisodeSource.Opener opener, SequentialConfig config)
      throws IOException {
    return evaluate(opener, config,
        (source, normalisers, valuesPass) -> fold(source, config, normalisers, valuesPass), null);
  }

  /**
   * Evaluates as {@link #evaluate(EpisodeSource.Opener, SequentialConfig)} on {@code threads}
   * worker threads: chunks of whole episodes, fixed by episode count, are folded in parallel and
   * merged in order, so the result is the same to the bit for any {@code threads}.
   */
  public static SequentialResult evaluate(EpisodeSource.Opener opener, SequentialConfig config,
      int threads) throws IOException {
    return evaluate(opener, config, threaded(config, threads), null);
  }

  /**
   * Evaluates as {@link #evaluate(EpisodeSource.Opener, SequentialConfig, int)} but opens the
   * source once: with a self-normalised estimator, the first pass also copies every episode into
   * a temporary binary file in {@code spillDirectory} (about {@code 8 (3 + 2P)} bytes per step for
   * P policies, deleted at the end) and the second pass replays it instead of reading the source
   * again. The result is the same to the bit; for sources that are costly to read twice, such as
   * a parsed text log.
   */
  public static SequentialResult evaluateReadingOnce(EpisodeSource.Opener opener,
      SequentialConfig config, int threads, java.nio.file.Path spillDirectory)
      throws IOException {
    return evaluate(opener, config, threaded(config, threads), spillDirectory);
  }

  private static Pass threaded(SequentialConfig config, int threads) {
    return (source, normalisers, valuesPass) -> {
      checkModel(source, config);
      SequentialState state =
          new ChunkedEpisodeFold(config, normalisers, valuesPass, threads).fold(source);
      return requireEpisodes(source, state);
    };
  }

  /** One pass over a source's episodes. */
  private interface Pass {
    SequentialState fold(EpisodeSource source, double[][] normalisers, boolean valuesPass)
        throws IOException;
  }

  /** The passes; with a {@code spillDirectory}, the second replays the first's spilled episodes. */
  private static SequentialResult evaluate(EpisodeSource.Opener opener, SequentialConfig config,
      Pass pass, java.nio.file.Path spillDirectory) throws IOException {
    if (!config.anySelfNormalized()) {
      return valuesPass(opener, config, pass, null);
    }
    EpisodeSpill spill = null;
    try {
      SequentialState first;
      try (EpisodeSource source = opener.open()) {
        EpisodeSource read = source;
        if (spillDirectory != null) {
          spill = EpisodeSpill.create(spillDirectory, source);
          read = spill.recording(source);
        }
        first = pass.fold(read, null, false);
      }
      return valuesPass(spill == null ? opener : spill::replay, config, pass, normalisers(first));
    } finally {
      if (spill != null) {
        spill.close();
      }
    }
  }

  private static SequentialResult valuesPass(EpisodeSource.Opener opener, SequentialConfig config,
      Pass pass, double[][] normalisers) throws IOException {
    try (EpisodeSource source = opener.open()) {
      List<String> names = source.policyNames();
      return finish(pass.fold(source, normalisers, true), names, config);
    }
  }

  /** Per policy, the mean weight per step of a first-pass state: the second pass's normalisers. */
  public static double[][] normalisers(SequentialState firstPass) {
    double[][] normalisers = new double[firstPass.policies()][];
    for (int p = 0; p < normalisers.length; p++) {
      normalisers[p] = firstPass.stepWeights(p).meanWeights();
    }
    return normalisers;
  }

  /** Folds every episode of {@code source} into a new state. */
  public static SequentialState fold(EpisodeSource source, SequentialConfig config,
      double[][] normalisers, boolean valuesPass) throws IOException {
    checkModel(source, config);
    int policies = source.policyNames().size();
    SequentialState state = new SequentialState(config, policies, normalisers, valuesPass);
    EpisodeSteps episode = new EpisodeSteps(policies);
    while (source.next(episode)) {
      if (config.horizonCap() > 0) {
        episode.truncate(config.horizonCap());
      }
      state.add(episode);
    }
    return requireEpisodes(source, state);
  }

  /** Refuses, before any row, an estimator that needs columns or ratios {@code source} lacks. */
  public static void checkModel(EpisodeSource source, SequentialConfig config) {
    for (SequentialEstimator estimator : config.estimators()) {
      if (estimator.usesModel() && !source.hasModel()) {
        throw new InvalidDataException(source.name(), -1, null, "estimator " + estimator.id()
            + " needs Q-hat and V-hat (q_* columns with a wide policy, or q and v); the log has"
            + " none");
      }
      if (estimator.usesRatio() && !source.hasMarginalRatios()) {
        throw new InvalidDataException(source.name(), -1, null, "estimator " + estimator.id()
            + " needs marginal state-action ratios, which only a fitted model gives (--q-model)");
      }
    }
  }

  private static SequentialState requireEpisodes(EpisodeSource source, SequentialState state) {
    if (state.stepWeights(0).episodes() == 0) {
      throw new InvalidDataException(source.name(), -1, null, "no episodes");
    }
    return state;
  }

  /** The estimates and diagnostics of a values-pass state. */
  public static SequentialResult finish(SequentialState state, List<String> policyNames,
      SequentialConfig config) {
    List<SequentialEstimate> estimates = new ArrayList<>();
    List<StepDiagnostics> diagnostics = new ArrayList<>();
    List<SequentialEstimator> estimators = config.estimators();
    for (int p = 0; p < policyNames.size(); p++) {
      String policy = policyNames.get(p);
      for (int e = 0; e < estimators.size(); e++) {
        if (estimators.get(e) == SequentialEstimator.MAGIC) {
          MagicSample.Result magic = state.magic(p).finish(config.method(), config.level());
          estimates.add(new SequentialEstimate(policy, SequentialEstimator.MAGIC, magic.value(),
              magic.stderr(), magic.interval(), state.magic(p).count()));
          continue;
        }
        if (estimators.get(e).perStep()) {
          RatioSample ratio = state.averageReward(p, e);
          estimates.add(new SequentialEstimate(policy, estimators.get(e), ratio.value(),
              ratio.stderr(), ratio.interval(config.method(), config.level()), ratio.count()));
          continue;
        }
        TrajectorySample sample = state.sample(p, e);
        long n = sample.count();
        double mean = sample.mean();
        double stderr = n < 2 ? Double.NaN : Math.sqrt(sample.variance(1) / n);
        if (config.method() == IntervalMethod.HCOPE) {
          estimates.add(HighConfidenceIntervals.estimate(policy, estimators.get(e), mean, stderr, n,
              state.bound(p, e), config));
          continue;
        }
        Interval interval = interval(state, sample, mean, stderr, config,
            policy + " " + estimators.get(e).id());
        estimates.add(new SequentialEstimate(policy, estimators.get(e), mean, stderr, interval, n));
      }
      diagnostics.add(StepDiagnostics.of(policy, state.stepWeights(p)));
    }
    return new SequentialResult(state.stepWeights(0).episodes(), estimates, diagnostics);
  }

  private static Interval interval(SequentialState state, TrajectorySample sample, double mean,
      double stderr, SequentialConfig config, String label) {
    IntervalMethod method = config.method();
    double level = config.level();
    if (config.scopeRl()) {
      double[] values = method == IntervalMethod.BOOTSTRAP ? sample.values() : null;
      long n = sample.count();
      return ScopeRlIntervals.of(method, values, n, mean, sample.variance(0), sample.variance(1),
          sample.max(), level, config.replicates(), config.seed());
    }
    Interval interval = switch (method) {
      case T -> Intervals.studentT(mean, stderr, sample.count(), level);
      case BOOTSTRAP -> Intervals.bootstrapPercentile(
          sample.replicateMeans(state.totalMultiplicity()), level);
      case HOEFFDING, BERNSTEIN -> concentration(sample, mean, config, label);
      case CRESSIE_READ, CLOPPER_PEARSON, HCOPE -> throw new IllegalStateException(method.id() + " is refused by SequentialConfig");
    };
    // Every trajectory value equal: no spread seen, none known (SequentialResult warns).
    return interval.degenerate() ? interval.unbounded() : interval;
  }

  /**
   * Hoeffding (1963, Thm 2) or empirical Bernstein (Maurer &amp; Pontil 2009, Thm 4) around the
   * mean of values in a range given by the user or, if none, the observed one (then the bound is
   * not a guarantee; the result says which).
   */
  private static Interval concentration(TrajectorySample sample, double mean,
      SequentialConfig config, String label) {
    double lo = sample.min();
    double hi = sample.max();
    String source = "observed";
    if (!Double.isNaN(config.rangeLower())) {
      if (lo < config.rangeLower() || hi > config.rangeUpper()) {
        throw new io.ope4j.data.UsageException(String.format(
            "%s has per-trajectory values in [%s, %s], outside the given term range [%s, %s] (--term-range)",
            label, lo, hi, config.rangeLower(), config.rangeUpper()));
      }
      lo = config.rangeLower();
      hi = config.rangeUpper();
      source = "given";
    }
    double alpha = 1 - config.level();
    long n = sample.count();
    double half = config.method() == IntervalMethod.HOEFFDING
        ? Intervals.hoeffdingHalfWidth(hi - lo, n, alpha)
        : Intervals.bernsteinHalfWidth(sample.variance(1), hi - lo, n, alpha);
    return new Interval(Math.max(lo, mean - half), Math.min(hi, mean + half), config.level(),
        config.method(), lo, hi, source, 0);
  }
}
