package io.ope4j.io;

import java.nio.ByteBuffer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding of dictionary ids in bulk (the Parquet
 * format's Encodings.md, "Run Length Encoding / Bit-Packing Hybrid"): runs of a header varint,
 * then either one value repeated (RLE, header even) or groups of 8 values packed LSB first
 * (header odd). The library's decoder returns one id per call and held a fifth of the reader's
 * profile samples; this one fills an {@code int[]} a page at a time (no change in rows per
 * CPU-second was measurable on the loaded benchmark machine: BENCHMARKS.md).
 */
final class HybridIds {

  private HybridIds() {}

  /**
   * Decodes {@code count} ids of {@code bitWidth} bits from {@code in} (positioned at the first
   * run header, little-endian or not) into {@code ids[0 .. count-1]}.
   *
   * @throws ParquetDecodingException if the runs end early or are malformed
   * @throws java.nio.BufferUnderflowException if the bytes end early
   */
  static void decode(ByteBuffer in, int bitWidth, int[] ids, int count) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("dictionary id width " + bitWidth + " out of [0, 32]");
    }
    int done = 0;
    int valueBytes = (bitWidth + 7) / 8;
    long mask = bitWidth == 32 ? 0xffffffffL : (1L << bitWidth) - 1;
    while (done < count) {
      int header = varint(in);
      if ((header & 1) == 0) { // RLE: header/2 copies of one value
        int run = header >>> 1;
        int value = 0;
        for (int b = 0; b < valueBytes; b++) {
          value |= (in.get() & 0xff) << (8 * b);
        }
        if (run <= 0) {
          throw new ParquetDecodingException("an empty RLE run");
        }
        int n = Math.min(run, count - done);
        java.util.Arrays.fill(ids, done, done + n, value);
        done += n;
      } else { // bit-packed: header/2 groups of 8 values in bitWidth bytes each
        int groups = header >>> 1;
        if (groups <= 0) {
          throw new ParquetDecodingException("an empty bit-packed run");
        }
        int values = groups * 8;
        long buffer = 0;
        int bits = 0;
        for (int v = 0; v < values; v++) {
          while (bits < bitWidth) {
            buffer |= (long) (in.get() & 0xff) << bits;
            bits += 8;
          }
          if (done < count) {
            ids[done++] = (int) (buffer & mask);
          }
          buffer >>>= bitWidth;
          bits -= bitWidth;
        }
      }
    }
  }

  /** An unsigned LEB128 int. */
  private static int varint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get() & 0xff;
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ParquetDecodingException("a run header longer than 5 bytes");
  }
}
