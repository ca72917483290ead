package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --policy-spec} and {@code --reward-model} read the log through the same readers
 * as the plain evaluation: CSV, gzip, Parquet, JSON Lines and standard input give the same JSON
 * to the byte; and
 * policies from specs combine with a fitted model.
 */
class EvaluateWrappedFormatsTest {

  @TempDir static Path dir;
  static Path csv;
  static Path parquet;
  /** The same log as gzip CSV, JSON Lines and gzip JSON Lines, made by {@code convert}. */
  static List<Path> converted = new ArrayList<>();
  static Path specs;

  @BeforeAll
  static void logs() throws IOException {
    csv = dir.resolve("wine.csv");
    CliRun run = CliRun.of("simulate", "--from-classification", Path.of("..", "testdata", "uci", "wine_data.csv")
        .toString(), "--output", csv.toString(), "--seed", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    parquet = ParquetCopy.of(csv, dir.resolve("wine.parquet"));
    for (String[] target : new String[][] {{"csv", "wine.csv.gz"}, {"jsonl", "wine.jsonl"}, {"jsonl", "wine.jsonl.gz"}}) {
      Path out = dir.resolve(target[1]);
      CliRun convert = CliRun.of("convert", "--data", csv.toString(), "--to", target[0], "-o", out.toString());
      assertThat(convert.exitCode()).as(convert.err()).isZero();
      converted.add(out);
    }
    // 13 context columns, 3 actions: uniform, and argmax over a linear score of x_0 (alcohol)
    String weights = "[[1" + ",0".repeat(12) + "], [0" + ",0".repeat(12) + "], [-1" + ",0".repeat(12) + "]]";
    specs = dir.resolve("specs.json");
    Files.writeString(specs, "[{\"name\": \"u\", \"type\": \"uniform\", \"n_actions\": 3},"
        + " {\"name\": \"g\", \"type\": \"argmax\", \"weights\": " + weights + "}]");
  }

  /**
   * The JSON of {@code evaluate} on the log as CSV, Parquet, gzip CSV, JSON Lines and gzip JSON
   * Lines, and each of them through standard input.
   */
  private static List<String> everyFormat(String... options) throws IOException {
    List<String> outputs = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(csv, parquet));
    files.addAll(converted);
    for (Path file : files) {
      outputs.add(json(file.toString(), null, options));
      outputs.add(json("-", Files.readAllBytes(file), options));
    }
    return outputs;
  }

  private static String json(String data, byte[] stdin, String... options) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--data", data, "--format", "json"));
    args.addAll(List.of(options));
    InputStream saved = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin));
      }
      CliRun run = CliRun.of(args.toArray(new String[0]));
      assertThat(run.exitCode()).as(data + ": " + run.err()).isZero();
      return run.out();
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void rewardModel_sameJsonFromEveryFormatAndStdin() throws IOException {
    List<String> outputs = everyFormat("--reward-model", "logistic:C=1", "--fit-weights", "mrdr", "--threads", "1");
    assertThat(outputs.get(0)).contains("\"estimator\" : \"dr\"");
    assertThat(outputs).allSatisfy(out -> assertThat(out).isEqualTo(outputs.get(0)));
  }

  @Test
  void policySpec_sameJsonFromEveryFormatAndStdin() throws IOException {
    List<String> outputs = everyFormat("--policy-spec", specs.toString(), "--estimators", "ipw,snipw");
    assertThat(new ObjectMapper().readTree(outputs.get(0)).get("estimates")).hasSize(4);
    assertThat(outputs).allSatisfy(out -> assertThat(out).isEqualTo(outputs.get(0)));
  }

  /**
   * A uniform policy given by a spec, with a fitted model, gives what the same policy given as
   * wide pi columns gives with the same model (fitted on the same x_* columns and rows).
   */
  @Test
  void policySpecWithFittedModel_equalsThePolicyAsColumns() throws IOException {
    Path withColumns = dir.resolve("wine-u.csv");
    List<String> lines = Files.readAllLines(csv);
    StringBuilder text = new StringBuilder(lines.get(0)).append(",pi_u_0,pi_u_1,pi_u_2\n");
    String third = Double.toString(1.0 / 3);
    for (String line : lines.subList(1, lines.size())) {
      text.append(line).append(',').append(third).append(',').append(third).append(',').append(third).append('\n');
    }
    Files.writeString(withColumns, text);
    Path uniform = dir.resolve("u.json");
    Files.writeString(uniform, "{\"name\": \"u\", \"type\": \"uniform\", \"n_actions\": 3}");
    for (String weights : List.of("plain", "mrdr")) {
      CliRun fromSpec = CliRun.of("evaluate", "--data", csv.toString(), "--policy-spec", uniform.toString(),
          "--reward-model", "logistic", "--fit-weights", weights, "--format", "json");
      CliRun fromColumns = CliRun.of("evaluate", "--data", withColumns.toString(), "--policy", "u=pi_u_",
          "--reward-model", "logistic", "--fit-weights", weights, "--format", "json");
      assertThat(fromSpec.exitCode()).as(fromSpec.err()).isZero();
      assertThat(fromColumns.exitCode()).as(fromColumns.err()).isZero();
      JsonNode estimates = new ObjectMapper().readTree(fromSpec.out()).get("estimates");
      assertThat(estimates).hasSize(5); // dm, ipw, snipw, dr, sndr: the fitted model serves DM and DR
      assertThat(fromSpec.out()).isEqualTo(fromColumns.out());
      assertThat(fromSpec.err()).contains("reward model: logistic(C=1), cross-fitted (3 folds, seed 12345)");
    }
  }
}
