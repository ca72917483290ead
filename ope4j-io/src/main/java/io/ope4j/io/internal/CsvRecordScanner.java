package io.ope4j.io.internal;

import io.ope4j.data.InvalidDataException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Splits a CSV byte stream into records and fields without copying or decoding them: after
 * {@link #next()}, field {@code i} of the current record is {@code buffer()[starts()[i], ends()[i])}.
 *
 * <p>Design: one large byte buffer, refilled from the stream. A record is scanned in one pass
 * that notes where each field starts and ends; if the buffer ends inside the record, the
 * unread tail is moved to the front, more bytes are read (the buffer doubles when one record
 * fills it) and the record is scanned again from its start. Rescans happen once per buffer
 * fill, so their cost is negligible, and the scan loop itself never checks for them.
 *
 * <p>Format (RFC 4180 plus common practice): fields separated by {@code ,}; records end with
 * {@code \n} or {@code \r\n}; the last record may lack its line end; a UTF-8 byte order mark
 * at the start is skipped; a field that starts with {@code "} is quoted and may contain commas,
 * line breaks and doubled quotes {@code ""} (standing for one quote). A quote inside an
 * unquoted field is an ordinary byte.
 *
 * <p>Records are numbered from 0 (the header); a blank line is a record with one empty field
 * (see {@link #isBlank()}), so that numbers match what a user counts in the file.
 *
 * <p>Public only for the continuous-time path reader in {@code ope4j-ct}; not a stable API.
 */
public final class CsvRecordScanner implements Closeable {

  public static final int DEFAULT_BUFFER_SIZE = 1 << 20;

  /** System property raising (or lowering) {@link #MAX_RECORD_BYTES}. */
  static final String MAX_RECORD_PROPERTY = "ope4j.csv.maxRowBytes";

  /** System property raising (or lowering) {@link #MAX_FIELDS}. */
  static final String MAX_FIELDS_PROPERTY = "ope4j.csv.maxColumns";

  /**
   * Longest record accepted by default, in bytes: a longer one means the file is not CSV (or not
   * line-broken). The buffer grows to the longest record, so the limit bounds the reader's
   * memory; a record is refused as soon as the buffer would pass it.
   */
  static final int MAX_RECORD_BYTES = 64 << 20;

  /**
   * Most fields accepted in one record by default. Each field costs 9 bytes of offsets, so
   * without a cap a row of 60 MiB of commas would take ten times its size in memory.
   */
  static final int MAX_FIELDS = 1 << 20;

  /** Room for the 3-byte byte order mark, which is looked for in the first fill only. */
  private static final int MIN_BUFFER_SIZE = 4;

  private final InputStream in;
  private final String source;
  private byte[] buffer;
  private int position;
  private int limit;
  /** Offset in the whole input of {@code buffer[0]}. */
  private long base;
  /** Offset at or after which no record is read (a segment's end), else Long.MAX_VALUE. */
  private long stopOffset = Long.MAX_VALUE;
  /** Whether the input starts at the file's first byte, where a byte order mark may be. */
  private boolean atFileStart = true;
  private boolean endOfInput;
  private boolean started;
  private IOException readFailure;

  private final int maxRecordBytes = limit(MAX_RECORD_PROPERTY, MAX_RECORD_BYTES,
      Integer.MAX_VALUE - 8);
  private final int maxFields = limit(MAX_FIELDS_PROPERTY, MAX_FIELDS, 1 << 28);
  private int[] starts = new int[Math.min(64, maxFields)];
  private int[] ends = new int[starts.length];
  private boolean[] quoted = new boolean[starts.length];
  private int fieldCount;
  /** Where {@link #scanQuotedField} found the closing quote. */
  private int closingQuote;
  private long record = -1;
  /** Offset in the whole input of the current record's first byte. */
  private long recordStart;
  private List<String> columnNames = List.of();

  /**
   * @param in the bytes, already decompressed; closed by {@link #close()}
   * @param source file name for error messages
   * @param bufferSize initial buffer size (at least 4; tests use tiny ones to force refills)
   */
  public CsvRecordScanner(InputStream in, String source, int bufferSize) {
    this.in = in;
    this.source = source;
    this.buffer = new byte[Math.max(MIN_BUFFER_SIZE, bufferSize)];
  }

  /**
   * A scanner of the records that start in {@code [startOffset, stopOffset)} of a larger input,
   * for one thread's share of a file: {@code in} starts at {@code startOffset}, which must be
   * the start of a record; records are numbered on from {@code recordBase} (the number of the
   * record before the first); the last record may run past {@code stopOffset}. No byte order
   * mark is looked for.
   */
  public static CsvRecordScanner segment(InputStream in, String source, int bufferSize, long startOffset,
      long stopOffset, long recordBase) {
    CsvRecordScanner scanner = new CsvRecordScanner(in, source, bufferSize);
    scanner.base = startOffset;
    scanner.stopOffset = stopOffset;
    scanner.record = recordBase;
    scanner.atFileStart = false;
    return scanner;
  }

  /**
   * Offset in the whole input of the byte after the current record (after its line end): where
   * the next record starts, or the input's length after the last.
   */
  public long offset() {
    return base + position;
  }

  /** The field separator: {@code ,} unless {@link #setDelimiter} says otherwise. */
  private byte delimiter = ',';

  /**
   * Separates fields by {@code delimiter} (an ASCII character other than a quote or a line end)
   * instead of a comma; call before the first record.
   */
  public void setDelimiter(char delimiter) {
    this.delimiter = (byte) delimiter;
  }

  /** Header names, used only to name the column in errors about malformed quoting. */
  public void setColumnNames(List<String> names) {
    this.columnNames = List.copyOf(names);
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the input (nothing left, not even a line end)
   * @throws InvalidDataException on malformed quoting, an overlong record, a record with too
   *     many fields, or a truncated or corrupt gzip stream
   */
  public boolean next() throws IOException {
    if (!started) {
      started = true;
      fill();
      if (atFileStart) {
        skipByteOrderMark();
      }
    }
    while (true) {
      if (base + position >= stopOffset) {
        return false; // the next record belongs to the next segment
      }
      if (position == limit) {
        if (endOfInput) {
          return false;
        }
      } else {
        long start = base + position;
        if (scanRecord()) {
          recordStart = start;
          record++;
          return true;
        }
      }
      if (readFailure != null) {
        throw readFailure(); // every complete record before the failure has been delivered
      }
      fill();
    }
  }

  /** Offset in the whole input of the current record's first byte: a scanner started there reads it again. */
  public long recordStart() {
    return recordStart;
  }

  /** Number of the current record: 0 for the header, then 1, 2, ... (blank lines included). */
  public long record() {
    return record;
  }

  /** Whether the current record is an empty line. */
  public boolean isBlank() {
    return fieldCount == 1 && !quoted[0] && starts[0] == ends[0];
  }

  public int fieldCount() {
    return fieldCount;
  }

  /** The live buffer; valid until the next call of {@link #next()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Start offsets of the fields (inside the quotes for quoted fields); first fieldCount valid. */
  public int[] starts() {
    return starts;
  }

  /** End offsets (exclusive) of the fields; first fieldCount valid. */
  public int[] ends() {
    return ends;
  }

  /** Field {@code i} as text (UTF-8, doubled quotes undone). Allocates: for headers and errors. */
  public String text(int i) {
    String raw = new String(buffer, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    return quoted[i] ? raw.replace("\"\"", "\"") : raw;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Scans the record at {@link #position}. Returns false, leaving the position unchanged, when
   * the buffer ends before the record does and more input may follow.
   */
  private boolean scanRecord() {
    final byte[] bytes = buffer;
    final int end = limit;
    int p = position;
    int count = 0;
    while (true) {
      if (count == starts.length) {
        if (count == maxFields) {
          throw new InvalidDataException(source, record + 1, null, "row has more than "
              + maxFields + " fields; is the separator a comma? (raise the limit with "
              + "-D" + MAX_FIELDS_PROPERTY + "=N in OPE4J_JAVA_OPTS)");
        }
        growFields();
      }
      boolean isQuoted = p < end && bytes[p] == '"';
      int fieldStart;
      int fieldEnd;
      if (isQuoted) {
        fieldStart = p + 1;
        p = scanQuotedField(fieldStart, count);
        if (p < 0) {
          return false;
        }
        fieldEnd = closingQuote;
      } else {
        fieldStart = p;
        p = nextDelimiterOrLineFeed(bytes, p, end);
        if (p == end && !endOfInput) {
          return false;
        }
        fieldEnd = p;
        if ((p == end || bytes[p] == '\n') && p > fieldStart && bytes[p - 1] == '\r') {
          fieldEnd--; // CRLF line end
        }
      }
      starts[count] = fieldStart;
      ends[count] = fieldEnd;
      quoted[count] = isQuoted;
      count++;
      if (p == end || bytes[p] == '\n') {
        position = p == end ? end : p + 1; // at the end: a last record without a line end
        fieldCount = count;
        return true;
      }
      p++; // past the comma
    }
  }

  /**
   * The position of the first delimiter or line feed in {@code bytes[p, end)}, or {@code end}.
   * Eight bytes at a time: a byte equal to the one sought is zero after an XOR, and {@code (x -
   * 0x01..) & ~x & 0x80..} flags zero bytes; bytes above the first zero may be flagged falsely
   * (by the borrow), the lowest flag never is, and only the lowest is used.
   */
  private int nextDelimiterOrLineFeed(byte[] bytes, int p, int end) {
    long delimiters = (delimiter & 0xffL) * ONES;
    while (end - p >= 8) {
      long word = (long) LITTLE_ENDIAN_LONG.get(bytes, p);
      long found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ LINE_FEEDS);
      if (found != 0) {
        return p + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      p += 8;
    }
    while (p < end && bytes[p] != delimiter && bytes[p] != '\n') {
      p++;
    }
    return p;
  }

  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & 0x8080808080808080L;
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long LINE_FEEDS = '\n' * ONES;
  private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Scans a quoted field whose content starts at {@code p}, noting its closing quote in {@link
   * #closingQuote}.
   *
   * @return the position of the comma or line feed after the field (or {@link #limit} at the
   *     end of the input), or -1 if the field may continue beyond the bytes read so far
   */
  private int scanQuotedField(int p, int field) {
    final byte[] bytes = buffer;
    final int end = limit;
    while (true) {
      while (p < end && bytes[p] != '"') {
        p++;
      }
      if (p + 1 >= end && !endOfInput) {
        return -1; // the closing quote, or what follows it, is not read yet
      }
      if (p == end) {
        throw malformed(field, "quoted field is not closed before the end of the file");
      }
      if (p + 1 < end && bytes[p + 1] == '"') {
        p += 2; // a doubled quote stands for one quote
        continue;
      }
      break;
    }
    closingQuote = p++;
    if (p < end && bytes[p] == '\r') {
      if (p + 1 == end) {
        return endOfInput ? end : -1; // a final "\r" is a line end
      }
      if (bytes[p + 1] == '\n') {
        p++;
      }
    }
    if (p < end && bytes[p] != delimiter && bytes[p] != '\n') {
      throw malformed(field, "text after the closing quote of a quoted field");
    }
    return p;
  }

  /** Moves the unread tail to the front and reads until the buffer is full or input ends. */
  private void fill() throws IOException {
    int unread = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, unread);
      base += position;
      position = 0;
      limit = unread;
    }
    if (limit == buffer.length) {
      if (buffer.length >= maxRecordBytes) {
        throw new InvalidDataException(source, record + 1, null, "row is longer than "
            + maxRecordBytes + " bytes; is this a CSV file with line breaks? (raise the limit"
            + " with -D" + MAX_RECORD_PROPERTY + "=N in OPE4J_JAVA_OPTS)");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(maxRecordBytes, 2L * buffer.length));
    }
    while (limit < buffer.length && readFailure == null) {
      int read;
      try {
        read = in.read(buffer, limit, buffer.length - limit);
      } catch (EOFException | ZipException failure) {
        // Not thrown yet: the bytes read before it still hold complete records, and the error
        // should name the last of them.
        readFailure = failure;
        return;
      }
      if (read < 0) {
        endOfInput = true;
        return;
      }
      limit += read;
    }
  }

  private InvalidDataException readFailure() {
    String after = record > 0 ? "row " + record
        : record == 0 ? "the header (no data row)" : "none (the header is incomplete)";
    if (readFailure instanceof EOFException) {
      return new InvalidDataException(source, -1, null, "file is truncated ("
          + readFailure.getMessage() + "); the last complete row read was " + after, readFailure);
    }
    return new InvalidDataException(source, -1, null,
        "corrupt gzip data (" + readFailure.getMessage() + "); the last complete row read was "
            + after, readFailure);
  }

  private void skipByteOrderMark() {
    if (limit - position >= 3
        && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB
        && buffer[position + 2] == (byte) 0xBF) {
      position += 3;
    }
  }

  private void growFields() {
    int size = Math.min(maxFields, starts.length * 2);
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    quoted = Arrays.copyOf(quoted, size);
  }

  private InvalidDataException malformed(int field, String problem) {
    String column = field < columnNames.size() ? columnNames.get(field) : "field " + (field + 1);
    return new InvalidDataException(source, record + 1, column, problem);
  }

  /** A positive int from system property {@code name}, or {@code fallback}. */
  private static int limit(String name, int fallback, int most) {
    String text = System.getProperty(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value > 0 && value <= most) {
        return value;
      }
    } catch (NumberFormatException notAnInt) {
      // reported below
    }
    throw new IllegalArgumentException("system property " + name + " must be an integer in [1, "
        + most + "], got '" + text + "'");
  }
}
