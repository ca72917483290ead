package io.ope4j.io.internal;

import io.ope4j.data.InvalidDataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Transparent gzip for every reader of the project. */
public final class Gzip {

  private Gzip() {}

  /**
   * {@code in}, decompressed if it starts with gzip's magic bytes 0x1f 0x8b (so a misnamed
   * file still works), else as it is.
   *
   * @throws InvalidDataException naming {@code sourceName} when the gzip header is truncated or
   *     corrupt
   */
  public static InputStream decompressIfGzip(InputStream in, String sourceName) throws IOException {
    PushbackInputStream peekable = new PushbackInputStream(in, 2);
    byte[] magic = new byte[2];
    int got = 0;
    while (got < 2) {
      int read = peekable.read(magic, got, 2 - got);
      if (read < 0) {
        break;
      }
      got += read;
    }
    peekable.unread(magic, 0, got);
    if (got == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b) {
      try {
        return new GZIPInputStream(peekable, 1 << 16);
      } catch (EOFException | ZipException broken) {
        throw new InvalidDataException(sourceName, -1, null,
            "file is truncated or corrupt (incomplete gzip header); no row could be read", broken);
      }
    }
    return peekable;
  }
}
