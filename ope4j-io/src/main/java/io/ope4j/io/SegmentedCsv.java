package io.ope4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A CSV input opened for the parallel readers: its header read, and the segments of the text
 * after it ({@link FileSegments} for a plain file, {@link ReadAheadSegments} for a stream).
 *
 * @param header the header, read; its table reads no further (unless {@code segments} is null)
 * @param segments the text after the header, or null when it is to be read in order by {@code
 *     header}'s table
 */
record SegmentedCsv(CsvTable header, CsvSegments segments) {

  /** Bytes of the header table's buffer: it grows for a longer header. */
  private static final int HEADER_BUFFER = 1 << 16;

  /** A plain CSV file in segments of {@code segmentBytes}; {@code bytesDone} (or null) told the bytes delivered. */
  static SegmentedCsv ofFile(Path file, String source, char delimiter, int segmentBytes, AtomicLong bytesDone)
      throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      CsvTable header = CsvTable.open(FileSegments.stream(channel, 0), source, HEADER_BUFFER, delimiter);
      return new SegmentedCsv(header, new FileSegments(channel, header.offset(), segmentBytes, bytesDone));
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, channel);
      throw failure;
    }
  }

  /**
   * The CSV text {@code text} (gzip undone as it is read) read ahead into chunks of {@code
   * chunkBytes} on a thread of its own. If {@code inOrder} holds for the header, the header's
   * table reads the rest in order (still read ahead) and there are no segments.
   */
  static SegmentedCsv ofStream(InputStream text, String source, char delimiter, int chunkBytes,
      Predicate<List<String>> inOrder) throws IOException {
    ReadAheadSegments chunks = new ReadAheadSegments(text, chunkBytes, "ope4j-csv-input");
    try {
      ReadAheadSegments.ChunkStream head = chunks.from(0);
      CsvTable header = CsvTable.open(head, source, HEADER_BUFFER, delimiter);
      if (inOrder.test(header.header())) {
        head.readOnce();
        return new SegmentedCsv(header, null);
      }
      head.close();
      chunks.dataStartsAt(header.offset());
      return new SegmentedCsv(header, chunks);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, chunks);
      throw failure;
    }
  }
}
