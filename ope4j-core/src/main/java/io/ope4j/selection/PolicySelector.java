package io.ope4j.selection;

import io.ope4j.data.UsageException;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ranks the candidate policies of an evaluation by one estimator and selects the top k for an
 * online test. The evaluation itself has already estimated every candidate in one pass over the
 * log; selecting is then arithmetic on N numbers.
 */
public final class PolicySelector {

  private PolicySelector() {}

  /**
   * Throws unless there are at least two candidates: with one there is nothing to select.
   *
   * @throws IllegalArgumentException naming the candidates
   */
  public static void checkCandidates(List<String> candidates) {
    if (candidates.size() < 2) {
      throw new UsageException("select needs at least two candidate policies, got "
          + candidates.size() + " " + candidates + "; name them with --policy NAME=PREFIX");
    }
  }

  /**
   * Throws unless {@code 1 <= topK <= candidates}.
   *
   * @throws IllegalArgumentException naming both numbers
   */
  public static void checkTopK(int topK, int candidates) {
    if (topK < 1 || topK > candidates) {
      throw new UsageException("top k must be between 1 and the number of candidates ("
          + candidates + "), got " + topK);
    }
  }

  /**
   * Ranks every policy of {@code result} by {@code criterion} applied to its estimate by {@code
   * estimatorSpec}, best first, ties as {@code ties} says, and marks the top {@code topK}.
   *
   * @throws IllegalArgumentException with fewer than two policies, {@code topK} out of range, no
   *     estimate by {@code estimatorSpec}, a NaN score (naming the policy), or ranking by the lower
   *     bound of a model-conditional interval (the direct method's)
   */
  public static Selection select(
      EvaluationResult result, String estimatorSpec, Criterion criterion, int topK, TieBreak ties) {
    List<String> policies = new ArrayList<>(result.diagnostics().keySet());
    checkCandidates(policies);
    checkTopK(topK, policies.size());
    Estimate[] estimates = new Estimate[policies.size()];
    double[] scores = new double[policies.size()];
    for (int p = 0; p < policies.size(); p++) {
      estimates[p] = result.estimate(policies.get(p), estimatorSpec);
      if (criterion == Criterion.LOWER_BOUND && estimates[p].interval().modelConditional()) {
        // A model-conditional interval omits the model's bias: its narrow lower bound would win unearned.
        throw new IllegalArgumentException("the " + estimatorSpec + " interval is conditional on the reward model"
            + " (it omits the model's bias), so its lower bound cannot rank policies; use --criterion estimate or an"
            + " estimator that weights (e.g. dr)");
      }
      scores[p] = criterion.score(estimates[p]);
      if (Double.isNaN(scores[p])) {
        throw new UsageException(nanMessage(estimates[p], criterion));
      }
    }
    int[] order = Ranking.descending(scores, ties);
    List<RankedCandidate> ranking = new ArrayList<>(order.length);
    for (int r = 0; r < order.length; r++) {
      int p = order[r];
      ranking.add(new RankedCandidate(r + 1, p, estimates[p], scores[p], r < topK));
    }
    return new Selection(estimatorSpec, criterion, topK, result.rows(), ranking);
  }

  private static String nanMessage(Estimate estimate, Criterion criterion) {
    if (criterion == Criterion.ESTIMATE) {
      return String.format(Locale.ROOT, "policy %s: the %s estimate is NaN, so it cannot be ranked"
              + " (a self-normalised estimator gives NaN when the policy has probability 0 on every"
              + " logged action); choose another estimator or drop the policy",
          estimate.policy(), estimate.estimator());
    }
    return String.format(Locale.ROOT, "policy %s: the lower bound of the %s %s interval of the %s"
            + " estimate is NaN, so it cannot be ranked (a t interval needs at least two rows and a"
            + " finite standard error); use --criterion estimate or another interval",
        estimate.policy(), percent(estimate.interval().level()), estimate.interval().method().id(),
        estimate.estimator());
  }

  private static String percent(double level) {
    return String.format(Locale.ROOT, "%.4g%%", 100 * level).replaceFirst("\\.?0+%$", "%");
  }
}
