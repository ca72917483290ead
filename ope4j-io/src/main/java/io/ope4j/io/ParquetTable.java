package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Parquet as a {@link TableReader}: one file, or a directory of part files (every regular file
 * whose name does not start with {@code .} or {@code _}, as Spark and others write them) read in
 * name order, each with the same top-level column names. The header is the schema's top-level
 * names; only the selected columns are read (a projected schema), each through Parquet's column
 * reader with its typed getter: no record assembly and no object per row. Any compression
 * parquet-hadoop supports works.
 *
 * <p>Types: selected columns must be top-level, non-repeated primitives: {@code INTEGER} ones
 * {@code INT32} or {@code INT64}; {@code NUMBER} ones also {@code DOUBLE} or {@code FLOAT}; {@code
 * TEXT} ones any of these or {@code BINARY} (read as UTF-8). A null reads as NaN (shown as {@code
 * null}), so it fails the schema's check like any bad value. Rows are numbered from 1 across the
 * whole directory, in file order.
 */
final class ParquetTable extends TableBase {

  /** The first (and last) four bytes of every Parquet file. */
  static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private final List<Path> parts;
  private final Runnable onClose;

  private ParquetFileReader file;
  private int nextPart;
  private PrimitiveTypeName[] types = new PrimitiveTypeName[0];
  private ColumnDescriptor[] descriptors = new ColumnDescriptor[0];
  private MessageType projection;
  private ColumnReader[] readers;
  private long rowGroupRemaining;

  private ParquetTable(String source, List<Path> parts, ParquetFileReader first,
      Runnable onClose) {
    super(source, names(first));
    this.parts = parts;
    this.file = first;
    this.nextPart = 1;
    this.onClose = onClose;
  }

  /** The file's top-level column names. */
  private static List<String> names(ParquetFileReader file) {
    List<String> names = new ArrayList<>();
    for (Type field : file.getFileMetaData().getSchema().getFields()) {
      names.add(field.getName());
    }
    return names;
  }

