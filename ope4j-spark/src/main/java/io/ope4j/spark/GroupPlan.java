package io.ope4j.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import java.util.List;

/**
 * Where the groups of a log of contiguous groups (groups, slates) lie across the partitions,
 * from {@link GroupRuns}: the first global row of every partition, whether its first run
 * continues a group begun in an earlier partition and whether its last run goes on in a later
 * one, and the global index (0-based, in row order) of its first row's group. Group indices fix
 * the local engine's chunks of whole groups ({@code groupsPerChunk}: 1,024 groups or slates).
 */
final class GroupPlan implements ChunkCut {

  private static final long serialVersionUID = 1L;

  private final long[] offsets;
  private final boolean[] continuesBefore;
  private final boolean[] continuesAfter;
  /** Global index of the group of each partition's first row. */
  private final long[] firstGroup;
  /** Runs starting in each partition that are groups' first rows. */
  private final long[] starts;
  private final long groups;
  /** The id column's position in the projection. */
  private final int idSlot;
  private final int groupsPerChunk;
  /** Rows of the log's first group. */
  private final long firstGroupRows;

  private GroupPlan(long[] offsets, boolean[] continuesBefore, boolean[] continuesAfter,
      long[] firstGroup, long[] starts, long groups, int idSlot, int groupsPerChunk, long firstGroupRows) {
    this.offsets = offsets;
    this.continuesBefore = continuesBefore;
    this.continuesAfter = continuesAfter;
    this.firstGroup = firstGroup;
    this.starts = starts;
    this.groups = groups;
    this.idSlot = idSlot;
    this.groupsPerChunk = groupsPerChunk;
    this.firstGroupRows = firstGroupRows;
  }

  /** Stitches the partitions' runs (any order; empty partitions included) into groups. */
  static GroupPlan of(List<GroupRuns> scanned, int partitions, int idSlot, int groupsPerChunk) {
    GroupRuns[] byPartition = new GroupRuns[partitions];
    for (GroupRuns runs : scanned) {
      byPartition[runs.partition()] = runs;
    }
    long[] offsets = new long[partitions + 1];
    boolean[] before = new boolean[partitions];
    boolean[] after = new boolean[partitions];
    long[] first = new long[partitions];
    long[] starts = new long[partitions];
    long groups = 0;
    long firstGroupRows = 0;
    boolean firstGroupOpen = true; // the log's first group may go on in the next partition
    int previous = -1; // the last partition with rows so far
    for (int p = 0; p < partitions; p++) {
      GroupRuns runs = byPartition[p];
      offsets[p + 1] = offsets[p] + runs.rows();
      if (runs.rows() == 0) {
        first[p] = groups;
        continue;
      }
      if (previous >= 0) {
        GroupRuns last = byPartition[previous];
        before[p] = !GroupRuns.startsRun(runs.firstNull(), runs.firstId(), last.lastNull(), last.lastId());
        after[previous] = before[p];
      }
      if (firstGroupOpen && (previous < 0 || before[p])) {
        firstGroupRows += runs.firstRunRows();
        firstGroupOpen = runs.runs() == 1;
      } else {
        firstGroupOpen = false;
      }
      starts[p] = runs.runs() - (before[p] ? 1 : 0);
      first[p] = before[p] ? groups - 1 : groups;
      groups += starts[p];
      previous = p;
    }
    return new GroupPlan(offsets, before, after, first, starts, groups, idSlot, groupsPerChunk, firstGroupRows);
  }

  @Override
  public long offset(int p) {
    return offsets[p];
  }

  long rows() {
    return offsets[offsets.length - 1];
  }

  /** Number of groups. */
  long groups() {
    return groups;
  }

  /** Rows of the log's first group (its length, for slates). */
  long firstGroupRows() {
    return firstGroupRows;
  }

  @Override
  public long chunks() {
    return (groups + groupsPerChunk - 1) / groupsPerChunk;
  }

  /** Whether partition {@code p}'s first row continues a group begun earlier. */
  boolean continuesBefore(int p) {
    return continuesBefore[p];
  }

  /** Global index of the group of partition {@code p}'s first row. */
  long firstGroup(int p) {
    return firstGroup[p];
  }

  /** Whether chunk {@code chunk}'s first group begins in partition {@code p} and its last ends there. */
  @Override
  public boolean chunkWithin(int p, long chunk) {
    long begun = continuesBefore[p] ? firstGroup[p] + 1 : firstGroup[p];
    long lastEnded = begun + starts[p] - 1 - (continuesAfter[p] ? 1 : 0);
    long chunkFirst = chunk * groupsPerChunk;
    long chunkLast = Math.min(chunkFirst + groupsPerChunk, groups) - 1;
    return chunkFirst >= begun && chunkLast <= lastEnded;
  }

  /** Counts groups from the partition's first row: a row that starts a run starts the next. */
  @Override
  public RowChunks rowsOf(int p) {
    return new RowChunks() {
      private long group = firstGroup[p];
      private boolean started;
      private long previous;
      private boolean previousNull;

      @Override
      public long chunkOf(InternalRow row) {
        boolean isNull = row.isNullAt(idSlot);
        long id = isNull ? 0 : row.getLong(idSlot);
        if (started && GroupRuns.startsRun(isNull, id, previousNull, previous)) {
          group++;
        }
        started = true;
        previous = id;
        previousNull = isNull;
        return group / groupsPerChunk;
      }
    };
  }
}
