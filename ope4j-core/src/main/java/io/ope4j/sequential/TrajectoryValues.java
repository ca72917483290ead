package io.ope4j.sequential;

import java.util.Arrays;

/**
 * Computes one episode's per-trajectory values {@code psi_i} of every estimator for one policy,
 * the samples whose mean is the estimate. Definitions (SCOPE-RL's, docs/sequential.md), with
 * {@code d_t = gamma^t}, {@code w_t = prod_{t' <= t} pi/pi_b} (clipped at {@code clip} when
 * given), {@code w_{-1} = 1}:
 *
 * <ul>
 *   <li>DM: {@code V(s_0)};
 *   <li>TIS: {@code W sum_t d_t r_t} with {@code W = w_{L-1}};
 *   <li>PDIS: {@code sum_t d_t w_t r_t};
 *   <li>DR: {@code sum_t d_t (w_t (r_t - Q_t) + w_{t-1} V_t)};
 *   <li>self-normalised: each {@code w_t} divided by {@code mean_t + 1e-10}, the mean weight at
 *       step t over all episodes ({@link StepWeights#meanWeights}), and {@code w_{-1}} stays 1;
 *       WDR divides by {@code mean_t} itself (0 where it is 0);
 *   <li>MIS: {@code sum_t u_t r_t}, MDR: {@code V(s_0) + sum_t u_t (r_t + gamma V(s_{t+1}) - Q_t)}
 *       with the marginal ratios {@code u_t = w(s_t, a_t)} and {@code V(s_L) = 0} after the last
 *       step; MDR-AVG's numerator {@code sum_t u_t (r_t + h(s_{t+1}) - h(s_t, a_t))} with the
 *       differential values h and {@code h(s_L) = 0} after the last step (the restart).
 * </ul>
 *
 * <p>Scratch arrays only, no allocation per episode; one instance per thread.
 */
