package io.ope4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import static org.apache.parquet.column.ValuesType.DEFINITION_LEVEL;
import static org.apache.parquet.column.ValuesType.REPETITION_LEVEL;
import static org.apache.parquet.column.ValuesType.VALUES;

/**
 * The values of one numeric column chunk (a column of one row group), decoded a page at a time
 * into a {@code double[]}: nulls as NaN, integers exact up to 2^53. Pages come decompressed and
 * checksum-verified from the file reader ({@link ParquetTable#readOptions()}); this class turns
 * their bytes into numbers without the per-value machinery of Parquet's column reader. PLAIN
 * pages without nulls are copied in bulk from the page's little-endian bytes, dictionary pages
 * decode their ids in bulk ({@link HybridIds}) and look them up in the decoded dictionary; any
 * other encoding (delta, byte stream split) is read with the library's own value reader, one
 * value at a time.
 *
 * <p>Only flat (non-repeated) columns. A page that does not decode throws; the caller reads the
 * row group again with Parquet's column reader, whose message names the failure.
 */
final class ColumnChunkDecoder {

  private final ColumnDescriptor descriptor;
  private final PrimitiveTypeName type;
  private final int maxDefinition;
  /** The chunk being read, from {@link #start}. */
  private PageReader pages;
  /** The chunk's dictionary decoded to doubles, or null. */
  private double[] dictionary;
  private Dictionary libraryDictionary;

  /** The current page's values, and how many of them are taken; buffers kept from chunk to chunk. */
  private double[] page = new double[0];
  private int pageSize;
  private int taken;
  private int[] levels = new int[0];
  /** The current page's dictionary ids. */
  private int[] ids = new int[0];

  /** A decoder of the chunks of one column; {@link #start} gives it each chunk. */
  ColumnChunkDecoder(ColumnDescriptor descriptor, PrimitiveTypeName type) {
    this.descriptor = descriptor;
    this.type = type;
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
  }

  /** Starts reading a chunk of this column: its dictionary, if any, is read now. */
  void start(PageReader chunk) throws IOException {
    this.pages = chunk;
    this.pageSize = 0;
    this.taken = 0;
    DictionaryPage dictionaryPage = pages.readDictionaryPage();
    if (dictionaryPage == null) {
      libraryDictionary = null;
      dictionary = null;
      return;
    }
    libraryDictionary = dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
    dictionary = new double[libraryDictionary.getMaxId() + 1];
    for (int id = 0; id < dictionary.length; id++) {
      dictionary[id] = switch (type) {
        case INT32 -> libraryDictionary.decodeToInt(id);
        case INT64 -> libraryDictionary.decodeToLong(id);
        case FLOAT -> libraryDictionary.decodeToFloat(id);
        case DOUBLE -> libraryDictionary.decodeToDouble(id);
        default -> throw new IllegalStateException("not a numeric column: " + type);
      };
    }
  }

  /** Writes the next {@code count} values into {@code into[0 .. count-1]}. */
  void read(double[] into, int count) throws IOException {
    int done = 0;
    while (done < count) {
      if (taken == pageSize) {
        nextPage();
      }
      int n = Math.min(count - done, pageSize - taken);
      System.arraycopy(page, taken, into, done, n);
      taken += n;
      done += n;
    }
  }

  private void nextPage() throws IOException {
    DataPage next = pages.readPage();
    if (next == null) {
      throw new ParquetDecodingException("column " + descriptor + " ends before its row group");
    }
    int values = next.getValueCount();
    if (page.length < values) {
      page = new double[values];
      levels = new int[values];
    }
    if (next instanceof DataPageV1 v1) {
      ByteBufferInputStream in = v1.getBytes().toInputStream();
      ValuesReader repetition = v1.getRlEncoding().getValuesReader(descriptor, REPETITION_LEVEL);
      ValuesReader definition = v1.getDlEncoding().getValuesReader(descriptor, DEFINITION_LEVEL);
      repetition.initFromPage(values, in);
      definition.initFromPage(values, in);
      int defined = values;
      if (maxDefinition > 0) {
        defined = 0;
        for (int i = 0; i < values; i++) {
          levels[i] = definition.readInteger();
          defined += levels[i] == maxDefinition ? 1 : 0;
        }
      }
      decodeValues(v1.getValueEncoding(), in, values, defined);
    } else {
      DataPageV2 v2 = (DataPageV2) next;
      int defined = values;
      if (maxDefinition > 0) {
        RunLengthBitPackingHybridDecoder definition = new RunLengthBitPackingHybridDecoder(
            BytesUtils.getWidthFromMaxInt(maxDefinition), v2.getDefinitionLevels().toInputStream());
        defined = 0;
        for (int i = 0; i < values; i++) {
          levels[i] = definition.readInt();
          defined += levels[i] == maxDefinition ? 1 : 0;
        }
      }
      decodeValues(v2.getDataEncoding(), v2.getData().toInputStream(), values, defined);
    }
    pageSize = values;
    taken = 0;
  }

  /** Decodes the page's {@code defined} stored values into {@link #page}, spreading them over the nulls. */
  private void decodeValues(Encoding encoding, ByteBufferInputStream in, int values, int defined)
      throws IOException {
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new ParquetDecodingException("dictionary missing for encoding " + encoding);
      }
      ByteBuffer bytes = in.slice(in.available());
      int bitWidth = bytes.get() & 0xff;
      if (ids.length < values) {
        ids = new int[values];
      }
      HybridIds.decode(bytes, bitWidth, ids, defined);
      double[] table = dictionary;
      if (defined == values) {
        for (int i = 0; i < values; i++) {
          page[i] = table[ids[i]];
        }
      } else {
        for (int i = 0, id = 0; i < values; i++) {
          page[i] = levels[i] != maxDefinition ? Double.NaN : table[ids[id++]];
        }
      }
    } else if (encoding == Encoding.PLAIN && defined == values) {
      plain(in.slice(values * width()).slice().order(ByteOrder.LITTLE_ENDIAN), values);
    } else {
      ValuesReader reader = encoding.getValuesReader(descriptor, VALUES);
      reader.initFromPage(values, in);
      for (int i = 0; i < values; i++) {
        page[i] = maxDefinition > 0 && levels[i] != maxDefinition ? Double.NaN : switch (type) {
          case INT32 -> reader.readInteger();
          case INT64 -> reader.readLong();
          case FLOAT -> reader.readFloat();
          default -> reader.readDouble();
        };
      }
    }
  }

  /** Bytes per stored value of a PLAIN page. */
  private int width() {
    return type == PrimitiveTypeName.INT32 || type == PrimitiveTypeName.FLOAT ? 4 : 8;
  }

  /** A PLAIN page without nulls: the values are little-endian and contiguous. */
  private void plain(ByteBuffer bytes, int values) {
    switch (type) {
      case DOUBLE -> bytes.asDoubleBuffer().get(page, 0, values);
      case INT64 -> {
        for (int i = 0; i < values; i++) {
          page[i] = bytes.getLong(i * 8);
        }
      }
      case INT32 -> {
        for (int i = 0; i < values; i++) {
          page[i] = bytes.getInt(i * 4);
        }
      }
      case FLOAT -> {
        for (int i = 0; i < values; i++) {
          page[i] = bytes.getFloat(i * 4);
        }
      }
      default -> throw new IllegalStateException("not a numeric column: " + type);
    }
  }
}
