package io.ope4j.io;

import io.ope4j.data.BanditBatch;

/**
 * Turns the fields of one CSV record into one row of a {@link BanditBatch}: parses the used
 * fields in place and hands them to the shared {@link RowAssembler}, which validates them
 * (formats.md) and reduces wide columns. Text that is not a number becomes NaN and so fails its
 * check; messages show it as written ({@code 'abc'}, {@code an empty field}).
 *
 * <p>The hot path allocates nothing: numbers are parsed from the scanner's buffer into one
 * reused array, and strings are made only for error messages.
 */
final class BanditRowDecoder implements RowAssembler.ValueText {

  private final RowAssembler assembler;
  /** Header indices of the fields to parse, and whether each holds an integer. */
  private final int[] used;
  private final boolean[] integer;
  /** Whether each header column holds an integer, for messages. */
  private final boolean[] integerColumn;
  /** The current record's values by header index (only the used ones are set). */
  private final double[] values;

  // The current record, set at the start of decode() for describe().
  private CsvRecordScanner scanner;

  BanditRowDecoder(ColumnPlan plan, String source) {
    this.assembler = new RowAssembler(plan, source, this);
    this.used = plan.usedColumns();
    this.integer = new boolean[used.length];
    this.integerColumn = new boolean[plan.header.size()];
    for (int u = 0; u < used.length; u++) {
      integer[u] = used[u] == plan.action || used[u] == plan.position;
      integerColumn[used[u]] = integer[u];
    }
    this.values = new double[plan.header.size()];
  }

  /**
   * Decodes the scanner's current record into row {@code i} of {@code batch}.
   *
   * @throws io.ope4j.data.InvalidDataException on the first value that breaks the format
   */
  void decode(CsvRecordScanner record, BanditBatch batch, int i) {
    this.scanner = record;
    byte[] bytes = record.buffer();
    int[] starts = record.starts();
    int[] ends = record.ends();
    for (int u = 0; u < used.length; u++) {
      int column = used[u];
      if (integer[u]) {
        long value = NumberParser.parseInteger(bytes, starts[column], ends[column]);
        values[column] = value == NumberParser.NOT_AN_INTEGER ? Double.NaN : value;
      } else {
        try {
          values[column] = NumberParser.parseDouble(bytes, starts[column], ends[column]);
        } catch (NumberFormatException notANumber) {
          values[column] = Double.NaN;
        }
      }
    }
    assembler.assemble(values, batch, i, record.record());
  }

  /**
   * The value as written: numbers bare, other text in quotes (so is a decimal in an integer
   * column: {@code '0.0'}), an empty field by name.
   */
  @Override
  public String describe(int column) {
    int start = scanner.starts()[column];
    int end = scanner.ends()[column];
    if (start == end) {
      return "an empty field";
    }
    byte[] bytes = scanner.buffer();
    boolean readable = integerColumn[column]
        ? NumberParser.parseInteger(bytes, start, end) != NumberParser.NOT_AN_INTEGER
        : NumberParser.isNumber(bytes, start, end);
    String text = scanner.text(column);
    return readable ? text : "'" + text + "'";
  }
}
