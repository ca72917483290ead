package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.estimator.Estimators;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad logs give one clear error naming the column (and row), never a number. */
class SparkEvaluatorBadInputTest {

  private static final StructType NARROW = new StructType()
      .add("action", DataTypes.LongType)
      .add("reward", DataTypes.DoubleType)
      .add("pscore", DataTypes.DoubleType)
      .add("pi", DataTypes.DoubleType);

  private static SparkSession spark;
  private static final SparkEvaluator IPW =
      new SparkEvaluator(EvaluationConfig.of(Estimators.parseList("ipw,snipw")));

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
  }

  /** {@code rows} good rows in two partitions, with {@code bad} (if not null) at row index. */
  private static Dataset<Row> narrow(StructType schema, int rows, int badIndex, Row bad) {
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      list.add(i == badIndex ? bad : RowFactory.create((long) (i % 3), i % 2 * 1.0, 0.5, 0.25));
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(context.parallelize(list, 2), schema);
  }

  @Test
  void missingColumn_sameMessageAsTheFileReaders_beforeAnyJob() {
    Dataset<Row> log = narrow(NARROW, 10, -1, null).drop("pscore");

    assertThatThrownBy(() -> IPW.evaluate(log, "logs"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith("logs header: missing column pscore (behaviour policy's probability of the "
            + "logged action; rename with --pscore-col); the header as read has ");
  }

  @Test
  void stringPscore_isATypeErrorNamingTheColumn() {
    StructType schema = new StructType().add("action", DataTypes.LongType)
        .add("reward", DataTypes.DoubleType).add("pscore", DataTypes.StringType)
        .add("pi", DataTypes.DoubleType);
    Dataset<Row> log = spark.createDataFrame(
        List.of(RowFactory.create(0L, 1.0, "0.5", 0.5)), schema);

    assertThatThrownBy(() -> IPW.evaluate(log))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("Dataset header, pscore: must be a numeric column (double, float, int or "
            + "long), got string");
  }

  @Test
  void doubleAction_isATypeError() {
    Dataset<Row> log = narrow(NARROW, 4, -1, null)
        .withColumn("action", org.apache.spark.sql.functions.col("action").cast("double"));

    assertThatThrownBy(() -> IPW.evaluate(log))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("Dataset header, action: must be an integer column (int or long), got double");
  }

  @Test
  void nullPscore_namesGlobalRowAndColumn_andShowsTheRow() {
    // 1,000 rows in two partitions: row 700 (1-based 701) lies in the second
    Dataset<Row> log = narrow(NARROW, 1000, 700, RowFactory.create(1L, 0.0, null, 0.5));

    assertThatThrownBy(() -> IPW.evaluate(log, "logs.parquet"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("logs.parquet row 701, pscore: must be in (0, 1], got null; "
            + "the row: {action=1, reward=0.0, pscore=null, pi=0.5}")
        .satisfies(error -> assertThat(((InvalidDataException) error).column()).isEqualTo("pscore"));
  }

  @Test
  void pscoreZero_isRejectedNotClipped() {
    Dataset<Row> log = narrow(NARROW, 50, 3, RowFactory.create(1L, 0.0, 0.0, 0.5));

    assertThatThrownBy(() -> IPW.evaluate(log))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith("Dataset row 4, pscore: must be in (0, 1], got 0.0; the row: {");
  }

  @Test
  void emptyDataset_hasNoDataRows() {
    Dataset<Row> log = narrow(NARROW, 10, -1, null).limit(0);

    assertThatThrownBy(() -> IPW.evaluate(log))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("Dataset: no data rows");
  }

  @Test
  void modelEstimatorWithoutModelColumns_isAnArgumentError() {
    SparkEvaluator dr = new SparkEvaluator(EvaluationConfig.of(Estimators.parseList("dr")));

    assertThatThrownBy(() -> dr.evaluate(narrow(NARROW, 10, -1, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimator dr needs reward-model columns");
  }
}
