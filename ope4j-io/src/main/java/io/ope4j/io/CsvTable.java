package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.CsvRecordScanner;
import io.ope4j.io.internal.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as a {@link TableReader}: a header line, then records of as many fields (see {@link
 * CsvRecordScanner} for quoting, line ends and the byte order mark; gzip is undone by the
 * caller). A blank line is allowed only at the end. Numbers are parsed in place from the
 * scanner's buffer ({@link NumberParser}, exactly as {@link Double#parseDouble}); a row
 * allocates nothing unless a text column is read.
 */
final class CsvTable extends TableBase {

  private final CsvRecordScanner scanner;
  private int[] numberColumns = new int[0];
  private boolean[] integer = new boolean[0];
  /** Row number of a blank line seen but not yet known to be trailing, or 0. */
  private long pendingBlankRow;

  private CsvTable(String source, CsvRecordScanner scanner, List<String> header) {
    super(source, header);
    this.scanner = scanner;
  }

  /**
   * Reads the header of the CSV text in {@code in} (already decompressed); the table owns the
   * stream and closes it on {@link #close()} or when opening fails.
   *
   * @throws InvalidDataException if the input is empty or its header line is blank
   */
  static CsvTable open(InputStream in, String source, int bufferSize) throws IOException {
    return open(in, source, bufferSize, ',');
  }

  /** As {@link #open(InputStream, String, int)}, with fields separated by {@code delimiter}. */
  static CsvTable open(InputStream in, String source, int bufferSize, char delimiter) throws IOException {
    CsvRecordScanner scanner = new CsvRecordScanner(in, source, bufferSize);
    scanner.setDelimiter(delimiter);
    try {
      if (!scanner.next()) {
        throw new InvalidDataException(source, -1, null, "empty file (no header line)");
      }
      if (scanner.isBlank()) {
        throw new InvalidDataException(source, 0, null, "the header line is empty");
      }
      List<String> header = new ArrayList<>(scanner.fieldCount());
      for (int i = 0; i < scanner.fieldCount(); i++) {
        header.add(scanner.text(i));
      }
      scanner.setColumnNames(header);
      return new CsvTable(source, scanner, List.copyOf(header));
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, scanner);
      throw failure;
    }
  }

  /**
   * The table of the records that start in {@code [start, stop)} of a CSV file whose header is
   * {@code header} (see {@link CsvRecordScanner#segment}): {@code in} starts at byte {@code
   * start}, a record start after the header; rows are numbered on from {@code recordBase}, and
   * {@code pendingBlankRow} is the row of a blank line before {@code start} not yet followed by
   * data (0 if none). The table owns the stream.
   */
  static CsvTable segment(InputStream in, String source, List<String> header, char delimiter, long start, long stop,
      long recordBase, long pendingBlankRow) {
    CsvRecordScanner scanner = CsvRecordScanner.segment(in, source, SEGMENT_BUFFER_SIZE, start, stop, recordBase);
    scanner.setDelimiter(delimiter);
    scanner.setColumnNames(header);
    CsvTable table = new CsvTable(source, scanner, header);
    table.pendingBlankRow = pendingBlankRow;
    return table;
  }

  /** First buffer of a segment's scanner: it grows for a longer record, as the whole file's does. */
  private static final int SEGMENT_BUFFER_SIZE = 1 << 18;

  /** Offset in the file of the byte after the last record read (see {@link CsvRecordScanner#offset}). */
  long offset() {
    return scanner.offset();
  }

  /** Offset in the file of the current row's first byte. */
  long rowStart() {
    return scanner.recordStart();
  }

  /** Row of the first of the blank lines read last, not followed by data so far, or 0. */
  long pendingBlankRow() {
    return pendingBlankRow;
  }

  @Override
  public InputFormat format() {
    return InputFormat.CSV;
  }

  @Override
  public void select(int[] columns, Kind[] kinds) {
    super.select(columns, kinds);
    int count = 0;
    for (Kind kind : kinds) {
      count += kind == Kind.TEXT ? 0 : 1;
    }
    numberColumns = new int[count];
    integer = new boolean[count];
    int n = 0;
    for (int c = 0; c < columns.length; c++) {
      if (kinds[c] != Kind.TEXT) {
        numberColumns[n] = columns[c];
        integer[n++] = kinds[c] == Kind.INTEGER;
      }
    }
  }

  @Override
  public boolean nextRow() throws IOException {
    while (scanner.next()) {
      long row = scanner.record();
      if (scanner.isBlank()) {
        if (pendingBlankRow == 0) {
          pendingBlankRow = row; // fine if only blank lines follow up to the end
        }
        continue;
      }
      if (pendingBlankRow != 0) {
        throw new InvalidDataException(source(), pendingBlankRow, null, "empty line");
      }
      if (scanner.fieldCount() != header().size()) {
        throw new InvalidDataException(source(), row, null, "expected " + header().size()
            + " fields (as in the header), got " + scanner.fieldCount());
      }
      parseNumbers();
      return true;
    }
    return false;
  }

  private void parseNumbers() {
    byte[] bytes = scanner.buffer();
    int[] starts = scanner.starts();
    int[] ends = scanner.ends();
    for (int u = 0; u < numberColumns.length; u++) {
      int column = numberColumns[u];
      if (integer[u]) {
        long value = NumberParser.parseInteger(bytes, starts[column], ends[column]);
        values[column] = value == NumberParser.NOT_AN_INTEGER ? Double.NaN : value;
      } else {
        try {
          values[column] = NumberParser.parseDouble(bytes, starts[column], ends[column]);
        } catch (NumberFormatException notANumber) {
          values[column] = Double.NaN;
        }
      }
    }
  }

  @Override
  public long row() {
    return scanner.record();
  }

  @Override
  public String text(int column) {
    return scanner.text(column);
  }

  /**
   * The value as written: numbers bare, other text in quotes (so is a decimal in an integer
   * column: {@code '0.0'}), an empty field by name.
   */
  @Override
  public String describe(int column) {
    int start = scanner.starts()[column];
    int end = scanner.ends()[column];
    if (start == end) {
      return "an empty field";
    }
    byte[] bytes = scanner.buffer();
    boolean readable = isIntegerColumn(column)
        ? NumberParser.parseInteger(bytes, start, end) != NumberParser.NOT_AN_INTEGER
        : NumberParser.isNumber(bytes, start, end);
    String text = scanner.text(column);
    return readable ? text : "'" + text + "'";
  }

  private boolean isIntegerColumn(int column) {
    for (int u = 0; u < numberColumns.length; u++) {
      if (numberColumns[u] == column) {
        return integer[u];
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }
}
