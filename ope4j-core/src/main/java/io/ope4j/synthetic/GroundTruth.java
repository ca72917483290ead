package io.ope4j.synthetic;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact values of the policies of a synthetic bandit. Contexts come uniformly from a finite
 * pool of M, so the value of a policy is a finite sum, not an estimate:
 *
 * <pre>
 *   V(pi)   = (1/M) sum_m sum_a pi(a | x_m) mu(x_m, a)     (what unbiased estimators centre on)
 *   V_q(pi) = (1/M) sum_m sum_a pi(a | x_m) q(x_m, a)      (what the direct method centres on)
 * </pre>
 *
 * <p>Sums are plain within a context and compensated (Neumaier) across contexts. Policies keep the
 * configuration's order. Immutable.
 */
public final class GroundTruth {

  private final List<String> policies;
  private final double[] values;
  private final double[] modelValues;
  private final double behaviourValue;
  private final double behaviourModelValue;

  GroundTruth(List<String> policies, double[] values, double[] modelValues,
      double behaviourValue, double behaviourModelValue) {
    this.policies = List.copyOf(policies);
    this.values = values.clone();
    this.modelValues = modelValues.clone();
    this.behaviourValue = behaviourValue;
    this.behaviourModelValue = behaviourModelValue;
  }

  /** Names of the evaluation policies, in configuration order. */
  public List<String> policies() {
    return policies;
  }

  public int policyCount() {
    return policies.size();
  }

  /** True value {@code V(pi)} of evaluation policy {@code policy} (0-based). */
  public double value(int policy) {
    return values[policy];
  }

  /**
   * True value of the evaluation policy named {@code name}.
   *
   * @throws IllegalArgumentException if no policy has that name
   */
  public double value(String name) {
    return values[indexOf(name)];
  }

  /** The value of every evaluation policy, in order; a fresh copy. */
  public double[] values() {
    return values.clone();
  }

  /**
   * {@code V_q(pi)}: the reward model's value under evaluation policy {@code policy}, the limit of
   * the direct method. {@code modelValue(p) - value(p)} is the direct method's bias.
   */
  public double modelValue(int policy) {
    return modelValues[policy];
  }

  /** True value of the behaviour (logging) policy: the expected logged reward. */
  public double behaviourValue() {
    return behaviourValue;
  }

  /** The reward model's value under the behaviour policy. */
  public double behaviourModelValue() {
    return behaviourModelValue;
  }

  /** Policy name to true value, in configuration order (for reports and JSON output). */
  public Map<String, Double> toMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int p = 0; p < values.length; p++) {
      map.put(policies.get(p), values[p]);
    }
    return map;
  }

  private int indexOf(String name) {
    int index = policies.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no policy named " + name + "; policies: " + policies);
    }
    return index;
  }

  @Override
  public String toString() {
    return "GroundTruth{policies=" + policies + ", values=" + Arrays.toString(values)
        + ", modelValues=" + Arrays.toString(modelValues) + ", behaviourValue=" + behaviourValue
        + "}";
  }
}
