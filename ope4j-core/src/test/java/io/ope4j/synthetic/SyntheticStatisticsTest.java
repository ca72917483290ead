package io.ope4j.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The generated rows have the distribution the ground truth assumes. Each check compares a sample
 * mean over n = 200,000 rows with its exact expectation, allowing {@link #K_SE} standard errors
 * (estimated from the same sample). Rows are i.i.d. (context uniform from the pool, action from
 * the behaviour policy, reward around mu), so the sample mean of the logged reward centres on the
 * behaviour policy's value, and the importance-weighted (IPS) mean on each evaluation policy's
 * value (Horvitz and Thompson 1952; Dudik, Langford and Li 2011).
 */
class SyntheticStatisticsTest {

  /**
   * Tolerance in standard errors. A correct generator fails one 4 SE check with probability about
   * 6e-5, so the 60-odd checks here together with probability under 0.5%; seeds are fixed, so the
   * outcome is reproducible.
   */
  private static final double K_SE = 4.0;

  private static final int N = 200_000;

  /** Sum and sum of squares of one quantity; n = 200,000 needs no compensation. */
  private static final class Moments {
    private double sum;
    private double squares;
    private long count;

    void add(double value) {
      sum += value;
      squares += value * value;
      count++;
    }

    double mean() {
      return sum / count;
    }

    double standardError() {
      double mean = mean();
      double variance = (squares / count - mean * mean) * count / (count - 1);
      return Math.sqrt(Math.max(variance, 0.0) / count);
    }
  }

  /** Per-policy moments of one pass over the generated log. */
  private static final class Pass {
    final Moments reward = new Moments();
    final Moments[] ips;
    final Moments[] weight;
    final Moments[] directMethod;
    final Moments[] doublyRobust;
    final long[] actionCounts;
    boolean rewardsBinary = true;

    Pass(int policies, int actions) {
      ips = moments(policies);
      weight = moments(policies);
      directMethod = moments(policies);
      doublyRobust = moments(policies);
      actionCounts = new long[actions];
    }

    private static Moments[] moments(int count) {
      Moments[] moments = new Moments[count];
      for (int i = 0; i < count; i++) {
        moments[i] = new Moments();
      }
      return moments;
    }
  }

  private static Pass run(SyntheticBandit bandit) throws IOException {
    int policies = bandit.layout().policyCount();
    Pass pass = new Pass(policies, bandit.config().nActions());
    BanditBatch batch = new BanditBatch(bandit.layout(), 4096);
    try (BatchSource source = bandit.source(N)) {
      while (source.next(batch)) {
        for (int j = 0; j < batch.size(); j++) {
          double reward = batch.reward()[j];
          pass.reward.add(reward);
          pass.actionCounts[batch.action()[j]]++;
          pass.rewardsBinary &= reward == 0.0 || reward == 1.0;
          for (int p = 0; p < policies; p++) {
            double weight = batch.piLogged(p)[j] / batch.pscore()[j];
            double qExpected = batch.qExpected(p)[j];
            pass.weight[p].add(weight);
            pass.ips[p].add(weight * reward);
            pass.directMethod[p].add(qExpected);
            pass.doublyRobust[p].add(qExpected + weight * (reward - batch.qLogged()[j]));
          }
        }
      }
    }
    return pass;
  }

  private static void assertCentred(Moments moments, double truth, String what) {
    assertThat(moments.mean()).as("%s: mean %s, truth %s, SE %s", what, moments.mean(), truth,
        moments.standardError()).isCloseTo(truth, within(K_SE * moments.standardError()));
  }

  /** The logged and importance-weighted means centre on the exact values. */
  private static void assertUnbiased(SyntheticBandit bandit, Pass pass) {
    GroundTruth truth = bandit.truth();
    assertCentred(pass.reward, truth.behaviourValue(), "logged reward");
    for (int p = 0; p < truth.policyCount(); p++) {
      String policy = truth.policies().get(p);
      assertCentred(pass.ips[p], truth.value(p), "IPS of " + policy);
      // E_b[pi / b] = sum_a pi(a) = 1 for every context.
      assertCentred(pass.weight[p], 1.0, "importance weight of " + policy);
      // The direct method centres on the model's value, not the truth.
      assertCentred(pass.directMethod[p], truth.modelValue(p), "DM of " + policy);
      assertCentred(pass.doublyRobust[p], truth.value(p), "DR of " + policy);
    }
  }

  @Test
  void linearContinuous_meansCentreOnTheTruth() throws IOException {
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(101L));
    Pass pass = run(bandit);
    assertUnbiased(bandit, pass);
    assertThat(pass.rewardsBinary).isFalse();
  }

  @Test
  void logisticBinary_meansCentreOnTheTruth() throws IOException {
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(202L)
        .withRewardFunction(RewardFunction.LOGISTIC).withRewardType(RewardType.BINARY));
    Pass pass = run(bandit);
    assertUnbiased(bandit, pass);
    assertThat(pass.rewardsBinary).isTrue();
  }

  @Test
  void linearBinary_meansCentreOnTheTruthAndRewardsAreBits() throws IOException {
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(303L)
        .withRewardType(RewardType.BINARY).withActions(4).withBehaviourTemperature(0.5));
    Pass pass = run(bandit);
    assertUnbiased(bandit, pass);
    assertThat(pass.rewardsBinary).isTrue();
  }

  @Test
  void actions_followTheBehaviourPolicyAveragedOverThePool() throws IOException {
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(404L));
    Pass pass = run(bandit);
    int pool = bandit.config().poolSize();
    for (int a = 0; a < bandit.config().nActions(); a++) {
      double expected = 0.0;
      for (int m = 0; m < pool; m++) {
        expected += bandit.behaviourProbability(m, a);
      }
      expected /= pool;
      double frequency = pass.actionCounts[a] / (double) N;
      // A binomial proportion: SE = sqrt(p (1 - p) / n).
      assertThat(frequency).as("action %s", a)
          .isCloseTo(expected, within(K_SE * Math.sqrt(expected * (1 - expected) / N)));
    }
  }

  @Test
  void contexts_areDrawnUniformlyFromThePool() {
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(505L).withPoolSize(20));
    long[] counts = new long[20];
    for (long row = 0; row < N; row++) {
      counts[bandit.context(row)]++;
    }
    // Pearson's chi-square with 19 degrees of freedom: mean 19, sd sqrt(38); 19 + 4 sd = 43.7.
    double expected = N / 20.0;
    double chiSquare = 0.0;
    for (long count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    assertThat(chiSquare).isLessThan(19 + K_SE * Math.sqrt(38));
  }

  @Test
  void linearBinary_meanRewardsSpanFivePercentToNinetyFive() {
    SyntheticBandit bandit =
        SyntheticBandit.of(SyntheticConfig.defaults(606L).withRewardType(RewardType.BINARY));
    double min = 1.0;
    double max = 0.0;
    for (int m = 0; m < 1000; m++) {
      for (int a = 0; a < 10; a++) {
        min = Math.min(min, bandit.meanReward(m, a));
        max = Math.max(max, bandit.meanReward(m, a));
      }
    }
    // The map uses the pool's own extremes, so both ends are reached exactly.
    assertThat(min).isEqualTo(0.05);
    assertThat(max).isEqualTo(0.95);
  }

  @Test
  void modelErrors_haveTheConfiguredSpread() {
    double noise = 0.3;
    SyntheticBandit bandit =
        SyntheticBandit.of(SyntheticConfig.defaults(707L).withModelNoise(noise));
    Moments error = new Moments();
    for (int m = 0; m < 1000; m++) {
      for (int a = 0; a < 10; a++) {
        error.add((bandit.modelPrediction(m, a) - bandit.meanReward(m, a)) / bandit.rewardScale());
      }
    }
    int cells = 10_000;
    assertThat(error.mean()).isCloseTo(0.0, within(K_SE * noise / Math.sqrt(cells)));
    // The sample sd of n normals has SE about sd / sqrt(2 n).
    double sd = Math.sqrt(error.squares / cells - error.mean() * error.mean());
    assertThat(sd).isCloseTo(noise, within(K_SE * noise / Math.sqrt(2.0 * cells)));
  }

  @Test
  void continuousRewards_haveTheConfiguredNoise() throws IOException {
    // With a perfect model, r - q(x, a) is the reward noise alone.
    SyntheticBandit bandit =
        SyntheticBandit.of(SyntheticConfig.defaults(808L).withModelNoise(0.0).withRewardNoise(2.0));
    Moments noise = new Moments();
    BanditBatch batch = new BanditBatch(bandit.layout(), 4096);
    try (BatchSource source = bandit.source(N)) {
      while (source.next(batch)) {
        for (int j = 0; j < batch.size(); j++) {
          noise.add((batch.reward()[j] - batch.qLogged()[j]) / bandit.rewardScale());
        }
      }
    }
    assertThat(noise.mean()).isCloseTo(0.0, within(K_SE * 2.0 / Math.sqrt(N)));
    double sd = Math.sqrt(noise.squares / N - noise.mean() * noise.mean());
    assertThat(sd).isCloseTo(2.0, within(K_SE * 2.0 / Math.sqrt(2.0 * N)));
  }
}
