package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.LogInput;
import io.ope4j.io.SlateLogReader;
import io.ope4j.io.report.SlateReport;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
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
 * Slate logs on Spark give the local engine's result to the bit (every estimator, bootstrap) on
 * partitionings that cut slates and batches of 1,024 slates, and the local reader's first error.
 * The log is the repository's OBP slate oracle log (2,000 slates of 3 positions).
 */
class SparkSlateEvaluatorTest {

  private static final Path LOG = Path.of("../testdata/obp_slate/slate_independent_shared.csv.gz");
  private static final double TOLERANCE = io.ope4j.data.LogValidator.SUM_TOLERANCE;

  @TempDir static Path dir;
  static SparkSession spark;
  static List<String> header;
  static List<double[]> rows;
  static StructType schema;

  @BeforeAll
  static void readLog() throws IOException {
    spark = TestSpark.start();
    rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(LOG)), StandardCharsets.UTF_8))) {
      header = List.of(in.readLine().split(","));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split(",");
        double[] row = new double[fields.length];
        for (int c = 0; c < fields.length; c++) {
          row[c] = Double.parseDouble(fields[c]);
        }
        rows.add(row);
      }
    }
    schema = new StructType().add("slate_id", DataTypes.LongType).add("position", DataTypes.IntegerType)
        .add("action", DataTypes.IntegerType);
    for (String column : header.subList(3, header.size())) {
      schema = schema.add(column, DataTypes.DoubleType);
    }
  }

  private static SlateConfig config(IntervalMethod method) {
    List<SlateEstimator> all = new ArrayList<>(List.of(SlateEstimator.values()));
    return SlateConfig.of(all).withInterval(method, 100, 5);
  }

  static Dataset<Row> dataset(List<double[]> log, int partitions) {
    double[][] table = log.toArray(new double[0][]);
    StructType types = schema;
    MapFunction<Long, Row> toRow = i -> {
      double[] v = table[(int) (long) i];
      Object[] values = new Object[v.length];
      values[0] = (long) v[0];
      values[1] = (int) v[1];
      values[2] = (int) v[2];
      for (int c = 3; c < v.length; c++) {
        values[c] = v[c];
      }
      return RowFactory.create(values);
    };
    return spark.range(0, table.length, 1, partitions).as(Encoders.LONG()).map(toRow, Encoders.row(types));
  }

  static SlateResult local(Path file, SlateConfig config) throws IOException {
    try (SlateLogReader reader = SlateLogReader.open(LogInput.of(file.toString()), TOLERANCE)) {
      return SlateEvaluator.evaluate(reader, config, 2);
    }
  }

  static String json(SlateResult result, SlateConfig config) throws IOException {
    StringWriter text = new StringWriter();
    SlateReport.of(result, config).writeJson(new PrintWriter(text));
    return text.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 11})
  void bootstrap_sameBitsAsLocal_onAnyPartitioning(int partitions) throws IOException {
    SlateConfig config = config(IntervalMethod.BOOTSTRAP);
    SlateResult local = local(LOG, config);

    SlateResult onSpark = new SparkSlateEvaluator(config, TOLERANCE).evaluate(dataset(rows, partitions), LOG.toString());

    assertThat(local.slates()).isEqualTo(2000);
    assertThat(json(onSpark, config)).isEqualTo(json(local, config));
    assertThat(onSpark).usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b), Double.class)
        .isEqualTo(local);
  }

  @Test
  void slateSplitAcrossPartitions_sameMessageAsLocal() throws IOException {
    List<double[]> bad = copy();
    // slate 1999's rows carry slate 3's id: slate 3 appears again, far from its first rows
    for (int r = bad.size() - 3; r < bad.size(); r++) {
      bad.get(r)[0] = 3;
    }
    assertSameError(bad, "appears again");
  }

  @Test
  void slateLongerThanTheFirst_sameMessageAsLocal() throws IOException {
    List<double[]> bad = copy();
    // slate 1500 gets position 3 instead of slate 1501's position 0: a fourth position
    int at = 1501 * 3;
    bad.get(at)[0] = bad.get(at - 1)[0];
    bad.get(at)[1] = 3;
    assertSameError(bad, "has more than 3 positions");
  }

  private static List<double[]> copy() {
    List<double[]> copy = new ArrayList<>();
    for (double[] row : rows) {
      copy.add(row.clone());
    }
    return copy;
  }

  private void assertSameError(List<double[]> bad, String expected) throws IOException {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (double[] row : bad) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",").append(c < 3 ? Long.toString((long) row[c]) : Double.toString(row[c]));
      }
      text.append('\n');
    }
    Path file = Files.writeString(dir.resolve("bad-" + expected.replace(' ', '-') + ".csv"), text);
    SlateConfig config = config(IntervalMethod.T);
    InvalidDataException local = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidDataException.class, () -> local(file, config));
    assertThat(local.getMessage()).contains(expected);
    for (int partitions : new int[] {1, 6}) {
      assertThatThrownBy(() -> new SparkSlateEvaluator(config, TOLERANCE).evaluate(dataset(bad, partitions),
              file.toString()))
          .isInstanceOf(InvalidDataException.class)
          .hasMessage(local.getMessage());
    }
  }
}
