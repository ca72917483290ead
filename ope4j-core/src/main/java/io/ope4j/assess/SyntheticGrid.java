package io.ope4j.assess;

import io.ope4j.data.UsageException;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of synthetic experiments: every combination of sample size, number of actions,
 * behaviour-policy temperature, reward noise and candidate pool. Everything else (context
 * dimension and pool, reward function and type, reward-model noise, seed) comes from {@code
 * base}. Every grid point uses the base seed, so points that differ only in sample size share the
 * same bandit, and their replications the same first rows.
 *
 * @param base the settings the grid varies; its policies are ignored
 * @param rows sample sizes n, each at least 1
 * @param actions numbers of actions K
 * @param behaviourTemperatures temperatures of the logging policy
 * @param rewardNoises reward noise levels
 * @param pools candidate pools by name, in order; each pool at least two policies
 */
public record SyntheticGrid(
    SyntheticConfig base,
    List<Long> rows,
    List<Integer> actions,
    List<Double> behaviourTemperatures,
    List<Double> rewardNoises,
    Map<String, List<PolicySpec>> pools) {

  /**
   * @throws IllegalArgumentException if a list is empty, a sample size is below 1 or a pool has
   *     fewer than two policies
   */
  public SyntheticGrid {
    rows = List.copyOf(rows);
    actions = List.copyOf(actions);
    behaviourTemperatures = List.copyOf(behaviourTemperatures);
    rewardNoises = List.copyOf(rewardNoises);
    Map<String, List<PolicySpec>> copy = new LinkedHashMap<>();
    pools.forEach((name, pool) -> copy.put(name, List.copyOf(pool)));
    pools = java.util.Collections.unmodifiableMap(copy);
    if (rows.isEmpty() || actions.isEmpty() || behaviourTemperatures.isEmpty() || rewardNoises.isEmpty()
        || pools.isEmpty()) {
      throw new UsageException("every grid dimension needs at least one value");
    }
    for (long n : rows) {
      if (n < 1) {
        throw new UsageException("sample sizes must be at least 1, got " + n);
      }
    }
    pools.forEach((name, pool) -> {
      if (pool.size() < 2) {
        throw new UsageException("candidate pool " + name + " needs at least two policies, got " + pool.size());
      }
    });
  }

  /** The grid points: pools outermost, then actions, temperatures, noise levels, sample sizes. */
  public List<GridPoint> points() {
    List<GridPoint> points = new ArrayList<>();
    for (String pool : pools.keySet()) {
      for (int k : actions) {
        for (double temperature : behaviourTemperatures) {
          for (double noise : rewardNoises) {
            for (long n : rows) {
              points.add(new GridPoint(n, k, temperature, noise, pool));
            }
          }
        }
      }
    }
    return points;
  }

  /**
   * The synthetic configuration of a grid point.
   *
   * @throws IllegalArgumentException if the point's values are invalid for a synthetic bandit or
   *     its pool is not in the grid
   */
  public SyntheticConfig config(GridPoint point) {
    List<PolicySpec> pool = pools.get(point.pool());
    if (pool == null) {
      throw new UsageException("no candidate pool named " + point.pool() + "; pools: " + pools.keySet());
    }
    return base.withActions(point.nActions())
        .withBehaviourTemperature(point.behaviourTemperature())
        .withRewardNoise(point.rewardNoise())
        .withPolicies(pool);
  }

  /** A log factory for a grid point. */
  public SyntheticLogFactory factory(GridPoint point) {
    return SyntheticLogFactory.of(config(point), point.rows());
  }
}
