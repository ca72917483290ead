package io.ope4j.assess;

import io.ope4j.data.UsageException;
import java.util.List;

/**
 * One setting of the environment study ({@link EnvironmentStudy}): a random tabular MDP
 * ({@link io.ope4j.environment.TabularMdp}) of this size, the behaviour policy that logs it, and a
 * seed offset that keeps each variant's MDP its own.
 *
 * @param name short name shown in the output
 * @param states number of states
 * @param actions number of actions
 * @param horizon the most steps of an episode
 * @param behaviour the logging policy, as {@code simulate --behaviour} takes it
 */
public record TabularVariant(String name, int states, int actions, int horizon, String behaviour) {

  /**
   * The study's variants: a small short problem, a long horizon (weights degenerate), many actions,
   * and a behaviour policy close to uniform (good overlap, noisy returns).
   */
  public static List<TabularVariant> defaults() {
    return List.of(new TabularVariant("small", 3, 2, 5, "softmax:1"),
        new TabularVariant("long-horizon", 5, 3, 15, "softmax:1"),
        new TabularVariant("many-actions", 8, 6, 6, "softmax:2"),
        new TabularVariant("near-uniform", 5, 3, 8, "epsilon-greedy:0.8"));
  }

  /** The named variants of {@link #defaults()}, or all of them for {@code all}. */
  public static List<TabularVariant> parse(String names) {
    if (names.trim().equals("all")) {
      return defaults();
    }
    List<TabularVariant> chosen = new java.util.ArrayList<>();
    for (String name : names.split(",")) {
      chosen.add(defaults().stream().filter(v -> v.name.equals(name.trim())).findFirst().orElseThrow(
          () -> new UsageException("unknown tabular variant '" + name + "'; known: all, "
              + String.join(", ", defaults().stream().map(TabularVariant::name).toList()))));
    }
    return chosen;
  }

  /**
   * The ten candidate policies (k = 1..10): greedy, epsilon-greedy and softmax ladders over the
   * mean rewards, and uniform, so the pool spans better and worse policies than the behaviour.
   */
  public static List<String> candidatePolicies() {
    return List.of("greedy", "epsilon-greedy:0.1", "epsilon-greedy:0.3", "epsilon-greedy:0.6",
        "softmax:0.1", "softmax:0.3", "softmax:1", "softmax:3", "softmax:10", "uniform");
  }
}
