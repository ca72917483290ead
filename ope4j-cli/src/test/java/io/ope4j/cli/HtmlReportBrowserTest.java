package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --report}, opened in headless Chromium: the page loads without a console
 * message or a blocked request, every chart container holds a drawn chart, and a screenshot is
 * written to {@code target/browser-reports/}. Without Chromium the test is skipped, except under
 * {@code CI=true}, where it fails.
 */
class HtmlReportBrowserTest {

  private static final Path OUT = Path.of("target", "browser-reports");
  private static final Pattern RENDERED = Pattern.compile("data-chart=\"[^\"]+\"[^>]*data-rendered=\"(\\d+)\"");

  @TempDir static Path dir;
  static HeadlessChromium browser;
  static Path log;
  static Path truth;

  @BeforeAll
  static void setUp() throws Exception {
    browser = HeadlessChromium.find();
    if (browser == null) {
      String message = "Chromium is not installed (apt-get install chromium): the browser test of the HTML reports";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " must run under CI");
      }
      Assumptions.abort(message + " is skipped");
    }
    Files.createDirectories(OUT);
    log = dir.resolve("sim.csv");
    truth = dir.resolve("sim.truth.json");
    CliRun sim = CliRun.of("simulate", "--rows", "4000", "--output", log.toString(), "--eval-policy",
        "cold=softmax:0.3", "--eval-policy", "warm=softmax:3", "--eval-policy", "greedy=argmax",
        "--eval-policy", "uniform=uniform");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
  }

  @Test
  void evaluate() throws Exception {
    check("evaluate", "evaluate", "--data", log.toString(), "--truth", truth.toString());
  }

  @Test
  void evaluateWithAFittedRewardModel() throws Exception {
    Path digits = dir.resolve("digits.csv.gz");
    CliRun sim = CliRun.of("simulate", "--from-classification", "../testdata/uci/digits.csv.gz", "--output",
        digits.toString(), "--seed", "1");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("evaluate-reward-model", "evaluate", "--data", digits.toString(), "--truth",
        dir.resolve("digits.truth.json").toString(), "--reward-model", "logistic:C=1", "--model-features", "per-action",
        "--estimators", "dm,dr,switch-dr:lambda=slope");
    String page = Files.readString(OUT.resolve("evaluate-reward-model.html"));
    assertThat(page).contains("Reward model").contains("calibration").contains("mean squared error per fold");
  }

  @Test
  void evaluateTrajectories() throws Exception {
    Path episodes = dir.resolve("episodes.csv");
    CliRun sim = CliRun.of("simulate", "--env", "tabular", "--episodes", "500", "-o", episodes.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("evaluate-trajectories", "evaluate", "--data", episodes.toString(), "--gamma", "0.9", "--truth",
        dir.resolve("episodes.truth.json").toString());
  }

  @Test
  void evaluateSlates() throws Exception {
    Path slates = dir.resolve("slates.csv.gz");
    CliRun sim = CliRun.of("simulate", "--slate-length", "3", "--slates", "2000", "--actions", "5", "--contexts", "50",
        "--click-model", "cascade", "--seed", "7", "-o", slates.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("evaluate-slates", "evaluate", "--data", slates.toString(), "--truth", dir.resolve("slates.truth.json").toString());
  }

  @Test
  void evaluateContinuousActions() throws Exception {
    Path log = dir.resolve("cont.csv.gz");
    CliRun sim = CliRun.of("simulate", "--schema", "continuous", "--rows", "5000", "-o", log.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("evaluate-continuous", "evaluate", "--schema", "continuous", "--data", log.toString(), "--truth",
        dir.resolve("cont.truth.json").toString(), "--estimators", "kernel-ipw:bandwidth=slope,kernel-dr:bandwidth=0.5");
  }

  @Test
  void evaluateDistribution() throws Exception {
    Path episodes = dir.resolve("tabular.csv");
    CliRun sim = CliRun.of("simulate", "--env", "tabular", "--states", "3", "--actions", "2", "--horizon", "5",
        "--episodes", "2000", "--gamma", "0.95", "--seed", "7", "--target", "safe=softmax:1", "--target", "greedy=greedy",
        "--output", episodes.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("evaluate-distribution", "evaluate", "--data", episodes.toString(), "--gamma", "0.95", "--distribution");
  }

  @Test
  void gate() throws Exception {
    checkExiting(List.of(Ope4j.OK, Ope4j.DO_NOT_DEPLOY, Ope4j.INCONCLUSIVE), "gate", "gate", "--data", log.toString(), "--baseline", "cold", "--policy", "cold=pi_cold_",
        "--policy", "warm=pi_warm_", "--policy", "uniform=pi_uniform_");
  }

  @Test
  void monitor() throws Exception {
    Path stream = dir.resolve("stream.csv");
    CliRun sim = CliRun.of("simulate", "--rows", "20000", "--output", stream.toString(), "--actions", "5",
        "--reward-type", "binary", "--eval-policy", "greedy=argmax", "--seed", "3");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    check("monitor", "monitor", "--data", stream.toString(), "--estimators", "ipw,snipw", "--threshold", "0.66",
        "--every", "5000");
  }

  @Test
  void simEval() throws Exception {
    check("sim-eval", "sim-eval", "--env", "tabular", "--states", "5", "--actions", "3", "--gamma", "0.9",
        "--target", "sharp=softmax:0.1", "--target", "random=uniform", "--target-width", "0.2", "--budget", "20000");
  }

  @Test
  void select() throws Exception {
    check("select", "select", "--data", log.toString(), "--truth", truth.toString(), "--top-k", "2");
  }

  @Test
  void assess() throws Exception {
    check("assess", "assess", "--rows", "200,400", "--replications", "4", "--estimators", "dm,ipw,snipw,dr");
  }

  @Test
  void obd() throws Exception {
    check("obd", "obd", "--data-dir", ObdCommandTest.DATA, "--n-sim", "20000");
  }

  @Test
  void quickstart() throws Exception {
    check("quickstart", "quickstart", "--data-dir", ObdCommandTest.DATA, "--n-sim", "20000");
  }

  @Test
  void quickstartSynthetic() throws Exception {
    check("quickstart-synthetic", "quickstart", "synthetic", "--rows", "5000", "--dir", dir.resolve("qs").toString());
  }

  @Test
  void ctEvaluate() throws Exception {
    Path paths = dir.resolve("ou.csv");
    CliRun sim = CliRun.of("ct-simulate", "--process", "ou", "--paths", "100", "--dt", "0.1", "--horizon", "5", "-o",
        paths.toString(), "--seed", "5");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    Path points = Files.writeString(dir.resolve("points.csv"), "x_1\n-1\n0\n1\n");
    check("ct-evaluate", "ct-evaluate", "--data", paths.toString(), "--setting", "discounted", "--beta", "0.5",
        "--basis", "1,x,x^2", "--eval-at", points.toString(), "--truth", dir.resolve("ou.truth.json").toString(),
        "--dt-study");
    assertThat(Files.readString(OUT.resolve("ct-evaluate.html"))).contains("Fitted against the closed form")
        .contains("Error against the time step");
  }

  /** The checker itself: a page that asks for a network resource is caught. */
  @Test
  void aRequestForANetworkResource_isBlockedAndReported() throws Exception {
    Path page = OUT.resolve("evaluate-with-request.html");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--report", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Files.writeString(page, Files.readString(page).replace("</body>", "<img src=\"http://127.0.0.1:9/x.png\"></body>"));
    HeadlessChromium.Visit visit = browser.open(page, OUT.resolve("evaluate-with-request.png"), 800);
    assertThat(visit.rootAttribute("data-problems")).contains("blocked request: http://127.0.0.1:9/x.png");
    // and the browser's own console says so, which the other tests would catch
    assertThat(visit.consoleMessages()).anySatisfy(message -> assertThat(message).contains("127.0.0.1:9"));
  }

  private static void check(String name, String... command) throws Exception {
    checkExiting(List.of(Ope4j.OK), name, command);
  }

  /** As {@link #check}, for a command whose exit code is one of {@code exitCodes} (the gate's verdicts). */
  private static void checkExiting(List<Integer> exitCodes, String name, String... command) throws Exception {
    Path page = OUT.resolve(name + ".html");
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--report", page.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(exitCodes);
    assertThat(Files.size(page)).isLessThan(3 << 20);

    HeadlessChromium.Visit visit = browser.open(page, OUT.resolve(name + ".png"), 2400);
    assertThat(visit.consoleMessages()).as("console messages of %s", page).isEmpty();
    assertThat(visit.rootAttribute("data-problems")).as("errors and blocked requests of %s", page).isNull();
    int containers = visit.dom().split("data-chart=\"", -1).length - 1;
    assertThat(containers).as("chart containers of %s", page).isPositive();
    assertThat(visit.rootAttribute("data-charts-drawn")).isEqualTo(Integer.toString(containers));
    Matcher drawn = RENDERED.matcher(visit.dom());
    int charts = 0;
    while (drawn.find()) {
      assertThat(Integer.parseInt(drawn.group(1))).as("shapes drawn in a chart of %s", page).isPositive();
      charts++;
    }
    assertThat(charts).as("rendered charts of %s", page).isEqualTo(containers);
    assertThat(visit.dom()).contains("<svg");
  }
}
