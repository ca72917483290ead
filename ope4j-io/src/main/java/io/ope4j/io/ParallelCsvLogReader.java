package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A plain CSV file read as a bandit log on several threads, giving the same batches, the same
 * row numbers and the same first error as the one-thread {@link BanditLogReader} over {@link
 * CsvTable}.
 *
 * <p>How: the bytes after the header are cut into segments of {@value #SEGMENT_BYTES} bytes
 * (never depending on the thread count). A segment owns the records that start inside it. A
 * worker guesses where its first record starts, the byte after the first line feed at or after
 * the segment's start, and parses from there up to the first record starting past its end, with
 * rows numbered from 0, into batches of its own. The guess is wrong only when that line feed lies
 * inside a quoted field; so the calling thread, taking segments in order, checks each guess
 * against the true start (where the previous segment's last record ended) and parses the
 * segment again from the true start when they differ. A segment that failed, or that has data
 * after a blank line of an earlier segment, is parsed again with the true row numbers and
 * state, which throws the error the one-thread reader throws. The calling thread then copies the
 * rows into the caller's batches, so batches are cut at the same rows as ever.
 *
 * <p>Memory: the segments in flight (threads + 1), not the file.
 */
final class ParallelCsvLogReader extends BanditLogReader {

  /** Bytes per segment: large enough that the per-segment work is negligible, small to bound memory. */
  static final int SEGMENT_BYTES = 8 << 20;

  /** Bytes read at a time while looking for a segment's first line feed. */
  private static final int PROBE_BYTES = 1 << 12;

  private final FileChannel channel;
  private final long size;
  private final List<String> header;
  private final char delimiter;
  private final long firstDataByte;
  private final int segmentBytes;
  private final long segments;
  private final OrderedChunks pool;
  private final OrderedChunks.Ordered<Segment, IOException> results;
  private final ConcurrentLinkedQueue<BanditBatch> spare = new ConcurrentLinkedQueue<>();

  /** Where the next segment's first record truly starts. */
  private long trueStart;
  /** Number of the last record taken so far (the header is record 0). */
  private long recordsTaken;
  /** Row of a blank line not yet followed by data, or 0. */
  private long pendingBlankRow;
  private Segment current;
  private int currentBatch;
  private int currentRow;

  private ParallelCsvLogReader(CsvTable headerTable, LogReadOptions options, FileChannel channel, char delimiter,
      int threads, int segmentBytes) throws IOException {
    super(headerTable, options);
    this.segmentBytes = segmentBytes;
    this.channel = channel;
    this.size = channel.size();
    this.header = headerTable.header();
    this.delimiter = delimiter;
    this.firstDataByte = headerTable.offset();
    this.trueStart = firstDataByte;
    this.segments = Math.max(1, (size - firstDataByte + segmentBytes - 1) / segmentBytes);
    this.pool = new OrderedChunks(threads, "ope4j-csv");
    long[] next = {0};
    this.results = pool.ordered(() -> next[0] < segments ? next[0]++ : null, this::guess);
  }

  /**
   * Opens {@code file} (plain CSV, not gzip) as a bandit log parsed on {@code threads} threads.
   *
   * @throws InvalidDataException if the file is empty or its header does not fit {@code options}
   */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads)
      throws IOException {
    return open(file, source, delimiter, options, threads, SEGMENT_BYTES);
  }

  /** As above, telling {@code bytesDone} the end of the file's bytes delivered in order so far. */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads,
      java.util.concurrent.atomic.AtomicLong bytesDone) throws IOException {
    ParallelCsvLogReader reader = open(file, source, delimiter, options, threads, SEGMENT_BYTES);
    reader.bytesDone = bytesDone;
    return reader;
  }

  /** Where to tell the bytes delivered so far, or null. */
  private java.util.concurrent.atomic.AtomicLong bytesDone;

  /** As {@link #open(Path, String, char, LogReadOptions, int)} with segments of the given size (tests). */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads,
      int segmentBytes) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      CsvTable headerTable = CsvTable.open(new ChannelStream(channel, 0), source, 1 << 16, delimiter);
      return new ParallelCsvLogReader(headerTable, options, channel, delimiter, threads, segmentBytes);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, channel);
      throw failure;
    }
  }

  @Override
  int readRows(BanditBatch batch) throws IOException {
    int size = 0;
    while (size < batch.capacity()) {
      if (current == null || currentBatch == current.batches.size()) {
        release(current);
        current = takeNext();
        currentBatch = 0;
        currentRow = 0;
        if (current == null) {
          break;
        }
        continue;
      }
      BanditBatch from = current.batches.get(currentBatch);
      int count = Math.min(batch.capacity() - size, from.size() - currentRow);
      batch.copyRows(from, currentRow, size, count);
      size += count;
      currentRow += count;
      if (currentRow == from.size()) {
        currentBatch++;
        currentRow = 0;
      }
    }
    return size;
  }

  /** The next segment checked against the true state (parsed again if it must be), or null. */
  private Segment takeNext() throws IOException {
    Segment guessed = results.next();
    if (guessed == null) {
      return null;
    }
    Segment taken = guessed;
    boolean sameStart = guessed.start == trueStart;
    if (!sameStart || guessed.failed || (pendingBlankRow != 0 && guessed.rows > 0)) {
      release(guessed);
      taken = parse(trueStart, guessed.stop, recordsTaken, pendingBlankRow); // throws the true error, if any
      pendingBlankRow = taken.pendingBlankRow;
    } else if (guessed.pendingBlankRow != 0 && pendingBlankRow == 0) {
      pendingBlankRow = recordsTaken + guessed.pendingBlankRow; // the guess numbered its rows from 0
    } else if (guessed.rows > 0) {
      pendingBlankRow = 0;
    }
    recordsTaken += taken.records;
    trueStart = taken.end;
    if (bytesDone != null) {
      bytesDone.set(Math.min(taken.end, size));
    }
    return taken;
  }

  /** On a worker: segment {@code index} parsed from its guessed first record, rows numbered from 0. */
  private Segment guess(long index) throws IOException {
    long nominal = firstDataByte + index * segmentBytes;
    long stop = index == segments - 1 ? Long.MAX_VALUE : nominal + segmentBytes;
    long start = index == 0 ? nominal : afterLineFeed(nominal - 1);
    try {
      return parse(start, stop, 0, 0);
    } catch (RuntimeException failure) { // mostly InvalidDataException
      return Segment.failed(start, stop); // told again, with the true row, by the calling thread
    }
  }

  /** The records starting in {@code [start, stop)} as batches. */
  private Segment parse(long start, long stop, long recordBase, long pendingBlank) throws IOException {
    CsvTable table = CsvTable.segment(new ChannelStream(channel, start), source(), header, delimiter, start, stop,
        recordBase, pendingBlank);
    RowAssembler assembler = assemblerOver(table, plan);
    List<BanditBatch> batches = new ArrayList<>();
    int rows = 0;
    while (true) {
      BanditBatch batch = spare.poll();
      batch = batch != null ? batch : newBatch();
      int filled = fill(table, assembler, batch, 0);
      if (filled == 0) {
        spare.add(batch);
        break;
      }
      batch.setRows(0, filled);
      batches.add(batch);
      rows += filled;
      if (filled < batch.capacity()) {
        break;
      }
    }
    return new Segment(start, stop, table.offset(), table.row() - recordBase, table.pendingBlankRow(), batches,
        rows);
  }

  /** The offset after the first line feed at or after {@code from}, or the file's size. */
  private long afterLineFeed(long from) throws IOException {
    byte[] probe = new byte[PROBE_BYTES];
    long at = from;
    while (at < size) {
      int read = channel.read(ByteBuffer.wrap(probe), at);
      for (int i = 0; i < read; i++) {
        if (probe[i] == '\n') {
          return at + i + 1;
        }
      }
      at += Math.max(read, 0);
    }
    return size;
  }

  private void release(Segment segment) {
    if (segment != null) {
      spare.addAll(segment.batches);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      pool.close();
    } finally {
      try {
        channel.close();
      } finally {
        super.close();
      }
    }
  }

  /** One segment's records: where they start and end, and their rows in batches. */
  private static final class Segment {
    final long start;
    final long stop;
    final long end;
    final long records;
    /** Row of the first of the trailing blank lines, or 0. */
    final long pendingBlankRow;
    final List<BanditBatch> batches;
    final int rows;
    final boolean failed;

    Segment(long start, long stop, long end, long records, long pendingBlankRow, List<BanditBatch> batches, int rows) {
      this(start, stop, end, records, pendingBlankRow, batches, rows, false);
    }

    private Segment(long start, long stop, long end, long records, long pendingBlankRow, List<BanditBatch> batches,
        int rows, boolean failed) {
      this.start = start;
      this.stop = stop;
      this.end = end;
      this.records = records;
      this.pendingBlankRow = pendingBlankRow;
      this.batches = batches;
      this.rows = rows;
      this.failed = failed;
    }

    static Segment failed(long start, long stop) {
      return new Segment(start, stop, -1, 0, 0, List.of(), 0, true);
    }
  }

  /** The file from one offset on, read by position, so that threads share the channel. */
  private static final class ChannelStream extends InputStream {
    private final FileChannel channel;
    private long position;

    ChannelStream(FileChannel channel, long position) {
      this.channel = channel;
      this.position = position;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
      if (read > 0) {
        position += read;
      }
      return read;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    /** The channel belongs to the reader. */
    @Override
    public void close() {}
  }
}
