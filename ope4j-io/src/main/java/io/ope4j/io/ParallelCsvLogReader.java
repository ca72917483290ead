package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
 * never depend on the thread count), parsed on worker threads into batches of their own and
 * taken in order ({@link SpeculativeSegments}, which also meets the first error at the same row).
 * The calling thread copies the rows into the caller's batches, so batches are cut at the same
 * rows as ever.
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
  private final SpeculativeSegments<Segment> segments;
  private final ConcurrentLinkedQueue<BanditBatch> spare = new ConcurrentLinkedQueue<>();

  private Segment current;
  private int currentBatch;
  private int currentRow;

  private ParallelCsvLogReader(CsvTable headerTable, LogReadOptions options, CsvSegments bytes, char delimiter,
      int threads) {
    super(headerTable, options);
    this.bytes = bytes;
    this.header = headerTable.header();
    this.delimiter = delimiter;
    this.segments = new SpeculativeSegments<>(bytes, headerTable.offset(), threads, this::parse, this::release);
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
    SegmentedCsv csv = SegmentedCsv.ofFile(file, source, delimiter, segmentBytes, bytesDone);
    try {
      return new ParallelCsvLogReader(csv.header(), options, csv.segments(), delimiter, threads);
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, csv.segments());
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
    SegmentedCsv csv = SegmentedCsv.ofStream(text, source, delimiter, chunkBytes,
        header -> ColumnPlan.resolve(header, options, source).extras.logger() >= 0);
    try {
      return csv.segments() == null ? BanditLogReader.over(csv.header(), options)
          : new ParallelCsvLogReader(csv.header(), options, csv.segments(), delimiter, threads);
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, csv.segments() != null ? csv.segments() : csv.header());
      throw failure;
    }
  }

  @Override
  int readRows(BanditBatch batch) throws IOException {
    int size = 0;
    while (size < batch.capacity()) {
      if (current == null || currentBatch == current.batches().size()) {
        release(current);
        current = segments.next();
        currentBatch = 0;
        currentRow = 0;
        if (current == null) {
          break;
        }
        continue;
      }
      BanditBatch from = current.batches().get(currentBatch);
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
    return new Segment(table.offset(), table.row() - recordBase, table.pendingBlankRow(), batches, rows);
  }

  private void release(Segment segment) {
    if (segment != null) {
      spare.addAll(segment.batches());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      segments.close();
    } finally {
      super.close();
    }
  }

  /** One segment's rows in batches, and where its records end. */
  private record Segment(long end, long records, long pendingBlankRow, List<BanditBatch> batches, int rows)
      implements SpeculativeSegments.Parsed {

    @Override
    public boolean hasRows() {
      return rows > 0;
    }

    /** A bandit segment throws its error. */
    @Override
    public boolean failed() {
      return false;
    }
  }
}
