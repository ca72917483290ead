package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.SlateLogReader;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import io.ope4j.slate.SlateSource;
import io.ope4j.slate.SlateState;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Evaluates a slate log (docs/formats.md, "Slate log") held in a Spark {@code Dataset<Row>} and
 * gives the same {@link SlateResult}, to the bit, as the local {@link SlateEvaluator} on the same
 * rows in the same order, on any partitioning.
 *
 * <p><b>How.</b> As for trajectories ({@link SparkTrajectoryEvaluator}), with slates for
 * episodes: the partitions' runs of slate ids are counted and stitched ({@link GroupPlan}), which
 * gives every slate its global index, so the local engine's batches of 1,024 whole slates, and
 * the log's slate length (its first slate's); one job looks for a slate whose rows come in two
 * places ({@link GroupRepeats}); the batches are read by the local slate reader where they lie,
 * or after a shuffle when a partition edge cuts them, and merged in order ({@link BufferedFold}).
 */
public final class SparkSlateEvaluator {

  private final SlateConfig config;
  private final double piSumTolerance;

  /** @param piSumTolerance how far a row of {@code pi_e_*} may sum from 1 */
  public SparkSlateEvaluator(SlateConfig config, double piSumTolerance) {
    this.config = Objects.requireNonNull(config, "config");
    this.piSumTolerance = piSumTolerance;
  }

  /**
   * The columns of {@code log} as a slate source that tells which estimators it supports (its
   * {@code slateLength} and {@code next} are not for use: it has no rows). Reads only the schema.
   *
   * @throws InvalidDataException on missing columns or a used column of the wrong type
   */
  public static SlateSource columns(Dataset<Row> log, String source) {
    return SlateLogReader.over(new SchemaTable(source, log.schema()), Double.NaN, -1);
  }

  /**
   * Evaluates {@code log} with every configured estimator.
   *
   * @param source how error messages name the log, e.g. its path
   * @throws InvalidDataException on missing columns, wrong types, an estimator needing columns the
   *     log lacks, a bad row (the first), or no rows
   * @throws UnstableDatasetException if the Dataset's rows changed between passes
   */
  public SlateResult evaluate(Dataset<Row> log, String source) {
    SchemaTable schema = new SchemaTable(source, log.schema());
    SlateLogReader probe = SlateLogReader.over(schema, piSumTolerance, -1);
    SlateEvaluator.checkColumns(probe, config);
    ProjectedColumns columns = schema.selected();
    int idSlot = columns.slotOf(probe.slateIdColumn());
    JavaRDD<InternalRow> rows = columns.project(log).queryExecution().toRdd().toJavaRDD();
    try {
      GroupPlan plan = GroupPlan.of(rows.mapPartitionsWithIndex(GroupRuns.scanner(idSlot), true).collect(),
          rows.getNumPartitions(), idSlot, SlateEvaluator.BATCH_SLATES);
      if (plan.rows() == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      InvalidDataException repeat = GroupRepeats.first(rows, idSlot, plan,
          (row, id) -> SlateLogReader.slateAppearsAgain(source, row, id));
      int length = (int) plan.firstGroupRows();
      SlateState total = new SlateState(config, length);
      BufferedFold.fold(rows, columns, plan, new SlateChunkReader(source, columns, piSumTolerance, length, config),
          total, SlateState::merge, repeat);
      return SlateEvaluator.finish(total, config);
    } catch (RuntimeException failure) {
      throw SparkEvaluator.unwrap(failure);
    }
  }
}
