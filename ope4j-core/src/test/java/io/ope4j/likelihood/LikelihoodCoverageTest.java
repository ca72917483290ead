package io.ope4j.likelihood;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.synthetic.OffPolicyStream;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the likelihood intervals on seeded off-policy logs with an exact value ({@link
 * OffPolicyStream}, value 0.49); 1,000 rows per replication, 95% level. The counts are in
 * docs/intervals.md.
 */
class LikelihoodCoverageTest {

  private static final double VALUE = OffPolicyStream.VALUE;
  private static final int REPLICATIONS = 400;
  private static final int ROWS = 1000;

  @Test
  void cressieReadAndClopperPearson_coverTheValue() {
    int cressieRead = 0;
    int clopperPearson = 0;
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      OffPolicyStream stream = new OffPolicyStream(40_000 + rep);
      CressieRead cr = new CressieRead();
      ClopperPearson cp = new ClopperPearson();
      for (int i = 0; i < ROWS; i++) {
        stream.next();
        cr.add(stream.weight(), stream.reward());
        cp.add(stream.weight(), stream.reward());
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
