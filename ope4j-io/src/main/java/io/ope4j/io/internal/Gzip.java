package io.ope4j.io.internal;

import io.ope4j.data.InvalidDataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Transparent gzip for every reader of the project.
 *
 * <p>A gzip file is one or more complete members (RFC 1952), each with its header, deflate data
 * and a trailer holding the CRC-32 and length of its data, all checked. Anything else after a
 * member (plain text appended to a compressed file, a second member with a damaged or cut
 * header, trailing garbage) is an error naming its byte offset. The JDK's {@code
 * GZIPInputStream} instead ends the stream quietly there, dropping the rest of the file.
 */
public final class Gzip {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED_FLAGS = 0xe0;

  private Gzip() {}

  /** Whether {@code file} starts with gzip's magic bytes 0x1f 0x8b. */
  public static boolean isGzip(java.nio.file.Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(2);
      return magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
    }
  }

  /**
   * {@code in}, decompressed if it starts with gzip's magic bytes 0x1f 0x8b (so a misnamed
   * file still works), else as it is. Reading the decompressed stream throws {@link
   * EOFException} for a truncated member and {@link ZipException} for any other damage, with
   * the byte offset in the message; both only after every byte before the damage was returned.
   *
   * @throws InvalidDataException naming {@code sourceName} when the first gzip header is
   *     truncated or corrupt
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
      MemberStream members = new MemberStream(peekable);
      try {
        members.startMember();
      } catch (EOFException | ZipException broken) {
        throw new InvalidDataException(sourceName, -1, null,
            "file is truncated or corrupt (" + broken.getMessage() + "); no row could be read",
            broken);
      }
      return members;
    }
    return peekable;
  }

  /** The decompressed bytes of all members of a gzip stream, each member checked. */
  private static final class MemberStream extends InputStream {
    private final InputStream in;
    private final byte[] input = new byte[1 << 16];
    private int inputPosition;
    private int inputLimit;
    /** File offset of {@code input[0]}. */
    private long inputBase;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private long memberLength;
    /** 1-based number of the current (or last) member. */
    private int member;
    private boolean inMember;
    private boolean finished;
    /** The damage found, thrown again by every later read (a reader may retry after a peek). */
    private IOException failure;

    MemberStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw failure;
      }
      try {
        return readMembers(b, off, len);
      } catch (IOException damaged) {
        failure = damaged;
        throw damaged;
      }
    }

    private int readMembers(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!finished) {
        if (!inMember) {
          if (!startMember()) {
            finished = true;
            break;
          }
          continue;
        }
        int produced;
        try {
          produced = inflater.inflate(b, off, len);
        } catch (DataFormatException damaged) {
          throw new ZipException("gzip member " + member + " has invalid compressed data ("
              + damaged.getMessage() + ") within the bytes before offset " + offset(inputLimit));
        }
        if (produced > 0) {
          crc.update(b, off, produced);
          memberLength += produced;
          return produced;
        }
        if (inflater.finished()) {
          inputPosition = inputLimit - inflater.getRemaining();
          checkTrailer();
          inMember = false;
        } else if (inflater.needsDictionary()) {
          throw new ZipException("gzip member " + member + " asks for a preset dictionary,"
              + " which gzip does not allow (corrupt data before byte " + offset(inputLimit) + ")");
        } else if (inflater.needsInput()) {
          inputPosition = inputLimit;
          if (!refill()) {
            throw new EOFException("gzip member " + member + " ends at byte " + offset(inputLimit)
                + " in the middle of its compressed data");
          }
          inflater.setInput(input, inputPosition, inputLimit - inputPosition);
        }
      }
      return -1;
    }

    /**
     * Reads the header of the next member, if any byte follows the previous one.
     *
     * @return false at the end of the file (after at least one member)
     */
    boolean startMember() throws IOException {
      long start = offset(inputPosition);
      if (inputPosition == inputLimit && !refill()) {
        if (member == 0) {
          throw new EOFException("empty gzip stream");
        }
        return false;
      }
      member++;
      headerCrc.reset();
      if (headerByte(start) != 0x1f || headerByte(start) != 0x8b) {
        throw new ZipException(member == 1 ? "not a gzip header at byte " + start
            : "bytes that are not a gzip member follow member " + (member - 1) + " at byte "
                + start + " (appended plain data, a damaged member header, or trailing garbage)");
      }
      if (headerByte(start) != 8) {
        throw new ZipException("gzip member " + member + " at byte " + start
            + " declares an unknown compression method");
      }
      int flags = headerByte(start);
      if ((flags & RESERVED_FLAGS) != 0) {
        throw new ZipException("gzip member " + member + " at byte " + start
            + " has reserved header flags set (a damaged header)");
      }
      for (int i = 0; i < 6; i++) {
        headerByte(start); // modification time, extra flags, operating system
      }
      if ((flags & FEXTRA) != 0) {
        int extraLength = headerByte(start) | headerByte(start) << 8;
        for (int i = 0; i < extraLength; i++) {
          headerByte(start);
        }
      }
      if ((flags & FNAME) != 0) {
        while (headerByte(start) != 0) {
          // the original file name, zero-terminated
        }
      }
      if ((flags & FCOMMENT) != 0) {
        while (headerByte(start) != 0) {
          // a comment, zero-terminated
        }
      }
      if ((flags & FHCRC) != 0) {
        int expected = (int) headerCrc.getValue() & 0xffff;
        int written = headerByte(start) | headerByte(start) << 8;
        if (written != expected) {
          throw new ZipException("gzip member " + member + " at byte " + start
              + " has a header checksum that does not match (a damaged header)");
        }
      }
      inflater.reset();
      crc.reset();
      memberLength = 0;
      inflater.setInput(input, inputPosition, inputLimit - inputPosition);
      inMember = true;
      return true;
    }

    /** Checks the CRC-32 and length written after the member's compressed data. */
    private void checkTrailer() throws IOException {
      long start = offset(inputPosition);
      long writtenCrc = trailerWord(start);
      long writtenLength = trailerWord(start);
      if (writtenCrc != crc.getValue()) {
        throw new ZipException("gzip member " + member + " fails its CRC-32 check (trailer at byte "
            + start + "): its data are corrupt");
      }
      if (writtenLength != (memberLength & 0xffffffffL)) {
        throw new ZipException("gzip member " + member + " has the wrong length (trailer at byte "
            + start + "): its data are corrupt");
      }
    }

    private long trailerWord(long trailerStart) throws IOException {
      long word = 0;
      for (int i = 0; i < 4; i++) {
        int b = nextByte();
        if (b < 0) {
          throw new EOFException("gzip member " + member + " is cut inside its trailer (at byte "
              + trailerStart + ")");
        }
        word |= (long) b << (8 * i);
      }
      return word;
    }

    private int headerByte(long headerStart) throws IOException {
      int b = nextByte();
      if (b < 0) {
        throw new EOFException("gzip member " + member + " at byte " + headerStart
            + " is cut inside its header (file ends at byte " + offset(inputLimit) + ")");
      }
      headerCrc.update(b);
      return b;
    }

    private int nextByte() throws IOException {
      if (inputPosition == inputLimit && !refill()) {
        return -1;
      }
      return input[inputPosition++] & 0xff;
    }

    /** Reads more compressed bytes once the buffer is used up; false at the end of the file. */
    private boolean refill() throws IOException {
      inputBase += inputLimit;
      inputPosition = 0;
      inputLimit = 0;
      int read;
      do {
        read = in.read(input, 0, input.length);
      } while (read == 0);
      if (read < 0) {
        return false;
      }
      inputLimit = read;
      return true;
    }

    private long offset(int bufferIndex) {
      return inputBase + bufferIndex;
    }

    @Override
    public void close() throws IOException {
      inflater.end();
      in.close();
    }
  }
}
