package io.ope4j.spark;

import io.ope4j.data.BanditBatch;
import io.ope4j.io.RowAssembler;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Reads rows of the projected Dataset ({@link DatasetColumns#project}) into a {@link
 * BanditBatch} through the shared {@link RowAssembler}, so that Spark applies the CSV and
 * Parquet readers' validation with their messages; a bad row's message ends with the row's
 * values, a sample of what was wrong. Nulls are read as NaN and shown as {@code null}.
 *
 * <p>Rows are Spark's internal rows (every column a {@code long} or a {@code double} after the
 * projection's casts), read with primitive getters: no {@code Row} object and no boxing per
 * row, which halves Spark's cost per row against the public {@code Row} API.
 */
final class SparkRowReader implements RowAssembler.ValueText {

  private final DatasetColumns columns;
  private final RowAssembler assembler;
  private final double[] values;
  private InternalRow current;

  /**
   * @param loggerLabels the log's logger labels in order of first appearance (empty without a
   *     logger column)
   */
  SparkRowReader(DatasetColumns columns, List<String> loggerLabels) {
    this.columns = columns;
    this.assembler = columns.loggerSlot() < 0 ? new RowAssembler(columns.columns(), this)
        : new RowAssembler(columns.columns(), this, column -> text(columns.loggerSlot()), loggerLabels);
    this.values = new double[columns.columns().header().size()];
  }

  /**
   * Validates {@code row} and writes it as row {@code i} of {@code batch}.
   *
   * @param globalRow 0-based index of the row in the whole Dataset
   * @throws io.ope4j.data.InvalidDataException on a bad value
   */
  void read(InternalRow row, BanditBatch batch, int i, long globalRow) {
    current = row;
    int count = columns.projectedCount();
    for (int u = 0; u < count; u++) {
      int column = columns.headerIndex(u);
      if (row.isNullAt(u) || u == columns.loggerSlot()) {
        values[column] = Double.NaN;
      } else {
        values[column] = columns.isInteger(u) ? row.getLong(u) : row.getDouble(u);
      }
    }
    assembler.assemble(values, batch, i, globalRow + 1);
  }

  @Override
  public String describe(int column) {
    for (int u = 0; u < columns.projectedCount(); u++) {
      if (columns.headerIndex(u) == column) {
        return text(u);
      }
    }
    throw new IllegalStateException("column " + column + " is not read");
  }

  private String text(int u) {
    if (current.isNullAt(u)) {
      return "null";
    }
    if (u == columns.loggerSlot()) {
      return current.getUTF8String(u).toString();
    }
    return columns.isInteger(u)
        ? Long.toString(current.getLong(u)) : Double.toString(current.getDouble(u));
  }

  @Override
  public String rowContext() {
    StringBuilder text = new StringBuilder("; the row: {");
    for (int u = 0; u < columns.projectedCount(); u++) {
      text.append(u == 0 ? "" : ", ")
          .append(columns.columns().header().get(columns.headerIndex(u))).append('=')
          .append(text(u));
    }
    return text.append('}').toString();
  }
}