  /**
   * Opens a Parquet file, or a directory of part files.
   *
   * @param source how messages name the input
   * @param onClose run once when the table is closed (e.g. deleting a spooled copy), or null
   * @throws InvalidDataException if a file is not Parquet, or a directory holds no part file
   */
  static ParquetTable open(Path path, String source, Runnable onClose) throws IOException {
    List<Path> parts = Files.isDirectory(path) ? partFiles(path, source) : List.of(path);
    ParquetFileReader first = openFile(parts.get(0));
    try {
      return new ParquetTable(source, parts, first, onClose);
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, first);
      throw failure;
    }
  }

  /** Whether {@code head} starts with Parquet's magic bytes. */
  static boolean isParquet(byte[] head, int length) {
    return length >= MAGIC.length && head[0] == MAGIC[0] && head[1] == MAGIC[1]
        && head[2] == MAGIC[2] && head[3] == MAGIC[3];
  }

  private static List<Path> partFiles(Path directory, String source) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.list(directory)) {
      parts = files.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith(".")
              && !file.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    }
    if (parts.isEmpty()) {
      throw new InvalidDataException(source, -1, null,
          "is a directory without part files (files not starting with '.' or '_')");
    }
    return parts;
  }

  private static ParquetFileReader openFile(Path path) throws IOException {
    ParquetReadOptions readOptions =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try {
      return ParquetFileReader.open(new LocalInputFile(path), readOptions);
    } catch (RuntimeException notParquet) {
      throw new InvalidDataException(path.toString(), -1, null,
          "not a readable Parquet file (" + notParquet.getMessage() + ")", notParquet);
    }
  }

  /** Rows in all files, from their footers. */
  long rowCount() throws IOException {
    long count = file.getRecordCount();
    for (int p = nextPart; p < parts.size(); p++) {
      try (ParquetFileReader other = openFile(parts.get(p))) {
        count += other.getRecordCount();
      }
    }
    return count;
  }

  @Override
  public InputFormat format() {
    return InputFormat.PARQUET;
  }

  @Override
  public void select(int[] columns, Kind[] columnKinds) {
    MessageType schema = file.getFileMetaData().getSchema();
    super.select(columns, columnKinds);
    types = new PrimitiveTypeName[columns.length];
    List<Type> projected = new ArrayList<>();
    for (int u = 0; u < columns.length; u++) {
      Type field = schema.getType(columns[u]);
      types[u] = checkType(columns[u], field, kinds[u]);
      projected.add(field);
    }
    projection = new MessageType(schema.getName(), projected);
    descriptors = new ColumnDescriptor[columns.length];
    for (int u = 0; u < columns.length; u++) {
      descriptors[u] = projection.getColumnDescription(new String[] {header().get(columns[u])});
    }
    file.setRequestedSchema(projection);
  }

  private PrimitiveTypeName checkType(int column, Type field, Kind kind) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw typeError(column, kind, field.toString().trim());
    }
    PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
    boolean integer = type == PrimitiveTypeName.INT32 || type == PrimitiveTypeName.INT64;
    boolean number = integer || type == PrimitiveTypeName.DOUBLE || type == PrimitiveTypeName.FLOAT;
    boolean fits = switch (kind) {
      case INTEGER -> integer;
      case NUMBER -> number;
      case TEXT -> number || type == PrimitiveTypeName.BINARY;
    };
    if (!fits) {
      throw typeError(column, kind, field.toString().trim());
    }
    return type;
  }

  /** E.g. {@code logs.parquet header, pscore: must be a numeric column (...), got string}. */
  private InvalidDataException typeError(int column, Kind kind, String actualType) {
    String expected = switch (kind) {
      case INTEGER -> LogColumns.INTEGER_TYPES;
      case NUMBER -> LogColumns.NUMBER_TYPES;
      case TEXT -> "a numeric or string column";
    };
    return new InvalidDataException(source(), 0, header().get(column),
        "must be " + expected + ", got " + actualType);
  }

  @Override
  public boolean nextRow() throws IOException {
    while (rowGroupRemaining == 0) {
      if (!nextRowGroup()) {
        return false;
      }
    }
    row++;
    rowGroupRemaining--;
    try {
      for (int u = 0; u < selected.length; u++) {
        readValue(u);
      }
    } catch (ParquetDecodingException corrupt) {
      throw new InvalidDataException(source(), row, null,
          "corrupt Parquet data (" + corrupt.getMessage() + ")", corrupt);
    }
    return true;
  }

  private void readValue(int u) {
    ColumnReader reader = readers[u];
    int column = selected[u];
    if (reader.getCurrentDefinitionLevel() != descriptors[u].getMaxDefinitionLevel()) {
      values[column] = Double.NaN;
      texts[u] = "null";
    } else if (types[u] == PrimitiveTypeName.BINARY) {
      texts[u] = reader.getBinary().toStringUsingUTF8();
    } else {
      double value = switch (types[u]) {
        case INT32 -> reader.getInteger();
        case INT64 -> reader.getLong();
        case FLOAT -> reader.getFloat();
        default -> reader.getDouble();
      };
      values[column] = value;
      texts[u] = null;
    }
    reader.consume();
  }

  private boolean nextRowGroup() throws IOException {
    PageReadStore pages = file.readNextRowGroup();
    while (pages == null) {
      if (nextPart == parts.size()) {
        return false;
      }
      openNextPart();
      pages = file.readNextRowGroup();
    }
    String createdBy = file.getFileMetaData().getCreatedBy();
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IGNORED, projection, createdBy);
    readers = new ColumnReader[selected.length];
    for (int u = 0; u < selected.length; u++) {
      readers[u] = store.getColumnReader(descriptors[u]);
    }
    rowGroupRemaining = pages.getRowCount();
    return true;
  }

  /** Moves to the next part file, whose schema must give the same header and types. */
  private void openNextPart() throws IOException {
    file.close();
    Path part = parts.get(nextPart++);
    file = openFile(part);
    MessageType schema = file.getFileMetaData().getSchema();
    List<String> names = names(file);
    if (!names.equals(header())) {
      throw new InvalidDataException(part.toString(), 0, null, "columns " + names
          + " differ from those of " + parts.get(0).getFileName() + ": " + header());
    }
    for (int u = 0; u < selected.length; u++) {
      Type field = schema.getType(selected[u]);
      PrimitiveTypeName type = checkType(selected[u], field, kinds[u]);
      if (type != types[u]) {
        throw new InvalidDataException(part.toString(), 0, header().get(selected[u]),
            "type " + type + " differs from " + types[u] + " in " + parts.get(0).getFileName());
      }
    }
    file.setRequestedSchema(projection);
  }

  @Override
  boolean isIntegerValue(int u) {
    return types[u] == PrimitiveTypeName.INT32 || types[u] == PrimitiveTypeName.INT64;
  }

  @Override
  public void close() throws IOException {
    try {
      file.close();
    } finally {
      if (onClose != null) {
        onClose.run();
      }
    }
  }

  /** Column readers insist on a converter tree; values are read with the typed getters. */
  private static final GroupConverter IGNORED = new GroupConverter() {
    private final PrimitiveConverter primitive = new PrimitiveConverter() {};

    @Override
    public Converter getConverter(int fieldIndex) {
      return primitive;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  };
}
