package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17: the cases where Open Bandit Pipeline 0.5.5's own test suite and ope4j disagreed.
 * Expected values are OBP's, computed with its formulas (obp/ope/estimators.py,
 * estimators_tuning.py, helper.py estimate_student_t_lower_bound) by hand or in a transcription
 * of them.
 */
class ObpParityIssue17Test {

  private static final double PARITY = 1e-12;

  @TempDir Path dir;

  // --- item 1: SLOPE's default delta is OBP's 0.1 for the sub-Gaussian pair too ---

  /** The issue's log: delta 0.05 picks lambda 1 (value 1), OBP's delta 0.1 picks 0.5. */
  private static final String SG_IPW_LOG = """
      action,reward,pscore,pi_0,pi_1
      1,1,0.5,0.1,0.9
      0,1,0.1,0.5,0.5
      1,1,0.1,0.1,0.9
      """;

  /** A log where dr-sg's choice differs: lambda 0.5 with delta 0.05, 0.1 with OBP's 0.1. */
  private static final String SG_DR_LOG = """
      action,reward,pscore,pi_0,pi_1,q_0,q_1
      0,1,0.5,0.7,0.3,0.4,0.6
      1,1,0.2,0.5,0.5,0.6,0.6
      0,1,0.1,0.9,0.1,0.6,0.6
      1,1,0.2,0.3,0.7,0.8,0.6
      0,1,0.2,0.7,0.3,0.4,0.2
      0,1,0.2,0.5,0.5,0.6,0.6
      """;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "ipw-sg, '',          ipw-sg:lambda=0.5, 1.584126984126984",
      "ipw-sg, :delta=0.1,  ipw-sg:lambda=0.5, 1.584126984126984",
      "ipw-sg, :delta=0.05, ipw-sg:lambda=1,   1.0",
      "dr-sg,  '',          dr-sg:lambda=0.1,  1.7678037904124857",
      "dr-sg,  :delta=0.05, dr-sg:lambda=0.5,  1.2297354497354498"})
  void subGaussianSlopeDefaultsToObpsDelta(String id, String delta, String selected, double value)
      throws IOException {
    Path log = write("sg.csv", id.equals("ipw-sg") ? SG_IPW_LOG : SG_DR_LOG);
    JsonNode estimate = evaluateJson(log, id + ":lambda=slope" + delta).get("estimates").get(0);
    assertThat(estimate.get("selected").asText()).isEqualTo(selected);
    assertThat(estimate.get("value").asDouble()).isCloseTo(value, within(PARITY));
  }

  /**
   * Larger logs built by a formula (the same in OBP's transcription): row i has action (i m1) mod
   * 3, reward 1 iff (i m2) mod 5 < 2, pscore {0.1, 0.25, 0.5, 0.8}[(i m3) mod 4], policy row i
   * mod 5 of {@link #PI} and predictions q(a) = {0.2, 0.5, 0.7}[(i + a) mod 3].
   */
  @ParameterizedTest(name = "{0} on {1} rows")
  @CsvSource({
      "ipw-sg, 60,  1, 1, 4, ipw-sg:lambda=0.5, 0.5531746031746032, ipw-sg:lambda=0.1, 0.9795454545454544",
      "dr-sg,  60,  2, 5, 1, dr-sg:lambda=1,    1.2666666666666666, dr-sg:lambda=0.1,  1.415863766479156",
      "ipw-sg, 200, 1, 2, 1, ipw-sg:lambda=1,   0.4,                ipw-sg:lambda=0.1, 0.436044228472454",
      "dr-sg,  200, 1, 2, 4, dr-sg:lambda=1,    0.4014083333333333, dr-sg:lambda=0.5,  0.28921300366300373"})
  void subGaussianSlopeOnLargerLogsWhereTheDeltasDisagree(String id, int rows, int m1, int m2,
      int m3, String selected005, double value005, String selected01, double value01)
      throws IOException {
    Path log = write("formula.csv", formulaLog(rows, m1, m2, m3));
    JsonNode obp = evaluateJson(log, id + ":lambda=slope").get("estimates").get(0);
    assertThat(obp.get("selected").asText()).isEqualTo(selected01);
    assertThat(obp.get("value").asDouble()).isCloseTo(value01, within(PARITY));
    JsonNode strict = evaluateJson(log, id + ":lambda=slope:delta=0.05").get("estimates").get(0);
    assertThat(strict.get("selected").asText()).isEqualTo(selected005);
    assertThat(strict.get("value").asDouble()).isCloseTo(value005, within(PARITY));
  }

  private static final double[][] PI = {
      {0.1, 0.2, 0.7}, {0.6, 0.3, 0.1}, {0.2, 0.2, 0.6}, {0.05, 0.9, 0.05}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};

  private static String formulaLog(int rows, int m1, int m2, int m3) {
    double[] pscores = {0.1, 0.25, 0.5, 0.8};
    double[] predictions = {0.2, 0.5, 0.7};
    StringBuilder text = new StringBuilder("action,reward,pscore,pi_0,pi_1,pi_2,q_0,q_1,q_2\n");
    for (int i = 0; i < rows; i++) {
      double[] pi = PI[i % 5];
      text.append(i * m1 % 3).append(',').append(i * m2 % 5 < 2 ? 1 : 0).append(',')
          .append(pscores[i * m3 % 4]).append(',')
          .append(pi[0]).append(',').append(pi[1]).append(',').append(pi[2]);
      for (int a = 0; a < 3; a++) {
        text.append(',').append(predictions[(i + a) % 3]);
      }
      text.append('\n');
    }
    return text.toString();
  }

  // --- item 2: each column is required only by the estimators that use it ---

  private static final String NO_PSCORE = "action,reward,pi_0,pi_1,q_0,q_1\n0,1,0.3,0.7,0.2,0.4\n";

  @Test
  void dmRunsWithoutPscoreAsInObp() throws IOException {
    Path log = write("nopscore.csv", NO_PSCORE);
    JsonNode root = evaluateJson(log, "dm");
    JsonNode estimate = root.get("estimates").get(0);
    // 0.3 * 0.2 + 0.7 * 0.4
    assertThat(estimate.get("value").asDouble()).isCloseTo(0.34, within(PARITY));
    // no weight is known without propensities: the diagnostics say so rather than invent one
    assertThat(estimate.get("diagnostics").get("ess").isNull()).isTrue();
    assertThat(root.get("warnings")).isNullOrEmpty();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({
      "ipw,                            estimator ipw needs the pscore column",
      "dm;dr,                          estimator dr needs the pscore column",
      "dm;switch-dr:lambda=slope,      estimator switch-dr:lambda=slope needs the pscore column",
      "'',                             estimator ipw needs the pscore column"})
  void anEstimatorThatWeightsNamesTheMissingPscore(String estimators, String message)
      throws IOException {
    Path log = write("nopscore.csv", NO_PSCORE);
    CliRun run = estimators.isEmpty()
        ? CliRun.of("evaluate", "--data", log.toString())
        : CliRun.of("evaluate", "--data", log.toString(), "--estimators", estimators.replace(';', ','));
    assertBadInput(run);
    assertThat(run.err()).startsWith("ope4j: error: " + log + ": " + message);
  }

  // --- item 3: a single SLOPE candidate is accepted and is the choice ---

  @ParameterizedTest(name = "{0}")
  @CsvSource({"switch-dr, 1", "dr-os, 1", "dr-sg, 0.1", "ipw-sg, 0.1"})
  void oneSlopeCandidateIsTheChoice(String id, String lambda) throws IOException {
    Path log = write("sg.csv", SG_DR_LOG);
    JsonNode estimates = evaluateJson(log,
        id + ":lambda=slope:lambdas=" + lambda + "," + id + ":lambda=" + lambda).get("estimates");
    assertThat(estimates.get(0).get("estimator").asText()).isEqualTo(id + ":lambda=slope:lambdas=" + lambda);
    assertThat(estimates.get(0).get("selected").asText()).isEqualTo(id + ":lambda=" + lambda);
    assertThat(estimates.get(0).get("value").asDouble()).isEqualTo(estimates.get(1).get("value").asDouble());
  }

  // --- item 4: ids are ASCII integers ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "action,reward,pscore,pi_0,pi_1 | 1,1,0.5,0.5,0.5;0.0,1,0.5,0.5,0.5        | row 2, action   | 0.0",
      "action,reward,pscore,pi_0,pi_1 | 1.0,1,0.5,0.5,0.5                        | row 1, action   | 1.0",
      "action,reward,pscore,position,pi_0,pi_1 | 1,1,0.5,2.0,0.5,0.5           | row 1, position | 2.0"})
  void integralFloatsAreRefusedAsIds(String header, String rows, String where, String value)
      throws IOException {
    Path log = write("ids.csv", header + "\n" + rows.trim().replace(';', '\n') + "\n");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw");
    assertBadInput(run);
    assertThat(run.err()).startsWith("ope4j: error: " + log + " " + where.trim())
        .contains(value.trim());
  }

  // --- item 5: documented ranges, the pi-sum tolerance as an option ---

  /** pi_0 + pi_1 = 1 + 4e-6: a float32 policy's rounding, beyond the default 1e-6. */
  private static final String LOOSE_SUM = "action,reward,pscore,pi_0,pi_1\n"
      + "0,1,0.5,0.5,0.5\n1,1,0.5,0.300004,0.7\n";

  @Test
  void piSumToleranceDefaultsToOneMillionthAndShowsTheSum() throws IOException {
    Path log = write("loose.csv", LOOSE_SUM);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw");
    assertBadInput(run);
    assertThat(run.err()).startsWith("ope4j: error: " + log + " row 2, pi_0..pi_1:")
        .contains("sum to " + (0.300004 + 0.7)).contains("within 1.0E-6");
  }

  @Test
  void piSumToleranceIsAnOption() throws IOException {
    Path log = write("loose.csv", LOOSE_SUM);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw",
        "--pi-sum-tolerance", "1e-5", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // (0.5 / 0.5 * 1 + 0.7 / 0.5 * 1) / 2: the probabilities are used as written
    double value = new ObjectMapper().readTree(run.out()).get("estimates").get(0).get("value").asDouble();
    assertThat(value).isCloseTo((1.0 + 1.4) / 2, within(PARITY));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--pi-sum-tolerance | -1               | --pi-sum-tolerance) must be in [0, 1), got -1.0",
      "--pi-sum-tolerance | 1                | --pi-sum-tolerance) must be in [0, 1), got 1.0",
      "--level            | 1                | confidence level must be in (0, 1), got 1.0",
      "--level            | 0                | confidence level must be in (0, 1), got 0.0",
      "--estimators       | ipw:clip=0       | clip must be > 0, got 0",
      "--estimators       | dr-sg:lambda=slope:delta=1 | delta must be in (0, 1), got 1",
      "--estimators       | switch-dr:lambda=slope:delta=0 | delta must be in (0, 1), got 0"})
  void rangesAreCheckedWithClearMessages(String option, String value, String message)
      throws IOException {
    Path log = write("log.csv", SG_DR_LOG);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), option.trim(), value.trim());
    assertBadInput(run);
    assertThat(run.err()).contains(message.trim());
  }

  // --- item 6: messages ---

  @Test
  void missingModelColumnsNameTheFile() throws IOException {
    Path log = write("nomodel.csv", SG_IPW_LOG);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "dm");
    assertBadInput(run);
    assertThat(run.err()).isEqualTo("ope4j: error: " + log + ": estimator dm needs reward-model"
        + " columns (q_0..q_{K-1}, or q and q_pi); the log has none" + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"--seed, abc", "--bootstrap, x", "--seed, 1.5", "--level, high"})
  void aNonNumericOptionPrintsOneLine(String option, String value) throws IOException {
    Path log = write("log.csv", SG_IPW_LOG);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), option, value);
    assertBadInput(run);
    assertThat(run.err()).startsWith("ope4j: error: ").contains(option).contains(value);
  }

  private JsonNode evaluateJson(Path log, String estimators) throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", estimators,
        "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** Exit 2, nothing on stdout, exactly one line on stderr. */
  private static void assertBadInput(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    List<String> lines = new ArrayList<>(run.err().lines().toList());
    assertThat(lines).as(run.err()).hasSize(1);
  }

  private Path write(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content);
    return path;
  }
}
