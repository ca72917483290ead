package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Streams a bandit log stored as one Parquet file in column batches, with the column names,
 * resolution and validation rules of the CSV reader ({@link LogColumns}, {@link RowAssembler}):
 * the same file as CSV or Parquet gives the same batches, the same errors, and so the same
 * estimates to the bit.
 *
 * <p><b>Reading.</b> Only the columns the log needs are read (a projected schema); each is
 * decoded by Parquet's column reader straight into a {@code double[]} of the batch's rows, then
 * rows are validated from those arrays: no record assembly and no object per row. Batches are
 * filled to their capacity across row-group boundaries, so they are cut at the same rows as the
 * CSV reader's. Any compression parquet-hadoop supports (snappy, gzip, zstd, lz4, none) works.
 *
 * <p><b>Types.</b> Columns must be top-level, non-repeated primitives: action and position
 * {@code INT32} or {@code INT64}; every other used column {@code DOUBLE}, {@code FLOAT}, {@code
 * INT32} or {@code INT64}. Optional columns may be declared, but a null in a used column is an
 * error like any bad value ({@code logs.parquet row 7, pscore: must be in (0, 1], got null}).
 * Rows are numbered from 1 in file order, as in CSV.
 *
 * <p>One reader is used by one thread at a time.
 */
public final class ParquetLogReader implements BatchSource {

  /** The first (and last) four bytes of every Parquet file. */
  static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private final String source;
  private final LogReadOptions options;
  private final ParquetFileReader file;
  private final LogColumns columns;
  private final MessageType projection;
  private final ColumnDescriptor[] descriptors;
  private final PrimitiveTypeName[] types;
  /** Header indices of the projected columns, in projection order. */
  private final int[] used;
  private final RowAssembler assembler;
  private final String createdBy;

  /** Decoded values of the current stretch, per projected column, and their null marks. */
  private double[][] decoded = new double[0][];
  private boolean[][] nulls = new boolean[0][];
  /** The current row's values by header index, handed to the assembler. */
  private final double[] values;
  private int currentRow;

  private ColumnReader[] readers;
  private long rowGroupRemaining;
  private long rowsRead;
  private boolean closed;

  private ParquetLogReader(String source, LogReadOptions options, ParquetFileReader file) {
    this.source = source;
    this.options = options;
    this.file = file;
    MessageType schema = file.getFileMetaData().getSchema();
    this.createdBy = file.getFileMetaData().getCreatedBy();
    List<String> header = new ArrayList<>();
    for (Type field : schema.getFields()) {
      header.add(field.getName());
    }
    this.columns = LogColumns.resolve(header, options, source);
    this.used = columns.usedColumns();
    List<Type> projected = new ArrayList<>();
    this.types = new PrimitiveTypeName[used.length];
    for (int u = 0; u < used.length; u++) {
      Type field = schema.getType(used[u]);
      types[u] = checkType(used[u], field);
      projected.add(field);
    }
    this.projection = new MessageType(schema.getName(), projected);
    file.setRequestedSchema(projection);
    this.descriptors = new ColumnDescriptor[used.length];
    for (int u = 0; u < used.length; u++) {
      descriptors[u] = projection.getColumnDescription(new String[] {header.get(used[u])});
    }
    this.values = new double[header.size()];
    this.assembler = new RowAssembler(columns, this::describe);
  }

  /** Opens {@code path} with {@link LogReadOptions#defaults()}. */
  public static ParquetLogReader open(Path path) throws IOException {
    return open(path, LogReadOptions.defaults());
  }

