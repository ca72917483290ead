package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.CsvRecordScanner;
import io.ope4j.io.internal.Gzip;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * Where a log comes from: a file, a directory of Parquet part files, or standard input ({@code
 * -}), and its {@link InputFormat}. The one entry point of every reader: {@link #openTable()}
 * gives the format's {@link TableReader}, {@link #open(LogReadOptions)} the bandit log on top of
 * it. A value: a file input can be opened any number of times; standard input can be read once,
 * unless {@link #reopenable()} first copies it to a temporary file.
 *
 * <pre>{@code
 * try (BanditLogReader log = LogInput.of("logs.parquet").open(LogReadOptions.defaults())) {
 *   ...
 * }
 * }</pre>
 */
public final class LogInput implements AutoCloseable {

  /** How messages name standard input. */
  public static final String STDIN_NAME = "<stdin>";

  /** Compressed size from which a gzip CSV file is read on a thread of its own while others parse. */
  static final long GZIP_PIPE_BYTES = 1 << 20;

  /** Bytes looked at to tell the format: blank lines before the first JSON object fit. */
  private static final int SNIFF_LIMIT = 1 << 16;

  /** The file, or null for standard input. */
  private final Path path;
  private final String name;
  private final InputFormat format;
  /** Whether {@link #path} is a copy of standard input that {@link #close()} deletes. */
  private final boolean spooled;
  /** The field separator of CSV input. */
  private final char delimiter;
  /** Threads that parse CSV rows (see {@link #withParseThreads}). */
  private final int parseThreads;
  /** Bytes of the file the reader opened last has gone through, for progress bars. */
  private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

  private LogInput(Path path, String name, InputFormat format, boolean spooled, char delimiter, int parseThreads) {
    this.path = path;
    this.name = name;
    this.format = Objects.requireNonNull(format, "format");
    this.spooled = spooled;
    this.delimiter = delimiter;
    this.parseThreads = parseThreads;
  }

  private LogInput(Path path, String name, InputFormat format, boolean spooled) {
    this(path, name, format, spooled, ',', 1);
  }

  /**
   * This input with the rows of CSV parsed by {@link #open} (and by the slate, trajectory and
   * continuous-action readers) on {@code threads} threads (default 1): a plain file over {@value
   * ParallelCsvLogReader#SEGMENT_BYTES} bytes in segments, a gzip file over {@value
   * #GZIP_PIPE_BYTES} bytes and standard input decompressed (or read) on one more thread while
   * the others parse; and the row groups of a Parquet file or directory decoded on those threads.
   * The batches, row numbers and errors are the same for any number; JSON Lines is read on one
   * thread.
   *
   * @throws IllegalArgumentException if threads is below 1
   */
  public LogInput withParseThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parse threads must be at least 1, got " + threads);
    }
    return new LogInput(path, name, format, spooled, delimiter, threads);
  }

  /**
   * This input with CSV fields separated by {@code delimiter} (e.g. {@code ;} or a tab) instead
   * of a comma; other formats ignore it.
   *
   * @throws IllegalArgumentException unless it is one ASCII character other than a quote or a
   *     line end
   */
  public LogInput withDelimiter(char delimiter) {
    if (delimiter > 127 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("a delimiter is one ASCII character other than a quote or a line end");
    }
    return new LogInput(path, name, format, spooled, delimiter, parseThreads);
  }

  /** {@code pathOrDash} ({@code -} for standard input), its format told by content. */
  public static LogInput of(String pathOrDash) {
    return of(pathOrDash, InputFormat.AUTO);
  }

  /** {@code pathOrDash} ({@code -} for standard input) in the given format. */
  public static LogInput of(String pathOrDash, InputFormat format) {
    return pathOrDash.equals("-")
        ? new LogInput(null, STDIN_NAME, format, false)
        : of(Path.of(pathOrDash), format);
  }

  /** A file or a directory of Parquet part files in the given format. */
  public static LogInput of(Path path, InputFormat format) {
    return new LogInput(path, path.toString(), format, false);
  }

  /**
   * The file or directory read, or {@code null} for standard input; after {@link #reopenable()}
   * standard input is a temporary file too.
   */
  public Path file() {
    return path;
  }

  /** How messages name the input: the path as given, or {@code <stdin>}. */
  public String name() {
    return name;
  }

  /** The format asked for ({@link InputFormat#AUTO} when told by content). */
  public InputFormat format() {
    return format;
  }

  /**
   * The format this input is read as: the one asked for, else told by content as {@link
   * InputFormat#AUTO} says (a directory is Parquet). Reads only the first bytes of a file.
   *
   * @throws IllegalStateException for standard input, whose bytes can be read only once
   * @throws IOException if the file cannot be read
   */
  public InputFormat resolveFormat() throws IOException {
    if (format != InputFormat.AUTO) {
      return format;
    }
    if (path == null) {
      throw new IllegalStateException("the format of standard input is told only while it is read");
    }
    if (Files.isDirectory(path)) {
      return InputFormat.PARQUET;
    }
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      if (ParquetTable.isParquet(peek(in, 4), 4)) {
        return InputFormat.PARQUET;
      }
      BufferedInputStream text = new BufferedInputStream(Gzip.decompressIfGzip(in, name), 1 << 16);
      return firstNonBlank(text) == '{' ? InputFormat.JSONL : InputFormat.CSV;
    }
  }

  /** Whether this is standard input, which can be opened only once. */
  public boolean isStdin() {
    return path == null;
  }

  /**
   * This input, readable any number of times: standard input is copied to a temporary file
   * (deleted by {@link #close()} of the returned input); a file input is returned as it is.
   */
  public LogInput reopenable() throws IOException {
    if (path != null) {
      return this;
    }
    return new LogInput(spool(System.in), STDIN_NAME, format, true, delimiter, parseThreads);
  }

  /**
   * Opens the bandit log: the format's table, resolved and validated as formats.md says.
   *
   * @throws InvalidDataException if the input cannot be read as its format, or its header does
   *     not fit {@code options}
   * @throws IOException if the input cannot be read
   */
  public BanditLogReader open(LogReadOptions options) throws IOException {
    if (parseThreads > 1 && isPlainCsvFile() && !labelsLoggers(options)) {
      bytesRead.set(0);
      return ParallelCsvLogReader.open(path, name, delimiter, options, parseThreads, bytesRead);
    }
    bytesRead.set(0);
    if (path != null && resolveFormat() == InputFormat.PARQUET) {
      return ParquetLogReader.open(path, name, options, parseThreads);
    }
    if (parseThreads > 1 && (path == null || isLargeGzipFile())) {
      return openStreamed(text -> ParallelCsvLogReader.streamed(text, name, delimiter, options, parseThreads,
          ParallelCsvLogReader.SEGMENT_BYTES), table -> BanditLogReader.over(table, options));
    }
    return BanditLogReader.over(openTable(), options);
  }

  /** Whether this is a gzip file large enough to decompress on one thread while others parse. */
  private boolean isLargeGzipFile() throws IOException {
    return Files.isRegularFile(path) && Files.size(path) > GZIP_PIPE_BYTES && Gzip.isGzip(path);
  }

  /**
   * The table, for a schema that reads only numbers and checks or groups rows in order (slates,
   * episodes, continuous actions): with parse threads (see {@link #withParseThreads}), CSV rows
   * are parsed into numbers on them and handed out in order, and a Parquet file or directory is
   * decoded row group by row group on them ({@link ParallelParquetTable}); the same rows and
   * errors as {@link #openTable()} gives.
   */
  TableReader openNumericTable() throws IOException {
    bytesRead.set(0);
    if (path != null && resolveFormat() == InputFormat.PARQUET) {
      return ParallelParquetTable.open(path, name, parseThreads);
    }
    if (parseThreads > 1 && isPlainCsvFile()) {
      return ParallelCsvTable.over(SegmentedCsv.ofFile(path, name, delimiter, ParallelCsvLogReader.SEGMENT_BYTES,
          bytesRead), delimiter, parseThreads);
    }
    if (parseThreads > 1 && (path == null || isLargeGzipFile())) {
      return openStreamed(text -> ParallelCsvTable.over(SegmentedCsv.ofStream(text, name, delimiter,
          ParallelCsvLogReader.SEGMENT_BYTES, header -> false), delimiter, parseThreads), table -> table);
    }
    return openTable();
  }

  /** Opens the CSV text of a stream; may throw. */
  private interface CsvOpener<R> {
    R open(BufferedInputStream text) throws IOException;
  }

  /** Wraps a table of another format; may throw. */
  private interface TableOpener<R> {
    R open(TableReader table) throws IOException;
  }

  /**
   * Opens a stream that cannot be split (standard input, a gzip file): CSV text by {@code csv}
   * (which reads it ahead on one thread and parses it on the others), other formats as {@link
   * #openTable()} does, given to {@code other}.
   */
  private <R> R openStreamed(CsvOpener<R> csv, TableOpener<R> other) throws IOException {
    InputStream raw = path != null ? new CountingStream(Files.newInputStream(path), bytesRead) : System.in;
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      if (isParquet(in)) {
        return other.open(openParquet(in));
      }
      BufferedInputStream text = new BufferedInputStream(Gzip.decompressIfGzip(in, name), 1 << 16);
      if (textFormat(text) == InputFormat.JSONL) {
        return other.open(JsonLinesTable.open(text, name));
      }
      return csv.open(text);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, raw);
      throw failure;
    }
  }

  /**
   * Whether the log has a logger column: its labels are numbered in order of first appearance,
   * which only one reader going through the rows in order can do.
   */
  private boolean labelsLoggers(LogReadOptions options) throws IOException {
    try (TableReader table = openTable()) {
      return ColumnPlan.resolve(table.header(), options, name).extras.logger() >= 0;
    }
  }

  /**
   * The size of the file in bytes, or -1 for standard input and directories: the total of a
   * progress bar over {@link #bytesRead()}.
   */
  public long sizeBytes() throws IOException {
    return path != null && Files.isRegularFile(path) && !spooled ? Files.size(path) : -1;
  }

  /**
   * How far the reader last opened by {@link #open} (or {@link #openTable}) has gone through the
   * file, in bytes of the file as stored (compressed bytes for gzip); safe to call from another
   * thread. Not counted for Parquet.
   */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private final java.util.concurrent.atomic.AtomicLong count;

    CountingStream(InputStream in, java.util.concurrent.atomic.AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count.addAndGet(skipped);
      return skipped;
    }
  }

  /** Whether this is a plain CSV file large enough to share among threads. */
  private boolean isPlainCsvFile() throws IOException {
    return path != null && Files.isRegularFile(path) && Files.size(path) > ParallelCsvLogReader.SEGMENT_BYTES
        && resolveFormat() == InputFormat.CSV && !Gzip.isGzip(path);
  }

  /**
   * Opens the format's table: its header read, no row yet.
   *
   * @throws InvalidDataException if the input is empty or not of its format
   * @throws IOException if the input cannot be read
   */
  public TableReader openTable() throws IOException {
    if (path != null && Files.isDirectory(path)) {
      if (format != InputFormat.AUTO && format != InputFormat.PARQUET) {
        throw new InvalidDataException(name, -1, null, "is a directory; only Parquet part "
            + "files are read from a directory (--input-format parquet)");
      }
      return ParquetTable.open(path, name, null);
    }
    InputStream raw = path != null ? new CountingStream(Files.newInputStream(path), bytesRead) : System.in;
    try {
      return openStream(new BufferedInputStream(raw, 1 << 16));
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, raw);
      throw failure;
    }
  }

  private TableReader openStream(BufferedInputStream in) throws IOException {
    if (isParquet(in)) {
      return openParquet(in);
    }
    InputStream text = Gzip.decompressIfGzip(in, name);
    BufferedInputStream buffered = new BufferedInputStream(text, 1 << 16);
    return textFormat(buffered) == InputFormat.JSONL
        ? JsonLinesTable.open(buffered, name)
        : CsvTable.open(buffered, name, CsvRecordScanner.DEFAULT_BUFFER_SIZE, delimiter);
  }

  /** CSV or JSON Lines: the format asked for, else told by the text's first non-blank byte. */
  private InputFormat textFormat(BufferedInputStream text) throws IOException {
    if (format == InputFormat.CSV || format == InputFormat.JSONL) {
      return format;
    }
    return firstNonBlank(text) == '{' ? InputFormat.JSONL : InputFormat.CSV;
  }

  /** Whether the stream is read as Parquet: asked for, or told by its first bytes. */
  private boolean isParquet(BufferedInputStream in) throws IOException {
    return format == InputFormat.PARQUET || format == InputFormat.AUTO && ParquetTable.isParquet(peek(in, 4), 4);
  }

  /** Parquet needs random access: a stream (standard input) is copied to a file first. */
  private TableReader openParquet(InputStream in) throws IOException {
    if (path != null) {
      in.close();
      return ParquetTable.open(path, name, null);
    }
    Path copy = spool(in);
    try {
      return ParquetTable.open(copy, name, () -> deleteQuietly(copy));
    } catch (IOException | RuntimeException failure) {
      deleteQuietly(copy);
      throw failure;
    }
  }

  private static byte[] peek(BufferedInputStream in, int count) throws IOException {
    in.mark(count);
    byte[] head = new byte[count];
    int got = in.readNBytes(head, 0, count);
    in.reset();
    return got == count ? head : new byte[count];
  }

  /**
   * The first byte that is not white space or a byte order mark, or -1, also when the gzip
   * stream is damaged that early: the CSV reader then reports the damage (Gzip rethrows it).
   */
  private static int firstNonBlank(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_LIMIT);
    try {
      for (int i = 0; i < SNIFF_LIMIT; i++) {
        int b = in.read();
        boolean blank = b == ' ' || b == '\t' || b == '\r' || b == '\n'
            || b == 0xEF || b == 0xBB || b == 0xBF;
        if (!blank) {
          return b;
        }
      }
      return -1;
    } catch (EOFException | ZipException damagedGzip) {
      return -1;
    } finally {
      in.reset();
    }
  }

  private static Path spool(InputStream in) throws IOException {
    Path copy = Files.createTempFile("ope4j-stdin-", ".spool");
    copy.toFile().deleteOnExit();
    try {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException failure) {
      deleteQuietly(copy);
      throw failure;
    }
    return copy;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file; deleteOnExit tries again
    }
  }

  /** Deletes the copy of standard input made by {@link #reopenable()}, if this is one. */
  @Override
  public void close() {
    if (spooled) {
      deleteQuietly(path);
    }
  }
}
