package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.LogColumns;
import io.ope4j.io.LogReadOptions;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A Dataset's columns resolved as a bandit log (on the driver): the formats.md rules of {@link
 * LogColumns} applied to the schema's top-level names, the types checked (action and position
 * integral, every other used column numeric), and the projection that executors read: the used
 * columns only, integers cast to {@code long} and numbers to {@code double} (exact for every
 * accepted type: byte, short, int, long; float, double), the logger column's labels to text.
 */
final class DatasetColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LogColumns columns;
  /** Header indices of the projected columns, in projection order. */
  private final int[] used;
  private final boolean[] integer;
  /** Projected position of the logger column (cast to string), or -1. */
  private final int loggerSlot;

  private DatasetColumns(LogColumns columns, int[] used, boolean[] integer, int loggerSlot) {
    this.columns = columns;
    this.used = used;
    this.integer = integer;
    this.loggerSlot = loggerSlot;
  }

  /**
   * Resolves the schema of {@code log}.
   *
   * @throws InvalidDataException (row 0) on missing columns or a used column of the wrong type
   */
  static DatasetColumns resolve(Dataset<Row> log, LogReadOptions options, String source) {
    StructField[] fields = log.schema().fields();
    LogColumns columns =
        LogColumns.resolve(Arrays.asList(log.schema().fieldNames()), options, source);
    int[] used = columns.usedColumns();
    boolean[] integer = new boolean[used.length];
    int loggerSlot = -1;
    for (int u = 0; u < used.length; u++) {
      DataType type = fields[used[u]].dataType();
      integer[u] = columns.isIntegerColumn(used[u]);
      if (used[u] == columns.loggerColumn()) {
        // labels: text or numbers, read as text (as the local readers read them)
        loggerSlot = u;
        if (!(type.equals(DataTypes.StringType) || isIntegral(type) || isFractional(type))) {
          throw new InvalidDataException(source, 0, columns.header().get(used[u]),
              "must be a numeric or string column, got " + type.simpleString());
        }
      } else if (integer[u] ? !isIntegral(type) : !(isIntegral(type) || isFractional(type))) {
        throw columns.typeError(used[u], type.simpleString());
      }
    }
    return new DatasetColumns(columns, used, integer, loggerSlot);
  }

  private static boolean isIntegral(DataType type) {
    return type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
  }

  private static boolean isFractional(DataType type) {
    // not decimals: the local Parquet reader does not take them either (same log, same numbers)
    return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType);
  }

  /** The used columns of {@code log}, cast for the executors' typed getters. */
  Dataset<Row> project(Dataset<Row> log) {
    Column[] projected = new Column[used.length];
    for (int u = 0; u < used.length; u++) {
      String name = columns.header().get(used[u]);
      Column column = log.col("`" + name.replace("`", "``") + "`");
      DataType type = u == loggerSlot ? DataTypes.StringType : integer[u] ? DataTypes.LongType : DataTypes.DoubleType;
      projected[u] = column.cast(type).as(name);
    }
    return log.select(projected);
  }

  LogColumns columns() {
    return columns;
  }

  /** Header index of projected column {@code u}. */
  int headerIndex(int u) {
    return used[u];
  }

  int projectedCount() {
    return used.length;
  }

  /** Projected position of the logger column, read as text, or -1 without one. */
  int loggerSlot() {
    return loggerSlot;
  }

  boolean isInteger(int u) {
    return integer[u];
  }
}
