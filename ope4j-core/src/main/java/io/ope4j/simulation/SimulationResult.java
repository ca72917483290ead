package io.ope4j.simulation;

/**
 * A policy's value estimated in a simulator.
 *
 * @param sampling how the episodes were drawn
 * @param episodes episodes run
 * @param steps steps taken
 * @param value the mean (discounted) return of the episodes
 * @param stderr its standard error, as for independent episodes
 * @param lower lower end of the t interval at {@code level}
 * @param upper upper end
 * @param level the interval's confidence level
 * @param weightedValue the mean per-decision importance-weighted return, with the actual
 *     behaviour probabilities (equal to {@code value} on-policy); unbiased under PROPS as well
 * @param weightedStderr its standard error
 * @param stoppedBecause {@code target-width} or {@code budget}
 */
public record SimulationResult(Sampling sampling, long episodes, long steps, double value, double stderr, double lower,
    double upper, double level, double weightedValue, double weightedStderr, String stoppedBecause) {

  /** Width of the interval. */
  public double width() {
    return upper - lower;
  }
}