final class TrajectoryValues implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  /** SCOPE-RL adds this to every step's mean weight before dividing by it. */
  static final double NORMALISER_OFFSET = 1e-10;

  private final double gamma;
  private final double clip;
  private double[] weights = new double[16];
  private int clipped;
  private boolean zeroProbability;

  /**
   * @param gamma discount in [0, 1]
   * @param clip largest step weight used ({@code +Infinity} for none)
   */
  TrajectoryValues(double gamma, double clip) {
    this.gamma = gamma;
    this.clip = clip;
  }

  /**
   * Computes the weights of policy {@code p} on {@code episode}: see {@link #weights()}, {@link
   * #clipped()} and {@link #zeroProbability()}.
   */
  void weigh(EpisodeSteps episode, int p) {
    int length = episode.length();
    if (weights.length < length) {
      weights = Arrays.copyOf(weights, Math.max(length, 2 * weights.length));
    }
    double[] pi = episode.pi[p];
    double[] pscore = episode.pscore;
    double w = 1.0;
    int touched = 0;
    boolean zero = false;
    for (int t = 0; t < length; t++) {
      w *= pi[t] / pscore[t];
      zero |= pi[t] == 0.0;
      if (w > clip) {
        weights[t] = clip;
        touched++;
      } else {
        weights[t] = w;
      }
    }
    clipped = touched;
    zeroProbability = zero;
  }

  /** The step weights of the last {@link #weigh}, as used. */
  double[] weights() {
    return weights;
  }

  int clipped() {
    return clipped;
  }

  boolean zeroProbability() {
    return zeroProbability;
  }

  /**
   * Writes {@code psi} of each estimator into {@code out[e]} (same order as {@code estimators})
   * for the episode and policy of the last {@link #weigh}.
   *
   * @param normalisers the mean weight per step over the whole log, or null when no estimator
   *     is self-normalised; an episode never reaches past its length
   */
  void values(EpisodeSteps episode, int p, SequentialEstimator[] estimators,
      double[] normalisers, double[] out) {
    int length = episode.length();
    double[] reward = episode.reward;
    double[] q = episode.qLogged;
    double[] v = episode.vHat[p];
    double discount = 1.0;
    double discountedReturn = 0.0;
    double pdis = 0.0;
    double dr = 0.0;
    double snpdis = 0.0;
    double sndr = 0.0;
    double wdr = 0.0;
    double previous = 1.0;
    double previousNormalised = 1.0;
    double previousWeighted = 1.0;
    for (int t = 0; t < length; t++) {
      double w = weights[t];
      double r = reward[t];
      discountedReturn += discount * r;
      pdis += discount * w * r;
      dr += discount * (w * (r - q[t]) + previous * v[t]);
      if (normalisers != null) {
        double normalised = w / (normalisers[t] + NORMALISER_OFFSET);
        snpdis += discount * normalised * r;
        sndr += discount * (normalised * (r - q[t]) + previousNormalised * v[t]);
        previousNormalised = normalised;
        double weighted = weighted(w, normalisers[t]);
        wdr += discount * (weighted * (r - q[t]) + previousWeighted * v[t]);
        previousWeighted = weighted;
      }
      previous = w;
      discount *= gamma;
    }
    double trajectoryWeight = length == 0 ? 1.0 : weights[length - 1];
    for (int e = 0; e < estimators.length; e++) {
      out[e] = switch (estimators[e]) {
        case DM -> length == 0 ? 0.0 : v[0];
        case TIS -> trajectoryWeight * discountedReturn;
        case PDIS -> pdis;
        case DR -> dr;
        case SNTIS -> trajectoryWeight
            / (normalisers[normalisers.length - 1] + NORMALISER_OFFSET) * discountedReturn;
        case SNPDIS -> snpdis;
        case SNDR -> sndr;
        case WDR, MAGIC -> wdr;
        case MIS, MIS_AVG -> marginal(episode, p, false);
        case MDR -> marginal(episode, p, true);
        case MDR_AVG -> differentialCorrection(episode, p);
      };
    }
  }

  /**
   * The weight mass by which a reward shift moves the value of TIS or PDIS for the episode and
   * policy of the last {@link #weigh}: TIS {@code w_{L-1} D}, PDIS {@code sum_{t<L} d_t w_t +
   * w_{L-1} (D - sum_{t<L} d_t)}, D the sum of the discounts of every step an episode can have
   * (the steps after its end count with the final weight and reward 0). Subtracting {@code lo}
   * times it from the value gives the value of the rewards minus {@code lo}: non-negative when
   * every reward is at least {@code lo <= 0}, with mean {@code V - lo D} (Thomas, Theocharous &amp;
   * Ghavamzadeh 2015 normalise returns the same way).
   */
  double shiftMass(int length, boolean perDecision, double totalDiscount) {
    double last = length == 0 ? 1.0 : weights[length - 1];
    if (!perDecision) {
      return last * totalDiscount;
    }
    double discount = 1.0;
    double mass = 0.0;
    double used = 0.0;
    for (int t = 0; t < length; t++) {
      mass += discount * weights[t];
      used += discount;
      discount *= gamma;
    }
    return mass + last * Math.max(0.0, totalDiscount - used);
  }

  /** WDR's normalised weight: {@code w / mean}, 0 when every weight at the step is 0. */
  private static double weighted(double w, double mean) {
    return mean == 0.0 ? 0.0 : w / mean;
  }

  /** MIS, or with {@code doublyRobust} MDR, of one episode (class comment). */
  private double marginal(EpisodeSteps episode, int p, boolean doublyRobust) {
    int length = episode.length();
    double[] ratio = episode.marginalRatio[p];
    double[] reward = episode.reward;
    double[] v = episode.vHat[p];
    double[] q = episode.qLogged;
    double total = doublyRobust && length > 0 ? v[0] : 0.0;
    for (int t = 0; t < length; t++) {
      if (doublyRobust) {
        double next = t + 1 < length ? v[t + 1] : 0.0;
        total += ratio[t] * (reward[t] + gamma * next - q[t]);
      } else {
        total += ratio[t] * reward[t];
      }
    }
    return total;
  }

  /** mdr-avg's numerator of one episode (class comment); its denominator is {@link #marginalMass}. */
  private static double differentialCorrection(EpisodeSteps episode, int p) {
    int length = episode.length();
    double[] ratio = episode.marginalRatio[p];
    double[] reward = episode.reward;
    double[] h = episode.differentialQ[p];
    double[] v = episode.differentialV[p];
    double total = 0.0;
    for (int t = 0; t < length; t++) {
      double next = t + 1 < length ? v[t + 1] : 0.0;
      total += ratio[t] * (reward[t] + next - h[t]);
    }
    return total;
  }

  /** {@code sum_t u_t}: the episode's marginal weight mass (the denominator of mis-avg and mdr-avg). */
  static double marginalMass(EpisodeSteps episode, int p) {
    double[] ratio = episode.marginalRatio[p];
    double total = 0.0;
    for (int t = 0; t < episode.length(); t++) {
      total += ratio[t];
    }
    return total;
  }

  /**
   * MAGIC's j-step returns of one episode (Thomas &amp; Brunskill 2016, eq. 9, per trajectory):
   * {@code g[0]} is {@code V(s_0)} (j = -1) and {@code g[j+1]} the WDR sum up to step j plus
   * {@code gamma^{j+1} w~_j V(s_{j+1})}, for j below {@code g.length - 1}; past the episode's end
   * the absorbing state adds nothing, so {@code g[j+1]} stays the episode's WDR value. Uses the
   * weights of the last {@link #weigh}.
   */
  void jStepReturns(EpisodeSteps episode, int p, double[] normalisers, double[] g) {
    int length = episode.length();
    double[] reward = episode.reward;
    double[] q = episode.qLogged;
    double[] v = episode.vHat[p];
    g[0] = length == 0 ? 0.0 : v[0];
    double discount = 1.0;
    double partial = 0.0;
    double previousWeighted = 1.0;
    for (int j = 0; j + 1 < g.length; j++) {
      if (j < length) {
        double weighted = weighted(weights[j], normalisers[j]);
        partial += discount * (weighted * (reward[j] - q[j]) + previousWeighted * v[j]);
        previousWeighted = weighted;
        discount *= gamma;
        double next = j + 1 < length ? v[j + 1] : 0.0;
        g[j + 1] = partial + discount * weighted * next;
      } else {
        g[j + 1] = partial;
      }
    }
  }
}
