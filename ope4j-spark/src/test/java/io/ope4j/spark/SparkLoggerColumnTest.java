package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bandit logs with a logger column (several loggers, stratified estimators) on Spark: labels are
 * numbered in order of first appearance in the whole log, as the local reader numbers them, even
 * when a label first appears in a later partition, so results equal the local engine's to the
 * bit; the mixture propensity and every other column survive chunks cut by partitions.
 */
class SparkLoggerColumnTest {

  /** Over one chunk of 65,536 rows, so a chunk is cut by partitions. */
  private static final int ROWS = 70_000;
  /** Logger "zeta" appears first at this row (so partitions after the first see it first). */
  private static final int LATE_LOGGER_ROW = 50_000;
  private static final StructType SCHEMA = new StructType()
      .add("action", DataTypes.IntegerType)
      .add("reward", DataTypes.DoubleType)
      .add("pscore", DataTypes.DoubleType)
      .add("logger", DataTypes.StringType)
      .add("pscore_avg", DataTypes.DoubleType)
      .add("pi_e_0", DataTypes.DoubleType)
      .add("pi_e_1", DataTypes.DoubleType)
      .add("q_0", DataTypes.DoubleType)
      .add("q_1", DataTypes.DoubleType);
  private static final EvaluationConfig CONFIG = EvaluationConfig.of(Estimators.parseList(
          "ipw,ipw-weighted,dr-weighted,ipw-balanced,dr-balanced"))
      .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(60, 4);

  @TempDir static Path dir;
  static SparkSession spark;
  static Object[][] rows;
  static Path csv;

  @BeforeAll
  static void writeLog() throws IOException {
    spark = TestSpark.start();
    rows = log();
    csv = writeCsv(rows, dir.resolve("loggers.csv"));
  }

  /** Three loggers, "beta" then "alpha" (not alphabetical), "zeta" only from {@link #LATE_LOGGER_ROW}. */
  static Object[][] log() {
    SplittableRandom random = new SplittableRandom(8);
    double[] firstArm = {0.3, 0.6, 0.45};
    String[] names = {"beta", "alpha", "zeta"};
    Object[][] log = new Object[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      int logger = i == 0 ? 0 : i == 1 ? 1 : random.nextInt(i < LATE_LOGGER_ROW ? 2 : 3);
      int action = random.nextDouble() < firstArm[logger] ? 0 : 1;
      double pscore = action == 0 ? firstArm[logger] : 1 - firstArm[logger];
      double mixture = action == 0 ? 0.45 : 0.55;
      double reward = random.nextDouble() < 0.2 + 0.3 * action ? 1 : 0;
      double pi0 = 0.125 * (1 + random.nextInt(7));
      log[i] = new Object[] {action, reward, pscore, names[logger], mixture, pi0, 1 - pi0, 0.3, 0.5};
    }
    return log;
  }

  static Path writeCsv(Object[][] log, Path file) throws IOException {
    StringBuilder text = new StringBuilder(String.join(",", SCHEMA.fieldNames())).append('\n');
    for (Object[] row : log) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",").append(row[c]);
      }
      text.append('\n');
    }
    return Files.writeString(file, text);
  }

  static Dataset<Row> dataset(Object[][] log, int partitions) {
    MapFunction<Long, Row> toRow = i -> RowFactory.create(log[(int) (long) i]);
    return spark.range(0, log.length, 1, partitions).as(Encoders.LONG()).map(toRow, Encoders.row(SCHEMA));
  }

  static EvaluationResult local(Path file) throws IOException {
    try (BatchSource source = LogInput.of(file.toString()).open(LogReadOptions.defaults())) {
      return new Evaluator(CONFIG.withThreads(2)).evaluate(source);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5})
  void stratifiedEstimators_sameBitsAsLocal(int partitions) throws IOException {
    EvaluationResult local = local(csv);

    EvaluationResult onSpark = new SparkEvaluator(CONFIG).evaluate(dataset(rows, partitions), csv.toString());

    // records compare doubles bit for bit
    assertThat(onSpark.estimates()).isEqualTo(local.estimates());
    assertThat(onSpark.rows()).isEqualTo(ROWS);
  }

  @Test
  void badMixturePropensity_sameMessageAsLocal() throws IOException {
    Object[][] bad = log();
    bad[66_000][4] = 1.5;
    Path file = writeCsv(bad, dir.resolve("bad-loggers.csv"));
    InvalidDataException local = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidDataException.class, () -> local(file));
    assertThat(local.getMessage()).contains("row 66001, pscore_avg");
    assertThatThrownBy(() -> new SparkEvaluator(CONFIG).evaluate(dataset(bad, 3), file.toString()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(local.getMessage().substring(0, local.getMessage().indexOf("got") + 3));
  }
}
