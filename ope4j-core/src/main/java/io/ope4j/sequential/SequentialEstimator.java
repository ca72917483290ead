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
  SNDR("sndr", true, true);

  private final String id;
  private final boolean selfNormalized;
  private final boolean usesModel;

  SequentialEstimator(String id, boolean selfNormalized, boolean usesModel) {
    this.id = id;
    this.selfNormalized = selfNormalized;
    this.usesModel = usesModel;
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

  /** Whether it weights by the behaviour policy's probabilities (all but {@code dm}). */
  public boolean weights() {
    return this != DM;
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
        + "'; known: dm, tis, pdis, sntis, snpdis, dr, sndr");
  }
}
