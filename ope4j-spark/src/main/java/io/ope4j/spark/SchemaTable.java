package io.ope4j.spark;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogColumns;
import io.ope4j.io.TableReader;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Dataset's schema seen as a {@link TableReader} without rows, on the driver: a schema reader
 * of {@code ope4j-io} (e.g. the trajectory reader) resolves its columns against it and selects
 * those it reads, which this table type-checks with the Parquet table's messages and keeps as
 * {@link ProjectedColumns} for the executors.
 */
final class SchemaTable implements TableReader {

  private final String source;
  private final StructType schema;
  private final List<String> header;
  private ProjectedColumns selected;

  SchemaTable(String source, StructType schema) {
    this.source = source;
    this.schema = schema;
    this.header = List.of(schema.fieldNames());
  }

  /** The columns selected by the schema reader, typed. */
  ProjectedColumns selected() {
    if (selected == null) {
      throw new IllegalStateException("no columns selected");
    }
    return selected;
  }

  @Override
  public void select(int[] columns, Kind[] kinds) {
    StructField[] fields = schema.fields();
    boolean[] integral = new boolean[columns.length];
    for (int u = 0; u < columns.length; u++) {
      DataType type = fields[columns[u]].dataType();
      integral[u] = isIntegral(type);
      boolean fits = switch (kinds[u]) {
        case INTEGER -> integral[u];
        case NUMBER -> integral[u] || isFractional(type);
        case TEXT -> false;
      };
      if (!fits) {
        String expected = switch (kinds[u]) {
          case INTEGER -> LogColumns.INTEGER_TYPES;
          case NUMBER -> LogColumns.NUMBER_TYPES;
          case TEXT -> "read by the local engine only";
        };
        throw new InvalidDataException(source, 0, header.get(columns[u]),
            "must be " + expected + ", got " + type.simpleString());
      }
    }
    selected = new ProjectedColumns(header, columns.clone(), integral);
  }

  static boolean isIntegral(DataType type) {
    return type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
  }

  static boolean isFractional(DataType type) {
    // not decimals: the local Parquet reader does not take them either (same log, same numbers)
    return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public InputFormat format() {
    return InputFormat.PARQUET;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public boolean nextRow() {
    return false;
  }

  @Override
  public long row() {
    return 0;
  }

  @Override
  public double[] values() {
    double[] none = new double[header.size()];
    Arrays.fill(none, Double.NaN);
    return none;
  }

  @Override
  public String text(int column) {
    throw new IllegalStateException("a schema has no rows");
  }

  @Override
  public String describe(int column) {
    throw new IllegalStateException("a schema has no rows");
  }

  @Override
  public void close() {}
}
