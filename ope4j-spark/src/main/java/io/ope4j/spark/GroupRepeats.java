package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Finds the first group (episode, slate) whose rows come in two places (across partitions; within
 * one chunk the reader finds it too): the first row, in row order, that begins a second run of an
 * id. One job over the id column: each run start is keyed by its id, and each id keeps its two
 * earliest run starts.
 */
final class GroupRepeats {

  private GroupRepeats() {}

  /** What a reader says of a group {@code id} whose second run begins at 1-based {@code row}. */
  interface Message {
    InvalidDataException of(long row, long id);
  }

  /** The error for the log's first repeated group, or null if there is none. */
  static InvalidDataException first(JavaRDD<InternalRow> rows, int idSlot, GroupPlan plan, Message message) {
    JavaPairRDD<Long, Long> starts = rows.mapPartitionsWithIndex((partition, iterator) -> {
      List<Tuple2<Long, Long>> found = new ArrayList<>();
      long row = plan.offset(partition);
      long previous = 0;
      boolean previousNull = true;
      boolean first = true;
      while (iterator.hasNext()) {
        InternalRow next = iterator.next();
        boolean isNull = next.isNullAt(idSlot);
        long id = isNull ? 0 : next.getLong(idSlot);
        boolean runStart = first ? !plan.continuesBefore(partition)
            : GroupRuns.startsRun(isNull, id, previousNull, previous);
        if (runStart && !isNull) {
          found.add(new Tuple2<>(id, row));
        }
        first = false;
        previous = id;
        previousNull = isNull;
        row++;
      }
      return found.iterator();
    }, true).mapToPair(pair -> pair);
    List<Tuple2<Long, long[]>> repeated = starts
        .aggregateByKey(new long[] {Long.MAX_VALUE, Long.MAX_VALUE},
            GroupRepeats::keepTwoEarliest, GroupRepeats::mergeTwoEarliest)
        .filter(id -> id._2()[1] != Long.MAX_VALUE)
        .takeOrdered(1, new BySecondStart());
    if (repeated.isEmpty()) {
      return null;
    }
    Tuple2<Long, long[]> firstRepeat = repeated.get(0);
    return message.of(firstRepeat._2()[1] + 1, firstRepeat._1());
  }

  private static long[] keepTwoEarliest(long[] earliest, long start) {
    if (start < earliest[0]) {
      earliest[1] = earliest[0];
      earliest[0] = start;
    } else if (start < earliest[1]) {
      earliest[1] = start;
    }
    return earliest;
  }

  private static long[] mergeTwoEarliest(long[] one, long[] other) {
    keepTwoEarliest(one, other[0]);
    return keepTwoEarliest(one, other[1]);
  }

  /** Orders repeated episodes by the row of their second run. */
  private static final class BySecondStart
      implements java.util.Comparator<Tuple2<Long, long[]>>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<Long, long[]> one, Tuple2<Long, long[]> other) {
      return Long.compare(one._2()[1], other._2()[1]);
    }
  }
}
