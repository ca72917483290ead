package io.ope4j.spark;

import io.ope4j.io.InputFormat;
import io.ope4j.io.TableReader;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RowBuffer}s, consecutive and in row order, read as a {@link TableReader} by the shared
 * schema readers of {@code ope4j-io}, so that Spark validates rows with the local readers' checks
 * and messages. Rows are numbered by their global index (1-based, as the local readers number a
 * file's rows); values are shown as the Parquet table shows them (integers bare, {@code null}).
 */
final class BufferTable implements TableReader {

  private final String source;
  private final ProjectedColumns columns;
  private final List<RowBuffer> buffers;
  private final double[] values;
  private int buffer;
  /** Index of the current row in its buffer, -1 before the first. */
  private int index = -1;

  BufferTable(String source, ProjectedColumns columns, List<RowBuffer> buffers) {
    this.source = source;
    this.columns = columns;
    this.buffers = buffers;
    this.values = new double[columns.header().size()];
    Arrays.fill(values, Double.NaN);
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
    return columns.header();
  }

  /** The projection holds the columns the reader selected on the driver: it selects them again. */
  @Override
  public void select(int[] selected, Kind[] kinds) {
    for (int column : selected) {
      if (columns.slotOf(column) < 0) {
        throw new IllegalStateException("column " + column + " is not in the projection");
      }
    }
  }

  @Override
  public boolean nextRow() {
    while (buffer < buffers.size() && index + 1 >= buffers.get(buffer).size()) {
      buffer++;
      index = -1;
    }
    if (buffer >= buffers.size()) {
      return false;
    }
    index++;
    RowBuffer rows = buffers.get(buffer);
    for (int u = 0; u < columns.count(); u++) {
      values[columns.headerIndex(u)] = rows.value(index, u);
    }
    return true;
  }

  @Override
  public long row() {
    return buffers.get(Math.min(buffer, buffers.size() - 1)).firstRow() + index + 1;
  }

  @Override
  public double[] values() {
    return values;
  }

  @Override
  public String text(int column) {
    int u = columns.slotOf(column);
    RowBuffer rows = buffers.get(buffer);
    if (rows.isNull(index, u)) {
      return "null";
    }
    double value = rows.value(index, u);
    return columns.isIntegral(u) ? Long.toString((long) value) : Double.toString(value);
  }

  @Override
  public String describe(int column) {
    return text(column);
  }

  @Override
  public void close() {}
}
