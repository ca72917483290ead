package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CSV log read on several threads, giving the same batches, the same row numbers and the same
 * first error as the one-thread {@link BanditLogReader} over {@link CsvTable}: a plain file read
 * by position, or a stream that cannot be split (gzip, standard input) read ahead on a thread of
 * its own while the others parse.
 *
 * <p>How: the bytes after the header are cut into segments ({@link CsvSegments}; their bounds
 * never depend on the thread count). A segment owns the records that start inside it. A worker
 * guesses where its first record starts, the byte after the first line feed at or after the
 * segment's start, and parses from there up to the first record starting past its end, with
 * rows numbered from 0, into batches of its own. The guess is wrong only when that line feed lies
 * inside a quoted field; so the calling thread, taking segments in order, checks each guess
 * against the true start (where the previous segment's last record ended) and parses the
 * segment again from the true start when they differ. A segment that failed, or that has data
 * after a blank line of an earlier segment, is parsed again with the true row numbers and
 * state, which throws the error the one-thread reader throws. The calling thread then copies the
 * rows into the caller's batches, so batches are cut at the same rows as ever.
 *
 * <p>Memory: the segments in flight (threads + 1), not the input; for a stream, also the chunks
 * read ahead ({@link ReadAheadSegments}).
 */
final class ParallelCsvLogReader extends BanditLogReader {

  /** Bytes per segment: large enough that the per-segment work is negligible, small to bound memory. */
  static final int SEGMENT_BYTES = 8 << 20;

  private final CsvSegments bytes;
  private final List<String> header;
  private final char delimiter;
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

  private ParallelCsvLogReader(CsvTable headerTable, LogReadOptions options, CsvSegments bytes, char delimiter,
      int threads) {
    super(headerTable, options);
    this.bytes = bytes;
    this.header = headerTable.header();
    this.delimiter = delimiter;
    this.trueStart = headerTable.offset();
    this.pool = new OrderedChunks(threads, "ope4j-csv");
    this.results = pool.ordered(bytes::next, this::guess);
  }

  /**
   * Opens {@code file} (plain CSV, not gzip) as a bandit log parsed on {@code threads} threads.
   *
   * @throws InvalidDataException if the file is empty or its header does not fit {@code options}
   */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads)
      throws IOException {
    return open(file, source, delimiter, options, threads, SEGMENT_BYTES, null);
  }

  /** As above, telling {@code bytesDone} the end of the file's bytes delivered in order so far. */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads,
      AtomicLong bytesDone) throws IOException {
    return open(file, source, delimiter, options, threads, SEGMENT_BYTES, bytesDone);
  }

  /** As {@link #open(Path, String, char, LogReadOptions, int)} with segments of the given size (tests). */
  static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options, int threads,
      int segmentBytes) throws IOException {
    return open(file, source, delimiter, options, threads, segmentBytes, null);
  }

  private static ParallelCsvLogReader open(Path file, String source, char delimiter, LogReadOptions options,
      int threads, int segmentBytes, AtomicLong bytesDone) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      CsvTable headerTable = CsvTable.open(FileSegments.stream(channel, 0), source, 1 << 16, delimiter);
      FileSegments segments = new FileSegments(channel, headerTable.offset(), segmentBytes, bytesDone);
      return new ParallelCsvLogReader(headerTable, options, segments, delimiter, threads);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, channel);
      throw failure;
    }
  }

  /**
   * The CSV text {@code text} (gzip already undone, or about to be by reading it: {@link
   * io.ope4j.io.internal.Gzip}) as a bandit log: one thread reads it into chunks of {@code
   * chunkBytes}, {@code threads} parse them. A log with a logger column, whose labels are
   * numbered in order of first appearance, is parsed in order on the calling thread, still read
   * ahead. The reader owns {@code text}.
   *
   * @throws InvalidDataException if the text is empty, damaged before the header's end, or its
   *     header does not fit {@code options}
   */
  static BanditLogReader streamed(InputStream text, String source, char delimiter, LogReadOptions options,
      int threads, int chunkBytes) throws IOException {
    ReadAheadSegments chunks = new ReadAheadSegments(text, chunkBytes, "ope4j-csv-input");
    try {
      ReadAheadSegments.ChunkStream head = chunks.from(0);
      CsvTable headerTable = CsvTable.open(head, source, 1 << 16, delimiter);
      if (ColumnPlan.resolve(headerTable.header(), options, source).extras.logger() >= 0) {
        head.readOnce();
        return BanditLogReader.over(headerTable, options);
      }
      head.close();
      chunks.dataStartsAt(headerTable.offset());
      return new ParallelCsvLogReader(headerTable, options, chunks, delimiter, threads);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, chunks);
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
      taken = parse(guessed.span, trueStart, recordsTaken, pendingBlankRow); // throws the true error, if any
      pendingBlankRow = taken.pendingBlankRow;
    } else if (guessed.pendingBlankRow != 0 && pendingBlankRow == 0) {
      pendingBlankRow = recordsTaken + guessed.pendingBlankRow; // the guess numbered its rows from 0
    } else if (guessed.rows > 0) {
      pendingBlankRow = 0;
    }
    recordsTaken += taken.records;
    trueStart = taken.end;
    bytes.taken(guessed.span.start(), taken.end);
    return taken;
  }

  /** On a worker: a segment parsed from its guessed first record, rows numbered from 0. */
  private Segment guess(CsvSegments.Span span) throws IOException {
    long start = span.first() ? span.start() : bytes.afterLineFeed(span.start() - 1);
    try {
      return parse(span, start, 0, 0);
    } catch (RuntimeException failure) { // mostly InvalidDataException
      return Segment.failed(span, start); // told again, with the true row, by the calling thread
    }
  }

  /** The records starting in {@code [start, span.stop())} as batches. */
  private Segment parse(CsvSegments.Span span, long start, long recordBase, long pendingBlank) throws IOException {
    CsvTable table = CsvTable.segment(bytes.from(start), source(), header, delimiter, start, span.stop(),
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
    return new Segment(span, start, table.offset(), table.row() - recordBase, table.pendingBlankRow(), batches,
        rows);
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
        bytes.close();
      } finally {
        super.close();
      }
    }
  }

  /** One segment's records: where they start and end, and their rows in batches. */
  private static final class Segment {
    final CsvSegments.Span span;
    final long start;
    final long end;
    final long records;
    /** Row of the first of the trailing blank lines, or 0. */
    final long pendingBlankRow;
    final List<BanditBatch> batches;
    final int rows;
    final boolean failed;

    Segment(CsvSegments.Span span, long start, long end, long records, long pendingBlankRow,
        List<BanditBatch> batches, int rows) {
      this(span, start, end, records, pendingBlankRow, batches, rows, false);
    }

    private Segment(CsvSegments.Span span, long start, long end, long records, long pendingBlankRow,
        List<BanditBatch> batches, int rows, boolean failed) {
      this.span = span;
      this.start = start;
      this.end = end;
      this.records = records;
      this.pendingBlankRow = pendingBlankRow;
      this.batches = batches;
      this.rows = rows;
      this.failed = failed;
    }

    static Segment failed(CsvSegments.Span span, long start) {
      return new Segment(span, start, -1, 0, 0, List.of(), 0, true);
    }
  }
}
