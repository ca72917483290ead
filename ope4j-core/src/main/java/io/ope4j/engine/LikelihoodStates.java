package io.ope4j.engine;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.LikelihoodEstimator;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.TermRange;
import io.ope4j.likelihood.ClopperPearson;
import io.ope4j.likelihood.CressieRead;
import io.ope4j.likelihood.EmpiricalLikelihood;
import java.io.Serializable;
import java.util.List;

/**
 * One policy's likelihood states, from its importance weights {@code w = pi / pscore} and the
 * rewards: Cressie-Read sums (for the {@code cressie-read} estimator or interval), the (w, r) pairs
 * (for {@code mle}, O(n)) and the Clopper-Pearson sums, each only when asked for. Mergeable like the
 * rest of {@link EvaluationState}; the pairs merge by concatenation in merge order.
 */
final class LikelihoodStates implements Serializable {

  private static final long serialVersionUID = 1L;

  private final CressieRead cressieRead;
  private final EmpiricalLikelihood pairs;
  private final ClopperPearson clopperPearson;
  private transient double[] weights;

  private LikelihoodStates(boolean cressieRead, boolean pairs, boolean clopperPearson) {
    this.cressieRead = cressieRead ? new CressieRead() : null;
    this.pairs = pairs ? new EmpiricalLikelihood() : null;
    this.clopperPearson = clopperPearson ? new ClopperPearson() : null;
  }

  /** The states {@code config} needs, or null when it needs none. */
  static LikelihoodStates forConfig(EvaluationConfig config) {
    boolean cressieRead = config.interval() == IntervalMethod.CRESSIE_READ;
    boolean pairs = false;
    for (Estimator estimator : config.estimators()) {
      if (estimator instanceof LikelihoodEstimator likelihood) {
        cressieRead |= !likelihood.keepsPairs();
        pairs |= likelihood.keepsPairs();
      }
    }
    boolean clopperPearson = config.interval() == IntervalMethod.CLOPPER_PEARSON;
    return cressieRead || pairs || clopperPearson ? new LikelihoodStates(cressieRead, pairs, clopperPearson) : null;
  }

  /** Throws a usage error naming the first estimator {@code method} does not apply to. */
  static void checkApplies(IntervalMethod method, List<Estimator> estimators) {
    for (Estimator estimator : estimators) {
      boolean applies = estimator instanceof LikelihoodEstimator
          || estimator.spec().equals("ipw") || estimator.spec().equals("snipw");
      if (!applies) {
        throw new UsageException("--ci " + method.id() + " is an interval for the value from the importance"
            + " weights and rewards alone: it applies to ipw, snipw, cressie-read and mle, not to "
            + estimator.spec() + " (choose them with --estimators)");
      }
    }
  }

  void addBlock(BanditBatch batch, int policy, int from, int to) {
    if (weights == null) {
      weights = new double[EvaluationState.BLOCK];
    }
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    for (int i = from; i < to; i++) {
      weights[i - from] = pi[i] / pscore[i];
    }
    double[] rewards = batch.reward();
    for (int i = from; i < to; i++) {
      double w = weights[i - from];
      if (cressieRead != null) {
        cressieRead.add(w, rewards[i]);
      }
      if (pairs != null) {
        pairs.add(w, rewards[i]);
      }
      if (clopperPearson != null) {
        clopperPearson.add(w, rewards[i]);
      }
    }
  }

  void merge(LikelihoodStates other) {
    if (cressieRead != null) {
      cressieRead.merge(other.cressieRead);
    }
    if (pairs != null) {
      pairs.merge(other.pairs);
    }
    if (clopperPearson != null) {
      clopperPearson.merge(other.clopperPearson);
    }
  }

  /** The estimate of a likelihood estimator. */
  double estimate(LikelihoodEstimator estimator) {
    return estimator.keepsPairs() ? pairs.estimate() : cressieRead.estimate();
  }

  /**
   * The standard error of a likelihood estimate: that of the regression (control-variate) estimator
   * {@code mean(w r) - b (mean(w) - 1)} with the best b, whose asymptotic variance the empirical
   * likelihood under E[w] = 1 attains (Owen 2001, Empirical Likelihood, ch. 3, side information):
   * {@code sqrt((var(x) - cov(x, d)^2 / var(d)) / n)} with {@code x = w r}, {@code d = w}.
   */
  static double standardError(TermMoments m) {
    if (m.count() < 2) {
      return Double.NaN;
    }
    double varX = m.covariance(TermMoments.X, TermMoments.X);
    double varD = m.covariance(TermMoments.D, TermMoments.D);
    double cov = m.covariance(TermMoments.X, TermMoments.D);
    double residual = varD > 0 ? varX - cov * cov / varD : varX;
    return Math.sqrt(Math.max(residual, 0.0) / m.count());
  }

  /**
   * The likelihood interval of {@code method} for rewards in {@code bounds}.
   *
   * @throws UsageException when no reward range is known
   */
  Interval interval(IntervalMethod method, double level, TermRange bounds, String label) {
    if (bounds == null) {
      throw new UsageException("--ci " + method.id() + " needs the rewards' range: give --reward-range LO,HI ("
          + label + "; the rewards are not all 0 or 1)");
    }
    double[] ends = method == IntervalMethod.CRESSIE_READ
        ? cressieRead.interval(level, bounds.lower(), bounds.upper())
        : clopperPearson.interval(level, bounds.lower(), bounds.upper());
    return new Interval(ends[0], ends[1], level, method, Double.NaN, Double.NaN, null, 0);
  }
}
