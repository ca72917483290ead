package io.ope4j.models.sequential;

import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.EpisodeSteps;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.StepDiagnostics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates policies on a held {@link TransitionLog} with a fitted Q (and marginal ratios):
 * episodes are split into folds ({@link CrossFitting#fold} of the episode's index in the log),
 * each fold's Q is fitted on the other folds' episodes, and the episodes then stream through the
 * sequential estimators with {@code Q-hat}, {@code V-hat = sum_a pi(a|s) Q-hat(s, a)} and the ratios
 * in place of {@code q_*} columns (Chernozhukov et al. 2018 cross-fitting, by episode as Kallus
 * &amp; Uehara 2020 do). One policy at a time: its Q over all steps ({@code steps x K} doubles) is
 * the only thing held beside the log.
 */
public final class FittedTrajectories {

  /** The result and what the fit says about itself. */
  public record Outcome(SequentialResult result, String description, List<String> warnings) {}

  private FittedTrajectories() {}

  public static Outcome evaluate(TransitionLog log, QFitter fitter, CrossFitting crossFitting,
      SequentialConfig config, int threads) throws IOException {
    if (config.horizonCap() > 0) {
      throw new IllegalArgumentException("a fitted Q models whole episodes; it cannot be used with"
          + " a horizon cap");
    }
    for (SequentialEstimator estimator : config.estimators()) {
      if (estimator.usesRatio() && !fitter.givesRatios()) {
        throw new IllegalArgumentException(fitter.describe() + " gives no marginal ratios; "
            + estimator.id() + " needs fqe-tabular or fqe-linear");
      }
    }
    boolean differential = config.estimators().contains(SequentialEstimator.MDR_AVG);
    if (differential && !fitter.givesDifferential()) {
      throw new IllegalArgumentException(fitter.describe() + " gives no differential Q;"
          + " mdr-avg needs fqe-tabular");
    }
    int[] fold = new int[log.episodes];
    long key = crossFitting.key();
    for (int e = 0; e < log.episodes; e++) {
      fold[e] = crossFitting.fold(key, e);
    }
    List<SequentialEstimate> estimates = new ArrayList<>();
    List<StepDiagnostics> diagnostics = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int p = 0; p < log.policyNames.size(); p++) {
      double[] q = new double[log.steps * log.actions];
      double[] ratio = new double[log.steps];
      Arrays.fill(ratio, Double.NaN);
      double[] h = differential ? new double[log.steps * log.actions] : null;
      int unseen = 0;
      for (int f = 0; f < crossFitting.folds(); f++) {
        boolean[] train = new boolean[log.episodes];
        boolean[] predict = new boolean[log.episodes];
        int training = 0;
        for (int e = 0; e < log.episodes; e++) {
          train[e] = crossFitting.isInSample() || fold[e] != f;
          predict[e] = fold[e] == f;
          training += train[e] ? 1 : 0;
        }
        if (training == 0) {
          throw new IllegalArgumentException(log.name + ": " + log.episodes + " episodes are too"
              + " few for " + crossFitting.folds() + " folds (one has no training episode)");
        }
        unseen += fitter.fit(log, p, config.gamma(), train, predict, q, ratio);
        if (h != null) {
          fitter.fitDifferential(log, p, train, predict, h);
        }
      }
      if (unseen > 0) {
        warnings.add("policy " + log.policyNames.get(p) + ": " + unseen + " steps are at state-action"
            + " pairs their fold's training episodes never visited; their Q and ratio are 0");
      }
      int policy = p;
      SequentialResult result = SequentialEvaluator.evaluate(
          () -> new Source(log, policy, q, ratio, h, fitter.givesRatios()), config, threads);
      estimates.addAll(result.estimates());
      diagnostics.addAll(result.diagnostics());
    }
    String description = fitter.describe() + ", " + crossFitting.describe();
    return new Outcome(new SequentialResult(log.episodes, estimates, diagnostics), description,
        warnings);
  }

  /** One policy's episodes from the held log with its fitted Q and ratios. */
  private static final class Source implements EpisodeSource {
    private final TransitionLog log;
    private final int policy;
    private final double[] q;
    private final double[] ratio;
    /** The differential Q of mdr-avg, or null. */
    private final double[] h;
    private final boolean ratios;
    private int nextEpisode;

    Source(TransitionLog log, int policy, double[] q, double[] ratio, double[] h, boolean ratios) {
      this.log = log;
      this.policy = policy;
      this.q = q;
      this.ratio = ratio;
      this.h = h;
      this.ratios = ratios;
    }

    @Override
    public String name() {
      return log.name;
    }

    @Override
    public List<String> policyNames() {
      return List.of(log.policyNames.get(policy));
    }

    @Override
    public boolean hasModel() {
      return true;
    }

    @Override
    public boolean hasMarginalRatios() {
      return ratios;
    }

    @Override
    public boolean next(EpisodeSteps episode) {
      if (nextEpisode == log.episodes) {
        return false;
      }
      int e = nextEpisode++;
      episode.start(log.episodeIds[e]);
      int k = log.actions;
      double[] pi = log.pi[policy];
      for (int i = log.start[e]; i < log.start[e + 1]; i++) {
        int t = episode.append();
        int a = log.action[i];
        episode.set(t, log.reward[i], log.pscore[i], q[i * k + a]);
        episode.setPolicy(0, t, pi[i * k + a], log.expected(policy, i, q));
        episode.setMarginalRatio(0, t, ratio[i]);
        if (h != null) {
          episode.setDifferential(0, t, h[i * k + a], log.expected(policy, i, h));
        }
      }
      return true;
    }

    @Override
    public void close() {}
  }
}
