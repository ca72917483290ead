package io.ope4j.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Column names and positions of a synthetic log in wide form (formats.md), in this order:
 *
 * <pre>
 *   action, reward, pscore, x_0 .. x_{d-1},
 *   pi_&lt;name&gt;_0 .. pi_&lt;name&gt;_{K-1}   (one block per evaluation policy, in order),
 *   q_0 .. q_{K-1}
 * </pre>
 *
 * <p>{@code action} holds an integer value (and so does {@code reward} for binary rewards); a
 * writer may print those without a fraction. Immutable.
 */
public final class WideColumns {

  /** Position of {@code action}. */
  public static final int ACTION = 0;

  /** Position of {@code reward}. */
  public static final int REWARD = 1;

  /** Position of {@code pscore}. */
  public static final int PSCORE = 2;

  private static final int FIRST_CONTEXT = 3;

  private final int contextDim;
  private final int nActions;
  private final int policyCount;
  private final List<String> names;

  WideColumns(List<String> policyNames, int contextDim, int nActions) {
    this.contextDim = contextDim;
    this.nActions = nActions;
    this.policyCount = policyNames.size();
    List<String> list = new ArrayList<>(FIRST_CONTEXT + contextDim + (policyCount + 1) * nActions);
    list.add("action");
    list.add("reward");
    list.add("pscore");
    for (int j = 0; j < contextDim; j++) {
      list.add("x_" + j);
    }
    for (String policy : policyNames) {
      for (int a = 0; a < nActions; a++) {
        list.add(policyPrefix(policy) + a);
      }
    }
    for (int a = 0; a < nActions; a++) {
      list.add("q_" + a);
    }
    this.names = List.copyOf(list);
  }

  /** All column names, in row order. */
  public List<String> names() {
    return names;
  }

  /** Number of columns: {@code 3 + d + (policies + 1) * K}. */
  public int count() {
    return names.size();
  }

  /** Position of context feature {@code x_j}. */
  public int context(int feature) {
    return FIRST_CONTEXT + feature;
  }

  /** Position of {@code pi_<name>_a} for evaluation policy {@code policy} (0-based). */
  public int policy(int policy, int action) {
    return FIRST_CONTEXT + contextDim + policy * nActions + action;
  }

  /** Position of {@code q_a}. */
  public int model(int action) {
    return FIRST_CONTEXT + contextDim + policyCount * nActions + action;
  }

  /** The prefix of policy {@code name}'s columns, {@code pi_<name>_}, as a reader expects it. */
  public static String policyPrefix(String name) {
    return "pi_" + name + "_";
  }
}
