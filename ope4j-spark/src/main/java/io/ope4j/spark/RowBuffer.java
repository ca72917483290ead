package io.ope4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Consecutive rows of the projected Dataset ({@link ProjectedColumns}), as they were read and not
 * yet validated: row-major doubles (integral columns hold their {@code long} exactly up to 2^53,
 * which is all an id or index needs) and a null flag per value. The unit in which rows of a
 * group-structured log (trajectories) are parsed by the shared readers ({@link BufferTable}),
 * folded where they lie or shipped to meet the rest of their chunk.
 */
final class RowBuffer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long firstRow;
  private final int width;
  private double[] values;
  private boolean[] nulls;
  private int size;

  /** An empty buffer whose first row is global row {@code firstRow} (0-based). */
  RowBuffer(long firstRow, int width) {
    this.firstRow = firstRow;
    this.width = width;
    this.values = new double[width * 64];
    this.nulls = new boolean[width * 64];
  }

  long firstRow() {
    return firstRow;
  }

  int size() {
    return size;
  }

  int width() {
    return width;
  }

  /** Appends {@code row}, a row of the projection described by {@code columns}. */
  void append(InternalRow row, ProjectedColumns columns) {
    if ((size + 1) * width > values.length) {
      int capacity = Math.max(values.length * 2, width);
      values = Arrays.copyOf(values, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
    }
    int at = size * width;
    for (int u = 0; u < width; u++) {
      if (row.isNullAt(u)) {
        nulls[at + u] = true;
        values[at + u] = Double.NaN;
      } else {
        values[at + u] = columns.isIntegral(u) ? row.getLong(u) : row.getDouble(u);
      }
    }
    size++;
  }

  /** Value of projected column {@code u} in row {@code i} of this buffer (NaN for a null). */
  double value(int i, int u) {
    return values[i * width + u];
  }

  boolean isNull(int i, int u) {
    return nulls[i * width + u];
  }
}
