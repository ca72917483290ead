package io.ope4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Writes a log as one Parquet file, row by row, with one required column per log column: {@link
 * TableReader.Kind#INTEGER} as {@code INT64}, {@link TableReader.Kind#NUMBER} as {@code DOUBLE}
 * (every bit kept), {@link TableReader.Kind#TEXT} as a UTF-8 string. Snappy compression, page
 * checksums, and row groups of at most {@value #ROWS_PER_GROUP} rows: the unit that {@link
 * ParquetLogReader} decodes on one thread, so a file of n rows can keep n / 2^20 threads busy,
 * while threads + 1 decoded groups (about 40 MB each for a narrow log) stay in memory. No object
 * per row: the current row's cells are kept in arrays and handed to the Parquet writer at {@link
 * #endRow()}.
 *
 * <pre>{@code
 * try (ParquetLogWriter out = ParquetLogWriter.open(path, List.of("action", "reward", "pscore", "pi"),
 *     new Kind[] {INTEGER, NUMBER, NUMBER, NUMBER})) {
 *   out.writeInt(3).writeDouble(1.0).writeDouble(0.25).writeDouble(0.5).endRow();
 * }
 * }</pre>
 *
 * <p>One writer is used by one thread at a time.
 */
public final class ParquetLogWriter implements LogRowWriter {

  /** Most rows in one row group (2^20). */
  public static final int ROWS_PER_GROUP = 1 << 20;

  private final String[] names;
  private final TableReader.Kind[] kinds;
  private final long[] integers;
  private final double[] numbers;
  private final String[] texts;
  private final ParquetWriter<ParquetLogWriter> writer;
  private int cell;
  private long rows;

  private ParquetLogWriter(Path path, List<String> names, TableReader.Kind[] kinds, int rowsPerGroup)
      throws IOException {
    if (names.size() != kinds.length) {
      throw new IllegalArgumentException(names.size() + " names for " + kinds.length + " kinds");
    }
    this.names = names.toArray(new String[0]);
    this.kinds = kinds.clone();
    this.integers = new long[kinds.length];
    this.numbers = new double[kinds.length];
    this.texts = new String[kinds.length];
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (int c = 0; c < kinds.length; c++) {
      switch (kinds[c]) {
        case INTEGER -> schema.primitive(PrimitiveTypeName.INT64, Repetition.REQUIRED).named(names.get(c));
        case NUMBER -> schema.primitive(PrimitiveTypeName.DOUBLE, Repetition.REQUIRED).named(names.get(c));
        case TEXT -> schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
            .named(names.get(c));
      }
    }
    Files.deleteIfExists(path);
    this.writer = new Builder(new LocalOutputFile(path), schema.named("log"))
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupRowCountLimit(rowsPerGroup)
        .withPageWriteChecksumEnabled(true)
        .build();
  }

  /**
   * Creates (or replaces) {@code path} with the given columns.
   *
   * @param kinds each column's kind, in the order of {@code names}; not modified
   * @throws IllegalArgumentException if the lengths differ
   */
  public static ParquetLogWriter open(Path path, List<String> names, TableReader.Kind[] kinds) throws IOException {
    return new ParquetLogWriter(path, names, kinds, ROWS_PER_GROUP);
  }

  /**
   * As {@link #open(Path, List, TableReader.Kind[])}, with row groups of at most {@code
   * rowsPerGroup} rows (e.g. small ones to test many groups).
   *
   * @throws IllegalArgumentException if rowsPerGroup is below 1
   */
  public static ParquetLogWriter open(Path path, List<String> names, TableReader.Kind[] kinds, int rowsPerGroup)
      throws IOException {
    if (rowsPerGroup < 1) {
      throw new IllegalArgumentException("rows per group must be at least 1, got " + rowsPerGroup);
    }
    return new ParquetLogWriter(path, names, kinds, rowsPerGroup);
  }

  /** The next cell of an {@code INTEGER} column. */
  @Override
  public ParquetLogWriter writeLong(long value) {
    expect(TableReader.Kind.INTEGER);
    integers[cell++] = value;
    return this;
  }

  /** The next cell of an {@code INTEGER} column. */
  @Override
  public ParquetLogWriter writeInt(int value) {
    return writeLong(value);
  }

  /** The next cell of a {@code NUMBER} column. */
  @Override
  public ParquetLogWriter writeDouble(double value) {
    expect(TableReader.Kind.NUMBER);
    numbers[cell++] = value;
    return this;
  }

  /** The next cell of a {@code TEXT} column. */
  public ParquetLogWriter writeText(String value) {
    expect(TableReader.Kind.TEXT);
    texts[cell++] = value;
    return this;
  }

  private void expect(TableReader.Kind kind) {
    if (cell == kinds.length || kinds[cell] != kind) {
      throw new IllegalStateException(cell == kinds.length ? "the row has " + kinds.length + " cells already"
          : "cell " + cell + " is " + kinds[cell] + ", not " + kind);
    }
  }

  /**
   * Ends the row.
   *
   * @throws IllegalStateException if the row lacks cells
   */
  @Override
  public void endRow() throws IOException {
    if (cell != kinds.length) {
      throw new IllegalStateException("row " + (rows + 1) + " has " + cell + " of " + kinds.length + " cells");
    }
    writer.write(this);
    cell = 0;
    rows++;
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** Hands the current row's cells to the record consumer. */
  private void emit(RecordConsumer out) {
    out.startMessage();
    for (int c = 0; c < kinds.length; c++) {
      out.startField(names[c], c);
      switch (kinds[c]) {
        case INTEGER -> out.addLong(integers[c]);
        case NUMBER -> out.addDouble(numbers[c]);
        case TEXT -> out.addBinary(Binary.fromString(texts[c]));
      }
      out.endField(names[c], c);
    }
    out.endMessage();
  }

  private static final class Builder extends ParquetWriter.Builder<ParquetLogWriter, Builder> {
    private final MessageType schema;

    Builder(OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<ParquetLogWriter> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new RowSupport(schema);
    }

    @Override
    protected WriteSupport<ParquetLogWriter> getWriteSupport(ParquetConfiguration conf) {
      return new RowSupport(schema);
    }
  }

  /** The write support of a writer whose records are its own current row. */
  private static final class RowSupport extends WriteSupport<ParquetLogWriter> {
    private final MessageType schema;
    private RecordConsumer consumer;

    RowSupport(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(ParquetLogWriter row) {
      row.emit(consumer);
    }
  }
}
