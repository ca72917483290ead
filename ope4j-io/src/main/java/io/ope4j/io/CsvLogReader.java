package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.CsvRecordScanner;
import io.ope4j.io.internal.Gzip;
import io.ope4j.io.internal.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bandit log in CSV (with a header line; plain or gzip), streamed as column batches, so that
 * files larger than memory can be evaluated. Columns follow {@code shared/docs/formats.md}; see
 * {@link LogReadOptions} for renaming them, choosing policies and K. {@link LogInput} opens any
 * format; this class opens CSV whatever the content.
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
 * columns, policy and model columns, K). Every value read is checked as its row is read (see
 * {@link BanditLogReader}). A blank line is allowed only at the end of the file.
 *
 * <p><b>Performance.</b> Bytes are read through a 1 MiB buffer and parsed in place; decoding a
 * row allocates nothing. One reader is used by one thread at a time.
 */
public final class CsvLogReader extends BanditLogReader {

  private CsvLogReader(TableReader table, LogReadOptions options) {
    super(table, options);
  }

  /** Opens {@code path} with {@link LogReadOptions#defaults()}; see {@link #open(Path,
   * LogReadOptions)}. */
  public static CsvLogReader open(Path path) throws IOException {
    return open(path, LogReadOptions.defaults());
  }

  /**
   * Opens {@code path} (plain or gzip CSV) and reads its header.
   *
   * @throws InvalidDataException if the file is empty, or its header does not fit {@code
   *     options} (the message names the file as {@code path.toString()})
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
   * @throws InvalidDataException if the input is empty, or its header does not fit {@code
   *     options}
   */
  public static CsvLogReader open(InputStream in, String sourceName, LogReadOptions options)
      throws IOException {
    return open(in, sourceName, options, CsvRecordScanner.DEFAULT_BUFFER_SIZE);
  }

  /** As {@link #open(InputStream, String, LogReadOptions)} with a chosen buffer size (tests). */
  static CsvLogReader open(InputStream in, String sourceName, LogReadOptions options,
      int bufferSize) throws IOException {
    return new CsvLogReader(openTable(in, sourceName, bufferSize), options);
  }

  /** The CSV table in {@code in} (plain or gzip); closes {@code in} when opening fails. */
  static CsvTable openTable(InputStream in, String sourceName, int bufferSize)
      throws IOException {
    try {
      return CsvTable.open(Gzip.decompressIfGzip(in, sourceName), sourceName, bufferSize);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, in);
      throw failure;
    }
  }
}
