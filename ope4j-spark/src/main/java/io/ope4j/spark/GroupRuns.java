package io.ope4j.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * What one partition of a log of contiguous groups (the episodes of a trajectory log, the slates
 * of a slate log) holds, read from its group id column alone (the first pass): its row count, its
 * first and last ids and its runs (maximal stretches of rows of one id). A null id is a run of
 * its own (the readers refuse it at that row). The driver stitches the partitions' runs into
 * groups ({@link GroupPlan}).
 *
 * @param partition the partition's index
 * @param rows its row count
 * @param runs how many runs start in it (its first row starts one)
 * @param firstRunRows how many rows its first run has in it
 * @param firstId the first row's episode id (meaningless if {@code firstNull} or no rows)
 * @param firstNull whether the first row's id is null
 * @param lastId the last row's episode id
 * @param lastNull whether the last row's id is null
 */
record GroupRuns(int partition, long rows, long runs, long firstRunRows, long firstId, boolean firstNull,
    long lastId, boolean lastNull) implements Serializable {

  /** Counts the runs of each partition; {@code idSlot} is the id column's projected index. */
  static Function2<Integer, Iterator<InternalRow>, Iterator<GroupRuns>> scanner(int idSlot) {
    return (partition, rows) -> {
      long count = 0;
      long runs = 0;
      long firstRunRows = 0;
      long firstId = 0;
      boolean firstNull = false;
      long previous = 0;
      boolean previousNull = true;
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        boolean isNull = row.isNullAt(idSlot);
        long id = isNull ? 0 : row.getLong(idSlot);
        if (count == 0) {
          firstId = id;
          firstNull = isNull;
        }
        if (count == 0 || startsRun(isNull, id, previousNull, previous)) {
          runs++;
        }
        if (runs == 1) {
          firstRunRows++;
        }
        previous = id;
        previousNull = isNull;
        count++;
      }
      return List.of(new GroupRuns(partition, count, runs, firstRunRows, firstId, firstNull, previous, previousNull))
          .iterator();
    };
  }

  /** Whether a row of id {@code id} starts a run after a row of id {@code previous}. */
  static boolean startsRun(boolean isNull, long id, boolean previousNull, long previous) {
    return isNull || previousNull || id != previous;
  }
}
