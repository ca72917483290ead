package io.ope4j.simulation;

import io.ope4j.environment.Environment;
import io.ope4j.environment.TabularMdp;
import io.ope4j.synthetic.SyntheticBandit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Candidate policies in one simulator, with their exact values: each is evaluated by a {@link
 * SimulationEvaluator} under the same plan (policy {@code k} with seed {@code plan.seed() + k}).
 *
 * @param environments makes the simulator, one per chunk
 * @param targets each candidate's probabilities {@code [state][action]}, by name, in order
 * @param exactValues each candidate's exact value under {@code gamma}
 * @param gamma the discount the exact values use
 */
public record SimulatedPolicies(Supplier<? extends Environment> environments, Map<String, double[][]> targets,
    Map<String, Double> exactValues, double gamma) {

  public SimulatedPolicies {
    targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    exactValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exactValues));
  }

  /** The random tabular MDP {@code TabularMdp.random(states, actions, horizon, seed)} and the targets. */
  public static SimulatedPolicies tabular(int states, int actions, int horizon, long seed, double gamma,
      Map<String, double[][]> targets) {
    TabularMdp mdp = TabularMdp.random(states, actions, horizon, seed);
    Map<String, Double> exact = new LinkedHashMap<>();
    targets.forEach((name, policy) -> exact.put(name, mdp.value(policy, gamma)));
    return new SimulatedPolicies(() -> TabularMdp.random(states, actions, horizon, seed), targets, exact, gamma);
  }

  /** The synthetic bandit's evaluation policies in its one-step environment. */
  public static SimulatedPolicies bandit(SyntheticBandit bandit) {
    Map<String, double[][]> targets = new LinkedHashMap<>();
    Map<String, Double> exact = new LinkedHashMap<>();
    for (int p = 0; p < bandit.truth().policyCount(); p++) {
      String name = bandit.truth().policies().get(p);
      targets.put(name, BanditEnvironment.policyTable(bandit, p));
      exact.put(name, bandit.truth().value(p));
    }
    return new SimulatedPolicies(() -> new BanditEnvironment(bandit), targets, exact, 1.0);
  }

  /**
   * Evaluates every candidate in turn.
   *
   * @param plan the plan; its gamma is replaced by this simulator's
   * @param progress receives the episodes run so far over all candidates
   */
  public Map<String, SimulationResult> evaluate(SimulationPlan plan, LongConsumer progress) {
    Map<String, SimulationResult> results = new LinkedHashMap<>();
    long[] done = {0};
    int k = 0;
    for (Map.Entry<String, double[][]> target : targets.entrySet()) {
      SimulationPlan own = plan.withGamma(gamma).withSeed(plan.seed() + k++);
      SimulationResult result = new SimulationEvaluator(environments, target.getValue(), own)
          .run(episodes -> progress.accept(done[0] + episodes));
      done[0] += result.episodes();
      results.put(target.getKey(), result);
    }
    return results;
  }
}
