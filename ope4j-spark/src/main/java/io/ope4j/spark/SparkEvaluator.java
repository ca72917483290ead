package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.EvaluationState;
import io.ope4j.engine.RequiredColumns;
import io.ope4j.io.LogReadOptions;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Evaluates a bandit log held in a Spark {@code Dataset<Row>} with the estimators of the local
 * engine, and gives the same {@link EvaluationResult}, to the bit, as {@link
 * io.ope4j.engine.Evaluator} on the same rows in the same order.
 *
 * <pre>{@code
 * Dataset<Row> log = spark.read().parquet("hdfs:///logs/2024-06/");
 * EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
 *     .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(1000, 12345);
 * EvaluationResult result = new SparkEvaluator(config, LogReadOptions.defaults()).evaluate(log);
 * }</pre>
 *
 * <p><b>Columns.</b> Those of formats.md, renamable and resolved as by the file readers ({@link
 * LogReadOptions}): action and position of an integral type, every other used column numeric.
 * Reward-model predictions must be given as columns (wide {@code q_*}, or narrow {@code q} and
 * {@code q_<policy>}); fitting models is not done here.
 *
 * <p><b>How.</b> Two passes over the Dataset, with no rows collected to the driver:
 *
 * <ol>
 *   <li>each partition's row count, which gives every row its global index (row {@code i} of
 *       the Dataset in partition order, as {@code zipWithIndex} numbers it); the index keys
 *       the bootstrap's Poisson multiplicities, so intervals do not depend on partitioning;
 *   <li>each partition folds its rows in the local engine's batches of 4096 rows and chunks of
 *       16 batches, aligned on the global index ({@link PartitionFolder}); the few rows of
 *       chunks shared by two partitions travel as columnar fragments to be folded whole ({@link
 *       ChunkFolder}); the chunk states are merged on the driver in chunk order, exactly as the
 *       local engine merges them, partition by partition ({@code toLocalIterator}), so the
 *       driver holds one partition of states at a time.
 * </ol>
 *
 * The Dataset must give the same rows in the same order on both passes: data read from files
 * does; {@code cache()} one computed non-deterministically (a mismatch is detected and is an
 * error, never a wrong number).
 *
 * <p><b>Errors.</b> Missing columns and wrong types are found on the driver before any job;
 * bad values (nulls, pscore outside (0, 1], ...) on the executors: either way an {@link
 * InvalidDataException} naming the source, the 1-based global row, the column and the value,
 * followed by the offending row's values.
 */
public final class SparkEvaluator {

  /** States per partition of the merge stage: bounds what the driver holds at once. */
  private static final long CHUNKS_PER_MERGE_PARTITION = 256;

  private final EvaluationConfig config;
  private final LogReadOptions options;

  /** An evaluator of logs with the formats.md column names. */
  public SparkEvaluator(EvaluationConfig config) {
    this(config, LogReadOptions.defaults());
  }

  /**
   * @param config estimators, interval method, level, replicates and seed ({@code threads} is
   *     ignored: Spark's parallelism applies)
   * @param options column names, policies and K ({@code batchCapacity} is ignored: batches are
   *     the local engine's)
   */
  public SparkEvaluator(EvaluationConfig config, LogReadOptions options) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The layout {@code log} has under {@code options}: its policies, whether it has model
   * columns, K. Reads only the schema.
   *
   * @throws InvalidDataException on missing columns or a used column of the wrong type
   */
  public static LogLayout layout(Dataset<Row> log, LogReadOptions options, String source) {
    return DatasetColumns.resolve(log, options, source).columns().layout();
  }

  /** Evaluates {@code log}; messages name it "Dataset". */
  public EvaluationResult evaluate(Dataset<Row> log) {
    return evaluate(log, "Dataset");
  }

  /**
   * Evaluates every policy of {@code log} with every configured estimator.
   *
   * @param source how error messages name the log, e.g. its path
   * @throws InvalidDataException on missing columns, wrong types, a bad value, or no rows
   * @throws IllegalArgumentException if an estimator needs columns the log lacks (reward-model
   *     columns, pscore)
   * @throws UnstableDatasetException if the Dataset's rows changed between the two passes
   */
  public EvaluationResult evaluate(Dataset<Row> log, String source) {
    DatasetColumns columns = DatasetColumns.resolve(log, options, source);
    LogLayout layout = columns.columns().layout();
    RequiredColumns.check(layout, config.estimators(), source);
    // Internal rows of the projected plan: one fixed RDD for both passes, read without Row objects
    JavaRDD<InternalRow> rows = columns.project(log).queryExecution().toRdd().toJavaRDD();
    try {
      long[] offsets = BufferedFold.partitionOffsets(rows);
      long total = offsets[offsets.length - 1];
      if (total == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      return foldAndMerge(rows, columns, offsets).finish(source);
    } catch (RuntimeException failure) {
      throw unwrap(failure);
    }
  }

  private EvaluationState foldAndMerge(
      JavaRDD<InternalRow> rows, DatasetColumns columns, long[] offsets) {
    LogLayout layout = columns.columns().layout();
    long total = offsets[offsets.length - 1];
    long chunks = Chunks.count(total);
    int mergePartitions =
        (int) ((chunks + CHUNKS_PER_MERGE_PARTITION - 1) / CHUNKS_PER_MERGE_PARTITION);
    List<String> loggerLabels = columns.loggerSlot() < 0 ? List.of() : loggerLabels(rows, columns.loggerSlot());
    JavaPairRDD<Long, Piece> pieces = JavaPairRDD.fromJavaRDD(
        rows.mapPartitionsWithIndex(new PartitionFolder(columns, config, offsets, loggerLabels), true));
    JavaRDD<Piece> chunkStates = pieces
        .repartitionAndSortWithinPartitions(new ChunkPartitioner(chunks, mergePartitions))
        .mapPartitions(new ChunkFolder(layout, config, total));
    EvaluationState merged = new EvaluationState(layout, config);
    Iterator<Piece> inChunkOrder = chunkStates.toLocalIterator();
    while (inChunkOrder.hasNext()) {
      Piece piece = inChunkOrder.next();
      if (piece.failure() != null) {
        throw piece.failure();
      }
      merged.merge(piece.state());
    }
    return merged;
  }

  /**
   * The logger labels of the log in order of first appearance, as one reader of the whole log
   * numbers them ({@code RowAssembler}): each partition's distinct labels in its order, joined in
   * partition order. A null label is the text {@code null}, as the row readers show it.
   */
  private static List<String> loggerLabels(JavaRDD<InternalRow> rows, int slot) {
    List<List<String>> byPartition = rows.mapPartitions(iterator -> {
      java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
      while (iterator.hasNext()) {
        InternalRow row = iterator.next();
        seen.add(row.isNullAt(slot) ? "null" : row.getUTF8String(slot).toString());
      }
      return List.<List<String>>of(new java.util.ArrayList<>(seen)).iterator();
    }).collect();
    java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>();
    for (List<String> partition : byPartition) {
      labels.addAll(partition);
    }
    return List.copyOf(labels);
  }

  /**
   * The bad-input or misuse error a failed Spark job carries (executors' exceptions come back
   * as causes of a {@code SparkException}), or {@code failure} itself.
   */
  static RuntimeException unwrap(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDataException || cause instanceof UnstableDatasetException) {
        return (RuntimeException) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }
}
