package io.ope4j.io;

/**
 * The column names of a continuous-action log (docs/formats.md, "Continuous-action log").
 *
 * @param action the logged action a_i (a real number)
 * @param reward the reward r_i
 * @param pscore the behaviour policy's density at the logged action, p_b(a_i | x_i) > 0
 * @param targetAction the deterministic evaluation policy's action pi_e(x_i)
 * @param targetDensity or, instead, the evaluation policy's density at the logged action
 * @param qTarget q-hat at the evaluation action (for a density policy, its expectation under it)
 * @param qLogged q-hat at the logged action
 * @param policy the evaluation policy's name in the output
 */
public record ContinuousReadOptions(String action, String reward, String pscore, String targetAction,
    String targetDensity, String qTarget, String qLogged, String policy)
    implements java.io.Serializable {

  /** formats.md's names. */
  public static ContinuousReadOptions defaults() {
    return new ContinuousReadOptions("action", "reward", "pscore", "target_action", "target_density", "q_pi", "q",
        "pi");
  }

  /** These names with another action, reward and pscore column. */
  public ContinuousReadOptions withLoggedColumns(String newAction, String newReward, String newPscore) {
    return new ContinuousReadOptions(newAction, newReward, newPscore, targetAction, targetDensity, qTarget, qLogged,
        policy);
  }

  /** These names with other evaluation-policy and model columns. */
  public ContinuousReadOptions withPolicyColumns(String newTargetAction, String newTargetDensity, String newQTarget,
      String newQLogged) {
    return new ContinuousReadOptions(action, reward, pscore, newTargetAction, newTargetDensity, newQTarget,
        newQLogged, policy);
  }

  /**
   * The candidate policies of a log for {@code select}: every column named {@code <targetAction>_NAME}
   * (a deterministic candidate) or {@code <targetDensity>_NAME} (a density), in header order.
   *
   * @throws InvalidDataException naming the source when one name has both kinds of column
   */
  public java.util.List<String> candidates(java.util.List<String> header, String source) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String column : header) {
      for (String prefix : new String[] {targetAction + "_", targetDensity + "_"}) {
        if (column.startsWith(prefix) && column.length() > prefix.length()) {
          String name = column.substring(prefix.length());
          if (names.contains(name)) {
            throw new io.ope4j.data.InvalidDataException(source, 0, column, "candidate " + name
                + " has both a " + targetAction + "_ and a " + targetDensity + "_ column; give one");
          }
          names.add(name);
        }
      }
    }
    return names;
  }

  /**
   * The columns of candidate {@code name}: {@code <targetAction>_NAME} or {@code <targetDensity>_NAME},
   * its reward model {@code <qTarget>_NAME}, the shared logged-action model column, and the name.
   */
  public ContinuousReadOptions forCandidate(String name) {
    return new ContinuousReadOptions(action, reward, pscore, targetAction + "_" + name, targetDensity + "_" + name,
        qTarget + "_" + name, qLogged, name);
  }

  /** These names with another policy name. */
  public ContinuousReadOptions withPolicy(String newPolicy) {
    return new ContinuousReadOptions(action, reward, pscore, targetAction, targetDensity, qTarget, qLogged,
        newPolicy);
  }
}
