package io.ope4j.spark;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimator;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousLayout;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.continuous.ContinuousState;
import io.ope4j.data.InvalidDataException;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Evaluates a continuous-action log (docs/formats.md, "Continuous-action log") held in a Spark
 * {@code Dataset<Row>} and gives the same {@link ContinuousResult}, to the bit, as the local
 * {@link ContinuousEvaluator} on the same rows in the same order, on any partitioning.
 *
 * <p><b>How.</b> As for bandit logs: a first job counts each partition's rows, which gives every
 * row its global index (the bootstrap's key) and the local engine's chunks of {@code 16 x 4096}
 * rows; each partition reads and folds the chunks lying wholly in it with the local reader
 * ({@code ContinuousLogReader} over the rows), the rows of chunks cut by a partition edge meet
 * after a shuffle, and the driver merges the chunk states in chunk order ({@link BufferedFold}).
 */
public final class SparkContinuousEvaluator {

  private static final long CHUNK_ROWS = (long) ContinuousEvaluator.BATCH_ROWS * ContinuousEvaluator.CHUNK_BATCHES;

  private final ContinuousConfig config;
  private final ContinuousReadOptions options;

  /**
   * @param config estimators, interval, level, replicates and seed ({@code threads} is ignored:
   *     Spark's parallelism applies)
   */
  public SparkContinuousEvaluator(ContinuousConfig config, ContinuousReadOptions options) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The layout of {@code log} under {@code options} (density or deterministic policy, q-hat
   * columns). Reads only the schema.
   *
   * @throws InvalidDataException on missing columns or a used column of the wrong type
   */
  public static ContinuousLayout layout(Dataset<Row> log, ContinuousReadOptions options, String source) {
    return ContinuousLogReader.over(new SchemaTable(source, log.schema()), options, 0).layout();
  }

  /**
   * Evaluates {@code log} with every configured estimator.
   *
   * @param source how error messages name the log, e.g. its path
   * @throws InvalidDataException on missing columns, wrong types, a bad row (the first), or no rows
   * @throws io.ope4j.data.UsageException if an estimator needs columns the log lacks
   * @throws UnstableDatasetException if the Dataset's rows changed between passes
   */
  public ContinuousResult evaluate(Dataset<Row> log, String source) {
    SchemaTable schema = new SchemaTable(source, log.schema());
    ContinuousLayout layout = ContinuousLogReader.over(schema, options, 0).layout();
    for (ContinuousEstimator estimator : config.estimators()) {
      ContinuousEvaluator.check(estimator, layout, source);
    }
    ProjectedColumns columns = schema.selected();
    JavaRDD<InternalRow> rows = columns.project(log).queryExecution().toRdd().toJavaRDD();
    try {
      RowChunkCut cut = RowChunkCut.of(BufferedFold.partitionOffsets(rows), CHUNK_ROWS);
      if (cut.offset(rows.getNumPartitions()) == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      ContinuousState total = new ContinuousState(layout, config);
      BufferedFold.fold(rows, columns, cut, new ContinuousChunkReader(source, columns, options, layout, config),
          total, ContinuousState::merge, null);
      return total.finish();
    } catch (RuntimeException failure) {
      throw SparkEvaluator.unwrap(failure);
    }
  }
}
