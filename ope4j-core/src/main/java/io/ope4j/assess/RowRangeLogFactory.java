package io.ope4j.assess;

import io.ope4j.data.BatchSource;
import io.ope4j.selection.KnownValues;
import java.util.List;

/**
 * Logs of any seeded simulator whose rows can be drawn by range (the embedding bandit, the pooled
 * loggers' bandit): replication {@code r} is rows {@code [r n, (r + 1) n)}, so replications are
 * independent and reproducible; the truth is exact and the same for every replication.
 */
public final class RowRangeLogFactory implements LogFactory {

  /** Rows {@code [first, first + rows)} of a simulator as batches. */
  public interface RowRanges {
    BatchSource source(long first, long rows);
  }

  private final RowRanges ranges;
  private final KnownValues truth;
  private final long rowsPerLog;
  private final String description;

  /**
   * @param rowsPerLog n, at least 1
   * @param description for people, e.g. the simulator's settings
   */
  public RowRangeLogFactory(RowRanges ranges, KnownValues truth, long rowsPerLog, String description) {
    if (rowsPerLog < 1) {
      throw new IllegalArgumentException("rows per log must be at least 1, got " + rowsPerLog);
    }
    this.ranges = ranges;
    this.truth = truth;
    this.rowsPerLog = rowsPerLog;
    this.description = description;
  }

  @Override
  public List<String> candidates() {
    return truth.candidates();
  }

  /** The exact truth every replication is judged against. */
  public KnownValues truth() {
    return truth;
  }

  @Override
  public LogWithTruth replicate(int replication) {
    if (replication < 0 || replication > (Long.MAX_VALUE - rowsPerLog) / rowsPerLog) {
      throw new IllegalArgumentException("replication must be in [0, " + (Long.MAX_VALUE / rowsPerLog - 1)
          + "], got " + replication);
    }
    return new LogWithTruth(ranges.source(replication * rowsPerLog, rowsPerLog), truth);
  }

  @Override
  public String describe() {
    return description;
  }
}
