package io.ope4j.models.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.environment.Occupancy;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitted Q evaluation and marginal ratios against the exact values of a tabular MDP. */
class FqeTest {

  private static final double GAMMA = 0.9;
  private static final TabularMdp MDP = TabularMdp.random(4, 2, 0, 5);
  private static final double[][] BEHAVIOUR = TabularPolicies.parse("uniform", MDP.meanRewards());
  private static final double[][] TARGET =
      TabularPolicies.parse("epsilon-greedy:0.2", MDP.meanRewards());
  /** A feature embedding of the 4 states (linear Q is then misspecified, on purpose). */
  private static final double[][] FEATURES = {{0.1, 1.0}, {0.7, -0.3}, {-0.5, 0.4}, {0.2, 0.2}};

  private static TransitionLog tabularLog(int episodes, long seed) throws IOException {
    return MdpLogs.transitions(MdpLogs.collect(MDP, BEHAVIOUR, TARGET, null, episodes, seed), true);
  }

  /** In-sample fit of policy 0 on every episode. */
  private static double[][] fit(QFitter fitter, TransitionLog log, double[] q, double[] ratio) {
    boolean[] all = new boolean[log.episodes];
    java.util.Arrays.fill(all, true);
    fitter.fit(log, 0, GAMMA, all, all, q, ratio);
    return null;
  }

  /** The largest |Q-hat(s, a) - Q(s, a)| over the logged rows. */
  private static double qError(TransitionLog log, double[] q) {
    double[][] exact = MDP.qValues(TARGET, GAMMA);
    double worst = 0;
    for (int i = 0; i < log.steps; i++) {
      for (int a = 0; a < log.actions; a++) {
        worst = Math.max(worst, Math.abs(q[i * log.actions + a] - exact[(int) log.state[i]][a]));
      }
    }
    return worst;
  }

  @Test
  void tabularFqe_convergesToExactQ() throws IOException {
    double[] errors = new double[2];
    int[] sizes = {1_000, 16_000};
    for (int n = 0; n < sizes.length; n++) {
      TransitionLog log = tabularLog(sizes[n], 40 + n);
      double[] q = new double[log.steps * log.actions];
      fit(new TabularFqe(), log, q, new double[log.steps]);
      errors[n] = qError(log, q);
    }
    // 16 times the data: the sampling error (about 1/sqrt(visits)) shrinks about 4 times
    assertThat(errors[1]).as("errors %s", java.util.Arrays.toString(errors)).isLessThan(0.05)
        .isLessThan(errors[0] / 2);
  }

  @Test
  void treeFqe_approachesExactQ() throws IOException {
    // 40 iterations leave (gamma c)^40 < 2e-3 of the far rewards out; trees fit a 4-state table
    TransitionLog log = tabularLog(4_000, 12);
    double[] q = new double[log.steps * log.actions];
    QFitter trees = QModelSpec.parse("fqe-trees:iterations=40:rounds=20:depth=3:eta=0.5");
    fit(trees, log, q, new double[log.steps]);
    double[] exactFit = new double[q.length];
    fit(new TabularFqe(), log, exactFit, new double[log.steps]);
    assertThat(qError(log, q)).isLessThan(0.1);
    for (int i = 0; i < q.length; i++) {
      assertThat(q[i]).isCloseTo(exactFit[i], within(0.02));
    }
  }

  @Test
  void linearIteration_fixedPointEqualsLstdq() throws IOException {
    TransitionLog log = MdpLogs.transitions(
        MdpLogs.collect(MDP, BEHAVIOUR, TARGET, FEATURES, 2_000, 3), false);
    double[] iterated = new double[log.steps * log.actions];
    double[] direct = new double[log.steps * log.actions];
    fit(LinearFqe.of(1e-6, LinearFqe.Solve.ITERATE), log, iterated, new double[log.steps]);
    fit(LinearFqe.of(1e-6, LinearFqe.Solve.LSTDQ), log, direct, new double[log.steps]);
    for (int i = 0; i < iterated.length; i++) {
      assertThat(iterated[i]).as("row %d", i / log.actions).isCloseTo(direct[i], within(1e-10));
    }
  }

  @Test
  void linearOneHot_equalsTabular() throws IOException {
    // with the one-hot state, the linear Q is the table, and a tiny ridge moves it by ~1e-9
    TransitionLog log = tabularLog(3_000, 8);
    double[] linear = new double[log.steps * log.actions];
    double[] tabular = new double[log.steps * log.actions];
    fit(LinearFqe.of(1e-9, LinearFqe.Solve.ITERATE), log, linear, new double[log.steps]);
    fit(new TabularFqe(), log, tabular, new double[log.steps]);
    for (int i = 0; i < linear.length; i++) {
      assertThat(linear[i]).isCloseTo(tabular[i], within(1e-6));
    }
  }

