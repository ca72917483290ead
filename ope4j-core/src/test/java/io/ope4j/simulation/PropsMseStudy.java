package io.ope4j.simulation;

import io.ope4j.environment.Environment;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.RewardFunction;
import io.ope4j.synthetic.RewardType;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The PROPS-versus-on-policy table of BENCHMARKS.md: MSE at equal sample size over paired seeded
 * repetitions, on tabular MDPs and synthetic bandits. Run with
 *
 * <pre>
 * mvn -B -q -pl ope4j-core test-compile dependency:build-classpath -Dmdep.outputFile=core.cp
 * java -cp ope4j-core/target/classes:ope4j-core/target/test-classes:$(cat ope4j-core/core.cp) \
 *     io.ope4j.simulation.PropsMseStudy REPETITIONS
 * </pre>
 */
public final class PropsMseStudy {

  private PropsMseStudy() {}

  private record Setting(String name, Supplier<? extends Environment> environments, double[][] target, double truth,
      double gamma) {}

  public static void main(String[] args) {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    TabularMdp small = TabularMdp.random(10, 4, 3, 7);
    double[][] smallTarget = TabularPolicies.parse("softmax:0.2", small.meanRewards());
    TabularMdp open = TabularMdp.random(5, 3, 0, 7);
    double[][] openTarget = TabularPolicies.parse("softmax:0.5", open.meanRewards());
    SyntheticBandit continuous = SyntheticBandit.of(SyntheticConfig.defaults(3).withPoolSize(20).withActions(5)
        .withPolicies(List.of(PolicySpec.softmax("target", 1.0))));
    SyntheticBandit lowNoise = SyntheticBandit.of(SyntheticConfig.defaults(3).withPoolSize(100).withActions(10)
        .withRewardNoise(0.1).withPolicies(List.of(PolicySpec.softmax("target", 1.0))));
    SyntheticBandit binary = SyntheticBandit.of(SyntheticConfig.defaults(3).withPoolSize(50).withActions(10)
        .withRewardType(RewardType.BINARY).withRewardFunction(RewardFunction.LOGISTIC)
        .withPolicies(List.of(PolicySpec.softmax("target", 1.0))));
    List<Setting> settings = List.of(
        new Setting("tabular MDP, 10 states x 4 actions, H = 3, gamma 0.9, softmax:0.2",
            () -> TabularMdp.random(10, 4, 3, 7), smallTarget, small.value(smallTarget, 0.9), 0.9),
        new Setting("tabular MDP, 5 x 3, no horizon, gamma 0.9, softmax:0.5",
            () -> TabularMdp.random(5, 3, 0, 7), openTarget, open.value(openTarget, 0.9), 0.9),
        new Setting("synthetic bandit, 20 contexts x 5 actions, continuous", () -> new BanditEnvironment(continuous),
            BanditEnvironment.policyTable(continuous, 0), continuous.truth().value(0), 1.0),
        new Setting("synthetic bandit, 100 x 10, reward noise 0.1", () -> new BanditEnvironment(lowNoise),
            BanditEnvironment.policyTable(lowNoise, 0), lowNoise.truth().value(0), 1.0),
        new Setting("synthetic bandit, 50 x 10, binary rewards", () -> new BanditEnvironment(binary),
            BanditEnvironment.policyTable(binary, 0), binary.truth().value(0), 1.0));
    System.out.println("| environment | episodes | on-policy MSE | PROPS MSE | PROPS weighted MSE | MSE gain (paired) | ratio |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Setting s : settings) {
      for (int episodes : new int[] {1024, 4096}) {
        SimulationPlan plan = new SimulationPlan(s.gamma(), 0.95, 0, episodes, 256, Sampling.ON_POLICY, 1.0, 1, 2);
        SamplingComparison c = SamplingComparison.run(s.environments(), s.target(), s.truth(), plan, repetitions);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3g ± %.2g | %.3g ± %.2g | %.3g ± %.2g | %.3g ± %.2g | %.2f |%n",
            s.name(), episodes, c.onPolicyMse(), c.onPolicyMseStderr(), c.propsMse(), c.propsMseStderr(),
            c.propsWeightedMse(), c.propsWeightedMseStderr(), c.onPolicyMse() - c.propsMse(), c.gainStderr(),
            c.propsMse() / c.onPolicyMse());
      }
    }
  }
}
