package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;

/**
 * IPW and DR over a log pooled from several loggers (formats.md, "Several loggers"), in two
 * forms (Agarwal, Basu, Schnabel &amp; Joachims 2017, "Effective Evaluation Using Logged Bandit
 * Feedback from Multiple Loggers"; Kallus, Saito &amp; Uehara 2021, "Optimal Off-Policy Evaluation
 * from Multiple Logging Policies"; OBP 0.5.5 obp/ope/estimators_multi.py):
 *
 * <ul>
 *   <li>{@code balanced}: the weight is {@code pi / pi_avg}, with {@code pi_avg(a|x) = sum_k rho_k
 *       pi_k(a|x)} the mixture of the loggers, read from the {@code pscore_avg} column;
 *   <li>{@code weighted}: the naive weight {@code pi / pscore} (the row's own logger), with each
 *       logger's rows weighted by its precision: the engine combines the per-logger sums
 *       ({@link #stratified()}).
 * </ul>
 *
 * The naive forms are {@code ipw} and {@code dr} themselves. Weights are capped at {@code clip}
 * first, as OBP's {@code lambda_}.
 *
 * @param doublyRobust DR ({@code q(pi) + w (r - q(a_i))}) rather than IPW ({@code w r})
 * @param weighted the precision-weighted form rather than the balanced one
 * @param clip the weight cap, {@code inf} for none
 */
record MultiLogger(boolean doublyRobust, boolean weighted, double clip) implements ClippableEstimator {

  @Override
  public MultiLogger clipped(double newClip) {
    return new MultiLogger(doublyRobust, weighted, ClippableEstimator.checkClip(newClip));
  }

  @Override
  public String id() {
    return (doublyRobust ? "dr" : "ipw") + (weighted ? "-weighted" : "-balanced");
  }

  @Override
  public String spec() {
    return Specs.withParam(id(), "clip", clip);
  }

  @Override
  public boolean needsModel() {
    return doublyRobust;
  }

  @Override
  public boolean stratified() {
    return weighted;
  }

  @Override
  public String unmetNeeds(LogLayout layout) {
    if (weighted && !layout.extras().logger()) {
      return "the logger column (which logging policy produced each row)";
    }
    if (!weighted && !layout.extras().pscoreAvg()) {
      return "the pscore_avg column (the loggers' mixture probability of the logged action)";
    }
    return null;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] propensity = weighted ? batch.pscore() : batch.pscoreAvg();
    double[] reward = batch.reward();
    double[] qLogged = doublyRobust ? batch.qLogged() : null;
    double[] qExpected = doublyRobust ? batch.qExpected(policy) : null;
    int clipped = 0;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / propensity[i];
      if (weight > clip) {
        weight = clip;
        clipped++;
      }
      double model = doublyRobust ? qExpected[i] : 0.0;
      double correction = doublyRobust ? weight * (reward[i] - qLogged[i]) : weight * reward[i];
      if (weighted) {
        // the precision factor multiplies the correction only (OBP's MultiLoggersWeightedDoublyRobust)
        y[i - from] = model;
        x[i - from] = correction;
      } else {
        x[i - from] = model + correction;
      }
    }
    return clipped;
  }
}
