package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams a bandit log in CSV (with a header line; plain or gzip) as column batches, so that
 * files larger than memory can be evaluated. Columns follow {@code shared/docs/formats.md}; see
 * {@link LogReadOptions} for renaming them, choosing policies and K.
 *
 * <pre>{@code
 * try (CsvLogReader reader = CsvLogReader.open(Path.of("logs.csv.gz"))) {
 *   BanditBatch batch = reader.newBatch();
 *   while (reader.next(batch)) {
 *     ... batch.size() rows, the first being row batch.firstRow() of the log (0-based)
 *   }
 * }
 * }</pre>
 *
 * <p><b>Format.</b> Comma-separated; {@code \n} or {@code \r\n} line ends; the last line may
 * lack its line end; a UTF-8 byte order mark is skipped; fields may be quoted as in RFC 4180
 * (commas, line breaks and doubled quotes inside quotes), in the header too. Gzip is recognised
 * by its magic bytes, whatever the file name. Columns not needed are ignored. Numbers are read
 * exactly as {@link Double#parseDouble} reads them (see {@link NumberParser}).
 *
 * <p><b>Validation.</b> The header is checked when the reader is opened (missing or duplicate
 * columns, policy and model columns, K). Every value read is checked as its row is read; the
 * first problem throws an {@link InvalidDataException} naming the file (as given), the data row
 * (1-based; the header is row 0), the column, the value and what was expected, e.g. {@code
 * logs.csv row 10412, pscore: must be in (0, 1], got 0.0}. A blank line is allowed only at the
 * end of the file. Nothing is dropped or clipped.
 *
 * <p><b>Performance.</b> Bytes are read through a 1 MiB buffer and parsed in place; decoding a
 * row allocates nothing. One reader is used by one thread at a time.
 */
public final class CsvLogReader implements BatchSource {

  private final String source;
  private final LogReadOptions options;
  private final CsvRecordScanner scanner;
  private final ColumnPlan plan;
  private final BanditRowDecoder decoder;
  private long rowsRead;
  /** Row number of a blank line seen but not yet known to be trailing, or 0. */
  private long pendingBlankRow;
  private boolean closed;

  private CsvLogReader(String source, LogReadOptions options, CsvRecordScanner scanner,
      ColumnPlan plan) {
    this.source = source;
    this.options = options;
    this.scanner = scanner;
    this.plan = plan;
    this.decoder = new BanditRowDecoder(plan, source);
  }

  /** Opens {@code path} with {@link LogReadOptions#defaults()}; see {@link #open(Path,
   * LogReadOptions)}. */
  public static CsvLogReader open(Path path) throws IOException {
    return open(path, LogReadOptions.defaults());
  }

  /**
   * Opens {@code path} (plain or gzip CSV) and reads its header.
   *
   * @throws InvalidDataException if the file is empty, has no data row, or its header does not
   *     fit {@code options} (the message names the file as {@code path.toString()})
   * @throws IOException if the file cannot be read
   */
  public static CsvLogReader open(Path path, LogReadOptions options) throws IOException {
    return open(Files.newInputStream(path), path.toString(), options);
  }

  /**
   * Reads a CSV log from {@code in} (plain or gzip, e.g. standard input); the reader owns the
   * stream and closes it on {@link #close()} or when opening fails.
   *
   * @param sourceName how error messages name the input
   * @throws InvalidDataException if the input is empty, has no data row, or its header does not
   *     fit {@code options}
   */
  public static CsvLogReader open(InputStream in, String sourceName, LogReadOptions options)
      throws IOException {
    return open(in, sourceName, options, CsvRecordScanner.DEFAULT_BUFFER_SIZE);
  }

  /** As {@link #open(InputStream, String, LogReadOptions)} with a chosen buffer size (tests). */
  static CsvLogReader open(InputStream in, String sourceName, LogReadOptions options,
      int bufferSize) throws IOException {
    CsvRecordScanner scanner = null;
    try {
      scanner = new CsvRecordScanner(Gzip.decompressIfGzip(in, sourceName), sourceName, bufferSize);
      if (!scanner.next()) {
        throw new InvalidDataException(sourceName, -1, null, "empty file (no header line)");
      }
      if (scanner.isBlank()) {
        throw new InvalidDataException(sourceName, 0, null, "the header line is empty");
      }
      List<String> header = new ArrayList<>(scanner.fieldCount());
      for (int i = 0; i < scanner.fieldCount(); i++) {
        header.add(scanner.text(i));
      }
      scanner.setColumnNames(header);
      ColumnPlan plan = ColumnPlan.resolve(header, options, sourceName);
      return new CsvLogReader(sourceName, options, scanner, plan);
    } catch (IOException | RuntimeException failure) {
      try {
        if (scanner != null) {
          scanner.close();
        } else {
          in.close();
        }
      } catch (IOException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    }
  }

  @Override
  public String name() {
    return source;
  }

  @Override
  public LogLayout layout() {
    return plan.layout;
  }

  /** The options this reader was opened with. */
  public LogReadOptions options() {
    return options;
  }

  /** The header's column names, in file order. */
  public List<String> header() {
    return plan.header;
  }

  /** A new batch for this reader, with {@link LogReadOptions#batchCapacity()} rows. */
  public BanditBatch newBatch() {
    return new BanditBatch(plan.layout, options.batchCapacity());
  }

  /** Data rows delivered so far. */
  public long rowsRead() {
    return rowsRead;
  }

  /**
   * Fills {@code batch} with the next rows, up to {@code batch.capacity()} of them.
   *
   * @param batch a batch made for this reader's {@link #layout()}; modified
   * @return false when the log is exhausted (the batch is then left with size 0)
   * @throws InvalidDataException on the first invalid row (the batch content is then
   *     undefined), and on the first call if the file has no data row
   * @throws IllegalArgumentException if the batch was made for another layout
   * @throws IllegalStateException if the reader is closed
   */
  @Override
  public boolean next(BanditBatch batch) throws IOException {
    if (closed) {
      throw new IllegalStateException("reader of " + source + " is closed");
    }
    if (!batch.layout().equals(plan.layout)) {
      throw new IllegalArgumentException(
          "batch layout " + batch.layout() + " differs from the reader's " + plan.layout);
    }
    int capacity = batch.capacity();
    int columns = plan.header.size();
    int size = 0;
    while (size < capacity && scanner.next()) {
      long row = scanner.record();
      if (scanner.isBlank()) {
        if (pendingBlankRow == 0) {
          pendingBlankRow = row; // fine if only blank lines follow up to the end
        }
        continue;
      }
      if (pendingBlankRow != 0) {
        throw new InvalidDataException(source, pendingBlankRow, null, "empty line");
      }
      if (scanner.fieldCount() != columns) {
        throw new InvalidDataException(source, row, null, "expected " + columns
            + " fields (as in the header), got " + scanner.fieldCount());
      }
      decoder.decode(scanner, batch, size);
      size++;
    }
    batch.setRows(rowsRead, size);
    rowsRead += size;
    if (rowsRead == 0) {
      throw new InvalidDataException(source, -1, null, "no data rows (only a header)");
    }
    return size > 0;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      scanner.close();
    }
  }
}
