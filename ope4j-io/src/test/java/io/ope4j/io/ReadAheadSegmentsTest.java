package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead chunks of a stream hold bounded memory: however fast the stream, the reading
 * thread stays at most {@link ReadAheadSegments#AHEAD} chunks ahead of the segments handed out,
 * and the chunks before the segment taken last (but one) are let go; a reader of the bytes still
 * gets every byte, across chunk boundaries, and a reader that reads once lets chunks go behind it.
 */
class ReadAheadSegmentsTest {

  private static final int CHUNK = 1000;

  @Test
  void segmentsCoverTheTextAndTheChunksHeldStayBounded() throws Exception {
    byte[] text = text(100_000);
    try (ReadAheadSegments chunks = new ReadAheadSegments(new ByteArrayInputStream(text), CHUNK, "test-read-ahead")) {
      chunks.dataStartsAt(0);
      long expectedStart = 0;
      int segments = 0;
      for (CsvSegments.Span span = chunks.next(); span != null; span = chunks.next()) {
        assertThat(span.start()).isEqualTo(expectedStart);
        assertThat(span.first()).isEqualTo(expectedStart == 0);
        expectedStart = span.stop();
        segments++;
        chunks.taken(span.start(), span.stop());
        Thread.sleep(2); // the reading thread runs ahead as far as it may
        // the chunk before this segment, this one, and the lead beyond the next one handed out
        assertThat(chunks.chunksKept()).as("segment %d", segments).isLessThanOrEqualTo(ReadAheadSegments.AHEAD + 2);
      }
      assertThat(expectedStart).isEqualTo(text.length);
      assertThat(segments).isEqualTo(text.length / CHUNK);
    }
  }

  @Test
  void aStreamFromAnyOffset_readsAcrossChunks() throws IOException {
    byte[] text = text(10_000);
    try (ReadAheadSegments chunks = new ReadAheadSegments(new ByteArrayInputStream(text), 7, "test-read-ahead")) {
      for (int offset : new int[] {0, 6, 7, 8, 4_999, 9_999, 10_000}) {
        assertThat(chunks.from(offset).readAllBytes()).as("offset %d", offset)
            .isEqualTo(java.util.Arrays.copyOfRange(text, offset, text.length));
      }
      assertThat(chunks.afterLineFeed(0)).isEqualTo(new String(text, StandardCharsets.US_ASCII).indexOf('\n') + 1);
      assertThat(chunks.afterLineFeed(text.length - 1)).isEqualTo(text.length);
    }
  }

  @Test
  void aReaderThatReadsOnce_letsChunksGoBehindIt() throws IOException {
    byte[] text = text(100_000);
    ReadAheadSegments chunks = new ReadAheadSegments(new ByteArrayInputStream(text), CHUNK, "test-read-ahead");
    ReadAheadSegments.ChunkStream once = chunks.from(0);
    once.readOnce();
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[300];
    for (int n = once.read(buffer, 0, buffer.length); n >= 0; n = once.read(buffer, 0, buffer.length)) {
      read.write(buffer, 0, n);
      assertThat(chunks.chunksKept()).isLessThanOrEqualTo(ReadAheadSegments.AHEAD + 2);
    }
    once.close();
    assertThat(read.toByteArray()).isEqualTo(text);
    assertThat(chunks.chunksKept()).isZero();
  }

  /** {@code bytes} bytes of short CSV-like lines. */
  private static byte[] text(int bytes) {
    StringBuilder text = new StringBuilder();
    for (int row = 0; text.length() < bytes; row++) {
      text.append(row % 3).append(",0.").append(row).append('\n');
    }
    return text.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
  }

}
