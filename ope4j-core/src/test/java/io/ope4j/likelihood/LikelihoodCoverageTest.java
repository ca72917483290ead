package io.ope4j.likelihood;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the likelihood intervals on seeded off-policy logs with an exact value: five actions
 * logged uniformly, evaluation policy (0.5, 0.2, 0.1, 0.1, 0.1), Bernoulli rewards with means
 * (0.6, 0.5, 0.4, 0.3, 0.2), value 0.49; 1,000 rows per replication, 95% level. The counts are in
 * docs/intervals.md.
 */
class LikelihoodCoverageTest {

  private static final double[] TARGET = {0.5, 0.2, 0.1, 0.1, 0.1};
  private static final double[] MEAN_REWARD = {0.6, 0.5, 0.4, 0.3, 0.2};
  private static final double VALUE = 0.49;
  private static final int REPLICATIONS = 400;
  private static final int ROWS = 1000;

  @Test
  void cressieReadAndClopperPearson_coverTheValue() {
    int cressieRead = 0;
    int clopperPearson = 0;
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      SplittableRandom random = new SplittableRandom(40_000 + rep);
      CressieRead cr = new CressieRead();
      ClopperPearson cp = new ClopperPearson();
      for (int i = 0; i < ROWS; i++) {
        int action = random.nextInt(5);
        double w = TARGET[action] / 0.2;
        double r = random.nextDouble() < MEAN_REWARD[action] ? 1 : 0;
        cr.add(w, r);
        cp.add(w, r);
      }
      double[] a = cr.interval(0.95, 0, 1);
      double[] b = cp.interval(0.95, 0, 1);
      cressieRead += a[0] <= VALUE && VALUE <= a[1] ? 1 : 0;
      clopperPearson += b[0] <= VALUE && VALUE <= b[1] ? 1 : 0;
    }
    System.out.printf("coverage over %d replications: cressie-read %d, clopper-pearson %d%n", REPLICATIONS,
        cressieRead, clopperPearson);
    double floor = REPLICATIONS * (0.95 - 2 * Math.sqrt(0.95 * 0.05 / REPLICATIONS));
    assertThat(cressieRead).isGreaterThanOrEqualTo((int) floor);
    assertThat(clopperPearson).isGreaterThanOrEqualTo((int) floor);
  }
}
