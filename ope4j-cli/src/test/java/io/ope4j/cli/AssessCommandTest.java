package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AssessCommandTest {

  private static final String[] SMALL = {"assess", "--rows", "200,400", "--replications", "6", "--estimators", "dm,ipw,dr"};

  private static SelectCliRun run(String... extra) {
    String[] args = new String[SMALL.length + extra.length];
    System.arraycopy(SMALL, 0, args, 0, SMALL.length);
    System.arraycopy(extra, 0, args, SMALL.length, extra.length);
    return SelectCliRun.of(args);
  }

  @Test
  void table_showsEveryGridPointAndEstimator() {
    SelectCliRun run = run("--pool", "default", "--pool", "softmax:5");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("[1/4] rows=200 actions=10 behaviour-temperature=1 reward-noise=0.5 pool=default");
    assertThat(run.out()).contains("[4/4] rows=400 actions=10 behaviour-temperature=1 reward-noise=0.5 pool=softmax:5");
    assertThat(run.out()).contains("5 candidates (true values");
    assertThat(run.out()).contains("regret@3").contains("SR@5").contains("Lowest MSE: ");
    assertThat(run.out().lines().filter(line -> line.startsWith("ipw ")).count()).isEqualTo(4);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void json_holdsEveryCurveInFull() throws IOException {
    SelectCliRun run = run("--pool", "egreedy:4", "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("replications").asInt()).isEqualTo(6);
    assertThat(root.get("definitions").asText()).isEqualTo("none");
    JsonNode grid = root.get("grid");
    assertThat(grid).hasSize(2);
    assertThat(grid.get(1).get("rows").asLong()).isEqualTo(400);
    assertThat(grid.get(0).get("true_values").size()).isEqualTo(4);
    JsonNode dr = grid.get(0).get("estimators").get(2);
    assertThat(dr.get("estimator").asText()).isEqualTo("dr");
    assertThat(dr.get("sharpe_ratio_at_k")).hasSize(4);
    assertThat(dr.get("regret_at_k")).hasSize(4);
    assertThat(dr.get("relative_error_quantiles")).hasSize(3);
    assertThat(dr.get("mse").asDouble())
        .isCloseTo(dr.get("squared_bias").asDouble() + dr.get("variance").asDouble(),
            org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void csv_hasOneRowPerGridPointEstimatorAndK() {
    SelectCliRun run = run("--format", "csv");
    assertThat(run.code()).as(run.err()).isZero();
    // 2 grid points x 3 estimators x 4 candidates of the default pool, plus the header.
    assertThat(run.out().lines().count()).isEqualTo(1 + 2 * 3 * 4);
    assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith("200,10,1.0,0.5,default,dm,1,");
  }

  @Test
  void output_doesNotDependOnTheThreadCount() {
    SelectCliRun one = run("--format", "json", "--threads", "1");
    SelectCliRun three = run("--format", "json", "--threads", "3");
    assertThat(one.code()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
  }

  @Test
  void topKLargerThanAPool_exit2() {
    assertBadInput(run("--pool", "softmax:6", "--pool", "default", "--top-k", "5"),
        "ope4j: error: --top-k must be between 1 and the number of candidates (4 in pool default), got 5");
  }

  @Test
  void unknownPool_exit2() {
    assertBadInput(run("--pool", "greedy:4"), "ope4j: error: --pool greedy:4: unknown pool; known: default");
  }

  @Test
  void poolOfOne_exit2() {
    assertBadInput(run("--pool", "solo=argmax"), "ope4j: error: candidate pool solo=argmax needs at least two policies, got 1");
  }

  @Test
  void tooFewReplications_exit2() {
    assertBadInput(SelectCliRun.of("assess", "--replications", "1"), "ope4j: error: replications must be at least 2, got 1");
  }

  @Test
  void nanEstimate_exit2() {
    // One-row logs: SNIPW of the argmax policy is 0 / 0 whenever the logged action is not its.
    assertBadInput(SelectCliRun.of("assess", "--rows", "1", "--replications", "5", "--estimators", "snipw"),
        "ope4j: error: replication 0, estimator snipw: the estimate of candidate argmax is NaN");
  }

  @Test
  void unknownCompatibilityMode_exit2() {
    assertBadInput(run("--scope-rl-compat", "v1"), "ope4j: error: --scope-rl-compat must be none, scope-rl or");
  }

  @Test
  void scopeRlMode_isSaidInTheOutput() {
    SelectCliRun run = run("--scope-rl-compat", "scope-rl");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("SCOPE-RL's definitions (scope-rl)");
  }

  private static void assertBadInput(SelectCliRun run, String messageStart) {
    assertThat(run.code()).as(run.err()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(messageStart);
    assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
  }
}
