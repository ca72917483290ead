package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options and errors every command shares (issue 9, "one CLI surface"). */
class CliSurfaceTest {

  @TempDir Path dir;

  private static final String LOG = "action,reward,pscore,pi_a_0,pi_a_1,pi_b_0,pi_b_1\n"
      + "0,1,0.5,0.9,0.1,0.2,0.8\n1,0,0.5,0.9,0.1,0.2,0.8\n0,1,0.5,0.9,0.1,0.2,0.8\n1,1,0.5,0.9,0.1,0.2,0.8\n";

  private Path log() throws IOException {
    return Files.writeString(dir.resolve("log.csv"), LOG);
  }

  @Test
  void anOutputInAMissingDirectory_failsBeforeTheLogIsRead() {
    // the log does not exist either: the message must be about the output, checked first
    CliRun run = CliRun.of("evaluate", "--data", dir.resolve("absent.csv").toString(),
        "-o", dir.resolve("nodir/x.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ope4j: error: --output " + dir.resolve("nodir/x.json"))
        .contains("there is no directory").doesNotContain("no such file");
  }

  @Test
  void anOutputThatIsADirectory_isAUsageError_inEveryCommandThatWrites() throws IOException {
    String out = dir.toString();
    for (String[] args : new String[][] {
        {"evaluate", "--data", log().toString(), "--output", out},
        {"select", "--data", log().toString(), "--output", out},
        {"simulate", "--rows", "10", "-o", out},
        {"convert", "--data", log().toString(), "--to", "jsonl", "-o", out},
        {"ct-simulate", "--process", "bm", "-o", out}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(args[0] + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(args[0]).contains("is a directory: give the name of a file to write");
    }
  }

  @Test
  void anUnknownOptionOrCommand_suggestsTheNearestName() throws IOException {
    CliRun option = CliRun.of("evaluate", "--data", log().toString(), "--estimaters", "ipw");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("did you mean --estimators?");
    CliRun command = CliRun.of("evalute");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).contains("did you mean evaluate?");
  }

  @Test
  void selectTakesEstimators_andTheOldSpellingStillWorks() throws IOException {
    CliRun now = CliRun.of("select", "--data", log().toString(), "--estimators", "ipw", "--format", "json");
    CliRun old = CliRun.of("select", "--data", log().toString(), "--estimator", "ipw", "--format", "json");
    assertThat(now.exitCode()).as(now.err()).isZero();
    assertThat(old.out()).isEqualTo(now.out());
    CliRun two = CliRun.of("select", "--data", log().toString(), "--estimators", "ipw,dr");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("select ranks by one estimator");
  }

  @Test
  void seed_seedsTheBootstrap_unlessBootstrapSeedIsGiven() throws IOException {
    String[] common = {"evaluate", "--data", log().toString(), "--estimators", "ipw", "--ci", "bootstrap",
        "--bootstrap", "50", "--format", "json"};
    CliRun byDefault = CliRun.of(common);
    CliRun seed = CliRun.of(concat(common, "--seed", "12345"));
    CliRun bootstrapSeed = CliRun.of(concat(common, "--seed", "7", "--bootstrap-seed", "12345"));
    CliRun other = CliRun.of(concat(common, "--seed", "7"));
    assertThat(seed.out()).isEqualTo(byDefault.out());
    assertThat(bootstrapSeed.out()).isEqualTo(byDefault.out());
    assertThat(other.out()).contains("\"ci_seed\" : 7");
  }

  @Test
  void aSemicolonHeader_saysWhatWasReadAndTheDelimiter_andDelimiterReadsIt() throws IOException {
    Path semicolons = Files.writeString(dir.resolve("semi.csv"), LOG.replace(',', ';'));
    CliRun bad = CliRun.of("evaluate", "--data", semicolons.toString(), "--estimators", "ipw");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("missing column").contains("the header as read has 1 column: [action;reward")
        .contains("give --delimiter ';'");
    CliRun read = CliRun.of("evaluate", "--data", semicolons.toString(), "--estimators", "ipw", "--delimiter", ";",
        "--format", "json");
    CliRun comma = CliRun.of("evaluate", "--data", log().toString(), "--estimators", "ipw", "--format", "json");
    assertThat(read.exitCode()).as(read.err()).isZero();
    assertThat(read.out()).isEqualTo(comma.out());
    Path tabs = Files.writeString(dir.resolve("tabs.csv"), LOG.replace(',', '\t'));
    assertThat(CliRun.of("evaluate", "--data", tabs.toString(), "--estimators", "ipw", "--delimiter", "tab",
        "--format", "json").out()).isEqualTo(comma.out());
    assertThat(CliRun.of("evaluate", "--data", tabs.toString(), "--delimiter", "ab").err())
        .contains("--delimiter must be one ASCII character");
  }

  @Test
  void aTruthFileNamingNoneOfTheLogsPolicies_isRefused() throws IOException {
    Path truth = Files.writeString(dir.resolve("other.truth.json"), "{\"policies\": {\"x\": 1, \"y\": 2}}");
    CliRun run = CliRun.of("evaluate", "--data", log().toString(), "--estimators", "ipw", "--truth", truth.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(truth.toString()).contains("names none of the log's policies [a, b]");
  }

  @Test
  void anApiPreconditionThatReachesTheCli_isAnInternalError_notBadInput() {
    assertThat(Ope4j.exitCodeOf(new IllegalArgumentException("threads must be >= 1"))).isEqualTo(Ope4j.INTERNAL);
    assertThat(Ope4j.exitCodeOf(new io.ope4j.data.UsageException("--level ..."))).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(Ope4j.exitCodeOf(new java.nio.file.NoSuchFileException("in.csv"))).isEqualTo(Ope4j.BAD_INPUT);
  }

  @Test
  void aSimulationSettingTheLibraryRefuses_isAUsageErrorNamingTheOption() {
    CliRun actions = CliRun.of("simulate", "--rows", "10", "--actions", "1", "-o", dir.resolve("s.csv").toString());
    assertThat(actions.exitCode()).isEqualTo(2);
    assertThat(actions.err()).startsWith("ope4j: error: --actions must be at least 2, got 1");
    CliRun softmax = CliRun.of("assess", "--replications", "2", "--pool", "a=softmax:-1+b=argmax");
    assertThat(softmax.exitCode()).as(softmax.err()).isEqualTo(2);
    assertThat(softmax.err()).contains("temperature must be positive and finite");
  }

  @Test
  void obdTakesTheRewardModelSpecGrammarOfEvaluate() {
    CliRun run = CliRun.of("obd", "--data-dir", ObdCommandTest.DATA, "--n-sim", "1000", "--estimators", "dm",
        "--reward-model", "logistic:C=1", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("C=1");
    CliRun bad = CliRun.of("obd", "--data-dir", ObdCommandTest.DATA, "--reward-model", "logistic:D=1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--reward-model must be one of").contains("unknown parameter 'd'");
  }

  @Test
  void simulateWritesEvalPoliciesAsJson_andBehaviorValue() throws IOException {
    Path out = dir.resolve("sim.csv");
    CliRun run = CliRun.of("simulate", "--rows", "20", "-o", out.toString(), "--eval-policy", "s=softmax:0.5",
        "--eval-policy", "g=epsilon-greedy:0.1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("sim.truth.json").toFile());
    assertThat(truth.has("behavior_value")).isTrue();
    JsonNode policies = truth.get("config").get("eval_policies");
    assertThat(policies.get(0).get("name").asText()).isEqualTo("s");
    assertThat(policies.get(0).get("kind").asText()).isEqualTo("softmax");
    assertThat(policies.get(0).get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(policies.get(1).get("epsilon").asDouble()).isEqualTo(0.1);
  }

  @Test
  void ctEvaluateReadsStandardInput() throws IOException {
    Path paths = dir.resolve("paths.csv");
    assertThat(CliRun.of("ct-simulate", "--process", "ou", "--paths", "20", "-o", paths.toString()).exitCode())
        .isZero();
    String[] args = {"ct-evaluate", "--setting", "discounted", "--beta", "0.5", "--basis", "1,x,x^2", "--format",
        "json"};
    CliRun fromFile = CliRun.of(concat(args, "--data", paths.toString()));
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(Files.newInputStream(paths));
      CliRun fromStdin = CliRun.of(concat(args, "--data", "-"));
      assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
      assertThat(fromStdin.out().replace("<stdin>", paths.toString())).isEqualTo(fromFile.out());
    } finally {
      System.setIn(stdin);
    }
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** A given --term-range the log's terms leave is the user's mistake: exit 2 naming the file. */
  @Test
  void aTermRangeTheLogLeaves_exits2NamingTheFile() {
    String data = java.nio.file.Path.of("..", "testdata", "obp", "obd_random_men_bts.csv.gz").toString();
    CliRun run = CliRun.of("evaluate", "--data", data, "--ci", "hoeffding", "--term-range", "0,0.001",
        "--estimators", "ipw");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ope4j: error: " + data + ": estimator ipw on policy pi has per-round terms")
        .contains("outside the given term range");
  }
}
