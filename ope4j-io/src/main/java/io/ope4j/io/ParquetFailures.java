package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.Type;

/**
 * Turns what the Parquet library throws on a damaged file into one {@link InvalidDataException}
 * naming the file, the row group and column where known, and a one-line reason: the library's
 * own messages may name no file, span lines (schema dumps) or hold Java object ids, and some
 * failures are bare {@code NullPointerException}s from inconsistent metadata.
 */
final class ParquetFailures {

  /** Codecs whose decompressor is on the class path (parquet-hadoop, aircompressor, lz4-java). */
  static final Set<CompressionCodecName> SUPPORTED_CODECS = EnumSet.of(
      CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.GZIP,
      CompressionCodecName.ZSTD, CompressionCodecName.LZ4, CompressionCodecName.LZ4_RAW);

  /** A class name followed by {@code @} and a hash code, as {@code Object.toString} writes. */
  private static final Pattern OBJECT_ID = Pattern.compile("@[0-9a-f]{4,}\\b");

  private static final int MAX_REASON = 200;

  private ParquetFailures() {}

  /**
   * The error for {@code failure}, met while reading {@code where} of {@code source}.
   *
   * @param where e.g. {@code "row group 2 (rows 1001-2000)"}, or {@code null} for the footer
   * @param column the column being decoded, or {@code null}
   */
  static InvalidDataException corrupt(String source, String where, String column,
      Throwable failure) {
    String place = where == null ? "" : where + ": ";
    return new InvalidDataException(source, -1, column,
        place + "corrupt or unreadable Parquet data (" + reason(failure) + ")", failure);
  }

  /**
   * A one-line reason: the library's message, first line only and without object ids, followed
   * by its root cause's when there is one ({@code Could not decompress dictionary page: ...}).
   */
  static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = oneLine(failure);
    if (root != failure && root.getMessage() != null) {
      String cause = oneLine(root);
      if (!reason.contains(cause)) {
        reason += ": " + cause;
      }
    }
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    boolean libraryBug = failure instanceof NullPointerException
        || failure instanceof ClassCastException
        || failure instanceof IndexOutOfBoundsException
        || failure instanceof NegativeArraySizeException
        || failure instanceof ArithmeticException;
    if (message == null || message.isBlank() || libraryBug) {
      return "inconsistent metadata: " + failure.getClass().getSimpleName();
    }
    String line = message.strip();
    int end = line.indexOf('\n');
    if (end >= 0) {
      line = line.substring(0, end).strip();
    }
    line = OBJECT_ID.matcher(line).replaceAll("");
    if (failure instanceof ParquetDecodingException || failure instanceof IllegalArgumentException
        || failure instanceof java.io.IOException) {
      return line;
    }
    return failure.getClass().getSimpleName() + ": " + line;
  }

  /**
   * Whether {@code failure} was raised by library code (Parquet, Hadoop, a codec) rather than
   * by ope4j's own: the first frame outside the JDK decides.
   */
  static boolean thrownByLibrary(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      String name = frame.getClassName();
      if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
        return !name.startsWith("io.ope4j.") || name.equals(ExactPageCodecFactory.class.getName())
            || name.startsWith(ExactPageCodecFactory.class.getName() + "$");
      }
    }
    return false;
  }

  /**
   * Refuses, by name, a codec that this reader cannot decompress, before any page is read.
   *
   * @param used the dotted paths of the projected columns
   */
  static void checkCodecs(String source, List<BlockMetaData> rowGroups, Set<String> used) {
    for (int g = 0; g < rowGroups.size(); g++) {
      for (ColumnChunkMetaData chunk : rowGroups.get(g).getColumns()) {
        String column = chunk.getPath().toDotString();
        if (used.contains(column) && !SUPPORTED_CODECS.contains(chunk.getCodec())) {
          throw new InvalidDataException(source, -1, column, "row group " + (g + 1)
              + " is compressed with " + chunk.getCodec() + ", which this reader cannot"
              + " decompress (supported: " + SUPPORTED_CODECS + ")");
        }
      }
    }
  }

  /** A field's type on one line, e.g. {@code optional binary pscore (STRING)}, or a group. */
  static String describeType(Type field) {
    return field.isPrimitive() ? field.toString().strip() : "a group (nested columns)";
  }
}
