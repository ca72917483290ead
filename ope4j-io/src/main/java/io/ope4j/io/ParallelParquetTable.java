package io.ope4j.io;

import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Parquet table (a file or a directory of part files) whose row groups are decoded on worker
 * threads, column by column ({@link RowGroupColumns}), and handed out row by row in order: the
 * same rows, values, row numbers and errors as the row-wise {@link ParquetTable}. For the schemas
 * that read only numbers and check or group rows in order (slates, episodes, continuous actions):
 * their work runs on the calling thread over the decoded numbers while the workers decode ahead.
 * At most threads + 1 decoded row groups are in flight, and fewer threads are used when that
 * many groups would not fit half the heap ({@link #threadsFor}).
 *
 * <p>Errors: a row group that fails on a worker is read again from its start by the row-wise
 * table, positioned at that group, and the log is read row by row from there on, as {@link
 * ParquetLogReader} does; so is a later part file that cannot be opened or does not fit the
 * first. A text column is read row by row throughout. A value's text ({@link #text}, {@link
 * #describe}), which only messages need, is read again with the row-wise table from the current
 * row's group, so that a null and a stored NaN are told apart as they are there.
 */
final class ParallelParquetTable extends TableBase {

  private final Path path;
  /** The row-wise table: header and schema checks, and the reader of record after a failure. */
  private final ParquetTable table;
  private final int threads;
  private OrderedChunks pool;
  private ParquetRowGroups groups;
  private OrderedChunks.Ordered<Group, IOException> results;
  /** Decoders not in use, one per worker at most, with their buffers. */
  private final ConcurrentLinkedQueue<RowGroupColumns> decoders = new ConcurrentLinkedQueue<>();
  /** Decoded groups done with, for their arrays. */
  private final ConcurrentLinkedQueue<Group> spare = new ConcurrentLinkedQueue<>();
  private Group current;
  /** Index of the current row in {@link #current}. */
  private int index;
  /** Bytes of the largest row group of the first part file, decoded (8 per selected value). */
  private long largestGroupBytes() {
    long rows = 0;
    for (org.apache.parquet.hadoop.metadata.BlockMetaData block : table.footer().getBlocks()) {
      rows = Math.max(rows, block.getRowCount());
    }
    return rows * selected.length * Double.BYTES;
  }

  /**
   * The threads to decode on, at most {@code threads}, such that the decoded groups held at once
   * fit {@code budget} bytes: with one thread, one group (decoded on the calling thread); with t
   * workers, t + 1 in flight and the one being handed out. Wide logs in large row groups (2^20
   * rows of 30 columns: 250 MB decoded) are thus decoded on fewer threads rather than run out of
   * memory.
   */
  static int threadsFor(int threads, long groupBytes, long budget) {
    for (int t = threads; t >= 2; t--) {
      if ((t + 2) * groupBytes <= budget) {
        return t;
      }
    }
    return 1;
  }

  /** Whether the log is now read row by row, by {@link #table}. */
  private boolean rowWise;
  /** The current row read again by a row-wise table for its text, or null. */
  private ParquetTable reread;

  private ParallelParquetTable(Path path, ParquetTable table, int threads) {
    super(table.source(), table.header());
    this.path = path;
    this.table = table;
    this.threads = threads;
  }

  /**
   * Opens a Parquet file, or a directory of part files, decoded on {@code threads} threads (1: on
   * the calling thread), naming it {@code source} in messages.
   */
  static ParallelParquetTable open(Path path, String source, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new ParallelParquetTable(path, ParquetTable.open(path, source, null), threads);
  }

  @Override
  public InputFormat format() {
    return InputFormat.PARQUET;
  }

  @Override
  public void select(int[] columns, Kind[] columnKinds) {
    table.select(columns, columnKinds);
    super.select(columns, columnKinds);
    rowWise = table.selectsText();
  }

  @Override
  public boolean nextRow() throws IOException {
    closeReread();
    if (!rowWise && results == null) {
      pool = OrderedChunks.forThreads(threadsFor(threads, largestGroupBytes(), Runtime.getRuntime().maxMemory() / 2),
          "ope4j-parquet");
      groups = new ParquetRowGroups(table);
      results = pool.ordered(groups::next, this::decode);
    }
    while (!rowWise && (current == null || index + 1 >= current.count)) {
      if (current != null) {
        spare.add(current);
        current = null;
      }
      if (!takeNext()) {
        return false;
      }
    }
    if (rowWise) {
      if (!table.nextRow()) {
        return false;
      }
      double[] from = table.values();
      for (int column : selected) {
        values[column] = from[column];
      }
      row = table.row();
      return true;
    }
    index++;
    for (int u = 0; u < selected.length; u++) {
      values[selected[u]] = current.columns[u][index];
    }
    row = current.group.rowsBefore() + index + 1;
    return true;
  }

  /**
   * Takes the next decoded group into {@link #current}, index before its first row; false at the
   * end of the log. A failure switches to the row-wise reading (then returns true).
   */
  private boolean takeNext() throws IOException {
    Group next;
    try {
      next = results.next();
    } catch (IOException | RuntimeException partFailed) {
      // a later part could not be opened or does not fit: the row-wise table meets it again
      switchToRowWise(groups.lastPart, groups.groupsInLastPart, groups.rowsGiven);
      return true;
    }
    if (next == null) {
      return false;
    }
    if (next.failed) {
      spare.add(next);
      RowGroupDecoder.Group failed = next.group;
      switchToRowWise(failed.part(), failed.index(), failed.rowsBefore());
      return true;
    }
    current = next;
    index = -1;
    return true;
  }

  /** Whether the log is now read row by row: tests check that valid files never are. */
  boolean readsRowByRow() {
    return rowWise;
  }

  private void switchToRowWise(int part, int group, long rowsBefore) throws IOException {
    table.skipTo(part, group, rowsBefore);
    rowWise = true;
  }

  /** On a worker: decodes {@code group} with a free decoder; a failure is returned, not thrown. */
  private Group decode(RowGroupDecoder.Group group) {
    RowGroupColumns decoder = decoders.poll();
    if (decoder == null) {
      decoder = new RowGroupColumns(table);
    }
    Group out = spare.poll();
    out = out != null ? out.reset(group, decoder.width()) : new Group().reset(group, decoder.width());
    try {
      Group target = out;
      decoder.decode(group, columns -> {
        for (int u = 0; u < target.columns.length; u++) {
          columns.read(u, target.columns[u], target.count);
        }
      });
    } catch (IOException | RuntimeException failure) {
      out.failed = true;
    } finally {
      decoders.add(decoder);
    }
    return out;
  }

  @Override
  public String text(int column) {
    return rowWise ? table.text(column) : currentAgain().text(column);
  }

  @Override
  public String describe(int column) {
    return rowWise ? table.describe(column) : currentAgain().describe(column);
  }

  @Override
  boolean isIntegerValue(int u) {
    return table.isIntegerValue(u);
  }

  /** The current row read again by a row-wise table, from the start of its row group. */
  private ParquetTable currentAgain() {
    if (reread == null) {
      try {
        ParquetTable again = ParquetTable.open(path, source(), null);
        try {
          again.select(selected, kinds);
          RowGroupDecoder.Group group = current.group;
          again.skipTo(group.part(), group.index(), group.rowsBefore());
          while (again.row() < row) {
            again.nextRow();
          }
        } catch (IOException | RuntimeException failure) {
          Closing.closeAfter(failure, again);
          throw failure;
        }
        reread = again;
      } catch (IOException failure) {
        throw new java.io.UncheckedIOException(failure);
      }
    }
    return reread;
  }

  private void closeReread() throws IOException {
    if (reread != null) {
      ParquetTable closing = reread;
      reread = null;
      closing.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      closeReread();
      if (pool != null) {
        pool.close();
      }
    } finally {
      table.close();
    }
  }

  /** One decoded row group: each selected column's values, or a failure. */
  private static final class Group {
    RowGroupDecoder.Group group;
    double[][] columns = new double[0][];
    int count;
    boolean failed;

    /** This, for {@code next} (its arrays kept where large enough). */
    Group reset(RowGroupDecoder.Group next, int width) {
      group = next;
      count = Math.toIntExact(next.rows());
      failed = false;
      if (columns.length != width || width > 0 && columns[0].length < count) {
        columns = new double[width][count];
      }
      return this;
    }
  }
}
