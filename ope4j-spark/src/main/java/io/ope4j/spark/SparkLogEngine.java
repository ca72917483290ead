package io.ope4j.spark;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.io.internal.Gzip;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.LogInput;
import io.ope4j.io.ProgressStages;
import io.ope4j.io.TableReader;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The {@code spark} engine of {@code ope4j evaluate --engine spark}: reads the log with Spark's
 * own readers (Parquet files or directories, CSV with a header, JSON Lines; the format as asked,
 * or told as {@link #read} says) and evaluates it with {@link SparkEvaluator} (bandit logs),
 * {@link SparkTrajectoryEvaluator} (trajectory logs), {@link SparkSlateEvaluator} (slate logs)
 * or {@link SparkContinuousEvaluator} (continuous-action logs). Standard input is
 * refused: Spark reads from storage.
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
    return inSession(job.data(), job.settings(), job.progress(), spark -> {
      Dataset<Row> log = read(spark, job.data(), job.format());
      LogLayout layout = SparkEvaluator.layout(log, job.columns(), job.data());
      EvaluationConfig config = job.config().apply(layout);
      return new SparkEvaluator(config, job.columns()).evaluate(log, job.data());
    });
  }

  /** Trajectory logs: {@link SparkTrajectoryEvaluator}, read as {@link #evaluate} reads. */
  @Override
  public SequentialResult evaluateTrajectories(TrajectoryJob job) throws IOException {
    return inSession(job.data(), job.settings(), job.progress(), spark -> {
      Dataset<Row> log = read(spark, job.data(), job.format());
      SequentialConfig config =
          job.config().apply(SparkTrajectoryEvaluator.hasModel(log, job.options(), job.data()));
      return new SparkTrajectoryEvaluator(config, job.options()).evaluate(log, job.data());
    });
  }

  /** Continuous-action logs: {@link SparkContinuousEvaluator}, read as {@link #evaluate} reads. */
  @Override
  public ContinuousResult evaluateContinuous(ContinuousJob job) throws IOException {
    return inSession(job.data(), job.settings(), job.progress(), spark -> {
      Dataset<Row> log = read(spark, job.data(), job.format());
      ContinuousConfig config =
          job.config().apply(SparkContinuousEvaluator.layout(log, job.options(), job.data()));
      return new SparkContinuousEvaluator(config, job.options()).evaluate(log, job.data());
    });
  }

  /** Slate logs: {@link SparkSlateEvaluator}, read as {@link #evaluate} reads. */
  @Override
  public SlateResult evaluateSlates(SlateJob job) throws IOException {
    return inSession(job.data(), job.settings(), job.progress(), spark -> {
      Dataset<Row> log = read(spark, job.data(), job.format());
      SlateConfig config = job.config().apply(SparkSlateEvaluator.columns(log, job.data()));
      return new SparkSlateEvaluator(config, job.piSumTolerance()).evaluate(log, job.data());
    });
  }

  /** An evaluation on a Spark session. */
  private interface SparkWork<T> {
    T run(SparkSession spark) throws IOException;
  }

  /**
   * Runs {@code work} on the active session, or on one started for it (and stopped after), with
   * its stages reported to {@code stages}.
   */
  private static <T> T inSession(String data, Map<String, String> settings, ProgressStages stages,
      SparkWork<T> work) throws IOException {
    checkLocalPath(data);
    boolean existed = SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = existed ? SparkSession.active() : session(settings.get("master"));
    StageProgress progress = new StageProgress(stages);
    spark.sparkContext().addSparkListener(progress);
    try {
      return work.run(spark);
    } finally {
      progress.drain(spark);
      spark.sparkContext().removeSparkListener(progress);
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

  /**
   * The log as a Dataset, read by Spark's own reader for its format: the one asked for, else,
   * for a local file, the one its content tells (as {@link LogInput} does), else by name ({@code
   * .csv}, {@code .jsonl}, {@code .json}, each optionally {@code .gz}; anything else is
   * Parquet). JSON Lines columns keep the order of the first object (Spark sorts them) when the
   * file is local.
   */
  static Dataset<Row> read(SparkSession spark, String data, InputFormat asked) throws IOException {
    Path local = localPath(data);
    InputFormat format = asked;
    if (local != null && Files.isRegularFile(local)) {
      format = LogInput.of(local, asked).resolveFormat();
      if (format != InputFormat.PARQUET) {
        checkCompression(local, data);
      }
    } else if (format == InputFormat.AUTO) {
      format = byName(data);
    }
    return switch (format) {
      case CSV -> spark.read().option("header", "true").option("inferSchema", "true").csv(data);
      case JSONL -> inFileOrder(spark.read().json(data), local, data);
      default -> spark.read().parquet(data);
    };
  }

  private static InputFormat byName(String data) {
    String name = data.toLowerCase(Locale.ROOT);
    name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (name.endsWith(".csv")) {
      return InputFormat.CSV;
    }
    return name.endsWith(".jsonl") || name.endsWith(".json") ? InputFormat.JSONL : InputFormat.PARQUET;
  }

  /** Spark takes a text file for gzip by its name alone: name and content must agree. */
  private static void checkCompression(Path file, String data) throws IOException {
    boolean named = data.toLowerCase(Locale.ROOT).endsWith(".gz");
    if (Gzip.isGzip(file) != named) {
      throw new IllegalArgumentException(data + ": " + (named ? "is named .gz but is not gzip" : "is gzip but its"
          + " name does not end in .gz") + "; Spark tells gzip by the name only: rename it, or use --engine"
          + " local");
    }
  }

  /** The columns in the order of the file's first object, as the local reader has them. */
  private static Dataset<Row> inFileOrder(Dataset<Row> log, Path local, String data) throws IOException {
    if (local == null || !Files.isRegularFile(local)) {
      return log;
    }
    List<String> header;
    try (TableReader table = LogInput.of(local, InputFormat.JSONL).openTable()) {
      header = table.header();
    }
    Column[] columns = new Column[header.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = functions.col("`" + header.get(c).replace("`", "``") + "`");
    }
    return log.select(columns);
  }

  /** The local file or directory {@code data} names, or null for a URI of another scheme. */
  private static Path localPath(String data) {
    URI uri;
    try {
      uri = URI.create(data);
    } catch (IllegalArgumentException notAUri) {
      return Path.of(data);
    }
    if (uri.getScheme() == null) {
      return Path.of(data);
    }
    return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }

  /**
   * Standard input is refused (Spark reads each partition from storage); a plain local path
   * that does not exist is the usual "no such file" (exit 2).
   */
  private static void checkLocalPath(String data) throws NoSuchFileException {
    if (data.equals("-")) {
      throw new IllegalArgumentException("--engine spark reads files, directories and URIs, not standard input"
          + " (--data -); use --engine local, or give the file");
    }
    Path path = localPath(data);
    if (path != null && !Files.exists(path)) {
      throw new NoSuchFileException(data);
    }
  }
}
