package io.ope4j.spark;

import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.io.LogEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark} engine of {@code ope4j evaluate --engine spark}: reads the log with Spark
 * (Parquet files or directories; CSV with a header when the name ends in {@code .csv} or {@code
 * .csv.gz}) and evaluates it with {@link SparkEvaluator}.
 *
 * <p>Setting {@code master}: the Spark master, e.g. {@code local[2]}. Without it, the master
 * comes from {@code spark-submit} (the {@code spark.master} property) or is {@code local[*]}.
 * A session this engine starts on a local master binds to 127.0.0.1, has no web UI, does not
 * wait for data locality, and is stopped when the evaluation ends; a session that already exists is used and left running.
 */
public final class SparkLogEngine implements LogEngine {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public EvaluationResult evaluate(Job job) throws IOException {
    checkLocalPath(job.data());
    boolean existed = SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = session(job.settings().get("master"));
    try {
      Dataset<Row> log = read(spark, job.data());
      LogLayout layout = SparkEvaluator.layout(log, job.columns(), job.data());
      EvaluationConfig config = job.config().apply(layout);
      return new SparkEvaluator(config, job.columns()).evaluate(log, job.data());
    } finally {
      if (!existed) {
        spark.stop();
      }
    }
  }

  private static SparkSession session(String master) {
    SparkSession.Builder builder = SparkSession.builder().appName("ope4j evaluate");
    String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
    builder.master(effective);
    if (effective.startsWith("local")) {
      // one executor on this machine: waiting for data-local slots only delays tasks
      builder.config("spark.locality.wait", "0")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }

  private static Dataset<Row> read(SparkSession spark, String data) {
    String name = data.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return spark.read().option("header", "true").option("inferSchema", "true").csv(data);
    }
    return spark.read().parquet(data);
  }

  /** A plain local path that does not exist is the usual "no such file" (exit 2). */
  private static void checkLocalPath(String data) throws NoSuchFileException {
    URI uri;
    try {
      uri = URI.create(data);
    } catch (IllegalArgumentException notAUri) {
      uri = null;
    }
    boolean local = uri == null || uri.getScheme() == null || "file".equals(uri.getScheme());
    Path path = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : Path.of(data);
    if (local && !Files.exists(path)) {
      throw new NoSuchFileException(data);
    }
  }
}
