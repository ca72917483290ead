package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ct-evaluate and ct-simulate end to end, and every bad-file case of issue 5. */
class CtEvaluateCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ope4j.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** Asserts the one-message contract: exit 2, nothing on stdout, a message naming file, row and column. */
  private static void assertBadFile(Run run, Path file, String rowAndColumn, String problem) {
    assertThat(run.code()).as(run.err()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + file + " " + rowAndColumn).contains(problem);
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
  }

  private Run evaluate(Path data, String setting, String... more) {
    String[] base = {"ct-evaluate", "--data", data.toString(), "--setting", setting, "--basis", "1,x,x^2",
        "--beta", setting.equals("ergodic") ? "0" : "0.5"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return run(all);
  }

  @Test
  void simulateThenEvaluate_ouLstdIsCloseToTheTruth() throws IOException {
    Path data = dir.resolve("ou.csv");
    Run sim = run("ct-simulate", "--process", "ou", "--paths", "400", "--dt", "0.05", "--horizon", "10", "-o",
        data.toString(), "--seed", "5");
    assertThat(sim.code()).as(sim.err()).isZero();
    assertThat(sim.err()).contains("truth: discounted (beta=0.5) J(x) = 0.400000 x^2 + 0.200000");
    Path points = write("points.csv", "x_1\n0\n1\n");
    Run fit = evaluate(data, "discounted", "--quadrature", "trapezoid", "--eval-at", points.toString(), "--format", "json");
    assertThat(fit.code()).as(fit.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(fit.out());
    assertThat(json.get("method").asText()).isEqualTo("LSTD(0)");
    double c2 = json.get("parameters").get(2).get("value").asDouble();
    double se = json.get("parameters").get(2).get("stderr").asDouble();
    // Trapezoid fixed point at Δt = 0.05 is 0.40052; 400 paths × 10 units give se ≈ 0.013.
    assertThat(Math.abs(c2 - 0.400521)).isLessThan(4 * se);
    assertThat(json.get("values")).hasSize(2);
    assertThat(json.get("diagnostics").get("paths").asLong()).isEqualTo(400);
    assertThat(json.get("diagnostics").get("transitions").asLong()).isEqualTo(400 * 200);
    assertThat(json.get("diagnostics").get("condition_number").asDouble()).isLessThan(100);
  }

  @Test
  void theClosedFormWrittenByCtSimulate_isPutBesideTheFit() throws IOException {
    Path data = dir.resolve("bm.csv");
    Run sim = run("ct-simulate", "--process", "bm", "--sigma", "1", "--paths", "200", "--dt", "0.05", "--horizon", "1",
        "-o", data.toString(), "--seed", "3");
    assertThat(sim.code()).as(sim.err()).isZero();
    Path truth = dir.resolve("bm.truth.json");
    assertThat(truth).exists();
    Path points = write("bm-points.csv", "t,x_1\n0,0\n0.5,1\n");
    Run fit = run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "x^2,x^2*tau,tau,tau^2,1",
        "--method", "ml", "--truth", truth.toString(), "--eval-at", points.toString(), "--format", "json");
    assertThat(fit.code()).as(fit.err()).isZero();
    JsonNode values = new ObjectMapper().readTree(fit.out()).get("values");
    // J(t, x) = x^2 (1 + tau) + tau + tau^2 / 2 with tau = 1 - t: 1.5 at (0, 0), 1.5 + 0.5 + 0.125 at (0.5, 1)
    assertThat(values.get(0).get("true_value").asDouble()).isCloseTo(1.5, within(1e-12));
    assertThat(values.get(1).get("true_value").asDouble()).isCloseTo(2.125, within(1e-12));

    Run otherSetting = run("ct-evaluate", "--data", data.toString(), "--setting", "discounted", "--beta", "0.5",
        "--basis", "1,x,x^2", "--truth", truth.toString());
    assertThat(otherSetting.code()).isEqualTo(2);
    assertThat(otherSetting.err()).contains("is the truth of the finite setting, not discounted");
    Path broken = write("broken.truth.json", "{\"setting\": \"finite\", \"value_terms\": {\"x^2\": \"one\"}}");
    Run bad = run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "x^2,1", "--truth",
        broken.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("broken.truth.json").contains("value_terms.x^2").contains("must be a number");
  }

  @Test
  void dtStudy_showsTheLeftRectanglesFirstOrderError() throws IOException {
    Path data = dir.resolve("ou-coarse.csv");
    Run sim = run("ct-simulate", "--process", "ou", "--paths", "1000", "--dt", "0.05", "--horizon", "10", "-o",
        data.toString(), "--seed", "8");
    assertThat(sim.code()).as(sim.err()).isZero();
    Run fit = evaluate(data, "discounted", "--quadrature", "left", "--truth", dir.resolve("ou-coarse.truth.json").toString(),
        "--dt-study", "--format", "json");
    assertThat(fit.code()).as(fit.err()).isZero();
    JsonNode study = new ObjectMapper().readTree(fit.out()).get("dt_study");
    assertThat(study).hasSize(4);
    // The left rectangle's bias is first order in the step (docs/continuous_time.md, T4): each doubling of
    // the step about doubles the error once the bias dominates the sampling noise (se of c2 ~ 0.006 here).
    double slope = Math.log(study.get(3).get("rms_error").asDouble() / study.get(1).get("rms_error").asDouble())
        / Math.log(study.get(3).get("dt").asDouble() / study.get(1).get("dt").asDouble());
    assertThat(slope).isBetween(0.8, 1.3);
    assertThat(study.get(1).get("dt").asDouble()).isCloseTo(0.1, within(1e-9));

    Run noTruth = evaluate(data, "discounted", "--dt-study");
    assertThat(noTruth.code()).isEqualTo(2);
    assertThat(noTruth.err()).contains("--dt-study needs --truth");
  }

  @Test
  void handComputedLstdOnTwoTinyPaths() throws IOException {
    // One feature (x), discounted β = ln 2 so g = 1/2 over Δt = 1, left rewards R = r.
    // Path 0: x = 1, 2 (r = 3); path 1: x = 2, 1 (r = 1). A = Σ x_k(x_k - x_{k+1}/2) = 1·0 + 2·1.5 = 3,
    // b = Σ x_k R_k = 1·3 + 2·1 = 5, θ = 5/3.
    Path data = write("tiny.csv", "path,t,x_1,r\n0,0,1,3\n0,1,2,0\n1,0,2,1\n1,1,1,0\n");
    Run fit = run("ct-evaluate", "--data", data.toString(), "--setting", "discounted", "--beta",
        Double.toString(Math.log(2)), "--basis", "x", "--quadrature", "left", "--format", "csv");
    assertThat(fit.code()).as(fit.err()).isZero();
    String parameter = fit.out().lines().filter(l -> l.startsWith("parameter,x,")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(parameter.split(",")[4])).isCloseTo(5.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void onlineAndErgodicMethodsRun() throws IOException {
    Path data = dir.resolve("lq.csv");
    assertThat(run("ct-simulate", "--process", "lq", "--paths", "50", "--dt", "0.05", "--horizon", "20", "-o",
        data.toString()).code()).isZero();
    Run withConstant = evaluate(data, "ergodic");
    assertThat(withConstant.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(withConstant.err()).contains("must not contain the constant feature 1");
    String[] ergodic = {"ct-evaluate", "--data", data.toString(), "--setting", "ergodic", "--basis", "x,x^2"};
    Run lstd = run(concat(ergodic, "--format", "json"));
    assertThat(lstd.code()).as(lstd.err()).isZero();
    assertThat(lstd.out()).contains("\"average_reward\"");
    Run td = run(concat(ergodic, "--method", "td0", "--epochs", "2"));
    assertThat(td.code()).as(td.err()).isZero();
    assertThat(td.out()).contains("ergodic-td").contains("V (average reward)");
    Run mstde = run(concat(ergodic, "--method", "mstde"));
    assertThat(mstde.out()).contains("BIASED BASELINE");
    Path ou = dir.resolve("ou.csv");
    assertThat(run("ct-simulate", "--process", "ou", "--paths", "50", "--dt", "0.1", "--horizon", "5", "-o",
        ou.toString()).code()).isZero();
    for (String method : new String[] {"td0", "tdlambda", "gtd2"}) {
      Run online = evaluate(ou, "discounted", "--method", method, "--epochs", "3");
      assertThat(online.code()).as(online.err()).isZero();
      assertThat(online.out()).contains("Polyak average");
    }
    Run diverging = evaluate(ou, "discounted", "--method", "td0", "--alpha", "1e6", "--epochs", "50");
    assertThat(diverging.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(diverging.err()).contains("diverged").contains("reduce --alpha");
    assertThat(diverging.out()).isEmpty();
  }

  @Test
  void gradientIterationsOnALinearBasisReachTheBatchSolutions() throws IOException {
    // For a linear family the martingale loss is quadratic and TD(0)'s fixed point is LSTD(0)'s, so
    // the gradient iterations, run to convergence, give the closed-form batch parameters.
    Path data = dir.resolve("bm.csv");
    assertThat(run("ct-simulate", "--process", "bm", "--sigma", "1", "--paths", "200", "--dt", "0.1", "--horizon", "1",
        "-o", data.toString(), "--seed", "9").code()).isZero();
    String[] finite = {"ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "x^2,tau,1",
        "--format", "json"};
    String[][] pairs = {{"ml", "gradient-ml"}, {"lstd", "gradient-td0"}};
    for (String[] pair : pairs) {
      Run batch = run(concat(finite, "--method", pair[0]));
      Run gradient = run(concat(finite, "--method", pair[1], "--alpha", "0.1", "--tolerance", "1e-12"));
      assertThat(gradient.code()).as(gradient.err()).isZero();
      assertThat(gradient.err()).isEmpty();
      JsonNode exact = new ObjectMapper().readTree(batch.out()).get("parameters");
      JsonNode json = new ObjectMapper().readTree(gradient.out());
      assertThat(json.get("method").asText()).contains("offline gradient iterations");
      assertThat(json.get("diagnostics").get("last_step").asDouble()).isLessThan(1e-12);
      for (int k = 0; k < 3; k++) {
        assertThat(json.get("parameters").get(k).get("value").asDouble()).as(pair[1] + " theta " + k)
            .isCloseTo(exact.get(k).get("value").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(json.get("parameters").get(k).get("stderr").isNull()).isTrue();
      }
    }
    Run capped = run(concat(finite, "--method", "gradient-ml", "--alpha", "0.1", "--iterations", "3"));
    assertThat(capped.code()).as(capped.err()).isZero();
    assertThat(capped.err()).contains("did not converge in 3 iterations");
    Run diverging = run(concat(finite, "--method", "gradient-td0", "--alpha", "1e6"));
    assertThat(diverging.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(diverging.err()).startsWith("ope4j: error: " + data + ": the gradient iterations diverged")
        .contains("reduce --alpha");
    assertThat(diverging.out()).isEmpty();
    Run ergodic = run("ct-evaluate", "--data", data.toString(), "--setting", "ergodic", "--basis", "x^2",
        "--method", "gradient-ml");
    assertThat(ergodic.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(ergodic.err()).contains("the ergodic setting supports --method lstd or td0");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void badFile_nonIncreasingTime() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,0.1,1,1\n0,0.1,2,1\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 3, t:", "time must increase within path 0");
  }

  @Test
  void badFile_singleObservation() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,0.1,1,1\n7,0,2,1\n8,0,1,1\n8,1,1,1\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 3, path:", "path 7 has a single observation");
  }

  @Test
  void badFile_nanState() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,0.1,NaN,1\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 2, x_1:", "must be a finite number, got NaN");
  }

  @Test
  void badFile_nanReward() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,0.1,1,1\n1,0,1,NaN\n1,0.1,1,1\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 3, r:", "must be a finite number, got NaN");
  }

  @Test
  void badFile_emptyReward() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,0.1,1,\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 2, r:", "not a number: ''");
  }

  @Test
  void badFile_pathRowsNotContiguous() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,1,1,1\n1,0,1,1\n1,1,1,1\n0,2,1,1\n0,3,1,1\n");
    assertBadFile(evaluate(data, "discounted"), data, "row 5, path:", "path 0 appears again");
  }

  @Test
  void badFile_missingPayoffOnALastRow() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r,payoff\n0,0,1,1,\n0,1,1,1,1\n1,0,1,1,\n1,1,1,1,\n");
    assertBadFile(run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "1,x"), data,
        "row 4, payoff:", "missing terminal payoff on the last row of path 1");
  }

  @Test
  void badFile_missingPayoffColumn() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,1,1,1\n");
    assertBadFile(run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "1,x"), data,
        "header, payoff:", "missing column");
  }

  @Test
  void badFile_pathGoesPastTheHorizon() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r,payoff\n0,0,1,1,\n0,1,1,1,1\n1,0,1,1,\n1,1,1,1,\n1,2,1,1,1\n");
    assertBadFile(run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "1,x,tau"), data,
        "row 5, t:", "beyond the horizon T = 1.0");
  }

  @Test
  void badFile_evalPointNotANumber() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,1,2,1\n1,0,0,1\n1,1,3,1\n2,0,2,0\n2,1,1,1\n");
    Path points = write("pts.csv", "t,x_1\n0,1\n0,abc\n");
    assertBadFile(evaluate(data, "discounted", "--eval-at", points.toString()), points, "row 2, x_1:", "not a number");
  }

  @Test
  void evalPointOutsideTheTimeRange_warnsOnStderrAndStillAnswers() throws IOException {
    Path data = dir.resolve("bm.csv");
    assertThat(run("ct-simulate", "--process", "bm", "--paths", "200", "--dt", "0.1", "--horizon", "1", "-o",
        data.toString()).code()).isZero();
    Path points = write("pts.csv", "t,x_1\n0.5,1\n3,1\n");
    Run fit = run("ct-evaluate", "--data", data.toString(), "--setting", "finite", "--basis", "x^2,x^2*tau,tau,1",
        "--method", "ml", "--eval-at", points.toString(), "--format", "json");
    assertThat(fit.code()).as(fit.err()).isZero();
    assertThat(fit.err()).contains("ope4j: warning: " + points + " row 2, t: 3.00000 is outside the data's time range");
    assertThat(fit.out()).contains("\"values\"").contains("\"t\" : 3.0");
  }

  @Test
  void singularLstdSystem_namesTheCollinearFeatures() throws IOException {
    // x_2 = 2 x_1 on every row: the features x_1 and x_2 are collinear.
    Path data = write("p.csv", "path,t,x_1,x_2,r\n0,0,1,2,1\n0,1,2,4,1\n0,2,3,6,1\n1,0,0.5,1,1\n1,1,1,2,1\n");
    Run fit = run("ct-evaluate", "--data", data.toString(), "--setting", "discounted", "--beta", "0.5", "--basis",
        "1,x_1,x_2");
    assertThat(fit.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(fit.out()).isEmpty();
    assertThat(fit.err()).startsWith("ope4j: error: " + data + ": LSTD(0) system is singular")
        .contains("x_2").contains("x_1").contains("collinear").contains("too few paths");
  }

  @Test
  void badUsage_unknownMethodAndBadBasis() throws IOException {
    Path data = write("p.csv", "path,t,x_1,r\n0,0,1,1\n0,1,2,1\n");
    Run method = evaluate(data, "discounted", "--method", "sarsa");
    assertThat(method.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(method.err()).contains("--method must be");
    Run basis = run("ct-evaluate", "--data", data.toString(), "--setting", "discounted", "--beta", "1", "--basis", "y^2");
    assertThat(basis.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(basis.err()).contains("unknown factor 'y'");
    assertThat(basis.out()).isEmpty();
  }
}
