package io.ope4j.simulation;

import io.ope4j.environment.Environment;
import io.ope4j.synthetic.RewardType;
import io.ope4j.synthetic.SyntheticBandit;
import java.util.SplittableRandom;

/**
 * The synthetic bandit (io.ope4j.synthetic) as a one-step {@link Environment}: the state is the
 * pool context, drawn uniformly; the reward of an action is drawn as the bandit draws its logged
 * rewards (Bernoulli of {@code mu} for binary rewards, {@code mu} plus normal noise of the
 * configured spread otherwise); every episode ends after one step. Policy values are the
 * bandit's exact truths.
 */
public final class BanditEnvironment implements Environment {

  private final SyntheticBandit bandit;
  private final boolean binary;
  private final double rewardSd;
  private int context;
  private double reward;

  public BanditEnvironment(SyntheticBandit bandit) {
    this.bandit = bandit;
    this.binary = bandit.config().rewardType() == RewardType.BINARY;
    this.rewardSd = bandit.config().rewardNoise() * bandit.rewardScale();
  }

  /** Evaluation policy {@code policy}'s probabilities {@code [context][action]}. */
  public static double[][] policyTable(SyntheticBandit bandit, int policy) {
    int contexts = bandit.config().poolSize();
    int actions = bandit.config().nActions();
    double[][] table = new double[contexts][actions];
    for (int s = 0; s < contexts; s++) {
      for (int a = 0; a < actions; a++) {
        table[s][a] = bandit.policyProbability(policy, s, a);
      }
    }
    return table;
  }

  @Override
  public int states() {
    return bandit.config().poolSize();
  }

  @Override
  public int actions() {
    return bandit.config().nActions();
  }

  @Override
  public int reset(SplittableRandom random) {
    context = random.nextInt(states());
    return context;
  }

  @Override
  public void step(int action, SplittableRandom random) {
    double mu = bandit.meanReward(context, action);
    reward = binary ? (random.nextDouble() < mu ? 1.0 : 0.0) : mu + rewardSd * gaussian(random);
  }

  /** A standard normal draw (Box & Muller 1958), one of the pair. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public int observation() {
    return context;
  }

  @Override
  public double reward() {
    return reward;
  }

  @Override
  public boolean done() {
    return true;
  }
}
