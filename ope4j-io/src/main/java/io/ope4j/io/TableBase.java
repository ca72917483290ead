package io.ope4j.io;

import java.util.List;

/**
 * What every {@link TableReader} keeps alike: its source name, header, the live row of numbers
 * and the columns selected, with the lookup and number text the formats share.
 */
abstract class TableBase implements TableReader {

  private final String source;
  private final List<String> header;
  /** The current row's numbers by header index (see {@link #values()}). */
  final double[] values;
  /** Header indices of the selected columns, ascending, and what each is read as. */
  int[] selected = new int[0];
  Kind[] kinds = new Kind[0];
  /** Per selected column, the current row's value as text where the format kept it, or null. */
  String[] texts = new String[0];
  /** The current row's 1-based number. */
  long row;

  TableBase(String source, List<String> header) {
    this.source = source;
    this.header = List.copyOf(header);
    this.values = new double[header.size()];
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final List<String> header() {
    return header;
  }

  @Override
  public final double[] values() {
    return values;
  }

  /** Records the selection; a format that needs more extends this. */
  @Override
  public void select(int[] columns, Kind[] columnKinds) {
    selected = columns.clone();
    kinds = columnKinds.clone();
    texts = new String[columns.length];
  }

  @Override
  public long row() {
    return row;
  }

  /** The kept text of the value, else the number, shown as its format's type writes it. */
  @Override
  public String text(int column) {
    int u = slotOf(column);
    return texts[u] != null ? texts[u] : numberText(values[column], isIntegerValue(u));
  }

  /** Whether the current value of selected column {@code u} was stored as an integer. */
  boolean isIntegerValue(int u) {
    return false;
  }

  /** By default, a value is shown as its text. */
  @Override
  public String describe(int column) {
    return text(column);
  }

  /** The position of header column {@code column} among the selected ones. */
  final int slotOf(int column) {
    for (int u = 0; u < selected.length; u++) {
      if (selected[u] == column) {
        return u;
      }
    }
    throw new IllegalStateException("column " + column + " is not read");
  }

  /** A number read from a typed format as text: integers without a fraction. */
  static String numberText(double value, boolean integer) {
    return integer ? Long.toString((long) value) : Double.toString(value);
  }
}
