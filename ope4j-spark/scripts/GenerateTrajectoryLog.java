import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.SparkSession;

/**
 * Writes the trajectory benchmark's log as one Parquet file: {@code episode, step, action, reward,
 * pscore, pi, q, v} (formats.md, "Trajectory log"), EPISODES episodes of STEPS steps, K = 2,
 * seeded by row. A single-file Java program, run by bench-trajectories.sh:
 *
 * <pre>{@code java <Spark flags> -cp 'ope4j-spark/target/lib/*' GenerateTrajectoryLog.java EPISODES STEPS DIR}</pre>
 *
 * Spark writes DIR/part-00000-*.parquet (one task: the file's row order is the generated order,
 * episodes contiguous, steps in order). The logging policy is uniform (pscore 0.5); the
 * evaluation policy gives action 0 probability 0.55 (narrow pi at the logged action); q and v are
 * doubles with a million distinct values.
 */
public final class GenerateTrajectoryLog {

  public static void main(String[] args) {
    long episodes = Long.parseLong(args[0]);
    long steps = Long.parseLong(args[1]);
    String dir = args[2];
    SparkSession spark = SparkSession.builder().appName("ope4j trajectory bench log").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      spark.range(0, episodes * steps, 1, 1)
          .select(
              expr("id div " + steps).as("episode"),
              expr("cast(id % " + steps + " as int)").as("step"),
              expr("cast(pmod(xxhash64(id, 1), 2) as int)").as("action"),
              expr("(cast(pmod(xxhash64(id, 2), 1000) as double) + 0.5) / 1000").as("u"),
              expr("(cast(pmod(xxhash64(id, 3), 1000000) as double) + 0.5) / 1000000").as("q"),
              expr("(cast(pmod(xxhash64(id, 4), 1000000) as double) + 0.5) / 1000000").as("v"))
          .select(
              col("episode"),
              col("step"),
              col("action"),
              expr("cast(u < 0.2 + 0.3 * action as double)").as("reward"),
              expr("cast(0.5 as double)").as("pscore"),
              expr("cast(case when action = 0 then 0.55 else 0.45 end as double)").as("pi"),
              col("q"),
              col("v"))
          .write().mode("overwrite").parquet(dir);
    } finally {
      spark.stop();
    }
  }
}
