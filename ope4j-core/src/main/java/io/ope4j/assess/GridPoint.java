package io.ope4j.assess;

import java.util.Locale;

/**
 * One setting of a synthetic experiment grid.
 *
 * @param rows logged rounds per replication
 * @param nActions number of actions K
 * @param behaviourTemperature temperature of the softmax logging policy
 * @param rewardNoise reward noise, in units of the spread of expected rewards
 * @param pool name of the candidate pool
 */
public record GridPoint(long rows, int nActions, double behaviourTemperature, double rewardNoise, String pool) {

  /** {@code rows=1000 actions=10 behaviour-temperature=1 reward-noise=0.5 pool=default}. */
  public String label() {
    return String.format(Locale.ROOT, "rows=%d actions=%d behaviour-temperature=%s reward-noise=%s pool=%s",
        rows, nActions, format(behaviourTemperature), format(rewardNoise), pool);
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
