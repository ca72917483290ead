package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad policy specs and obd options: exit code 2, nothing on stdout, one clear line on stderr. */
class PolicySpecBadInputTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON            | {\"type\": \"uniform\"                                       | not valid JSON",
      "no type             | {\"name\": \"x\"}                                            | has no \"type\"",
      "unknown type        | {\"type\": \"greedy\"}                                       | unknown type 'greedy'",
      "unknown key         | {\"type\": \"uniform\", \"epsilon\": 0.1}                    | unknown key \"epsilon\"",
      "uniform wrong K     | {\"type\": \"uniform\", \"n_actions\": 10}                   | has 10 actions, the log has 34",
      "weights wrong K     | {\"type\": \"argmax\", \"weights\": [[1], [2]]}              | \"weights\" has 2 rows, the log has 34 actions",
      "no weights          | {\"type\": \"softmax\"}                                      | needs \"weights\"",
      "epsilon too large   | {\"type\": \"epsilon-greedy\", \"epsilon\": 2, \"weights\": W34} | epsilon must be in [0, 1]",
      "epsilon missing     | {\"type\": \"epsilon-greedy\", \"weights\": W34}              | needs \"epsilon\"",
      "temperature zero    | {\"type\": \"softmax\", \"temperature\": 0, \"weights\": W34}  | temperature must be positive",
      "weights wrong d     | {\"type\": \"softmax\", \"weights\": W34}                     | rows have 1 values, the log has",
      "bts wrong K         | {\"type\": \"bernoulli-ts\", \"alpha\": [1, 2], \"beta\": [1, 1]} | has 2 items",
      "bts bad slots       | {\"type\": \"bernoulli-ts\", \"alpha\": A34, \"beta\": A34, \"slots\": 40} | slots must be in [1, 34]",
      "onnx not installed  | {\"type\": \"onnx\", \"model\": \"m.onnx\", \"output\": \"scores\"} | need the optional ope4j-onnx module"})
  void badSpecs_exitTwoWithOneMessage(String name, String json, String what) throws IOException {
    String w34 = "[" + "[1],".repeat(33) + "[1]]";
    String a34 = "[" + "1,".repeat(33) + "1]";
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, json.trim().replace("W34", w34).replace("A34", a34));
    CliRun run = CliRun.of("obd", "--data-dir", ObdCommandTest.DATA, "--n-sim", "1000", "--reward-model", "none",
        "--policy-spec", spec.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + spec).contains(what.trim());
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "campaign      | --campaign,kids           | --campaign must be men or women",
      "reward model  | --reward-model,forest     | --reward-model must be one of",
      "n-sim         | --n-sim,0                 | --n-sim must be at least 1",
      "folds         | --folds,1                 | --folds must be at least 2",
      "missing spec  | --policy-spec,nosuch.json | no such file"})
  void badOptions_exitTwo(String name, String options, String what) {
    String[] extra = options.trim().split(",");
    String[] args = new String[extra.length + 3];
    args[0] = "obd";
    args[1] = "--data-dir";
    args[2] = ObdCommandTest.DATA;
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(what.trim());
  }

  @Test
  void missingDataDir_namesTheFile() {
    CliRun run = CliRun.of("obd", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file").contains("men.csv");
  }
}
