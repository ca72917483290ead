package io.ope4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Writes small Parquet logs for tests: one optional column per name, of the given type; a NaN
 * value in an integer column, or a null {@code Object}, is written as a null.
 */
final class ParquetFiles {

  private ParquetFiles() {}

  /** A column: its name and Parquet type ({@code BINARY} is written as a UTF-8 string). */
  record Column(String name, PrimitiveTypeName type) {
    static Column int64(String name) {
      return new Column(name, PrimitiveTypeName.INT64);
    }

    static Column int32(String name) {
      return new Column(name, PrimitiveTypeName.INT32);
    }

    static Column float64(String name) {
      return new Column(name, PrimitiveTypeName.DOUBLE);
    }
  }

  /**
   * Writes {@code rows} (each an array of values in column order: numbers, strings or null) to
   * {@code file}, with row groups of about {@code rowGroupBytes} bytes.
   */
  static Path write(Path file, List<Column> columns, List<Object[]> rows, long rowGroupBytes)
      throws IOException {
    return write(file, columns, rows, rowGroupBytes, CompressionCodecName.SNAPPY);
  }

  /** As {@link #write(Path, List, List, long)} with the given compression. */
  static Path write(Path file, List<Column> columns, List<Object[]> rows, long rowGroupBytes,
      CompressionCodecName codec) throws IOException {
    return write(file, columns, rows, rowGroupBytes, codec, Integer.MAX_VALUE);
  }

  /** Uncompressed, with row groups of exactly {@code rowsPerGroup} rows (the last one fewer). */
  static Path writeGroups(Path file, List<Column> columns, List<Object[]> rows, int rowsPerGroup)
      throws IOException {
    return write(file, columns, rows, 128L << 20, CompressionCodecName.UNCOMPRESSED, rowsPerGroup);
  }

  private static Path write(Path file, List<Column> columns, List<Object[]> rows, long rowGroupBytes,
      CompressionCodecName codec, int rowsPerGroup) throws IOException {
    return write(file, columns, rows, rowGroupBytes, codec, rowsPerGroup,
        org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0, true);
  }

  /**
   * Snappy, row groups of {@code rowsPerGroup} rows, pages of the given version (2.0 also
   * changes the encodings: delta for integers) and with or without dictionaries.
   */
  static Path writeEncoded(Path file, List<Column> columns, List<Object[]> rows, int rowsPerGroup,
      org.apache.parquet.column.ParquetProperties.WriterVersion version, boolean dictionary) throws IOException {
    return write(file, columns, rows, 128L << 20, CompressionCodecName.SNAPPY, rowsPerGroup, version, dictionary);
  }

  private static Path write(Path file, List<Column> columns, List<Object[]> rows, long rowGroupBytes,
      CompressionCodecName codec, int rowsPerGroup, org.apache.parquet.column.ParquetProperties.WriterVersion version,
      boolean dictionary) throws IOException {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (Column column : columns) {
      if (column.type() == PrimitiveTypeName.BINARY) {
        schema.optional(column.type()).as(LogicalTypeAnnotation.stringType()).named(column.name());
      } else {
        schema.primitive(column.type(), Repetition.OPTIONAL).named(column.name());
      }
    }
    MessageType type = schema.named("log");
    java.nio.file.Files.deleteIfExists(file);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withRowGroupRowCountLimit(rowsPerGroup)
        .withWriterVersion(version)
        .withDictionaryEncoding(dictionary)
        .withPageSize(4096)
        .build()) {
      for (Object[] row : rows) {
        Group group = groups.newGroup();
        for (int c = 0; c < columns.size(); c++) {
          Object value = row[c];
          if (value == null) {
            continue;
          }
          String name = columns.get(c).name();
          switch (columns.get(c).type()) {
            case INT64 -> group.add(name, ((Number) value).longValue());
            case INT32 -> group.add(name, ((Number) value).intValue());
            case FLOAT -> group.add(name, ((Number) value).floatValue());
            case DOUBLE -> group.add(name, ((Number) value).doubleValue());
            case BINARY -> group.add(name, value.toString());
            default -> throw new IllegalArgumentException("unsupported " + columns.get(c));
          }
        }
        writer.write(group);
      }
    }
    return file;
  }

  static Path write(Path file, List<Column> columns, List<Object[]> rows) throws IOException {
    return write(file, columns, rows, 128L << 20);
  }

  /** Where {@code value}'s 8 little-endian bytes (as PLAIN pages store it) first appear in {@code bytes}. */
  static int offsetOf(byte[] bytes, double value) {
    byte[] needle = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("value not found in the file");
  }
}
