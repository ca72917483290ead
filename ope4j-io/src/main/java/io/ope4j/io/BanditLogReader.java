package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.io.IOException;
import java.util.List;

/**
 * The bandit schema read from any format: resolves the {@link TableReader}'s header with {@link
 * ColumnPlan} (formats.md's column rules and the {@link LogReadOptions}) and turns its rows into
 * {@link BanditBatch}es with the shared {@link RowAssembler}, which validates every value. So the
 * same log as CSV, Parquet or JSON Lines gives the same batches, the same errors and the same
 * estimates to the bit. Open one with {@link LogInput#open(LogReadOptions)} (or {@link
 * LogReaders#open}).
 *
 * <p>Batches are filled to their capacity, so they are cut at the same rows whatever the format.
 * The first problem throws an {@link InvalidDataException} naming the source, the 1-based data
 * row, the column, the value and what was expected, e.g. {@code logs.csv row 10412, pscore: must
 * be in (0, 1], got 0.0}. One reader is used by one thread at a time.
 */
public class BanditLogReader implements BatchSource {

  private final TableReader table;
  private final LogReadOptions options;
  final ColumnPlan plan;
  private final RowAssembler assembler;
  private long rowsRead;
  private boolean closed;

  /**
   * Resolves {@code table}'s header; on failure the table is closed.
   *
   * @throws InvalidDataException if the header does not fit {@code options}
   */
  BanditLogReader(TableReader table, LogReadOptions options) {
    try {
      this.table = table;
      this.options = options;
      this.plan = ColumnPlan.resolve(table.header(), options, table.source());
      this.assembler = assemblerOver(table, plan);
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, table);
      throw failure;
    }
  }

  /** Selects the columns {@code plan} reads from {@code table} and gives the assembler of its rows. */
  static RowAssembler assemblerOver(TableReader table, ColumnPlan plan) {
    int[] used = plan.usedColumns();
    TableReader.Kind[] kinds = new TableReader.Kind[used.length];
    for (int u = 0; u < used.length; u++) {
      boolean integer = used[u] == plan.action || used[u] == plan.position || plan.isEmbedding(used[u]);
      kinds[u] = used[u] == plan.extras.logger() ? TableReader.Kind.TEXT
          : integer ? TableReader.Kind.INTEGER : TableReader.Kind.NUMBER;
    }
    table.select(used, kinds);
    return new RowAssembler(plan, table.source(), table::describe, table::text);
  }

  /**
   * Assembles the table's next rows into {@code batch} from row {@code from} until the batch is
   * full or the table ends.
   *
   * @return the batch's rows filled, {@code from} plus those read
   */
  static int fill(TableReader table, RowAssembler assembler, BanditBatch batch, int from) throws IOException {
    int capacity = batch.capacity();
    int size = from;
    double[] values = table.values();
    while (size < capacity && table.nextRow()) {
      assembler.assemble(values, batch, size, table.row());
      size++;
    }
    return size;
  }

  /** Opens {@code table} as a bandit log; the reader owns the table. */
  static BanditLogReader over(TableReader table, LogReadOptions options) {
    return new BanditLogReader(table, options);
  }

  @Override
  public LogLayout layout() {
    return plan.layout;
  }

  /** The options this reader was opened with. */
  public LogReadOptions options() {
    return options;
  }

  /** The header's column names, in order. */
  public List<String> header() {
    return plan.header;
  }

  /** The format the log is read from. */
  public InputFormat format() {
    return table.format();
  }

  /** How messages name the log. */
  public String source() {
    return table.source();
  }

  @Override
  public String name() {
    return source();
  }

  /** A new batch for this reader, with {@link LogReadOptions#batchCapacity()} rows. */
  public BanditBatch newBatch() {
    return new BanditBatch(plan.layout, options.batchCapacity());
  }

  /** Data rows delivered so far. */
  public long rowsRead() {
    return rowsRead;
  }

  /**
   * Fills {@code batch} with the next rows, up to {@code batch.capacity()} of them.
   *
   * @param batch a batch made for this reader's {@link #layout()}; modified
   * @return false when the log is exhausted (the batch is then left with size 0)
   * @throws InvalidDataException on the first invalid row (the batch content is then
   *     undefined), and on the first call if the log has no data row
   * @throws IllegalArgumentException if the batch was made for another layout
   * @throws IllegalStateException if the reader is closed
   */
  @Override
  public boolean next(BanditBatch batch) throws IOException {
    if (closed) {
      throw new IllegalStateException("reader of " + table.source() + " is closed");
    }
    if (!batch.layout().equals(plan.layout)) {
      throw new IllegalArgumentException(
          "batch layout " + batch.layout() + " differs from the reader's " + plan.layout);
    }
    int size = readRows(batch);
    batch.setRows(rowsRead, size);
    rowsRead += size;
    if (rowsRead == 0) {
      throw new InvalidDataException(table.source(), -1, null, "no data rows");
    }
    return size > 0;
  }

  /** Fills {@code batch} from row 0 with the next rows; returns how many. */
  int readRows(BanditBatch batch) throws IOException {
    return fill(table, assembler, batch, 0);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      table.close();
    }
  }
}
