package io.ope4j.engine;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.estimator.Estimator;
import java.util.List;

/**
 * The columns each estimator reads, checked against a log's layout before any row is read, so
 * that no estimator ever reads a column the log lacks (a missing pscore is NaN in the batches).
 */
public final class RequiredColumns {

  private RequiredColumns() {}

  /**
   * Checks that the log has every column {@code estimators} read.
   *
   * @param source how the message names the log, e.g. its file name
   * @throws IllegalArgumentException naming the log, the first estimator that needs a column the
   *     log lacks, and that column
   */
  public static void check(LogLayout layout, List<Estimator> estimators, String source) {
    for (Estimator estimator : estimators) {
      if (estimator.needsModel() && !layout.hasModel()) {
        throw missing(source, estimator, "reward-model columns (q_0..q_{K-1}, or q and q_pi)");
      }
      if (estimator.needsPscore() && !layout.hasPscore()) {
        throw missing(source, estimator,
            "the pscore column (behaviour policy's probability of the logged action)");
      }
      String unmet = estimator.unmetNeeds(layout);
      if (unmet != null) {
        throw missing(source, estimator, unmet);
      }
    }
  }

  private static InvalidDataException missing(String source, Estimator estimator, String what) {
    return new InvalidDataException(source, -1, null,
        "estimator " + estimator.spec() + " needs " + what + "; the log has none");
  }
}
