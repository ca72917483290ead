package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code select --gate RECORD}: only the baseline and the candidates the gate would deploy are ranked. */
class SelectGateTest {

  @TempDir static Path dir;
  static Path log;
  static Path record;

  private static final String[] POLICIES = {"--policy", "base=pi_base_", "--policy", "better=pi_better_",
      "--policy", "worse=pi_worse_"};

  @BeforeAll
  static void simulateAndGate() {
    log = dir.resolve("sim.csv");
    CliRun sim = CliRun.of("simulate", "--rows", "5000", "--output", log.toString(),
        "--eval-policy", "base=softmax:1", "--eval-policy", "better=softmax:0.5", "--eval-policy", "worse=uniform");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    record = dir.resolve("decision.json");
    CliRun gate = CliRun.of(concat(new String[] {"gate", "--data", log.toString(), "--baseline", "base",
        "--estimators", "ipw", "--record", record.toString()}, POLICIES));
    assertThat(gate.exitCode()).as(gate.err()).isZero();
  }

  @Test
  void aCandidateTheGateHoldsBack_isNotRanked() {
    CliRun plain = CliRun.of(concat(new String[] {"select", "--data", log.toString(), "--estimators", "ipw"}, POLICIES));
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("worse");
    CliRun gated = CliRun.of(concat(new String[] {"select", "--data", log.toString(), "--estimators", "ipw", "--gate",
        record.toString()}, POLICIES));
    assertThat(gated.exitCode()).as(gated.err()).isZero();
    assertThat(gated.out()).contains("better").contains("base").doesNotContain("worse");
    assertThat(gated.err()).contains("the gate holds back worse (do-not-deploy)");
  }

  @Test
  void aRecordOfAnotherLog_isRefused() throws Exception {
    Path other = dir.resolve("other.csv");
    Files.write(other, Files.readAllLines(log).subList(0, 3000));
    CliRun run = CliRun.of(concat(new String[] {"select", "--data", other.toString(), "--estimators", "ipw", "--gate",
        record.toString()}, POLICIES));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("was decided on another log");
    Path notARecord = Files.writeString(dir.resolve("x.json"), "{\"verdict\": \"deploy\"}");
    CliRun bad = CliRun.of(concat(new String[] {"select", "--data", log.toString(), "--gate", notARecord.toString()},
        POLICIES));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("x.json").contains("not a gate decision record");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
