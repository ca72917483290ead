package io.ope4j.spark;

import io.ope4j.data.ColumnarLog;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded narrow log with two evaluation policies and a reward model. Row {@code i} is a pure
 * function of (seed, i), so the same rows are made in memory (for the local engine) and by
 * Spark's executors from {@code range(n)} (no rows are shipped from the test to Spark).
 */
final class Logs {

  static final StructType SCHEMA = new StructType()
      .add("action", DataTypes.IntegerType)
      .add("reward", DataTypes.DoubleType)
      .add("pscore", DataTypes.DoubleType)
      .add("q", DataTypes.DoubleType)
      .add("pi_a", DataTypes.DoubleType)
      .add("q_pi_a", DataTypes.DoubleType)
      .add("pi_b", DataTypes.DoubleType)
      .add("q_pi_b", DataTypes.DoubleType);

  private final long seed;
  private final int rows;

  Logs(long seed, int rows) {
    this.seed = seed;
    this.rows = rows;
  }

  /** Row {@code i}'s values in schema order (action as a double). */
  static double[] row(long seed, long i) {
    double[] u = new double[8];
    long state = seed * 0x9E3779B97F4A7C15L + i;
    for (int k = 0; k < u.length; k++) {
      state += 0x9E3779B97F4A7C15L;
      u[k] = (mix(state) >>> 11) * 0x1.0p-53;
    }
    return new double[] {
        Math.floor(u[0] * 5), u[1] < 0.3 ? 1.0 : 0.0, 0.05 + 0.95 * u[2], u[3],
        u[4] < 0.1 ? 0.0 : u[4], u[5], u[6], u[7]};
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Policies {@code a} and {@code b} with their model values, and the model at the action. */
  ColumnarLog columnar() {
    int[] action = new int[rows];
    double[][] columns = new double[8][rows];
    for (int i = 0; i < rows; i++) {
      double[] values = row(seed, i);
      action[i] = (int) values[0];
      for (int c = 1; c < 8; c++) {
        columns[c][i] = values[c];
      }
    }
    return ColumnarLog.builder(action, columns[1], columns[2])
        .policy("a", columns[4], columns[5])
        .policy("b", columns[6], columns[7])
        .modelAtLoggedAction(columns[3])
        .build();
  }

  /** The same rows, in order, in {@code partitions} partitions. */
  Dataset<Row> dataset(SparkSession spark, int partitions) {
    long logSeed = seed;
    MapFunction<Long, Row> toRow = i -> {
      double[] v = row(logSeed, i);
      return RowFactory.create((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    };
    return spark.range(0, rows, 1, partitions).as(Encoders.LONG()).map(toRow, Encoders.row(SCHEMA));
  }
}
