package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Decodes one row group of a Parquet file into {@link BanditBatch}es, column by column: for a
 * slice of up to a batch's capacity of rows, each selected column's values are copied from its
 * decoded page ({@link RowGroupColumns}) into a primitive array (nulls as NaN), then the rows
 * are assembled and validated by the shared {@link RowAssembler}. No object per row; one decoder
 * per worker thread, used for one row group at a time, with its own file handle.
 *
 * <p>Decoding pages directly rather than through Parquet's column reader (a value at a time,
 * with its levels), and validating narrow rows column by column, took the reader from 5.0 to
 * 12.5 M rows per CPU-second (ParquetIngestRunner; BENCHMARKS.md).
 *
 * <p>Errors are not reported from here: any failure (a damaged page, a bad value) is returned as
 * a failed group, and the caller reads that group again with the row-wise {@link ParquetTable},
 * whose messages are the ones users see. So the decoder keeps no text of its values.
 */
final class RowGroupDecoder {

  /** One row group to decode: where it is, and the rows of the log before it. */
  record Group(int part, Path file, ParquetMetadata footer, int index, long rowsBefore, long rows) {}

  /** A decoded group: its rows in full batches and one last partial batch, or a failure. */
  static final class Rows {
    final Group group;
    final List<BanditBatch> batches;
    final boolean failed;

    Rows(Group group, List<BanditBatch> batches, boolean failed) {
      this.group = group;
      this.batches = batches;
      this.failed = failed;
    }
  }

  private final int[] selected;
  private final double[] values;
  private final RowAssembler assembler;
  private final Supplier<BanditBatch> batches;
  /** The selected columns' page decoders, their buffers kept from group to group. */
  private final RowGroupColumns columns;
  /** The slice's columns by header index, for {@link RowAssembler#assembleColumns}. */
  private final double[][] byColumn;
  /** Per selected column, the current slice's values. */
  private double[][] slice = new double[0][];

  /**
   * @param table the table whose selection (projection, types, columns) is decoded
   * @param plan the log's columns, for the assembler
   * @param batches gives an empty batch (reused ones welcome)
   */
  RowGroupDecoder(ParquetTable table, ColumnPlan plan, Supplier<BanditBatch> batches) {
    this.selected = plan.usedColumns();
    this.values = new double[table.header().size()];
    this.byColumn = new double[table.header().size()][];
    this.columns = new RowGroupColumns(table);
    this.assembler = new RowAssembler(plan, table.source(), this::describe, null);
    this.batches = batches;
  }

  /** Decodes {@code group}; never throws for bad data (see the class comment). */
  Rows decode(Group group) {
    List<BanditBatch> out = new ArrayList<>();
    try {
      columns.decode(group, reading -> {
        long done = 0;
        while (done < group.rows()) {
          BanditBatch batch = batches.get();
          out.add(batch);
          int count = (int) Math.min(batch.capacity(), group.rows() - done);
          decodeSlice(count);
          assemble(batch, count, group.rowsBefore() + done);
          batch.setRows(0, count);
          done += count;
        }
      });
      return new Rows(group, out, false);
    } catch (IOException | RuntimeException failure) {
      return new Rows(group, out, true);
    }
  }

  /** Reads the next {@code count} values of every column into {@link #slice}. */
  private void decodeSlice(int count) throws IOException {
    int width = columns.width();
    if (slice.length != width || slice.length > 0 && slice[0].length < count) {
      slice = new double[width][count];
    }
    for (int u = 0; u < width; u++) {
      columns.read(u, slice[u], count);
    }
  }

  /** Validates the slice's rows into {@code batch}; the first row is the log's {@code rowsBefore + 1}. */
  private void assemble(BanditBatch batch, int count, long rowsBefore) {
    int[] columns = selected;
    double[][] from = slice;
    if (assembler.assemblesColumns()) {
      for (int u = 0; u < columns.length; u++) {
        byColumn[columns[u]] = from[u];
      }
      if (!assembler.assembleColumns(byColumn, batch, count)) {
        throw new IllegalArgumentException("a bad value"); // told by the row-wise reading
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      for (int u = 0; u < columns.length; u++) {
        values[columns[u]] = from[u][i];
      }
      assembler.assemble(values, batch, i, rowsBefore + i + 1);
    }
  }

  /** Only for the message of a failure that is thrown away (see the class comment). */
  private String describe(int column) {
    return Double.toString(values[column]);
  }
}
