package io.ope4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Parquet's codecs, with a check that a compressed page decompresses to exactly the size its
 * page header declares.
 *
 * <p>Why: the page checksum covers the compressed bytes but not the header, and the library
 * reads only the declared number of bytes from the decompressed stream. A damaged header that
 * declares fewer bytes than the page holds would silently cut the page, and the value decoders
 * would then read whatever follows as values (found by the corruption fuzz test: one flipped
 * bit in a header changed the estimate with exit 0).
 */
final class ExactPageCodecFactory extends CodecFactory {

  private final boolean reusePages;

  ExactPageCodecFactory(ParquetConfiguration configuration) {
    this(configuration, false);
  }

  /**
   * @param reusePages whether every page of a codec is decompressed into the same buffer: only
   *     for a reader that is done with a page before it asks for the next of any column (the
   *     columnar {@link ColumnChunkDecoder}; not Parquet's column readers, which keep one page
   *     per column). Saves allocating (and collecting) a page-sized array per page.
   */
  ExactPageCodecFactory(ParquetConfiguration configuration, boolean reusePages) {
    super(configuration, 0); // the page size only matters to compressors
    this.reusePages = reusePages;
  }

  @Override
  protected BytesDecompressor createDecompressor(CompressionCodecName name) {
    CompressionCodec codec = getCodec(name);
    return codec == null ? super.createDecompressor(name) : new ExactDecompressor(codec, reusePages);
  }

  /** Decompresses a whole page and checks its length against the header's. */
  private static final class ExactDecompressor extends BytesDecompressor {
    private final CompressionCodec codec;
    private final Decompressor decompressor;
    private final boolean reusePages;
    /** The last page's buffer, when pages are reused. */
    private byte[] reused = new byte[0];

    ExactDecompressor(CompressionCodec codec, boolean reusePages) {
      this.codec = codec;
      this.decompressor = CodecPool.getDecompressor(codec);
      this.reusePages = reusePages;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (decompressor != null) {
        decompressor.reset();
      }
      try (InputStream in = codec.createInputStream(bytes.toInputStream(), decompressor)) {
        byte[] page = readExactly(in, uncompressedSize, reusePages ? reused : new byte[0]);
        if (hasMore(in)) {
          throw new ParquetDecodingException("a page decompresses to more than the "
              + uncompressedSize + " bytes its header declares");
        }
        if (reusePages) {
          reused = page;
        }
        return BytesInput.from(page, 0, uncompressedSize);
      }
    }

    /**
     * The first {@code size} bytes of {@code in}. The buffer grows with what is read, so a
     * damaged header declaring 2 GiB costs memory only for the bytes really there; no read asks
     * for zero bytes, which Parquet's block streams take for an error.
     */
    private static byte[] readExactly(InputStream in, int size, byte[] buffer) throws IOException {
      byte[] page = buffer.length >= Math.min(size, 1 << 20) ? buffer : new byte[Math.min(size, 1 << 20)];
      int filled = 0;
      while (filled < size) {
        if (filled == page.length) { // only grows past 1 MiB with what is really there
          page = Arrays.copyOf(page, (int) Math.min(size, 2L * page.length));
        }
        int read = in.read(page, filled, Math.min(page.length, size) - filled);
        if (read < 0) {
          throw new ParquetDecodingException("a page decompresses to " + filled
              + " bytes, but its header declares " + size);
        }
        filled += read;
      }
      return page;
    }

    /**
     * Whether the stream holds another byte. Parquet's Snappy and LZ4_RAW streams throw an
     * IOException ("Zero bytes read during decompression") at their end instead of returning
     * -1; every byte the header declares has been read by then, so that also means "no more".
     */
    private static boolean hasMore(InputStream in) {
      try {
        return in.read() >= 0;
      } catch (IOException endOfABlockStream) {
        return false;
      }
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
        int uncompressedSize) throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.duplicate().get(compressed);
      output.put(decompress(BytesInput.from(compressed), uncompressedSize).toByteArray());
    }

    @Override
    public void release() {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
      }
    }
  }
}
