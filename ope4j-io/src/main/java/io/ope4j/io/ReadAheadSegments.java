package io.ope4j.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * A stream's bytes (gzip undone, or standard input: neither can be split) read ahead on a
 * thread of their own into chunks of a fixed size, which are the segments of {@link
 * ParallelCsvLogReader} and {@link ParallelCsvTable}: one thread decompresses while the others
 * parse. Chunk {@code i} holds bytes {@code [i * chunkBytes, (i + 1) * chunkBytes)} of the text;
 * only the last may be shorter.
 *
 * <p>Memory: the chunks from the one before the segment taken last (a guess looks at its last
 * byte) up to the newest. The reading thread stays at most {@value #AHEAD} chunks ahead of the
 * segments handed out, and further only up to the furthest chunk a parse waits for (the rest of a
 * record, whose length the scanner bounds). With 8 MiB chunks and 2 parse threads that is about
 * 6 chunks, 48 MiB, whatever the input's length.
 *
 * <p>A failure of the stream (a truncated or damaged gzip member, a read error) ends the bytes
 * where it happened, after every byte before it; a read past that point throws it again (as a
 * new exception of the same type and message), so that the scanner reports it as it does when it
 * reads the stream itself.
 */
final class ReadAheadSegments implements CsvSegments {

  /** Chunks read beyond those handed out as segments: the decompressor's lead over the parse. */
  static final int AHEAD = 2;

  /** Size of the first chunk's first buffer, so that a small input does not take a whole chunk. */
  private static final int FIRST_BUFFER = 1 << 16;

  private final InputStream in;
  private final int chunkBytes;
  private final Thread reader;

  // Guarded by this.
  private final List<byte[]> kept = new ArrayList<>();
  /** Index of the chunk {@code kept.get(0)}. */
  private long firstKept;
  private long produced;
  /** Bytes read in all, once {@link #ended}. */
  private long length;
  private boolean ended;
  /** What ended the stream early, or null. */
  private Throwable failure;
  /** Index of the next chunk {@link #next()} hands out, from the one holding the first data byte. */
  private long handedOut = -1;
  private long firstDataByte;
  /** Whether {@link #next()} gave the segment that reports {@link #failure}. */
  private boolean failureTold;
  /** The furthest chunk a parse has waited for (the reading thread goes at least that far), or -1. */
  private long wanted = -1;
  private boolean closed;

  /**
   * Starts reading {@code in} (closed when the reading ends) on a thread named {@code threadName}.
   *
   * @param chunkBytes bytes per chunk (tests use tiny ones)
   */
  ReadAheadSegments(InputStream in, int chunkBytes, String threadName) {
    this.in = in;
    this.chunkBytes = chunkBytes;
    this.reader = new Thread(this::readAhead, threadName);
    reader.setDaemon(true);
    reader.start();
  }

  /** Sets the offset after the header: the first segment starts there. Call before {@link #next()}. */
  synchronized void dataStartsAt(long offset) {
    firstDataByte = offset;
    handedOut = offset / chunkBytes;
  }

  @Override
  public synchronized Span next() throws IOException {
    if (handedOut < 0) {
      throw new IllegalStateException("dataStartsAt was not called");
    }
    byte[] chunk = chunk(handedOut);
    if (chunk == null) {
      if (failure == null || failureTold) {
        return null;
      }
      // A segment past the last byte, whose parse reads into the failure and reports it with
      // the last complete row, as a reader of the whole stream does.
      failureTold = true;
      long start = Math.max(length, firstDataByte);
      return new Span(start, Long.MAX_VALUE, start == firstDataByte);
    }
    long start = handedOut * chunkBytes;
    handedOut++;
    notifyAll(); // the reading thread may go on
    return new Span(Math.max(start, firstDataByte), start + chunk.length, start <= firstDataByte);
  }

  @Override
  public ChunkStream from(long offset) {
    return new ChunkStream(offset);
  }

  @Override
  public long afterLineFeed(long from) throws IOException {
    long index = from / chunkBytes;
    int at = (int) (from - index * chunkBytes);
    for (byte[] chunk = chunk(index); chunk != null; chunk = chunk(++index), at = 0) {
      for (int i = at; i < chunk.length; i++) {
        if (chunk[i] == '\n') {
          return index * chunkBytes + i + 1;
        }
      }
    }
    return endOffset();
  }

  @Override
  public synchronized void taken(long start, long end) {
    while (!kept.isEmpty() && (firstKept + 1) * chunkBytes <= start - 1) {
      kept.remove(0);
      firstKept++;
    }
  }

  /** Chunks held now (for tests of the memory bound). */
  synchronized int chunksKept() {
    return kept.size();
  }

  /** For a reader that reads once, in order: lets the chunks before {@code index} go and reads ahead of it. */
  private synchronized void readingAt(long index) {
    handedOut = Math.max(handedOut, index + 1);
    while (firstKept < index && !kept.isEmpty()) {
      kept.remove(0);
      firstKept++;
    }
    notifyAll();
  }

  /** Stops the reading thread (at its next chunk) and lets the chunks go. */
  @Override
  public synchronized void close() {
    closed = true;
    kept.clear();
    notifyAll();
  }

  /** Chunk {@code index}, once read, or null if the bytes end before it; waits for the reading thread. */
  private synchronized byte[] chunk(long index) throws InterruptedIOException {
    while (index >= produced && !ended && !closed) {
      if (index > wanted) {
        wanted = index;
        notifyAll();
      }
      try {
        wait();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the input's bytes");
      }
    }
    if (closed) {
      throw new IllegalStateException("the input is closed");
    }
    if (index >= produced) {
      return null;
    }
    if (index < firstKept) {
      throw new IllegalStateException("chunk " + index + " was let go before chunk " + firstKept);
    }
    return kept.get((int) (index - firstKept));
  }

  private synchronized long endOffset() {
    return length;
  }

  /** The failure that ended the bytes, thrown anew, or nothing if they just ended. */
  private synchronized void throwFailure() throws IOException {
    if (failure == null) {
      return;
    }
    String message = failure.getMessage();
    IOException again = failure instanceof EOFException ? new EOFException(message)
        : failure instanceof ZipException ? new ZipException(message)
        : failure instanceof IOException ? new IOException(message)
        : null;
    if (again == null) {
      throw new IllegalStateException("reading the input failed: " + failure, failure);
    }
    again.initCause(failure);
    throw again;
  }

  /** On the reading thread: chunk after chunk until the stream ends, fails or this is closed. */
  private void readAhead() {
    try (InputStream input = in) {
      while (waitForRoom()) {
        byte[] chunk = new byte[produced == 0 ? Math.min(chunkBytes, FIRST_BUFFER) : chunkBytes];
        int filled = 0;
        boolean end = false;
        Throwable failed = null;
        try {
          while (filled < chunkBytes) {
            if (filled == chunk.length) {
              chunk = Arrays.copyOf(chunk, (int) Math.min(chunkBytes, 2L * chunk.length));
            }
            int read = input.read(chunk, filled, chunk.length - filled);
            if (read < 0) {
              end = true;
              break;
            }
            filled += read;
          }
        } catch (IOException | RuntimeException | Error stopped) {
          failed = stopped;
        }
        if (!publish(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled), end, failed)) {
          return;
        }
      }
    } catch (IOException | RuntimeException closing) {
      // closing the stream after its end or failure: nothing left to tell
    }
  }

  /** Waits until another chunk may be read; false once closed. */
  private synchronized boolean waitForRoom() {
    while (!closed && produced - Math.max(handedOut, 0) >= AHEAD && produced > wanted) {
      try {
        wait();
      } catch (InterruptedException interrupted) {
        return false;
      }
    }
    return !closed;
  }

  /** Adds a chunk read; false when the reading is over. */
  private synchronized boolean publish(byte[] chunk, boolean end, Throwable failed) {
    if (closed) {
      return false;
    }
    if (chunk.length > 0) {
      kept.add(chunk);
      produced++;
      length += chunk.length;
    }
    ended = end || failed != null;
    failure = failed;
    notifyAll();
    return !ended;
  }

  /** The bytes from one offset on, across chunks; at the end, the stream's failure if any. */
  final class ChunkStream extends InputStream {
    private long position;
    private long index = -1;
    private byte[] chunk;
    /** Whether this is the only reader: it lets chunks go behind it and closes them. */
    private boolean once;

    ChunkStream(long position) {
      this.position = position;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
      if (count == 0) {
        return 0;
      }
      long at = position / chunkBytes;
      if (at != index) {
        if (once) {
          readingAt(at);
        }
        chunk = chunk(at);
        index = at;
      }
      int inChunk = (int) (position - at * chunkBytes);
      if (chunk == null || inChunk >= chunk.length) {
        throwFailure();
        return -1;
      }
      int n = Math.min(count, chunk.length - inChunk);
      System.arraycopy(chunk, inChunk, bytes, offset, n);
      position += n;
      return n;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Makes this the only reader of the bytes, in order, from here on: chunks behind it are let
     * go, the reading thread stays ahead of it, and {@link #close()} closes the chunks.
     */
    void readOnce() {
      once = true;
    }

    /** Lets the chunk go; the chunks belong to the segments, unless {@link #readOnce()}. */
    @Override
    public void close() {
      chunk = null;
      index = -1;
      if (once) {
        ReadAheadSegments.this.close();
      }
    }
  }
}
