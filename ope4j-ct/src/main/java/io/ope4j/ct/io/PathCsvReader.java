package io.ope4j.ct.io;

import io.ope4j.ct.PathBlock;
import io.ope4j.ct.PathSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.CsvRecordScanner;
import io.ope4j.io.internal.Gzip;
import io.ope4j.io.internal.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams continuous-time paths from CSV (formats.md "Continuous-time paths": {@code path}, {@code
 * t}, {@code x_*}, {@code r}, optional {@code payoff}; plain or gzip) into {@link PathBlock}s of
 * whole paths, validating as it goes. Other columns are ignored. Errors name the file, the 1-based
 * data row and the column:
 *
 * <ul>
 *   <li>a non-numeric, NaN or infinite t, state or reward; a non-integer path id;</li>
 *   <li>time not strictly increasing within a path;</li>
 *   <li>a path with a single observation;</li>
 *   <li>a path whose rows are not contiguous (its id appears again later);</li>
 *   <li>a payoff on a row that is not its path's last, a non-finite one ({@code NaN} included)
 *       on any row, or none when {@code requirePayoff} (finite horizon); an empty field is no
 *       payoff;</li>
 *   <li>a state column that appears twice.</li>
 * </ul>
 *
 * Memory: the current block plus one set of path ids. Not thread-safe.
 */
public final class PathCsvReader implements PathSource {

  private final String source;
  private final CsvRecordScanner scanner;
  private final boolean requirePayoff;
  private final int pathColumn;
  private final int timeColumn;
  private final int rewardColumn;
  private final int payoffColumn;
  private final int[] stateColumns;
  private final List<String> header;
  private final List<String> stateNames;
  private final LongSet seen = new LongSet();

  /** The first row of the next path, read ahead. */
  private boolean pending;
  private long pendingId;
  private long pendingRow;
  private double pendingTime;
  private double pendingReward;
  private double pendingPayoff;
  private final double[] pendingState;
  private final double[] rowState;
  private boolean finished;
  private long dataRows;
  private long paths;
  private double minTime = Double.POSITIVE_INFINITY;
  private double maxTime = Double.NEGATIVE_INFINITY;

