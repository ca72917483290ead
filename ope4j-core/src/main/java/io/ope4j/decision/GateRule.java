package io.ope4j.decision;

import io.ope4j.estimator.Estimator;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.util.Objects;

/**
 * The rule of a deployment gate: deploy a candidate when, on the log, its value exceeds the
 * baseline's by more than {@code minImprovement} at confidence {@code confidence}, the error
 * controlled over all candidates by Holm's step-down procedure (Holm 1979).
 *
 * @param baseline name of the baseline policy (one of the log's policies)
 * @param minImprovement the smallest improvement worth deploying, in reward units (may be
 *     negative: a non-inferiority margin)
 * @param confidence in (0, 1): the probability of not deploying any candidate whose true
 *     improvement is at most {@code minImprovement} is at least this
 * @param bound which lower bound decides
 * @param estimator a plain estimator that keeps the importance weights ({@code dm}, {@code ipw},
 *     {@code dr}) or a self-normalised one without a model term ({@code snipw}); not tuned, not
 *     clipped or shrunk (the bounds would not include that bias)
 * @param support when a policy is refused for thin support
 * @param replicates bootstrap replicates, used with {@link GateBound#BOOTSTRAP} only
 * @param seed seed of the bootstrap multiplicities
 * @param termRange a range known to hold every per-row difference {@code x_c - x_b} of a plain
 *     estimator's terms, or null; {@link GateBound#BERNSTEIN} needs it (the bound holds only for a
 *     known range, not the observed one), and a row outside it is refused
 */
public record GateRule(String baseline, double minImprovement, double confidence, GateBound bound,
    Estimator estimator, SupportRule support, int replicates, long seed, TermRange termRange) {

  /** A rule without a stated term range: no Bernstein bound. */
  public GateRule(String baseline, double minImprovement, double confidence, GateBound bound,
      Estimator estimator, SupportRule support, int replicates, long seed) {
    this(baseline, minImprovement, confidence, bound, estimator, support, replicates, seed, null);
  }

  /** @throws IllegalArgumentException on a value outside the documented range, or an estimator the gate cannot pair */
  public GateRule {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(support, "support");
    Intervals.checkLevel(confidence);
    if (!Double.isFinite(minImprovement)) {
      throw new IllegalArgumentException("the minimum improvement must be finite, got " + minImprovement);
    }
    if (estimator.candidates().size() != 1) {
      throw new IllegalArgumentException("the gate needs an estimator with fixed hyperparameters, got "
          + estimator.spec() + " (tuned on the data)");
    }
    if (estimator.altersWeights()) {
      // The bounds measure the spread of the differences, not the bias of clipped or shrunk weights,
      // which can favour either policy: a verdict from them would claim an error rate it does not have.
      throw new IllegalArgumentException("the gate's bounds do not include the bias of clipped, switched or shrunk"
          + " weights; give an estimator that keeps them (ipw, snipw, dr, dm), not " + estimator.spec());
    }
    if (estimator.selfNormalized() && estimator.needsModel()) {
      throw new IllegalArgumentException("the gate pairs plain estimators and snipw, not " + estimator.spec());
    }
    if (termRange != null && estimator.selfNormalized()) {
      throw new IllegalArgumentException("a term range bounds the per-row differences of a plain estimator;"
          + " " + estimator.spec() + " is a ratio of means, whose differences it does not bound");
    }
    if (bound == GateBound.BERNSTEIN && termRange == null) {
      // Maurer & Pontil's bound holds for a known range; the observed one can be narrower than the true one.
      throw new IllegalArgumentException("the Bernstein bound needs a known range of every per-row difference"
          + " (--term-range LO,HI): the observed range can be narrower than the true one, and the bound would"
          + " claim more than the data support");
    }
    if (bound == GateBound.BOOTSTRAP && replicates < 2) {
      throw new IllegalArgumentException("the bootstrap needs at least 2 replicates, got " + replicates);
    }
  }

  /** The rule's error level, {@code 1 - confidence}. */
  public double alpha() {
    return 1 - confidence;
  }
}
