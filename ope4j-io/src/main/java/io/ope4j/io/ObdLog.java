package io.ope4j.io;

import java.util.List;

/**
 * One log of the Open Bandit Dataset (one behaviour policy and campaign), in the form Open Bandit
 * Pipeline's {@code OpenBanditDataset} gives it: rows sorted by timestamp, one-hot user features
 * as the context, label-encoded item features as the action context. Read it with {@link
 * ObdLoader}. Arrays are shared, not copied: do not modify them.
 *
 * @param source the log file's name, for messages
 * @param actions item shown in each row (the action), in [0, nActions)
 * @param positions slot of each row, 0-based: the dense rank of the file's position value minus
 *     1 (positions 1, 2, 3 become slots 0, 1, 2)
 * @param rewards the click (0 or 1) of each row
 * @param pscores the behaviour policy's probability of the shown item in its slot
 * @param contexts row-major one-hot user features, {@code rows * contextNames.size()} values
 * @param contextNames one name per context column, {@code user_feature_<j>_<value>}
 * @param actionContext row-major item features, {@code nActions * actionContextNames.size()}
 *     values, row a for item a
 * @param actionContextNames one name per item feature
 * @param nActions K = largest item id + 1
 * @param slots L = number of distinct positions
 * @param rowLabels each row's label in the file (its unnamed first column), after sorting
 */
public record ObdLog(
    String source,
    int[] actions,
    int[] positions,
    double[] rewards,
    double[] pscores,
    double[] contexts,
    List<String> contextNames,
    double[] actionContext,
    List<String> actionContextNames,
    int nActions,
    int slots,
    long[] rowLabels) {

  public ObdLog {
    contextNames = List.copyOf(contextNames);
    actionContextNames = List.copyOf(actionContextNames);
  }

  public int rows() {
    return actions.length;
  }

  /** Number of context features d. */
  public int contextDim() {
    return contextNames.size();
  }

  /** Number of item features. */
  public int actionContextDim() {
    return actionContextNames.size();
  }

  /** The mean reward: the on-policy estimate of the behaviour policy's value. */
  public double meanReward() {
    double total = 0.0;
    for (double reward : rewards) {
      total += reward;
    }
    return total / rewards.length;
  }
}
