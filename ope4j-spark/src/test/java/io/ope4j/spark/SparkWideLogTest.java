package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.CsvLogReader;
import io.ope4j.io.LogReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wide log (K = 3: two policies' pi_*, wide q_*, a position, renamed columns) gives in Spark
 * what the CSV reader and the local engine give for the same rows: the column rules and the
 * wide-to-narrow reduction are the shared ones.
 */
class SparkWideLogTest {

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
  }

  @Test
  void wideColumns_renamed_sameResultAsTheCsvReader(@TempDir Path dir) throws IOException {
    String[] names = {"arm", "reward", "propensity", "position", "pi_bts_0", "pi_bts_1",
        "pi_bts_2", "pi_greedy_0", "pi_greedy_1", "pi_greedy_2", "q_0", "q_1", "q_2"};
    StructType schema = new StructType().add("arm", DataTypes.IntegerType)
        .add("reward", DataTypes.DoubleType).add("propensity", DataTypes.DoubleType)
        .add("position", DataTypes.LongType);
    for (int c = 4; c < names.length; c++) {
      schema = schema.add(names[c], DataTypes.DoubleType);
    }
    SplittableRandom random = new SplittableRandom(11);
    List<Row> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
    for (int i = 0; i < 70_000; i++) {
      Object[] values = new Object[names.length];
      values[0] = random.nextInt(3);
      values[1] = random.nextDouble() < 0.2 ? 1.0 : 0.0;
      values[2] = 0.2 + 0.6 * random.nextDouble();
      values[3] = (long) random.nextInt(3);
      double bts0 = 0.6 * random.nextDouble();
      double bts1 = 0.4 * random.nextDouble();
      values[4] = bts0;
      values[5] = bts1;
      values[6] = 1.0 - bts0 - bts1;
      int best = random.nextInt(3);
      for (int a = 0; a < 3; a++) {
        values[7 + a] = a == best ? 1.0 : 0.0;
        values[10 + a] = random.nextDouble();
      }
      rows.add(RowFactory.create(values));
      for (int c = 0; c < values.length; c++) {
        csv.append(c == 0 ? "" : ",").append(values[c]);
      }
      csv.append('\n');
    }
    Path file = Files.writeString(dir.resolve("wide.csv"), csv);
    LogReadOptions options = LogReadOptions.defaults().withActionColumn("arm")
        .withPscoreColumn("propensity");
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dm,ipw,sndr,switch-dr:lambda=slope"))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(10, 1);

    EvaluationResult local;
    try (BatchSource reader = CsvLogReader.open(file, options)) {
      local = new Evaluator(config).evaluate(reader);
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> log = spark.createDataFrame(context.parallelize(rows, 3), schema);
    EvaluationResult distributed = new SparkEvaluator(config, options).evaluate(log);

    assertThat(distributed).isEqualTo(local);
    assertThat(distributed.diagnostics().keySet()).containsExactly("bts", "greedy");
  }
}