  private PathCsvReader(String source, CsvRecordScanner scanner, List<String> header, boolean requirePayoff) {
    this.source = source;
    this.scanner = scanner;
    this.header = header;
    this.requirePayoff = requirePayoff;
    this.pathColumn = required(header, "path");
    this.timeColumn = required(header, "t");
    this.rewardColumn = required(header, "r");
    this.payoffColumn = header.indexOf("payoff");
    List<Integer> states = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).startsWith("x_") && header.get(c).length() > 2) {
        if (names.contains(header.get(c))) {
          throw new InvalidDataException(source, 0, header.get(c), "column appears twice");
        }
        states.add(c);
        names.add(header.get(c));
      }
    }
    if (states.isEmpty()) {
      throw new InvalidDataException(source, 0, null, "no state column: need at least one x_* column (header: "
          + header + ")");
    }
    if (requirePayoff && payoffColumn < 0) {
      throw new InvalidDataException(source, 0, "payoff", "missing column: the finite-horizon setting needs the"
          + " terminal payoff on each path's last row");
    }
    this.stateColumns = states.stream().mapToInt(Integer::intValue).toArray();
    this.stateNames = List.copyOf(names);
    this.pendingState = new double[stateColumns.length];
    this.rowState = new double[stateColumns.length];
  }

  private int required(List<String> names, String column) {
    int index = names.indexOf(column);
    if (index < 0) {
      throw new InvalidDataException(source, 0, column, "missing column (header: " + names + ")");
    }
    if (names.lastIndexOf(column) != index) {
      throw new InvalidDataException(source, 0, column, "column appears twice");
    }
    return index;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @param requirePayoff whether every path needs a terminal payoff (finite horizon)
   */
  public static PathCsvReader open(Path file, boolean requirePayoff) throws IOException {
    return open(Files.newInputStream(file), file.toString(), requirePayoff);
  }

  /** Reads from {@code in} (plain or gzip), owned and closed by the reader. */
  public static PathCsvReader open(InputStream in, String sourceName, boolean requirePayoff) throws IOException {
    CsvRecordScanner scanner = null;
    try {
      scanner = new CsvRecordScanner(Gzip.decompressIfGzip(in, sourceName), sourceName, CsvRecordScanner.DEFAULT_BUFFER_SIZE);
      if (!scanner.next() || scanner.isBlank()) {
        throw new InvalidDataException(sourceName, -1, null, "empty file (no header line)");
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < scanner.fieldCount(); i++) {
        header.add(scanner.text(i).trim());
      }
      scanner.setColumnNames(header);
      return new PathCsvReader(sourceName, scanner, header, requirePayoff);
    } catch (IOException | RuntimeException failure) {
      if (scanner != null) {
        scanner.close();
      } else {
        in.close();
      }
      throw failure;
    }
  }

  @Override
  public String name() {
    return source;
  }

  @Override
  public List<String> stateNames() {
    return stateNames;
  }

  /** Data rows read so far. */
  public long dataRows() {
    return dataRows;
  }

  /** Paths delivered so far. */
  public long paths() {
    return paths;
  }

  /** Smallest time seen so far (+∞ before any row). */
  public double minTime() {
    return minTime;
  }

  /** Largest time seen so far (-∞ before any row). */
  public double maxTime() {
    return maxTime;
  }

  @Override
  public boolean next(PathBlock block, int targetRows) throws IOException {
    block.clear();
    while (block.rows() < targetRows) {
      if (!readPath(block)) {
        break;
      }
    }
    if (block.paths() == 0 && paths == 0) {
      throw new InvalidDataException(source, -1, null, "no data rows (only a header)");
    }
    return block.paths() > 0;
  }

  /** Reads one whole path into {@code block}; false at the end of the file. */
  private boolean readPath(PathBlock block) throws IOException {
    if (!pending && !readRow()) {
      return false;
    }
    long id = pendingId;
    long firstRow = pendingRow;
    if (!seen.add(id)) {
      throw new InvalidDataException(source, firstRow, "path", "path " + id
          + " appears again after other paths; the rows of a path must be contiguous");
    }
    block.startPath(id, firstRow);
    double lastTime = pendingTime;
    double lastPayoff = pendingPayoff;
    long lastRow = pendingRow;
    block.addRow(pendingTime, pendingState, 0, pendingReward);
    int count = 1;
    pending = false;
    while (readRow()) {
      if (pendingId != id) {
        break;
      }
      if (!Double.isNaN(lastPayoff)) {
        throw new InvalidDataException(source, lastRow, "payoff", "a payoff is given on a row that is not the last of"
            + " path " + id + "; give it on the path's last row only");
      }
      if (!(pendingTime > lastTime)) {
        throw new InvalidDataException(source, pendingRow, "t", "time must increase within path " + id + ": got "
            + pendingTime + " after " + lastTime);
      }
      block.addRow(pendingTime, pendingState, 0, pendingReward);
      lastTime = pendingTime;
      lastPayoff = pendingPayoff;
      lastRow = pendingRow;
      count++;
      pending = false;
    }
    if (count < 2) {
      throw new InvalidDataException(source, firstRow, "path", "path " + id
          + " has a single observation; a path needs at least two times");
    }
    if (requirePayoff && Double.isNaN(lastPayoff)) {
      throw new InvalidDataException(source, lastRow, "payoff", "missing terminal payoff on the last row of path " + id
          + " (the finite-horizon setting needs one)");
    }
    block.endPath(lastPayoff);
    paths++;
    return true;
  }

  /** Reads the next data row into the pending fields; false at the end of the file. */
  private boolean readRow() throws IOException {
    if (finished) {
      return false;
    }
    if (!scanner.next()) {
      finished = true;
      return false;
    }
    long row = scanner.record();
    if (scanner.fieldCount() != header.size()) {
      throw new InvalidDataException(source, row, null, scanner.isBlank() ? "empty row"
          : "has " + scanner.fieldCount() + " fields, the header has " + header.size());
    }
    dataRows++;
    pendingRow = row;
    pendingId = integer(row, pathColumn);
    pendingTime = finite(row, timeColumn);
    pendingReward = finite(row, rewardColumn);
    for (int i = 0; i < stateColumns.length; i++) {
      pendingState[i] = finite(row, stateColumns[i]);
    }
    pendingPayoff = Double.NaN;
    if (payoffColumn >= 0 && scanner.starts()[payoffColumn] != scanner.ends()[payoffColumn]) {
      double payoff = number(row, payoffColumn);
      if (!Double.isFinite(payoff)) { // an empty field is "no payoff"; NaN is not
        throw new InvalidDataException(source, row, "payoff", "must be finite, got " + payoff);
      }
      pendingPayoff = payoff;
    }
    minTime = Math.min(minTime, pendingTime);
    maxTime = Math.max(maxTime, pendingTime);
    pending = true;
    return true;
  }

  private double number(long row, int column) {
    int start = scanner.starts()[column];
    int end = scanner.ends()[column];
    try {
      return NumberParser.parseDouble(scanner.buffer(), start, end);
    } catch (NumberFormatException bad) {
      throw new InvalidDataException(source, row, header.get(column), "not a number: '" + scanner.text(column) + "'");
    }
  }

  private double finite(long row, int column) {
    double value = number(row, column);
    if (!Double.isFinite(value)) {
      throw new InvalidDataException(source, row, header.get(column), "must be a finite number, got " + scanner.text(column));
    }
    return value;
  }

  private long integer(long row, int column) {
    long value = NumberParser.parseInteger(scanner.buffer(), scanner.starts()[column], scanner.ends()[column]);
    if (value == NumberParser.NOT_AN_INTEGER) {
      throw new InvalidDataException(source, row, header.get(column), "path id must be an integer, got '"
          + scanner.text(column) + "'");
    }
    return value;
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }

  /** An open-addressing set of longs (linear probing), for the path ids seen. */
  private static final class LongSet {
    private long[] keys = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    boolean add(long key) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) io.ope4j.internal.stats.CounterRng.mix64(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          return false;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      size++;
      return true;
    }

    private void grow() {
      long[] oldKeys = keys;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldUsed[i]) {
          add(oldKeys[i]);
        }
      }
    }
  }
}
