package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A bandit log stored as Parquet (one file, or a directory of part files with the same columns,
 * read in name order), decoded column by column on one or more threads, with the column names,
 * resolution and validation rules of the CSV reader: the same log as CSV or Parquet gives the
 * same batches, the same errors, and so the same estimates to the bit, for any thread count.
 * {@link LogInput} opens any format; this class opens Parquet.
 *
 * <p><b>Reading.</b> Only the columns the log needs are read (a projected schema). Each row group
 * is a unit of work: a worker decodes its column chunks slice by slice into primitive arrays and
 * assembles them into batches ({@link RowGroupDecoder}); the reading thread takes the groups in
 * file and row-group order ({@link OrderedChunks}) and copies their rows into the caller's
 * batches, so batches are cut at the same rows, and carry the same first-row numbers, as the
 * CSV reader's. At most threads + 1 decoded row groups are in flight.
 *
 * <p><b>Errors.</b> A row group that fails on a worker (a damaged page, a bad value) is read
 * again on the reading thread by the row-wise {@link ParquetTable}, positioned at that group;
 * from there on the log is read row by row, so the error is exactly the row-wise reader's (file,
 * part, row group, column, row, value). A later part file that cannot be opened or does not fit
 * the first is found the same way. A log with a logger column (whose labels are numbered in
 * order of first appearance) is read row by row throughout.
 *
 * <p><b>Types.</b> Columns must be top-level, non-repeated primitives: action and position
 * {@code INT32} or {@code INT64}; every other used column {@code DOUBLE}, {@code FLOAT}, {@code
 * INT32} or {@code INT64}. Optional columns may be declared, but a null in a used column is an
 * error like any bad value ({@code logs.parquet row 7, pscore: must be in (0, 1], got null}).
 * Rows are numbered from 1 in file order, as in CSV.
 *
 * <p>One reader is used by one thread at a time.
 */
public final class ParquetLogReader extends BanditLogReader {

  /** The first (and last) four bytes of every Parquet file. */
  static final byte[] MAGIC = ParquetTable.MAGIC;

  /** The row-wise table: header and schema checks, and the reader of record after a failure. */
  private final ParquetTable table;
  private final OrderedChunks pool;
  private final OrderedChunks.Ordered<RowGroupDecoder.Rows, IOException> results;
  private final ConcurrentLinkedQueue<BanditBatch> spare = new ConcurrentLinkedQueue<>();
  /**
   * Decoders not in use, one per worker at most, with their buffers (not thread-locals: a
   * thread-local's value would keep a closed reader and its batches alive on a pooled thread).
   */
  private final ConcurrentLinkedQueue<RowGroupDecoder> decoders = new ConcurrentLinkedQueue<>();
  private final ParquetRowGroups groups;

  /** Non-null once the log is read row by row (see the class comment). */
  private RowAssembler rowWise;
  /** The row group being handed on, and where. */
  private RowGroupDecoder.Rows current;
  private final BatchCursor cursor = new BatchCursor();

  private ParquetLogReader(ParquetTable table, LogReadOptions options, int threads) throws IOException {
    super(table, options);
    this.table = table;
    this.pool = OrderedChunks.forThreads(threads, "ope4j-parquet");
    this.groups = new ParquetRowGroups(table);
    this.results = pool.ordered(groups::next, this::decode);
    if (table.selectsText()) {
      switchToRowWise(0, 0, 0);
    }
  }

  /** Opens {@code path} with {@link LogReadOptions#defaults()}, on one thread. */
  public static ParquetLogReader open(Path path) throws IOException {
    return open(path, LogReadOptions.defaults());
  }

  /** Opens {@code path} as {@link #open(Path, LogReadOptions, int)} does, on one thread. */
  public static ParquetLogReader open(Path path, LogReadOptions options) throws IOException {
    return open(path, path.toString(), options, 1);
  }

  /**
   * Opens a Parquet file, or a directory of part files, and resolves its schema against {@code
   * options}; row groups are decoded on {@code threads} threads (1: on the calling thread).
   *
   * @throws InvalidDataException if the file is not Parquet, or its schema does not fit {@code
   *     options} (missing columns, or a used column of the wrong type); the message names the
   *     file as {@code path.toString()}
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if threads is below 1
   */
  public static ParquetLogReader open(Path path, LogReadOptions options, int threads) throws IOException {
    return open(path, path.toString(), options, threads);
  }

  /** As above, naming the input {@code source} in messages. */
  static ParquetLogReader open(Path path, String source, LogReadOptions options, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new ParquetLogReader(ParquetTable.open(path, source, null), options, threads);
  }

  /** Rows in the file (or all part files), from the footers. */
  public long rowCount() throws IOException {
    return table.rowCount();
  }

  /**
   * Whether the log is now read row by row (after a failing row group, or for a logger column):
   * tests check that valid files never are.
   */
  boolean readsRowByRow() {
    return rowWise != null;
  }

  @Override
  int readRows(BanditBatch batch) throws IOException {
    int size = 0;
    while (size < batch.capacity()) {
      if (rowWise != null) {
        return fill(table, rowWise, batch, size);
      }
      if (current == null || cursor.done()) {
        release(current);
        current = takeNext();
        if (current == null) {
          if (rowWise == null) {
            break;
          }
          continue;
        }
        cursor.reset(current.batches);
      }
      size = cursor.copyInto(batch, size);
    }
    return size;
  }

  /**
   * The next decoded row group, or null at the end of the log or when reading must go on row by
   * row from here (then {@link #rowWise} is set).
   */
  private RowGroupDecoder.Rows takeNext() throws IOException {
    RowGroupDecoder.Rows next;
    try {
      next = results.next();
    } catch (IOException | RuntimeException partFailed) {
      // a part file could not be opened or does not fit: read on row by row from the end of the
      // groups given, which meets the same failure and reports it as the row-wise reader does
      switchToRowWise(groups.lastPart, groups.groupsInLastPart, groups.rowsGiven);
      return null;
    }
    if (next != null && next.failed) {
      release(next);
      RowGroupDecoder.Group failed = next.group;
      switchToRowWise(failed.part(), failed.index(), failed.rowsBefore());
      return null;
    }
    return next;
  }

  private void switchToRowWise(int part, int group, long rowsBefore) throws IOException {
    table.skipTo(part, group, rowsBefore);
    rowWise = new RowAssembler(plan, table.source(), table::describe, table::text);
  }

  /** On a worker: decodes {@code group} with a free decoder. */
  private RowGroupDecoder.Rows decode(RowGroupDecoder.Group group) {
    RowGroupDecoder decoder = decoders.poll();
    if (decoder == null) {
      decoder = new RowGroupDecoder(table, plan, this::emptyBatch);
    }
    try {
      return decoder.decode(group);
    } finally {
      decoders.add(decoder);
    }
  }

  private BanditBatch emptyBatch() {
    BanditBatch batch = spare.poll();
    return batch != null ? batch : newBatch();
  }

  private void release(RowGroupDecoder.Rows rows) {
    if (rows != null) {
      spare.addAll(rows.batches);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      pool.close();
    } finally {
      super.close();
    }
  }
}
