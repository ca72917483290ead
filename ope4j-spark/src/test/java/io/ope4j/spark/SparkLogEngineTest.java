package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.CsvLogReader;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.LogReadOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --engine spark}: every input format through Spark's own readers gives the
 * local engine's result, the format told by content as the local engine tells it or as asked;
 * what Spark cannot read is refused with a clear message.
 */
class SparkLogEngineTest {

  private static final int ROWS = 300;
  private static final LogReadOptions OPTIONS = LogReadOptions.defaults().withPscoreOptional(true);
  private static final EvaluationConfig CONFIG = EvaluationConfig.of(Estimators.parseList("dm,ipw,snipw,dr"));

  @TempDir static Path dir;
  static Path csv;
  static String csvText;
  static String jsonText;
  /** The session the engine finds and leaves running. */
  static SparkSession spark;

  @BeforeAll
  static void writeLog() throws IOException {
    spark = TestSpark.start();
    SplittableRandom random = new SplittableRandom(3);
    // the policies are not in alphabetical order: the output keeps the file's order
    StringBuilder text = new StringBuilder("action,reward,pscore,pi_new_0,pi_new_1,pi_base_0,pi_base_1,q_0,q_1\n");
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < ROWS; i++) {
      int action = random.nextInt(2);
      double pscore = action == 0 ? 0.25 : 0.75;
      double reward = random.nextDouble() < 0.3 + 0.2 * action ? 1 : 0;
      double newFirst = 0.125 * (1 + random.nextInt(7));
      double q0 = 0.3 + 0.01 * random.nextInt(10);
      text.append(action).append(',').append(reward).append(',').append(pscore).append(',').append(newFirst)
          .append(',').append(1 - newFirst).append(",0.5,0.5,").append(q0).append(",0.5\n");
      json.append("{\"action\": ").append(action).append(", \"reward\": ").append(reward).append(", \"pscore\": ")
          .append(pscore).append(", \"pi_new_0\": ").append(newFirst).append(", \"pi_new_1\": ").append(1 - newFirst)
          .append(", \"pi_base_0\": 0.5, \"pi_base_1\": 0.5, \"q_0\": ").append(q0).append(", \"q_1\": 0.5}\n");
    }
    csvText = text.toString();
    jsonText = json.toString();
    csv = Files.writeString(dir.resolve("log.csv"), csvText);
  }

  private static EvaluationResult local(Path file, LogReadOptions options, EvaluationConfig config)
      throws IOException {
    try (BatchSource source = CsvLogReader.open(file, options)) {
      return new Evaluator(config).evaluate(source);
    }
  }

  private static EvaluationResult spark(String data, InputFormat format, LogReadOptions options,
      EvaluationConfig config) throws IOException {
    return new SparkLogEngine().evaluate(new LogEngine.Job(data, format, options, layout -> config, Map.of()));
  }

  private static Path gzip(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void eachSparkStage_isReportedWithItsTasks() throws IOException {
    Map<String, long[]> seen = new java.util.concurrent.ConcurrentHashMap<>(); // unit -> {total, last count}
    io.ope4j.io.ProgressStages recording = (unit, total) -> {
      long[] state = {total, -1};
      seen.put(unit, state);
      return count -> state[1] = count;
    };
    EvaluationResult result = new SparkLogEngine().evaluate(new LogEngine.Job(csv.toString(), InputFormat.AUTO,
        OPTIONS, layout -> CONFIG, Map.of(), recording));
    assertThat(result.rows()).isPositive();
    assertThat(seen).isNotEmpty();
    assertThat(seen.keySet()).allMatch(unit -> unit.matches("Spark stage \\d+ tasks"));
    assertThat(seen.values()).allSatisfy(state -> assertThat(state[1]).isBetween(0L, state[0]));
    assertThat(seen.values()).anySatisfy(state -> assertThat(state[1]).isEqualTo(state[0]).isPositive());
  }

  @Test
  void everyFormat_givesTheLocalResult() throws IOException {
    EvaluationResult expected = local(csv, OPTIONS, CONFIG);
    Path parquet = dir.resolve("log-parquet");
    spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString()).coalesce(1)
        .write().parquet(parquet.toString());
    Path misnamed = Files.writeString(dir.resolve("log.data"), jsonText); // told by content
    Object[][] cases = {
        {csv, InputFormat.AUTO}, {gzip("log.csv.gz", csvText), InputFormat.CSV}, {parquet, InputFormat.AUTO},
        {gzip("log.jsonl.gz", jsonText), InputFormat.JSONL}, {misnamed, InputFormat.AUTO}};
    for (Object[] c : cases) {
      EvaluationResult result = spark(c[0].toString(), (InputFormat) c[1], OPTIONS, CONFIG);
      assertThat(result.estimates()).as("%s as %s", c[0], c[1]).isEqualTo(expected.estimates());
    }
  }

  /** Issue 17 on this engine: DM reads no pscore; the estimators that weight are refused by name. */
  @Test
  void dmWithoutPscore_isEvaluated_ipwIsRefusedByName() throws IOException {
    Path noPscore = Files.writeString(dir.resolve("no-pscore.csv"),
        csvText.replaceAll("(?m)^([^,]*,[^,]*),[^,]*", "$1"));
    EvaluationConfig dm = EvaluationConfig.of(Estimators.parseList("dm"));
    EvaluationResult result = spark(noPscore.toString(), InputFormat.AUTO, OPTIONS, dm);
    EvaluationResult expected = local(noPscore, OPTIONS, dm);
    assertThat(result.estimates()).extracting(e -> e.policy() + " " + e.value() + " " + e.interval())
        .containsExactlyElementsOf(expected.estimates().stream()
            .map(e -> e.policy() + " " + e.value() + " " + e.interval()).toList());
    assertThat(result.estimates()).extracting(e -> e.policy()).containsExactly("new", "base");
    assertThatThrownBy(() -> spark(noPscore.toString(), InputFormat.AUTO, OPTIONS, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimator ipw needs the pscore column");
  }

  @Test
  void whatSparkCannotRead_isRefusedClearly() throws IOException {
    Path gzipNamedCsv = gzip("packed.csv", csvText);
    assertThatThrownBy(() -> spark(gzipNamedCsv.toString(), InputFormat.AUTO, OPTIONS, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(gzipNamedCsv + ": is gzip but its name does not end in .gz; Spark tells gzip by the name only:"
            + " rename it, or use --engine local");
    Path plainNamedGz = Files.writeString(dir.resolve("plain.csv.gz"), csvText);
    assertThatThrownBy(() -> spark(plainNamedGz.toString(), InputFormat.CSV, OPTIONS, CONFIG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is named .gz but is not gzip");
    assertThatThrownBy(() -> spark("-", InputFormat.AUTO, OPTIONS, CONFIG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not standard input");
    assertThatThrownBy(() -> spark(dir.resolve("nowhere.csv").toString(), InputFormat.AUTO, OPTIONS, CONFIG))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
