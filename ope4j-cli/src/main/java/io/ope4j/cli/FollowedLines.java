package io.ope4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The complete lines of a stream that may still be growing: a file another process appends to, or
 * standard input. A line is handed out only once its newline has arrived, so a row being written is
 * never read half. At the end of the stream (standard input closed; a file that has stopped
 * growing for the idle time, when following; at once otherwise) a last line without newline is
 * handed out as it is.
 */
final class FollowedLines implements Closeable {

  private final InputStream in;
  private final boolean follow;
  private final long pollMillis;
  private final long idleMillis;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean ended;

  /**
   * @param follow whether to wait for more data at the end of the stream
   * @param pollMillis how long to wait before looking again
   * @param idleMillis how long the stream may stay without new data before it counts as ended
   */
  FollowedLines(InputStream in, boolean follow, long pollMillis, long idleMillis) {
    this.in = in;
    this.follow = follow;
    this.pollMillis = pollMillis;
    this.idleMillis = idleMillis;
  }

  /** The next complete line without its line end ({@code \n} or {@code \r\n}), or null at the end. */
  String next() throws IOException {
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          pending.write(buffer, position, i - position);
          position = i + 1;
          return take();
        }
      }
      pending.write(buffer, position, limit - position);
      position = limit;
      if (ended || !fill()) {
        ended = true;
        return pending.size() > 0 ? take() : null;
      }
    }
  }

  /** Reads more bytes, waiting while following; false at the end of the stream. */
  private boolean fill() throws IOException {
    long idleSince = System.nanoTime();
    while (true) {
      int read = in.read(buffer, 0, buffer.length);
      if (read > 0) {
        position = 0;
        limit = read;
        return true;
      }
      if (!follow || System.nanoTime() - idleSince >= idleMillis * 1_000_000L) {
        return false;
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private String take() {
    byte[] bytes = pending.toByteArray();
    pending.reset();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
