package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.policy.BernoulliThompsonSampling;
import io.ope4j.policy.PolicyColumns;
import io.ope4j.policy.PositionTablePolicy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Bandit Dataset experiment with ope4j's own Bernoulli TS simulation (10^6 draws, seed
 * 12345) against Open Bandit Pipeline's (10^6 draws, numpy seed 12345): the two tables are
 * independent Monte Carlo estimates of the same probabilities, so they agree within Monte Carlo
 * error, and so does the IPW estimate built on them.
 */
class ObdBtsParityTest {

  private static final long SIMULATIONS = 1_000_000;
  /** Tolerance in standard errors of the difference of two independent estimates. */
  private static final double K_SE = 5.0;

  private static JsonNode expected;
  private static ObdLog men;
  private static PositionTablePolicy table;

  @BeforeAll
  static void simulate() throws IOException {
    expected = new ObjectMapper().readTree(Path.of("..", "testdata", "obp", "obd_random_men_bts_expected.json").toFile());
    men = ObdLoader.loadCampaign(ObdLoaderTest.DATA, "random", "men");
    ObdPrior prior = ObdPrior.read(ObdLoaderTest.DATA.resolve("prior_bts.yaml"), "men");
    table = BernoulliThompsonSampling.of(prior.alpha(), prior.beta(), 3)
        .actionDistribution(SIMULATIONS, 12345L, Runtime.getRuntime().availableProcessors());
  }

  @Test
  void actionDistributionByPosition_matchesOpenBanditPipelineWithinMonteCarloError() {
    JsonNode oracle = expected.get("evaluation_policy").get("action_dist_by_position");
    double worst = 0;
    for (int p = 0; p < 3; p++) {
      for (int a = 0; a < 34; a++) {
        double theirs = oracle.get(p).get(a).asDouble();
        double ours = table.probability(p, a);
        // Var(ours - theirs) = 2 pi (1 - pi) / n; pi estimated by the average of both.
        double pi = (ours + theirs) / 2;
        double se = Math.sqrt(2 * pi * (1 - pi) / SIMULATIONS);
        assertThat(ours).as("slot %s item %s", p, a).isCloseTo(theirs, within(K_SE * se + 1e-12));
        worst = Math.max(worst, Math.abs(ours - theirs) / se);
      }
    }
    assertThat(worst).as("largest difference in SE").isLessThan(K_SE);
  }

  @Test
  void ipw_isWithinOnePercentOfOpenBanditPipeline() {
    double[] pi = PolicyColumns.compute(table, new double[0], 0, men.positions(), men.actions(), null).piLogged();
    double total = 0;
    for (int i = 0; i < men.rows(); i++) {
      total += pi[i] / men.pscores()[i] * men.rewards()[i];
    }
    double ipw = total / men.rows();
    double oracle = expected.get("estimators").get(0).get("estimate").asDouble();
    assertThat(oracle).isEqualTo(0.004542678800000009);
    assertThat(ipw).isCloseTo(oracle, within(0.01 * oracle));
  }
}
