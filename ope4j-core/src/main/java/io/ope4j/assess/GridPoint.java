package io.ope4j.assess;

import java.util.Locale;

/**
 * One setting of a synthetic experiment grid.
 *
 * @param rows logged rounds (or slates) per replication
 * @param nActions number of actions K (0 for continuous actions)
 * @param behaviourTemperature temperature of the softmax logging policy (NaN where the shape has none)
 * @param rewardNoise reward noise, in units of the spread of expected rewards
 * @param pool name of the candidate pool
 * @param setting for a shape beyond the plain bandit, its other settings for people (e.g. {@code
 *     schema=continuous action-noise=1}); null for the plain bandit
 */
public record GridPoint(long rows, int nActions, double behaviourTemperature, double rewardNoise, String pool,
    String setting) {

  /** A point of the plain bandit grid. */
  public GridPoint(long rows, int nActions, double behaviourTemperature, double rewardNoise, String pool) {
    this(rows, nActions, behaviourTemperature, rewardNoise, pool, null);
  }

  /**
   * {@code rows=1000 actions=10 behaviour-temperature=1 reward-noise=0.5 pool=default}; with a
   * setting, {@code rows=1000 } and the setting.
   */
  public String label() {
    if (setting != null) {
      return "rows=" + rows + " " + setting;
    }
    return String.format(Locale.ROOT, "rows=%d actions=%d behaviour-temperature=%s reward-noise=%s pool=%s",
        rows, nActions, format(behaviourTemperature), format(rewardNoise), pool);
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
