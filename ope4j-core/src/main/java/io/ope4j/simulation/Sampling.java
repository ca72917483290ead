package io.ope4j.simulation;

import io.ope4j.data.UsageException;
import java.util.Locale;

/** How a simulator's evaluation episodes choose their actions. */
public enum Sampling {
  /** Every action drawn from the target policy: plain Monte Carlo. */
  ON_POLICY,
  /**
   * Robust on-policy sampling: the behaviour policy is the target tilted away from the actions
   * the data already hold more of than the target would take, so the empirical action
   * distribution of every state tracks the target's (ROS: Zhong, Zhang, Wu & Zhao 2022; with the
   * proximal clipping of PROPS: Corrado & Hanna 2024).
   */
  PROPS;

  /** The id of the command line: on-policy, props. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @throws UsageException unless on-policy or props */
  public static Sampling parse(String text) {
    for (Sampling s : values()) {
      if (s.id().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new UsageException("--sampling must be on-policy or props, got '" + text + "'");
  }
}
