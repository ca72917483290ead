package io.ope4j.sequential.distribution;

import io.ope4j.data.UsageException;
import java.util.Locale;

/**
 * The estimators of the cumulative distribution function of the return under the evaluation
 * policy, {@code F(m) = P(G <= m)}, as SCOPE-RL defines them (Kiyohara et al. 2023,
 * arXiv:2311.18207; docs/distribution.md). With trajectory weights {@code W_i}, returns {@code
 * G_i} and the model's {@code V-hat(s_{i,0})}:
 */
public enum DistributionEstimator {
  /** {@code (1/n) sum 1{V_i <= m}}: the model's point prediction of each return (Huang et al. 2021). */
  CD_DM("cd-dm"),
  /** {@code (1/n) sum W_i 1{G_i <= m}} (Huang, Leqi, Lipton, Azizzadenesheli 2021, "Off-policy risk assessment", eq. 3; Chandak et al. 2021). */
  CD_TIS("cd-tis"),
  /** {@code sum W_i 1{G_i <= m} / sum W_i} (Huang et al. 2021, weighted IS). */
  CD_SNTIS("cd-sntis"),
  /** {@code (1/n) sum W_i (1{G_i <= m} - 1{V_i <= m}) + CD-DM(m)} (Huang et al. 2021, doubly robust CDF). */
  CD_TDR("cd-tdr"),
  /** CD-TDR with the weighted sum divided by {@code sum W_i} (SCOPE-RL's self-normalised DR CDF). */
  CD_SNTDR("cd-sntdr");

  private final String id;

  DistributionEstimator(String id) {
    this.id = id;
  }

  /** The id used on the command line and in JSON output. */
  public String id() {
    return id;
  }

  /** Whether the weighted sums are divided by the sum of the weights instead of n. */
  public boolean selfNormalized() {
    return this == CD_SNTIS || this == CD_SNTDR;
  }

  /** Whether it needs V-hat(s_0) (q_* columns): all but the importance-sampling CDFs. */
  public boolean usesModel() {
    return this == CD_DM || this == CD_TDR || this == CD_SNTDR;
  }

  /** Parses an id such as {@code cd-tis}; a {@link UsageException} lists the known ids. */
  public static DistributionEstimator parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (DistributionEstimator estimator : values()) {
      if (estimator.id.equals(lower)) {
        return estimator;
      }
    }
    throw new UsageException("unknown distribution estimator '" + text
        + "'; known: cd-dm, cd-tis, cd-sntis, cd-tdr, cd-sntdr");
  }
}
