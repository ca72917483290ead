package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.LogReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine gives the local engine's result to the bit: same batches and chunks on the
 * global row index, same merge order. Records compare doubles bit for bit ({@code
 * Double.compare}), so {@code isEqualTo} on the results is bit-identity of every estimate,
 * standard error, interval bound and diagnostic.
 */
class SparkEvaluatorTest {

  /** Three chunks of 65,536 rows and a partial fourth: partitions cut chunks and batches. */
  private static final int ROWS = 3 * 65_536 + 1_234;
  private static final String ALL_ESTIMATORS =
      "dm,ipw,snipw,dr,sndr,switch-dr:lambda=slope,dr-os:lambda=slope,ipw-sg:lambda=slope,"
          + "dr-sg:lambda=slope,ipw:clip=20";
  private static final LogReadOptions TWO_POLICIES = LogReadOptions.defaults()
      .withPolicy("a", "pi_a").withPolicy("b", "pi_b");

  private static SparkSession spark;
  private static Logs logs;

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
    logs = new Logs(42, ROWS);
  }

  private static EvaluationResult local(Logs log, EvaluationConfig config) throws IOException {
    return new Evaluator(config).evaluate(log.columnar().source(Evaluator.BATCH_ROWS));
  }

  @Test
  void bootstrap_allEstimators_bitIdenticalToLocal_on1_2_and7Partitions() throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(ALL_ESTIMATORS))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(20, 99);
    EvaluationResult expected = local(logs, config);
    SparkEvaluator evaluator = new SparkEvaluator(config, TWO_POLICIES);

    for (int partitions : new int[] {1, 2, 7}) {
      Dataset<Row> log = logs.dataset(spark, partitions);
      assertThat(log.javaRDD().getNumPartitions()).isEqualTo(partitions);
      EvaluationResult result = evaluator.evaluate(log);
      assertThat(result).as("%d partitions", partitions).isEqualTo(expected);
    }
    assertThat(expected.estimates()).hasSize(20);
    assertThat(expected.rows()).isEqualTo(ROWS);
  }

  @Test
  void tIntervals_parquetWrittenBySpark_readInSeveralPartitions_bitIdentical(@TempDir Path dir)
      throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"));
    String path = dir.resolve("logs.parquet").toString();
    Logs small = new Logs(43, 70_000); // two chunks
    // one file (row order kept) of many small row groups, read back in several splits
    small.dataset(spark, 3).coalesce(1).write().option("parquet.block.size", 256 << 10).parquet(path);
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(256 << 10));
    Dataset<Row> log;
    try {
      log = spark.read().parquet(path);
      assertThat(log.javaRDD().getNumPartitions()).isGreaterThan(2);
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }

    EvaluationResult result = new SparkEvaluator(config, TWO_POLICIES).evaluate(log, path);

    assertThat(result).isEqualTo(local(small, config));
  }

  @Test
  void layout_readsTheSchemaOnly() {
    var layout = SparkEvaluator.layout(logs.dataset(spark, 1), TWO_POLICIES, "Dataset");
    assertThat(layout.policies()).containsExactly("a", "b");
    assertThat(layout.hasModel()).isTrue();
  }
}
