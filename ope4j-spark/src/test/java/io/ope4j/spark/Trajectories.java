package io.ope4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded trajectory log (formats.md): episodes of 1 to 6 steps with ids that are not their
 * indices, 3 actions, one wide evaluation policy and wide Q-hat, as rows of numbers that can be
 * written as CSV (for the local engine) and made by Spark's executors in any number of
 * partitions, in the same order. Rows can be edited to make a bad log.
 */
final class Trajectories {

  static final StructType SCHEMA = new StructType()
      .add("episode", DataTypes.LongType)
      .add("step", DataTypes.IntegerType)
      .add("done", DataTypes.IntegerType)
      .add("action", DataTypes.IntegerType)
      .add("reward", DataTypes.DoubleType)
      .add("pscore", DataTypes.DoubleType)
      .add("pi_a_0", DataTypes.DoubleType)
      .add("pi_a_1", DataTypes.DoubleType)
      .add("pi_a_2", DataTypes.DoubleType)
      .add("q_0", DataTypes.DoubleType)
      .add("q_1", DataTypes.DoubleType)
      .add("q_2", DataTypes.DoubleType);

  /** Columns 0 to 3 hold integers. */
  private static final int INTEGER_COLUMNS = 4;

  final List<double[]> rows = new ArrayList<>();

  /** {@code episodes} seeded episodes. */
  Trajectories(long seed, int episodes) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int e = 0; e < episodes; e++) {
      long id = 3L * e + 1000 + (e % 2); // increasing, not the index
      int length = 1 + random.nextInt(6);
      for (int t = 0; t < length; t++) {
        int action = random.nextInt(3);
        double first = 0.1 + 0.1 * random.nextInt(5);
        double[] pi = {first, 0.9 - first, 0.1};
        double reward = random.nextDouble() < 0.2 + 0.2 * action ? 1 : 0;
        rows.add(new double[] {id, t, t == length - 1 ? 1 : 0, action, reward, 1.0 / 3,
            pi[0], pi[1], pi[2], 0.1 * random.nextInt(10), 0.5, 0.25});
      }
    }
  }

  /** Writes the rows as CSV with a header. */
  Path writeCsv(Path file) throws IOException {
    StringBuilder text = new StringBuilder(String.join(",", SCHEMA.fieldNames())).append('\n');
    for (double[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",")
            .append(c < INTEGER_COLUMNS ? Long.toString((long) row[c]) : Double.toString(row[c]));
      }
      text.append('\n');
    }
    return Files.writeString(file, text);
  }

  /** The same rows, in order, in {@code partitions} partitions. */
  Dataset<Row> dataset(SparkSession spark, int partitions) {
    double[][] table = rows.toArray(new double[0][]);
    MapFunction<Long, Row> toRow = i -> {
      double[] v = table[(int) (long) i];
      return RowFactory.create((long) v[0], (int) v[1], (int) v[2], (int) v[3], v[4], v[5], v[6], v[7],
          v[8], v[9], v[10], v[11]);
    };
    return spark.range(0, table.length, 1, partitions).as(Encoders.LONG()).map(toRow, Encoders.row(SCHEMA));
  }
}
