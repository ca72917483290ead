package io.ope4j.io;

import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * CSV segments parsed on worker threads from a guessed first record and handed back in order,
 * each checked against the true state and parsed again when it must be: the part the parallel CSV
 * readers ({@link ParallelCsvLogReader}, {@link ParallelCsvTable}) share.
 *
 * <p>A worker guesses where its segment's first record starts, the byte after the first line
 * feed at or after the segment's start, and parses from there, with rows numbered from 0. The
 * guess is wrong only when that line feed lies inside a quoted field; so {@link #next()}, taking
 * segments in order, checks each guess against the true start (where the previous segment's last
 * record ended) and parses the segment again from the true start, with the true row numbers,
 * when they differ, when the guess failed, or when it has data after a blank line of an earlier
 * segment; that parse meets the error the one-thread reader meets, at the same row.
 *
 * @param <R> a parsed segment
 */
final class SpeculativeSegments<R extends SpeculativeSegments.Parsed> implements Closeable {

  /** Where the parse of a segment went. */
  interface Parsed {
    /** Offset after the last record parsed. */
    long end();

    /** Records read (blank lines included). */
    long records();

    /** Row of the first of the blank lines read last, not followed by data, or 0. */
    long pendingBlankRow();

    /** Whether a data row was read. */
    boolean hasRows();

    /** Whether the parse met an error it kept (a parse may also throw it). */
    boolean failed();
  }

  /** Parses the records starting in {@code [start, span.stop())}; may run on any thread. */
  @FunctionalInterface
  interface Parser<R> {
    R parse(CsvSegments.Span span, long start, long recordBase, long pendingBlankRow) throws IOException;
  }

  private final CsvSegments bytes;
  private final Parser<R> parser;
  private final Consumer<R> discard;
  private final OrderedChunks pool;
  private final OrderedChunks.Ordered<Guess<R>, IOException> guesses;

  /** Where the next segment's first record truly starts. */
  private long trueStart;
  /** Number of the last record taken so far (the header is record 0). */
  private long recordsTaken;
  /** Row of a blank line not yet followed by data, or 0. */
  private long pendingBlankRow;
  /** What to add to the row numbers of the segment {@link #next()} gave last. */
  private long rowBase;

  /**
   * @param bytes the segments, closed by {@link #close()}
   * @param firstDataByte the offset after the header
   * @param threads worker threads
   * @param discard takes back a guess parsed in vain (to reuse its buffers)
   */
  SpeculativeSegments(CsvSegments bytes, long firstDataByte, int threads, Parser<R> parser, Consumer<R> discard) {
    this.bytes = bytes;
    this.parser = parser;
    this.discard = discard;
    this.trueStart = firstDataByte;
    this.pool = new OrderedChunks(threads, "ope4j-csv");
    this.guesses = pool.ordered(bytes::next, this::guess);
  }

  /** The next segment checked against the true state (parsed again if it must be), or null after the last. */
  R next() throws IOException {
    Guess<R> guessed = guesses.next();
    if (guessed == null) {
      return null;
    }
    R taken = guessed.parsed;
    // (a parse may reuse the guess's discarded buffers, so identity cannot tell the two apart)
    boolean parsedAgain = guessed.start != trueStart || taken == null || taken.failed()
        || (pendingBlankRow != 0 && taken.hasRows());
    if (parsedAgain) {
      if (taken != null) {
        discard.accept(taken);
      }
      taken = parser.parse(guessed.span, trueStart, recordsTaken, pendingBlankRow); // the true error, if any
      pendingBlankRow = taken.pendingBlankRow();
      rowBase = 0; // numbered truly
    } else if (taken.pendingBlankRow() != 0 && pendingBlankRow == 0) {
      pendingBlankRow = recordsTaken + taken.pendingBlankRow(); // the guess numbered its rows from 0
    } else if (taken.hasRows()) {
      pendingBlankRow = 0;
    }
    if (!parsedAgain) {
      rowBase = recordsTaken; // the guess numbered its rows from 0
    }
    recordsTaken += taken.records();
    trueStart = taken.end();
    bytes.taken(guessed.span.start(), taken.end());
    return taken;
  }

  /**
   * What to add to the row numbers of the segment {@link #next()} gave last to get the true
   * ones: a guess numbers its rows from 0, a segment parsed again numbers them truly.
   */
  long rowBase() {
    return rowBase;
  }

  /** On a worker: a segment parsed from its guessed first record, rows numbered from 0. */
  private Guess<R> guess(CsvSegments.Span span) throws IOException {
    long start = span.first() ? span.start() : bytes.afterLineFeed(span.start() - 1);
    try {
      return new Guess<>(span, start, parser.parse(span, start, 0, 0));
    } catch (RuntimeException failure) { // mostly InvalidDataException
      return new Guess<>(span, start, null); // told again, with the true row, by next()
    }
  }

  @Override
  public void close() throws IOException {
    try {
      pool.close();
    } finally {
      bytes.close();
    }
  }

  /** A segment's guessed start and its parse from there (null if the parse threw). */
  private record Guess<R>(CsvSegments.Span span, long start, R parsed) {}
}
