package io.ope4j.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where {@link ParallelCsvLogReader} gets its bytes: the CSV text after the header, cut into
 * segments whose boundaries never depend on the thread count, and readable from any offset by
 * any thread. {@link FileSegments} reads a plain file by position; {@link ReadAheadSegments}
 * holds the chunks a thread of its own reads ahead from a stream (gzip undone, or standard
 * input).
 */
interface CsvSegments extends Closeable {

  /**
   * The segment {@code [start, stop)} owns the records that start inside it; {@code first} marks
   * the segment that starts right after the header, where a record surely starts.
   */
  record Span(long start, long stop, boolean first) {}

  /** The next segment, or null after the last. Called on one thread, in order; may wait for bytes. */
  Span next() throws IOException;

  /** The bytes from {@code offset} on (offset in the whole text, header included); for any thread. */
  InputStream from(long offset);

  /**
   * The offset after the first line feed at or after {@code from}, or the end of the bytes
   * there are (also when the stream failed there: the parse from that offset reports it).
   */
  long afterLineFeed(long from) throws IOException;

  /**
   * The records of the segment starting at {@code start} are delivered, up to byte {@code end};
   * no byte before {@code start - 1} will be read again.
   */
  void taken(long start, long end);
}
