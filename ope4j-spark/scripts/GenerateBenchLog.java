import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.SparkSession;

/**
 * Writes the benchmark's narrow bandit log as one Parquet file: {@code action, reward, pscore,
 * pi, q, q_pi} (formats.md), K = 10, seeded. A single-file Java program, run by bench.sh:
 *
 * <pre>{@code java <Spark flags> -cp 'ope4j-spark/target/lib/*' GenerateBenchLog.java ROWS DIR}</pre>
 *
 * Spark writes DIR/part-00000-*.parquet (one task, so that the file's row order is the order
 * Spark generated). The logging policy is uniform (pscore 0.1); the evaluation policy gives
 * actions 0-4 probability 0.15 and 5-9 probability 0.05. pscore and pi take few distinct values
 * (dictionary-encoded); q and q_pi are doubles with a million distinct values.
 */
public final class GenerateBenchLog {

  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    String dir = args[1];
    SparkSession spark = SparkSession.builder().appName("ope4j bench log").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      spark.range(0, rows, 1, 1)
          .select(
              expr("cast(pmod(xxhash64(id, 1), 10) as int)").as("action"),
              expr("(cast(pmod(xxhash64(id, 2), 1000) as double) + 0.5) / 1000").as("u"),
              expr("(cast(pmod(xxhash64(id, 3), 1000000) as double) + 0.5) / 1000000").as("q"),
              expr("(cast(pmod(xxhash64(id, 4), 1000000) as double) + 0.5) / 1000000").as("q_pi"))
          .select(
              col("action"),
              expr("cast(u < 0.05 + 0.3 * q as double)").as("reward"),
              expr("cast(0.1 as double)").as("pscore"),
              expr("cast(case when action < 5 then 0.15 else 0.05 end as double)").as("pi"),
              col("q"),
              col("q_pi"))
          .write().mode("overwrite").parquet(dir);
    } finally {
      spark.stop();
    }
  }
}
