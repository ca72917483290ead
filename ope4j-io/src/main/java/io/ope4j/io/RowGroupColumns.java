package io.ope4j.io;

import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * The selected columns of one row group at a time, decoded by {@link ColumnChunkDecoder}s into
 * {@code double[]} slices: the page decoding that {@link RowGroupDecoder} (bandit logs) and
 * {@link ParallelParquetTable} (slate, trajectory and continuous logs) share. One instance per
 * worker thread, with its own file handle while a group is read; its buffers are kept from group
 * to group.
 */
final class RowGroupColumns {

  /** What is done with a row group's columns once they are ready to be read. */
  interface Reading {
    void read(RowGroupColumns columns) throws IOException;
  }

  private final MessageType projection;
  private final ColumnDescriptor[] descriptors;
  /** One decoder per selected column. */
  private final ColumnChunkDecoder[] columns;
  /** Read options whose decompressor reuses one page buffer (pages are decoded one at a time). */
  private final ParquetReadOptions readOptions = ParquetTable.readOptions(true);

  /** The columns {@code table} selects (its projection, descriptors and types). */
  RowGroupColumns(ParquetTable table) {
    this.projection = table.projection();
    this.descriptors = table.descriptors();
    this.columns = new ColumnChunkDecoder[descriptors.length];
    for (int u = 0; u < columns.length; u++) {
      columns[u] = new ColumnChunkDecoder(descriptors[u], table.types()[u]);
    }
  }

  /** The number of selected columns. */
  int width() {
    return columns.length;
  }

  /**
   * Opens {@code group}, starts every column at its first value and runs {@code reading}, which
   * takes the values with {@link #read}.
   *
   * @throws IOException or a RuntimeException of the Parquet library on a damaged group (the
   *     caller reads it again row by row for the message)
   */
  void decode(RowGroupDecoder.Group group, Reading reading) throws IOException {
    LocalInputFile input = new LocalInputFile(group.file());
    try (SeekableInputStream stream = input.newStream();
        ParquetFileReader file = ParquetFileReader.open(input, group.footer(), readOptions, stream)) {
      file.setRequestedSchema(projection);
      PageReadStore pages = file.readRowGroup(group.index());
      if (pages == null || pages.getRowCount() != group.rows()) {
        throw new IOException("row group " + group.index() + " does not hold " + group.rows() + " rows");
      }
      for (int u = 0; u < columns.length; u++) {
        columns[u].start(pages.getPageReader(descriptors[u]));
      }
      reading.read(this);
    }
  }

  /** Reads the next {@code count} values of selected column {@code u} into {@code into[0 .. count-1]}. */
  void read(int u, double[] into, int count) throws IOException {
    columns[u].read(into, count);
  }
}