  /**
   * Opens one Parquet file and resolves its schema against {@code options}.
   *
   * @throws InvalidDataException if the file is not Parquet, or its schema does not fit {@code
   *     options} (missing columns, or a used column of the wrong type); the message names the
   *     file as {@code path.toString()}
   * @throws IOException if the file cannot be read
   */
  public static ParquetLogReader open(Path path, LogReadOptions options) throws IOException {
    String source = path.toString();
    ParquetReadOptions readOptions =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    ParquetFileReader file;
    try {
      file = ParquetFileReader.open(new LocalInputFile(path), readOptions);
    } catch (RuntimeException notParquet) {
      throw new InvalidDataException(source, -1, null,
          "not a readable Parquet file (" + notParquet.getMessage() + ")", notParquet);
    }
    try {
      return new ParquetLogReader(source, options, file);
    } catch (RuntimeException failure) {
      try {
        file.close();
      } catch (IOException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    }
  }

  private PrimitiveTypeName checkType(int column, Type field) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw columns.typeError(column, field.toString().trim());
    }
    PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
    boolean integer = type == PrimitiveTypeName.INT32 || type == PrimitiveTypeName.INT64;
    boolean number = integer || type == PrimitiveTypeName.DOUBLE || type == PrimitiveTypeName.FLOAT;
    if (columns.isIntegerColumn(column) ? !integer : !number) {
      throw columns.typeError(column, field.toString().trim());
    }
    return type;
  }

  @Override
  public String name() {
    return source;
  }

  @Override
  public LogLayout layout() {
    return columns.layout();
  }

  /** The options this reader was opened with. */
  public LogReadOptions options() {
    return options;
  }

  /** The schema's top-level column names, in file order. */
  public List<String> header() {
    return columns.header();
  }

  /** A new batch for this reader, with {@link LogReadOptions#batchCapacity()} rows. */
  public BanditBatch newBatch() {
    return new BanditBatch(layout(), options.batchCapacity());
  }

  /** Rows in the file, from its footer. */
  public long rowCount() {
    return file.getRecordCount();
  }

  /**
   * Fills {@code batch} with the next rows, up to {@code batch.capacity()} of them.
   *
   * @return false when the file is exhausted (the batch is then left with size 0)
   * @throws InvalidDataException on the first invalid row (the batch content is then
   *     undefined), on corrupt data, and on the first call if the file has no rows
   * @throws IllegalArgumentException if the batch was made for another layout
   * @throws IllegalStateException if the reader is closed
   */
  @Override
  public boolean next(BanditBatch batch) throws IOException {
    if (closed) {
      throw new IllegalStateException("reader of " + source + " is closed");
    }
    if (!batch.layout().equals(layout())) {
      throw new IllegalArgumentException(
          "batch layout " + batch.layout() + " differs from the reader's " + layout());
    }
    int capacity = batch.capacity();
    ensureBuffers(capacity);
    int size = 0;
    try {
      while (size < capacity && (rowGroupRemaining > 0 || nextRowGroup())) {
        int stretch = (int) Math.min(capacity - size, rowGroupRemaining);
        for (int u = 0; u < used.length; u++) {
          decode(u, stretch);
        }
        for (int r = 0; r < stretch; r++) {
          currentRow = r;
          for (int u = 0; u < used.length; u++) {
            values[used[u]] = decoded[u][r];
          }
          assembler.assemble(values, batch, size + r, rowsRead + size + r + 1);
        }
        size += stretch;
        rowGroupRemaining -= stretch;
      }
    } catch (ParquetDecodingException corrupt) {
      throw new InvalidDataException(source, rowsRead + size + 1, null,
          "corrupt Parquet data (" + corrupt.getMessage() + ")", corrupt);
    }
    batch.setRows(rowsRead, size);
    rowsRead += size;
    if (rowsRead == 0) {
      throw new InvalidDataException(source, -1, null, "no data rows");
    }
    return size > 0;
  }

  private void ensureBuffers(int capacity) {
    if (decoded.length == used.length && decoded.length > 0 && decoded[0].length >= capacity) {
      return;
    }
    decoded = new double[used.length][capacity];
    nulls = new boolean[used.length][capacity];
  }

  private boolean nextRowGroup() throws IOException {
    PageReadStore pages = file.readNextRowGroup();
    if (pages == null) {
      return false;
    }
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IGNORED, projection, createdBy);
    readers = new ColumnReader[used.length];
    for (int u = 0; u < used.length; u++) {
      readers[u] = store.getColumnReader(descriptors[u]);
    }
    rowGroupRemaining = pages.getRowCount();
    return true;
  }

  /** Decodes the next {@code count} values of projected column {@code u}; nulls become NaN. */
  private void decode(int u, int count) {
    ColumnReader reader = readers[u];
    double[] out = decoded[u];
    boolean[] isNull = nulls[u];
    int defined = descriptors[u].getMaxDefinitionLevel();
    PrimitiveTypeName type = types[u];
    for (int r = 0; r < count; r++) {
      boolean missing = reader.getCurrentDefinitionLevel() != defined;
      isNull[r] = missing;
      if (missing) {
        out[r] = Double.NaN;
      } else {
        out[r] = switch (type) {
          case INT32 -> reader.getInteger();
          case INT64 -> reader.getLong();
          case FLOAT -> reader.getFloat();
          default -> reader.getDouble();
        };
      }
      reader.consume();
    }
  }

  /** The current row's value of header column {@code column}, for messages. */
  private String describe(int column) {
    for (int u = 0; u < used.length; u++) {
      if (used[u] == column) {
        if (nulls[u][currentRow]) {
          return "null";
        }
        double value = decoded[u][currentRow];
        boolean integer = types[u] == PrimitiveTypeName.INT32 || types[u] == PrimitiveTypeName.INT64;
        return integer ? Long.toString((long) value) : Double.toString(value);
      }
    }
    throw new IllegalStateException("column " + column + " is not read");
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      file.close();
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
