package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimators;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.data.InvalidDataException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import io.ope4j.io.LogInput;
import io.ope4j.io.report.ContinuousReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * Continuous-action logs on Spark give the local engine's result to the bit (bootstrap and SLOPE
 * bandwidth included) on partitionings that cut its chunks of 65,536 rows, and its first error.
 */
class SparkContinuousEvaluatorTest {

  /** Over two chunks of 65,536 rows. */
  private static final int ROWS = 140_000;
  private static final StructType SCHEMA = new StructType()
      .add("action", DataTypes.DoubleType)
      .add("reward", DataTypes.DoubleType)
      .add("pscore", DataTypes.DoubleType)
      .add("target_action", DataTypes.DoubleType)
      .add("q_pi", DataTypes.DoubleType)
      .add("q", DataTypes.FloatType);
  private static final ContinuousReadOptions OPTIONS = ContinuousReadOptions.defaults();
  private static final ContinuousConfig CONFIG = ContinuousConfig.of(ContinuousEstimators.parseList(
          "kernel-ipw:bandwidth=slope,kernel-snipw:bandwidth=0.3,kernel-dr:bandwidth=0.3"))
      .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(50, 9);

  @TempDir static Path dir;
  static SparkSession spark;
  static double[][] rows;
  static Path csv;

  @BeforeAll
  static void writeLog() throws IOException {
    spark = TestSpark.start();
    rows = log(ROWS);
    csv = writeCsv(rows, dir.resolve("continuous.csv"));
  }

  /** Actions uniform on [0, 1] (density 1), a deterministic target, rewards peaking at 0.6. */
  static double[][] log(int n) {
    SplittableRandom random = new SplittableRandom(21);
    double[][] log = new double[n][];
    for (int i = 0; i < n; i++) {
      double action = random.nextDouble();
      double target = 0.4 + 0.2 * random.nextDouble();
      double reward = 1 - Math.abs(action - 0.6) + 0.1 * random.nextDouble();
      // q is a float column: its values are floats, read exactly by both engines
      log[i] = new double[] {action, reward, 1.0, target, 1 - Math.abs(target - 0.6), (float) (1 - Math.abs(action - 0.6))};
    }
    return log;
  }

  static Path writeCsv(double[][] log, Path file) throws IOException {
    StringBuilder text = new StringBuilder(String.join(",", SCHEMA.fieldNames())).append('\n');
    for (double[] row : log) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",").append(row[c]);
      }
      text.append('\n');
    }
    return Files.writeString(file, text);
  }

  static Dataset<Row> dataset(double[][] log, int partitions) {
    MapFunction<Long, Row> toRow = i -> {
      double[] v = log[(int) (long) i];
      return RowFactory.create(v[0], v[1], v[2], v[3], v[4], (float) v[5]);
    };
    return spark.range(0, log.length, 1, partitions).as(Encoders.LONG()).map(toRow, Encoders.row(SCHEMA));
  }

  static ContinuousResult local(Path file) throws IOException {
    try (ContinuousLogReader reader = ContinuousLogReader.open(LogInput.of(file.toString()), OPTIONS)) {
      return new ContinuousEvaluator(CONFIG.withThreads(2)).evaluate(reader);
    }
  }

  static String json(ContinuousResult result) throws IOException {
    StringWriter text = new StringWriter();
    ContinuousReport.of(result).writeJson(new PrintWriter(text));
    return text.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8})
  void sameBitsAsLocal_onAnyPartitioning(int partitions) throws IOException {
    ContinuousResult local = local(csv);

    ContinuousResult onSpark = new SparkContinuousEvaluator(CONFIG, OPTIONS)
        .evaluate(dataset(rows, partitions), csv.toString());

    assertThat(json(onSpark)).isEqualTo(json(local));
    assertThat(onSpark).usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b), Double.class)
        .isEqualTo(local);
  }

  @Test
  void zeroDensity_sameMessageAsLocal() throws IOException {
    double[][] bad = log(ROWS);
    bad[100_001][2] = 0.0; // in the second chunk
    bad[120_000][1] = Double.NaN; // later: not the first error
    Path file = writeCsv(bad, dir.resolve("bad.csv"));
    InvalidDataException local = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidDataException.class, () -> local(file));
    assertThat(local.getMessage()).contains("row 100002, pscore");
    for (int partitions : new int[] {1, 5}) {
      assertThatThrownBy(() -> new SparkContinuousEvaluator(CONFIG, OPTIONS)
              .evaluate(dataset(bad, partitions), file.toString()))
          .isInstanceOf(InvalidDataException.class)
          .hasMessage(local.getMessage());
    }
  }
}
