package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
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
 * reader with its typed getter: no record assembly and no object per row. Snappy, gzip, zstd,
 * lz4 (both Parquet codecs) and no compression work; another codec (LZO, Brotli) is refused by
 * name.
 *
 * <p>Damage: page checksums, where the writer stored them, are verified, so a flipped bit in a
 * page is an error rather than a changed value, and a compressed page must decompress to
 * exactly the size its header declares ({@link ExactPageCodecFactory}). Anything else the
 * Parquet library throws on a damaged file becomes an {@link InvalidDataException} naming the
 * file, the row group and the column being decoded, with a one-line reason ({@link
 * ParquetFailures}).
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
  /** 1-based number of the current row group in the current file, for messages. */
  private int rowGroup;
  /** Rows before the current row group, and in it, for messages. */
  private long rowGroupStart;
  private long rowGroupRows;
  /** Selected column being decoded, or -1, for messages. */
  private int decoding = -1;

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
      RuntimeException reported = failure instanceof InvalidDataException
          || !ParquetFailures.thrownByLibrary(failure) ? failure
          : ParquetFailures.corrupt(source, "footer", null, failure);
      Closing.closeAfter(reported, first);
      throw reported;
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

  /**
   * Opens one file with page checksums verified and pages checked against their declared size
   * ({@link ExactPageCodecFactory}).
   */
  static ParquetFileReader openFile(Path path) throws IOException {
    try {
      return ParquetFileReader.open(new LocalInputFile(path), readOptions());
    } catch (NoSuchFileException | AccessDeniedException notReadable) {
      throw notReadable;
    } catch (IOException | RuntimeException notParquet) {
      throw new InvalidDataException(path.toString(), -1, null, "not a readable Parquet file ("
          + ParquetFailures.reason(notParquet) + ")", notParquet);
    }
  }

  /** Page checksums verified, pages checked against their declared size. */
  static ParquetReadOptions readOptions() {
    return readOptions(false);
  }

  /**
   * As {@link #readOptions()}; with {@code reusePages}, for a reader done with each page before
   * it reads the next ({@link ExactPageCodecFactory}).
   */
  static ParquetReadOptions readOptions(boolean reusePages) {
    PlainParquetConfiguration configuration = new PlainParquetConfiguration();
    return ParquetReadOptions.builder(configuration)
        .usePageChecksumVerification(true)
        .withCodecFactory(new ExactPageCodecFactory(configuration, reusePages))
        .build();
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
    checkCodecs(file, source());
  }

  /** Refuses, by name, a codec of a selected column that cannot be decompressed. */
  private void checkCodecs(ParquetFileReader of, String fileName) {
    Set<String> names = new HashSet<>();
    for (int column : selected) {
      names.add(header().get(column));
    }
    ParquetFailures.checkCodecs(fileName, of.getRowGroups(), names);
  }

  private PrimitiveTypeName checkType(int column, Type field, Kind kind) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw typeError(column, kind, ParquetFailures.describeType(field));
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
      throw typeError(column, kind, ParquetFailures.describeType(field));
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
    try {
      while (rowGroupRemaining == 0) {
        if (!nextRowGroup()) {
          return false;
        }
      }
      row++;
      rowGroupRemaining--;
      for (int u = 0; u < selected.length; u++) {
        decoding = u;
        readValue(u);
      }
      decoding = -1;
    } catch (InvalidDataException invalid) {
      throw invalid;
    } catch (IOException | RuntimeException damaged) {
      if (!ParquetFailures.thrownByLibrary(damaged)) {
        throw damaged; // our own bug: exit 1, not "bad input"
      }
      throw damage(damaged);
    }
    return true;
  }

  /** The error for a failure of the Parquet library in the current row group. */
  private InvalidDataException damage(Exception failure) {
    String where = "row group " + rowGroup + " (rows " + (rowGroupStart + 1) + "-"
        + (rowGroupStart + rowGroupRows) + ")";
    if (parts.size() > 1) {
      where = "part " + parts.get(nextPart - 1).getFileName() + ", " + where;
    }
    String column = decoding >= 0 ? header().get(selected[decoding]) : null;
    return ParquetFailures.corrupt(source(), where, column, failure);
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
    decoding = -1;
    rowGroupStart += rowGroupRows;
    rowGroupRows = 0;
    while (rowGroup == file.getRowGroups().size()) {
      if (nextPart == parts.size()) {
        return false;
      }
      openNextPart();
      rowGroup = 0;
    }
    rowGroup++; // before reading, so that a damaged page header is reported in its group
    rowGroupRows = file.getRowGroups().get(rowGroup - 1).getRowCount();
    PageReadStore pages = file.readNextRowGroup();
    if (pages == null) {
      rowGroupRows = 0;
      rowGroup = file.getRowGroups().size(); // the library skipped empty row groups
      return nextRowGroup();
    }
    rowGroupRows = pages.getRowCount();
    String createdBy = file.getFileMetaData().getCreatedBy();
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IGNORED, projection, createdBy);
    readers = new ColumnReader[selected.length];
    for (int u = 0; u < selected.length; u++) {
      decoding = u; // the first page is read here
      readers[u] = store.getColumnReader(descriptors[u]);
    }
    decoding = -1;
    rowGroupRemaining = rowGroupRows;
    return true;
  }

  /** Moves to the next part file, whose schema must give the same header and types. */
  private void openNextPart() throws IOException {
    file.close();
    Path part = parts.get(nextPart++);
    file = openFile(part);
    checkPart(file, part);
  }

  /**
   * Checks that a later part file {@code other} (opened with {@link #openFile}) has the header
   * and selected types of the first, and a codec for every selected column, and projects it.
   *
   * @throws InvalidDataException naming {@code part} if it does not
   */
  void checkPart(ParquetFileReader other, Path part) {
    MessageType schema = other.getFileMetaData().getSchema();
    List<String> names = names(other);
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
    other.setRequestedSchema(projection);
    checkCodecs(other, part.toString());
  }

  /**
   * Positions this table, before its first row, just before row group {@code group} (0-based) of
   * part {@code part}, as if the {@code rowsBefore} rows before it had been read: the rows that
   * follow, and their errors, are then those of an uninterrupted reading. Opens and checks the
   * parts up to {@code part} on the way. With {@code group} equal to the part's number of row
   * groups, the next row is read from the next part.
   */
  void skipTo(int part, int group, long rowsBefore) throws IOException {
    while (nextPart - 1 < part) {
      openNextPart();
      rowGroup = 0;
    }
    for (int g = rowGroup; g < group; g++) {
      file.skipNextRowGroup();
    }
    rowGroup = group;
    rowGroupStart = rowsBefore;
    rowGroupRows = 0;
    rowGroupRemaining = 0;
    row = rowsBefore;
  }

  /** The part files in reading order. */
  List<Path> parts() {
    return parts;
  }

  /** The footer of the part file open now (the first, until rows are read). */
  org.apache.parquet.hadoop.metadata.ParquetMetadata footer() {
    return file.getFooter();
  }

  /** The projected schema of the selected columns (after {@link #select}). */
  MessageType projection() {
    return projection;
  }

  /** Each selected column's descriptor in {@link #projection()}, in selection order. */
  ColumnDescriptor[] descriptors() {
    return descriptors;
  }

  /** Each selected column's physical type, in selection order. */
  PrimitiveTypeName[] types() {
    return types;
  }

  /** Whether a selected column is read as text (only the logger label is). */
  boolean selectsText() {
    for (Kind kind : kinds) {
      if (kind == Kind.TEXT) {
        return true;
      }
    }
    return false;
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
  static final GroupConverter IGNORED = new GroupConverter() {
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
