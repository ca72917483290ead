package io.ope4j.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * What one partition of a trajectory log holds, read from its episode column alone (the first
 * pass): its row count, its first and last episode ids and its runs (maximal stretches of rows
 * of one episode). A null id is a run of its own (the reader refuses it at that row). The driver
 * stitches the partitions' runs into episodes ({@link EpisodePlan}).
 *
 * @param partition the partition's index
 * @param rows its row count
 * @param runs how many runs start in it (its first row starts one)
 * @param firstId the first row's episode id (meaningless if {@code firstNull} or no rows)
 * @param firstNull whether the first row's id is null
 * @param lastId the last row's episode id
 * @param lastNull whether the last row's id is null
 */
record EpisodeRuns(int partition, long rows, long runs, long firstId, boolean firstNull,
    long lastId, boolean lastNull) implements Serializable {

  /** Counts the runs of each partition; {@code episodeSlot} is the episode column's projected index. */
  static Function2<Integer, Iterator<InternalRow>, Iterator<EpisodeRuns>> scanner(int episodeSlot) {
    return (partition, rows) -> {
      long count = 0;
      long runs = 0;
      long firstId = 0;
      boolean firstNull = false;
      long previous = 0;
      boolean previousNull = true;
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        boolean isNull = row.isNullAt(episodeSlot);
        long id = isNull ? 0 : row.getLong(episodeSlot);
        if (count == 0) {
          firstId = id;
          firstNull = isNull;
        }
        if (count == 0 || startsRun(isNull, id, previousNull, previous)) {
          runs++;
        }
        previous = id;
        previousNull = isNull;
        count++;
      }
      return List.of(new EpisodeRuns(partition, count, runs, firstId, firstNull, previous, previousNull))
          .iterator();
    };
  }

  /** Whether a row of id {@code id} starts a run after a row of id {@code previous}. */
  static boolean startsRun(boolean isNull, long id, boolean previousNull, long previous) {
    return isNull || previousNull || id != previous;
  }
}
