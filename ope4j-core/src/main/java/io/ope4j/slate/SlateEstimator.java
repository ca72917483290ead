package io.ope4j.slate;

import java.util.Locale;

/**
 * The slate estimators (docs/slates.md). Each defines only what one slate contributes at each
 * position l: a numerator {@code x_l} and, for the self-normalised ones, a normaliser {@code
 * d_l}. The estimate of position l is {@code mean(x_l)} (or {@code sum(x_l) / sum(d_l)}) and the
 * slate's value is the sum over positions.
 */
public enum SlateEstimator {
  // Standard IPS with the joint slate weight (Swaminathan et al. 2017, NeurIPS, "IPS").
  SIPS("sips", false, Weight.SLATE),
  // Independent (item-position) IPS (Li et al. 2018, KDD, "Offline evaluation of ranking policies with click models").
  IIPS("iips", false, Weight.POSITION),
  // Reward-interaction IPS with prefix weights (McInerney et al. 2020, KDD, "RIPS").
  RIPS("rips", false, Weight.PREFIX),
  // SIPS self-normalised by the mean slate weight (Swaminathan & Joachims 2015, NeurIPS).
  SNSIPS("snsips", true, Weight.SLATE),
  // IIPS self-normalised per position (Swaminathan & Joachims 2015; per position as McInerney et al. 2020).
  SNIIPS("sniips", true, Weight.POSITION),
  // RIPS self-normalised per position (McInerney et al. 2020, KDD, self-normalised RIPS).
  SNRIPS("snrips", true, Weight.PREFIX),
  // Cascade doubly robust (Kiyohara et al. 2022, WSDM, eq. 8) with a slot-wise Q-hat.
  CASCADE_DR("cascade-dr", false, Weight.PREFIX),
  // Pseudo-inverse estimator for factored logging (Swaminathan et al. 2017, NeurIPS, eq. 5 with Prop. 2).
  PI_SLATE("pi-slate", false, Weight.POSITION);

  /** Which weight an estimator reads. */
  enum Weight {
    SLATE,
    POSITION,
    PREFIX
  }

  private final String id;
  private final boolean selfNormalized;
  private final Weight weight;

  SlateEstimator(String id, boolean selfNormalized, Weight weight) {
    this.id = id;
    this.selfNormalized = selfNormalized;
    this.weight = weight;
  }

  /** The id of formats.md. */
  public String id() {
    return id;
  }

  /** Whether the estimate of a position is a ratio of means. */
  public boolean selfNormalized() {
    return selfNormalized;
  }

  /** Whether the estimator reads the joint slate propensities. */
  public boolean usesSlateWeight() {
    return weight == Weight.SLATE;
  }

  /** Whether it reads the item-position (marginal) propensities. */
  public boolean usesPositionWeight() {
    return weight == Weight.POSITION;
  }

  /** Whether it reads the cascade (prefix) propensities. */
  public boolean usesPrefixWeight() {
    return weight == Weight.PREFIX;
  }

  /** Whether it reads Q-hat and the evaluation policy's conditionals. */
  public boolean usesModel() {
    return this == CASCADE_DR;
  }

  /** The columns it reads (docs/formats.md, "Slate log"), for messages. */
  public String columns() {
    String pair = switch (weight) {
      case SLATE -> "pscore and evaluation_policy_pscore";
      case POSITION -> "pscore_item_position and evaluation_policy_pscore_item_position";
      case PREFIX -> "pscore_cascade and evaluation_policy_pscore_cascade";
    };
    return usesModel() ? pair + ", pi_e_0.. and qhat_0.." : pair;
  }

  /** The estimator with this id. */
  public static SlateEstimator parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (SlateEstimator estimator : values()) {
      if (estimator.id.equals(wanted)) {
        return estimator;
      }
    }
    throw new IllegalArgumentException("unknown slate estimator '" + text.trim() + "'; known: "
        + "sips, iips, rips, snsips, sniips, snrips, cascade-dr, pi-slate");
  }

  /**
   * Writes slate {@code slate}'s numerators into {@code x[0..L)} and, if self-normalised, its
   * normalisers into {@code d[0..L)}.
   */
  void terms(SlateBatch batch, int slate, double[] x, double[] d) {
    int length = batch.length();
    int base = slate * length;
    double[] r = batch.reward;
    switch (this) {
      case SIPS, SNSIPS -> {
        double w = batch.slateWeight[slate];
        for (int l = 0; l < length; l++) {
          x[l] = w * r[base + l];
          d[l] = w;
        }
      }
      case IIPS, SNIIPS -> weighted(batch.positionWeight, r, base, length, x, d);
      case RIPS, SNRIPS -> weighted(batch.prefixWeight, r, base, length, x, d);
      case CASCADE_DR -> {
        double[] w = batch.prefixWeight;
        double previous = 1.0;
        for (int l = 0; l < length; l++) {
          int row = base + l;
          x[l] = w[row] * (r[row] - batch.modelLogged[row]) + previous * batch.modelPolicy[row];
          previous = w[row];
        }
      }
      case PI_SLATE -> {
        // sum_l pi_e(a_l at l) / pi_b(a_l at l) - L + 1: the pseudo-inverse weight of a
        // factored logging policy.
        double w = 1.0 - length;
        for (int l = 0; l < length; l++) {
          w += batch.positionWeight[base + l];
        }
        for (int l = 0; l < length; l++) {
          x[l] = w * r[base + l];
        }
      }
      default -> throw new IllegalStateException("no terms for " + this);
    }
  }

  private static void weighted(double[] w, double[] r, int base, int length, double[] x,
      double[] d) {
    for (int l = 0; l < length; l++) {
      x[l] = w[base + l] * r[base + l];
      d[l] = w[base + l];
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