  @Test
  void exactRatios_matchThePowerSeriesOfOccupancies() {
    // m_pi(s) = sum_t gamma^t P(s_t = s, running), by propagating the distribution 2,000 steps
    double[][][] next = new double[4][2][];
    double[] continuation = new double[4];
    double[] initial = new double[4];
    // a hand-made MDP, independent of TabularMdp's draws
    for (int s = 0; s < 4; s++) {
      continuation[s] = 0.6 + 0.1 * s;
      initial[s] = 0.25;
      next[s][0] = new double[] {0.1, 0.2, 0.3, 0.4};
      next[s][1] = new double[] {0.4, 0.3, 0.2, 0.1};
    }
    double[][] behaviour = {{0.5, 0.5}, {0.3, 0.7}, {0.8, 0.2}, {0.5, 0.5}};
    double[][] target = {{0.9, 0.1}, {0.2, 0.8}, {0.5, 0.5}, {0.1, 0.9}};
    double[][] ratios = Occupancy.ratios(next, continuation, initial, target, behaviour, GAMMA);
    double[] targetVisits = series(next, continuation, initial, target, GAMMA);
    double[] behaviourVisits = series(next, continuation, initial, behaviour, 1.0);
    for (int s = 0; s < 4; s++) {
      for (int a = 0; a < 2; a++) {
        double expected = targetVisits[s] * target[s][a] / (behaviourVisits[s] * behaviour[s][a]);
        assertThat(ratios[s][a]).isCloseTo(expected, within(1e-12));
      }
    }
  }

  private static double[] series(double[][][] next, double[] continuation, double[] initial,
      double[][] policy, double gamma) {
    double[] total = new double[initial.length];
    double[] now = initial.clone();
    for (int t = 0; t < 2_000; t++) {
      double[] later = new double[now.length];
      for (int s = 0; s < now.length; s++) {
        total[s] += now[s];
        for (int a = 0; a < policy[s].length; a++) {
          for (int to = 0; to < now.length; to++) {
            later[to] += gamma * now[s] * continuation[s] * policy[s][a] * next[s][a][to];
          }
        }
      }
      now = later;
    }
    return total;
  }

  @Test
  void tabularRatios_convergeToTheExactRatios() throws IOException {
    double[][] exact = MDP.marginalRatios(TARGET, BEHAVIOUR, GAMMA);
    double[] errors = new double[2];
    int[] sizes = {1_000, 16_000};
    for (int n = 0; n < sizes.length; n++) {
      TransitionLog log = tabularLog(sizes[n], 70 + n);
      double[] ratio = new double[log.steps];
      fit(new TabularFqe(), log, new double[log.steps * log.actions], ratio);
      for (int i = 0; i < log.steps; i++) {
        double truth = exact[(int) log.state[i]][log.action[i]];
        errors[n] = Math.max(errors[n], Math.abs(ratio[i] - truth) / truth);
      }
    }
    assertThat(errors[1]).as("relative errors %s", java.util.Arrays.toString(errors))
        .isLessThan(0.05).isLessThan(errors[0] / 2);
  }

  @Test
  void inSample_misEqualsDm_tabularAndLinear() throws IOException {
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.DM,
        SequentialEstimator.MIS, SequentialEstimator.MDR), GAMMA);
    TransitionLog tabular = tabularLog(2_000, 9);
    TransitionLog features = MdpLogs.transitions(
        MdpLogs.collect(MDP, BEHAVIOUR, TARGET, FEATURES, 2_000, 9), false);
    for (Object[] pair : new Object[][] {{new TabularFqe(), tabular},
        {LinearFqe.of(0, LinearFqe.Solve.LSTDQ), features}}) {
      SequentialResult result = FittedTrajectories.evaluate((TransitionLog) pair[1],
          (QFitter) pair[0], CrossFitting.inSample(), config, 1).result();
      double dm = result.get("target", SequentialEstimator.DM).value();
      // certainty equivalence (tabular) and the LSTDQ / MWL duality (linear; a ridge would add
      // alpha beta'theta / n to mdr)
      assertThat(result.get("target", SequentialEstimator.MIS).value())
          .as(((QFitter) pair[0]).describe())
          .isCloseTo(dm, within(1e-10));
      assertThat(result.get("target", SequentialEstimator.MDR).value()).isCloseTo(dm, within(1e-10));
    }
  }

  @Test
  void crossFitted_misAndMdr_errorShrinksLikeOneOverRootN() throws IOException {
    double truth = MDP.value(TARGET, GAMMA);
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.DM,
        SequentialEstimator.DR, SequentialEstimator.MIS, SequentialEstimator.MDR), GAMMA);
    int[] sizes = {500, 8_000};
    int seeds = 8;
    double[][] meanSquared = new double[sizes.length][4];
    for (int n = 0; n < sizes.length; n++) {
      for (int seed = 0; seed < seeds; seed++) {
        TransitionLog log = tabularLog(sizes[n], 1000L * n + seed);
        SequentialResult result = FittedTrajectories.evaluate(log, new TabularFqe(),
            CrossFitting.folds(2, seed), config, 1).result();
        for (int e = 0; e < 4; e++) {
          double error = result.estimates().get(e).value() - truth;
          meanSquared[n][e] += error * error / seeds;
        }
      }
    }
    for (int e : new int[] {0, 2, 3}) { // dm, mis, mdr (dr's per-decision weights are noisier)
      double small = Math.sqrt(meanSquared[0][e]);
      double large = Math.sqrt(meanSquared[1][e]);
      // 16 times the episodes: the RMSE falls about 4 times; allow 2.5 for 8 seeds' noise
      assertThat(large).as("estimator %d: RMSE %s -> %s", e, small, large)
          .isLessThan(small / 2.5).isLessThan(0.05);
    }
  }
}
