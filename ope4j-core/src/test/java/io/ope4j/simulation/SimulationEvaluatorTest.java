package io.ope4j.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SimulationEvaluatorTest {

  private static final TabularMdp MDP = TabularMdp.random(10, 4, 3, 7);
  private static final double[][] TARGET = TabularPolicies.parse("softmax:0.2", MDP.meanRewards());
  private static final SimulationPlan PLAN = new SimulationPlan(0.9, 0.95, 0, 1024, 256, Sampling.ON_POLICY, 1.0, 1, 1);

  private static SimulationResult run(SimulationPlan plan) {
    return new SimulationEvaluator(() -> TabularMdp.random(10, 4, 3, 7), TARGET, plan).run(done -> {});
  }

  @Test
  void anyThreadCount_givesTheSameResultToTheBit() {
    for (Sampling sampling : Sampling.values()) {
      SimulationResult one = run(PLAN.withSampling(sampling).withBudget(5000));
      SimulationResult three = run(PLAN.withSampling(sampling).withBudget(5000).withThreads(3));
      assertThat(three).as(sampling.id()).isEqualTo(one);
      assertThat(one.episodes()).isEqualTo(5000);
    }
  }

  @Test
  void onPolicy_isPlainMonteCarlo_andCoversTheExactValue() {
    double truth = MDP.value(TARGET, 0.9);
    int covered = 0;
    for (int seed = 0; seed < 100; seed++) {
      SimulationResult r = run(PLAN.withSeed(seed));
      assertThat(r.weightedValue()).isEqualTo(r.value()); // every weight is 1 on-policy
      if (r.lower() <= truth && truth <= r.upper()) {
        covered++;
      }
    }
    assertThat(covered).isBetween(89, 100); // 95% of 100, within about 2.5 binomial standard errors
  }

  @Test
  void stopsOnceTheIntervalIsNarrowerThanTheTarget() {
    SimulationResult wide = run(PLAN.withBudget(1 << 20).withTargetWidth(0.05));
    assertThat(wide.stoppedBecause()).isEqualTo("target-width");
    assertThat(wide.width()).isLessThan(0.05);
    assertThat(wide.episodes()).isLessThan(1 << 20).isEqualTo(wide.episodes() / 256 * 256);
    SimulationResult budget = run(PLAN.withBudget(300).withTargetWidth(1e-6));
    assertThat(budget.stoppedBecause()).isEqualTo("budget");
    assertThat(budget.episodes()).isEqualTo(300);
  }

  @Test
  void aTargetOfAnotherShape_isRefused() {
    assertThatThrownBy(() -> new SimulationEvaluator(() -> TabularMdp.random(3, 2, 0, 1), TARGET, PLAN))
        .hasMessageContaining("10 x 4");
  }

  /**
   * PROPS against on-policy sampling at 1,024 episodes, 200 paired repetitions (BENCHMARKS.md, "PROPS"): on two
   * synthetic bandits with continuous rewards PROPS's mean return has a lower MSE, by more than two standard
   * errors of the paired difference; on the tabular MDP, where transitions and termination carry most of the
   * noise, it is no worse (the gain there is small: about 10% at this size).
   */
  @Test
  void props_hasLowerMseThanOnPolicySampling_onTwoEnvironments() {
    SyntheticBandit small = SyntheticBandit.of(SyntheticConfig.defaults(3).withPoolSize(20).withActions(5)
        .withPolicies(List.of(PolicySpec.softmax("target", 1.0))));
    SyntheticBandit quiet = SyntheticBandit.of(SyntheticConfig.defaults(3).withPoolSize(100).withActions(10)
        .withRewardNoise(0.1).withPolicies(List.of(PolicySpec.softmax("target", 1.0))));
    for (SyntheticBandit bandit : List.of(small, quiet)) {
      SamplingComparison c = SamplingComparison.run(() -> new BanditEnvironment(bandit),
          BanditEnvironment.policyTable(bandit, 0), bandit.truth().value(0), PLAN.withGamma(1.0), 200);
      print("synthetic bandit " + bandit.config().poolSize() + "x" + bandit.config().nActions(), c);
      assertThat(c.onPolicyMse() - c.propsMse()).isGreaterThan(2 * c.gainStderr());
    }
    SamplingComparison tabular = SamplingComparison.run(() -> TabularMdp.random(10, 4, 3, 7), TARGET,
        MDP.value(TARGET, 0.9), PLAN, 200);
    print("tabular MDP 10x4, H=3", tabular);
    assertThat(tabular.onPolicyMse() - tabular.propsMse()).isGreaterThan(-2 * tabular.gainStderr());
  }

  private static void print(String setting, SamplingComparison c) {
    System.out.printf(Locale.ROOT, "props-mse | %s | %d | %d | %.4g ± %.2g | %.4g ± %.2g | %.4g ± %.2g | %.4g ± %.2g%n",
        setting, c.episodes(), c.repetitions(), c.onPolicyMse(), c.onPolicyMseStderr(), c.propsMse(),
        c.propsMseStderr(), c.propsWeightedMse(), c.propsWeightedMseStderr(), c.onPolicyMse() - c.propsMse(),
        c.gainStderr());
  }
}
