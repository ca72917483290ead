package io.ope4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A CSV table whose rows are parsed into numbers on worker threads, segment by segment ({@link
 * SpeculativeSegments}), and handed out in order: the same rows, values, row numbers and errors,
 * at the same row, as {@link CsvTable}. For the schemas that read only numbers and check or group
 * rows in order (slates, episodes, continuous actions): their work then runs on the calling
 * thread over the parsed numbers while the workers parse ahead. A segment's rows are kept as one
 * flat array of the selected columns; a row's text ({@link #text}, {@link #describe}) is read
 * again from its bytes, for messages.
 *
 * <p>A segment that meets an error keeps the rows before it: they are handed out first and the
 * error is thrown where the one-thread table throws it, so a schema's check of an earlier row
 * still comes first.
 */
final class ParallelCsvTable extends TableBase {

  private final CsvSegments bytes;
  private final char delimiter;
  private final long firstDataByte;
  private final int threads;
  private SpeculativeSegments<Rows> segments;
  /** Segments' row arrays done with, for the next parses (a segment holds tens of MB of numbers). */
  private final ConcurrentLinkedQueue<Rows> spare = new ConcurrentLinkedQueue<>();
  /** Header indices of the selected columns. */
  private int[] columns = new int[0];
  private Kind[] columnKinds = new Kind[0];
  private Rows current;
  /** What to add to {@link #current}'s row numbers. */
  private long rowBase;
  /** Index of the current row in {@link #current}. */
  private int index;
  /** The current row read again for its text, or null. */
  private CsvTable reread;

  private ParallelCsvTable(SegmentedCsv csv, char delimiter, int threads) {
    super(csv.header().source(), csv.header().header());
    this.bytes = csv.segments();
    this.delimiter = delimiter;
    this.firstDataByte = csv.header().offset();
    this.threads = threads;
  }

  /**
   * The table of {@code csv} (its header read) parsed on {@code threads} workers; the table owns
   * the segments.
   */
  static ParallelCsvTable over(SegmentedCsv csv, char delimiter, int threads) {
    return new ParallelCsvTable(csv, delimiter, threads);
  }

  @Override
  public InputFormat format() {
    return InputFormat.CSV;
  }

  @Override
  public void select(int[] selected, Kind[] kinds) {
    super.select(selected, kinds);
    columns = selected.clone();
    columnKinds = kinds.clone();
  }

  @Override
  public boolean nextRow() throws IOException {
    if (segments == null) {
      segments = new SpeculativeSegments<>(bytes, firstDataByte, threads, this::parse, spare::add);
      current = Rows.NONE;
    }
    reread = null;
    while (index + 1 >= current.count) {
      if (current.failure != null) {
        throw current.failure; // after the rows before it, as the one-thread table
      }
      if (current != Rows.NONE) {
        spare.add(current);
        current = Rows.NONE;
      }
      Rows next = segments.next();
      if (next == null) {
        index = 0;
        return false;
      }
      current = next;
      rowBase = segments.rowBase();
      index = -1;
    }
    index++;
    int width = columns.length;
    int from = index * width;
    for (int u = 0; u < width; u++) {
      values[columns[u]] = current.values[from + u];
    }
    row = rowBase + current.rowNumbers[index];
    return true;
  }

  /** On any thread: the rows of the records starting in {@code [start, span.stop())}, and their error. */
  private Rows parse(CsvSegments.Span span, long start, long recordBase, long pendingBlank) throws IOException {
    CsvTable table = CsvTable.segment(bytes.from(start), source(), header(), delimiter, start, span.stop(),
        recordBase, pendingBlank);
    table.select(columns, columnKinds);
    Rows rows = spare.poll();
    rows = rows != null ? rows.clear() : new Rows(columns.length);
    double[] parsed = table.values();
    try {
      while (table.nextRow()) {
        rows.add(parsed, columns, table.row(), table.rowStart());
      }
    } catch (RuntimeException failure) { // mostly InvalidDataException
      rows.failure = failure;
    }
    rows.end = table.offset();
    rows.records = table.row() - recordBase;
    rows.pendingBlankRow = table.pendingBlankRow();
    return rows;
  }

  @Override
  public String text(int column) {
    return currentAgain().text(column);
  }

  @Override
  public String describe(int column) {
    return currentAgain().describe(column);
  }

  /** The current row parsed again from its bytes, as the one-thread table has it. */
  private CsvTable currentAgain() {
    if (reread == null) {
      long start = current.rowStarts[index];
      CsvTable table = CsvTable.segment(bytes.from(start), source(), header(), delimiter, start, start + 1, row - 1,
          0);
      table.select(columns, columnKinds);
      try {
        table.nextRow();
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
      reread = table;
    }
    return reread;
  }

  @Override
  public void close() throws IOException {
    if (segments != null) {
      segments.close();
    } else {
      bytes.close();
    }
  }

  /** One segment's rows: the selected columns' values row after row, and where its records end. */
  private static final class Rows implements SpeculativeSegments.Parsed {
    static final Rows NONE = new Rows(0);

    private final int width;
    double[] values;
    long[] rowNumbers = new long[16];
    long[] rowStarts = new long[16];
    int count;
    RuntimeException failure;
    long end;
    long records;
    long pendingBlankRow;

    Rows(int width) {
      this.width = width;
      this.values = new double[16 * width];
    }

    /** This, emptied for another segment (its arrays kept). */
    Rows clear() {
      count = 0;
      failure = null;
      end = 0;
      records = 0;
      pendingBlankRow = 0;
      return this;
    }

    void add(double[] parsed, int[] columns, long rowNumber, long rowStart) {
      if (count == rowNumbers.length) {
        rowNumbers = Arrays.copyOf(rowNumbers, 2 * count);
        rowStarts = Arrays.copyOf(rowStarts, 2 * count);
        values = Arrays.copyOf(values, 2 * count * width);
      }
      int to = count * width;
      for (int u = 0; u < width; u++) {
        values[to + u] = parsed[columns[u]];
      }
      rowNumbers[count] = rowNumber;
      rowStarts[count] = rowStart;
      count++;
    }

    @Override
    public long end() {
      return end;
    }

    @Override
    public long records() {
      return records;
    }

    @Override
    public long pendingBlankRow() {
      return pendingBlankRow;
    }

    @Override
    public boolean hasRows() {
      return count > 0;
    }

    @Override
    public boolean failed() {
      return failure != null;
    }
  }
}
