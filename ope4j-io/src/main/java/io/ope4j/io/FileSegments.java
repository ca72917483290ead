package io.ope4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain CSV file's text after the header in segments of a fixed size (the last one open to
 * the end), read by position so that threads share one channel.
 */
final class FileSegments implements CsvSegments {

  /** Bytes read at a time while looking for a segment's first line feed. */
  private static final int PROBE_BYTES = 1 << 12;

  private final FileChannel channel;
  private final long size;
  private final long firstDataByte;
  private final int segmentBytes;
  private final long segments;
  /** Where to tell the bytes delivered so far, or null. */
  private final AtomicLong bytesDone;
  private long nextSegment;

  /**
   * @param channel the file; closed by {@link #close()}
   * @param firstDataByte the offset after the header
   * @param bytesDone told the end of the bytes delivered in order so far; may be null
   */
  FileSegments(FileChannel channel, long firstDataByte, int segmentBytes, AtomicLong bytesDone) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    this.firstDataByte = firstDataByte;
    this.segmentBytes = segmentBytes;
    this.segments = Math.max(1, (size - firstDataByte + segmentBytes - 1) / segmentBytes);
    this.bytesDone = bytesDone;
  }

  /** The file from {@code offset} on, read by position; closing it leaves the channel open. */
  static InputStream stream(FileChannel channel, long offset) {
    return new ChannelStream(channel, offset);
  }

  @Override
  public Span next() {
    if (nextSegment == segments) {
      return null;
    }
    long index = nextSegment++;
    long nominal = firstDataByte + index * segmentBytes;
    return new Span(nominal, index == segments - 1 ? Long.MAX_VALUE : nominal + segmentBytes, index == 0);
  }

  @Override
  public InputStream from(long offset) {
    return new ChannelStream(channel, offset);
  }

  @Override
  public long afterLineFeed(long from) throws IOException {
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

  @Override
  public void taken(long start, long end) {
    if (bytesDone != null) {
      bytesDone.set(Math.min(end, size));
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
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
