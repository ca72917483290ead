package io.ope4j.sequential;

import java.util.Locale;

/**
 * The trajectory estimators, with the definitions SCOPE-RL documents and codes (Kiyohara et al.
 * 2023, arXiv:2311.18207, and docs/sequential.md). Each averages a per-trajectory value
 * {@code psi_i}; the self-normalised ones divide each step's weight by the mean weight at that
 * step over all trajectories.
 */
public enum SequentialEstimator {
  /** V-hat at the initial state (Le, Voloshin &amp; Yue 2019, "Batch policy learning under constraints"). */
  DM("dm", false, true),
  /** Trajectory-wise importance sampling (Precup, Sutton &amp; Singh 2000, eq. 1). */
  TIS("tis", false, false),
  /** Per-decision importance sampling (Precup, Sutton &amp; Singh 2000, eq. 2). */
  PDIS("pdis", false, false),
  /** Self-normalised trajectory-wise IS (Kallus &amp; Uehara 2019, "Intrinsically efficient..."). */
  SNTIS("sntis", true, false),
  /** Self-normalised per-decision IS (Thomas 2015, PhD thesis, §3.8 "weighted PDIS"). */
  SNPDIS("snpdis", true, false),
  /** Doubly robust (Jiang &amp; Li 2016, ICML, eq. 5; Thomas &amp; Brunskill 2016, eq. 2). */
  DR("dr", false, true),
  /** Self-normalised doubly robust (Kallus &amp; Uehara 2019; Thomas &amp; Brunskill 2016 "WDR"). */
  SNDR("sndr", true, true),
  /**
   * Weighted doubly robust (Thomas &amp; Brunskill 2016, ICML, eq. 7): {@code sndr} without
   * SCOPE-RL's 1e-10 in the normaliser; a step whose weights are all 0 adds 0.
   */
  WDR("wdr", true, true),
  /**
   * MAGIC (Thomas &amp; Brunskill 2016, ICML, Algorithm 1): the blend of the j-step WDR returns
   * whose weights minimise the estimated variance plus squared bias ({@link MagicSample}).
   */
  MAGIC("magic", true, true),
  /**
   * Marginalised importance sampling: {@code sum_t w(s_t, a_t) r_t} with state-action ratios
   * of the discounted occupancy of pi to the logged visits (Liu et al. 2018, "Breaking the curse
   * of horizon", eq. 5; Uehara, Huang &amp; Jiang 2020, MWL, §3).
   */
  MIS("mis", false, false, true),
  /**
   * Marginalised doubly robust: {@code V(s_0) + sum_t w_t (r_t + gamma V(s_{t+1}) - Q_t)}
   * (Kallus &amp; Uehara 2020, "Double reinforcement learning", eq. 4.1; Uehara et al. 2020, §5).
   */
  MDR("mdr", false, true, true),
  /**
   * Average reward per step of the evaluation policy, episodes restarting from the initial
   * distribution: {@code sum_i sum_t u_t r_t / sum_i sum_t u_t} with the undiscounted marginal
   * ratios (gamma 1), the self-normalised marginal estimator of the average-reward case (Liu et
   * al. 2018, §4, eq. 8, by the renewal-reward theorem on episodes).
   */
  MIS_AVG("mis-avg", false, false, true),
  /**
   * Average-reward marginalised doubly robust: {@code sum_i sum_t u_t (r_t + h(s_{t+1}) -
   * h(s_t, a_t)) / sum_i sum_t u_t} with the differential action value h of pi and {@code h = 0}
   * after an episode's last step, the restart (Liu et al. 2018, §4, with the doubly robust
   * correction of Kallus &amp; Uehara 2020, "Double reinforcement learning", eq. 4.1, at gamma 1).
   */
  MDR_AVG("mdr-avg", false, true, true);

  private final String id;
  private final boolean selfNormalized;
  private final boolean usesModel;
  private final boolean usesRatio;

  SequentialEstimator(String id, boolean selfNormalized, boolean usesModel) {
    this(id, selfNormalized, usesModel, false);
  }

  SequentialEstimator(String id, boolean selfNormalized, boolean usesModel, boolean usesRatio) {
    this.id = id;
    this.selfNormalized = selfNormalized;
    this.usesModel = usesModel;
    this.usesRatio = usesRatio;
  }

  /** Whether it needs marginal state-action ratios (mis, mdr), which only a fitted model gives. */
  public boolean usesRatio() {
    return usesRatio;
  }

  /** Whether it estimates the reward per step as a ratio of sums over episodes (mis-avg, mdr-avg). */
  public boolean perStep() {
    return this == MIS_AVG || this == MDR_AVG;
  }

  /** The id used on the command line and in JSON output. */
  public String id() {
    return id;
  }

  /** Whether step weights are divided by the mean weight at their step. */
  public boolean selfNormalized() {
    return selfNormalized;
  }

  /** Whether it needs Q-hat and V-hat. */
  public boolean usesModel() {
    return usesModel;
  }

  /** Whether it weights by the behaviour policy's cumulative probabilities (not dm, mis, mdr). */
  public boolean weights() {
    return this != DM && !usesRatio;
  }

  /** Parses an id such as {@code pdis}; throws a UsageException listing the ids (estimator ids are user text). */
  public static SequentialEstimator parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (SequentialEstimator estimator : values()) {
      if (estimator.id.equals(lower)) {
        return estimator;
      }
    }
    throw new io.ope4j.data.UsageException("unknown trajectory estimator '" + text
        + "'; known: dm, tis, pdis, sntis, snpdis, dr, sndr, wdr, magic, mis, mdr, mis-avg, mdr-avg");
  }
}
