package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.SequentialState;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Evaluates a trajectory log (docs/formats.md, "Trajectory log") held in a Spark {@code
 * Dataset<Row>} and gives the same {@link SequentialResult}, to the bit, as the local engine
 * ({@code TrajectoryEvaluation}) on the same rows in the same order, on any partitioning.
 *
 * <pre>{@code
 * Dataset<Row> log = spark.read().parquet("hdfs:///episodes/");
 * SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.PDIS), 0.99)
 *     .withInterval(IntervalMethod.BOOTSTRAP, 1000, 12345);
 * SequentialResult result =
 *     new SparkTrajectoryEvaluator(config, TrajectoryReadOptions.defaults()).evaluate(log, "episodes");
 * }</pre>
 *
 * <p><b>How.</b> The local engine folds chunks of 1,024 whole episodes (by episode index, in row
 * order) into states merged in chunk order; the bootstrap keys its multiplicities by (seed,
 * episode id). Spark reproduces the chunks:
 *
 * <ol>
 *   <li>each partition's rows and runs of episode ids are counted (the episode column only);
 *       the driver stitches them ({@link GroupPlan}): a partition whose first row has the
 *       previous partition's last episode id continues that episode, so every row gets its
 *       episode's global index, and so its chunk;
 *   <li>one job looks for an episode whose rows come in two places ({@link GroupRepeats});
 *   <li>each partition reads and folds the chunks lying wholly in it ({@link BufferedPartitionFolder}),
 *       with the local reader itself ({@code TrajectoryLogReader} over the rows, {@link
 *       BufferTable}); the rows of a chunk cut by a partition boundary (at most one at each
 *       end: the rest of an episode begun in an earlier partition, the start of one that goes
 *       on) travel unread, are joined in row order, read and folded whole ({@link
 *       BufferedChunkFolder}); the driver merges the chunk states in chunk order. With a
 *       self-normalised estimator this pass runs twice, as the local engine's (the first gives
 *       the per-step normalisers).
 * </ol>
 *
 * Episodes are never split and never cut at a partition edge in the result: every check of the
 * local reader (steps 0, 1, 2, ... in order, {@code done} on the last row only, ids, values)
 * sees each episode whole, and gives the same message; the error is the log's first (by row).
 */
public final class SparkTrajectoryEvaluator {


  private final SequentialConfig config;
  private final TrajectoryReadOptions options;

  public SparkTrajectoryEvaluator(SequentialConfig config, TrajectoryReadOptions options) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Whether {@code log} has Q-hat and V-hat columns (for dm, dr, sndr) under {@code options}.
   * Reads only the schema.
   *
   * @throws InvalidDataException on missing columns or a used column of the wrong type
   */
  public static boolean hasModel(Dataset<Row> log, TrajectoryReadOptions options, String source) {
    return TrajectoryLogReader.over(new SchemaTable(source, log.schema()), options).hasModel();
  }

  /**
   * Evaluates every policy of {@code log} with every configured estimator.
   *
   * @param source how error messages name the log, e.g. its path
   * @throws InvalidDataException on missing columns, wrong types, a bad row (the first), an
   *     estimator needing columns the log lacks, or no rows
   * @throws UnstableDatasetException if the Dataset's rows changed between passes
   */
  public SequentialResult evaluate(Dataset<Row> log, String source) {
    SchemaTable schema = new SchemaTable(source, log.schema());
    TrajectoryLogReader probe = TrajectoryLogReader.over(schema, options);
    SequentialEvaluator.checkModel(probe, config);
    ProjectedColumns columns = schema.selected();
    int episodeSlot = columns.slotOf(probe.episodeColumn());
    List<String> policies = probe.policyNames();
    JavaRDD<InternalRow> rows = columns.project(log).queryExecution().toRdd().toJavaRDD();
    try {
      GroupPlan plan = GroupPlan.of(
          rows.mapPartitionsWithIndex(GroupRuns.scanner(episodeSlot), true).collect(),
          rows.getNumPartitions(), episodeSlot, SequentialEvaluator.CHUNK_EPISODES);
      if (plan.rows() == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      InvalidDataException repeat = GroupRepeats.first(rows, episodeSlot, plan,
          (row, id) -> TrajectoryLogReader.episodeAppearsAgain(source, row, id));
      double[][] normalisers = null;
      if (config.anySelfNormalized()) {
        normalisers = SequentialEvaluator.normalisers(fold(rows, columns, plan, repeat,
            new TrajectoryChunkReader(source, columns, options, config, null, false), policies.size()));
      }
      SequentialState state = fold(rows, columns, plan, repeat,
          new TrajectoryChunkReader(source, columns, options, config, normalisers, true), policies.size());
      return SequentialEvaluator.finish(state, policies, config);
    } catch (RuntimeException failure) {
      throw SparkEvaluator.unwrap(failure);
    }
  }

  /** One pass: chunk states merged in chunk order, or the log's first bad row thrown. */
  private static SequentialState fold(JavaRDD<InternalRow> rows, ProjectedColumns columns, GroupPlan plan,
      InvalidDataException repeat, TrajectoryChunkReader reader, int policies) {
    SequentialState merged = reader.emptyState(policies);
    BufferedFold.fold(rows, columns, plan, reader, merged, SequentialState::merge, repeat);
    return merged;
  }
}
