package io.ope4j.selection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ground truth a selection is judged against: the candidate policies (in order), their true
 * values, the behaviour policy's value and the safety threshold.
 *
 * @param candidates candidate names, distinct, at least two
 * @param trueValues true value of each candidate, finite; copied
 * @param behaviourValue {@code V(pi_b)}, the baseline of SharpeRatio@k; NaN when unknown
 * @param safetyThreshold candidates whose true value is below it are unsafe; NaN when unknown
 */
public record KnownValues(List<String> candidates, double[] trueValues, double behaviourValue, double safetyThreshold) {

  /**
   * @throws IllegalArgumentException on fewer than two candidates, a repeated name, a length
   *     mismatch or a true value that is not finite
   */
  public KnownValues {
    candidates = List.copyOf(candidates);
    trueValues = trueValues.clone();
    if (candidates.size() < 2) {
      throw new io.ope4j.data.UsageException(
          "selection needs at least two candidate policies, got " + candidates.size() + " " + candidates);
    }
    if (trueValues.length != candidates.size()) {
      throw new io.ope4j.data.UsageException(
          trueValues.length + " true values for " + candidates.size() + " candidates " + candidates);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < trueValues.length; i++) {
      if (!seen.add(candidates.get(i))) {
        throw new io.ope4j.data.UsageException("candidate " + candidates.get(i) + " is listed twice");
      }
      if (!Double.isFinite(trueValues[i])) {
        throw new io.ope4j.data.UsageException(
            "true value of candidate " + candidates.get(i) + " must be finite, got " + trueValues[i]);
      }
    }
  }

  /** With the safety threshold at the behaviour policy's value: unsafe means worse than now. */
  public static KnownValues of(List<String> candidates, double[] trueValues, double behaviourValue) {
    return new KnownValues(candidates, trueValues, behaviourValue, behaviourValue);
  }

  /** Number of candidates. */
  public int size() {
    return trueValues.length;
  }

  /** True value of candidate {@code index}. */
  public double trueValue(int index) {
    return trueValues[index];
  }

  @Override
  public double[] trueValues() {
    return trueValues.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KnownValues other
        && candidates.equals(other.candidates)
        && Arrays.equals(trueValues, other.trueValues)
        && Double.compare(behaviourValue, other.behaviourValue) == 0
        && Double.compare(safetyThreshold, other.safetyThreshold) == 0;
  }

  @Override
  public int hashCode() {
    return candidates.hashCode() * 31 + Arrays.hashCode(trueValues);
  }

  @Override
  public String toString() {
    return "KnownValues[candidates=" + candidates + ", trueValues=" + Arrays.toString(trueValues)
        + ", behaviourValue=" + behaviourValue + ", safetyThreshold=" + safetyThreshold + "]";
  }
}
