package io.ope4j.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a trajectory log's columns are found (docs/formats.md, "Trajectory log").
 *
 * @param policies evaluation policies by name, each the prefix of its wide columns {@code
 *     prefix0 .. prefix(K-1)}; empty to use {@code pi} (narrow) or {@code pi_*} (wide)
 * @param modelPrefix prefix of the wide Q-hat columns
 * @param piSumTolerance how far a wide policy's row may sum from 1
 * @param states whether to read each step's state ({@code state} or {@code s_*}), logged action
 *     and every policy's probabilities of every action, as fitted models need
 */
public record TrajectoryReadOptions(
    Map<String, String> policies, String modelPrefix, double piSumTolerance, boolean states)
    implements java.io.Serializable {

  public TrajectoryReadOptions {
    policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /** Options that do not read states. */
  public TrajectoryReadOptions(Map<String, String> policies, String modelPrefix,
      double piSumTolerance) {
    this(policies, modelPrefix, piSumTolerance, false);
  }

  /** These options reading states too (or not). */
  public TrajectoryReadOptions withStates(boolean read) {
    return new TrajectoryReadOptions(policies, modelPrefix, piSumTolerance, read);
  }

  /** formats.md's defaults. */
  public static TrajectoryReadOptions defaults() {
    return new TrajectoryReadOptions(Map.of(), "q_", io.ope4j.data.LogValidator.SUM_TOLERANCE);
  }

  /** These options with the given policies (name to column prefix, in order). */
  public TrajectoryReadOptions withPolicies(Map<String, String> newPolicies) {
    return new TrajectoryReadOptions(newPolicies, modelPrefix, piSumTolerance, states);
  }

  /** These options with another Q-hat prefix. */
  public TrajectoryReadOptions withModelPrefix(String prefix) {
    return new TrajectoryReadOptions(policies, prefix, piSumTolerance, states);
  }
}
