package io.ope4j.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns a schema reader selected from a Dataset ({@link SchemaTable}), and the projection
 * executors read: those columns only, integral ones cast to {@code long} and the others to
 * {@code double} (exact for every accepted type), so that rows are read with primitive getters.
 */
final class ProjectedColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<String> header;
  /** Header indices of the projected columns, ascending. */
  private final int[] used;
  private final boolean[] integral;

  ProjectedColumns(List<String> header, int[] used, boolean[] integral) {
    this.header = List.copyOf(header);
    this.used = used;
    this.integral = integral;
  }

  /** The used columns of {@code log}, cast for the executors' typed getters. */
  Dataset<Row> project(Dataset<Row> log) {
    Column[] projected = new Column[used.length];
    for (int u = 0; u < used.length; u++) {
      String name = header.get(used[u]);
      Column column = log.col("`" + name.replace("`", "``") + "`");
      projected[u] = column.cast(integral[u] ? DataTypes.LongType : DataTypes.DoubleType).as(name);
    }
    return log.select(projected);
  }

  /** All column names of the Dataset, in order. */
  List<String> header() {
    return header;
  }

  int count() {
    return used.length;
  }

  /** Header index of projected column {@code u}. */
  int headerIndex(int u) {
    return used[u];
  }

  /** Projected position of header column {@code column}, or -1. */
  int slotOf(int column) {
    for (int u = 0; u < used.length; u++) {
      if (used[u] == column) {
        return u;
      }
    }
    return -1;
  }

  /** Whether projected column {@code u} holds an integral type (read with {@code getLong}). */
  boolean isIntegral(int u) {
    return integral[u];
  }
}
