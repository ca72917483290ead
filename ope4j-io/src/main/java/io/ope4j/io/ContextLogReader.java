package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.data.WideForm;
import io.ope4j.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a bandit log whose evaluation policies are {@link Policy} objects rather than columns:
 * it reads the logged columns ({@code action}, {@code reward}, {@code pscore}, optional {@code
 * position}), the context features (every column named {@code x_*}, in file order) and optional
 * wide reward-model predictions ({@code q_0..q_{K-1}}), and computes each policy's probability of
 * the logged action and, with predictions, the model's value under it ({@link
 * WideForm#expectedModelValue}), batch by batch. Memory is one batch of contexts and
 * probabilities, whatever the length of the file. Policy columns ({@code pi_*}) in the file are
 * not read.
 *
 * <p>Use: {@link #open}, look at {@link #contextColumns()} to build the policies, {@link
 * #setPolicies}, then read as any {@link BatchSource}. CSV format, gzip and error messages
 * (file, 1-based row, column) as {@link CsvLogReader}.
 */
public final class ContextLogReader implements BatchSource {

  /** Prefix of the context columns (formats.md). */
  public static final String CONTEXT_PREFIX = "x_";

  private final String source;
  private final LogReadOptions options;
  private final CsvRecordScanner scanner;
  private final List<String> header;
  private final int actionColumn;
  private final int rewardColumn;
  private final int pscoreColumn;
  private final int positionColumn;
  private final int[] contextColumns;
  private final int[] modelColumns;
  private final List<String> contextNames;
  private Map<String, Policy> policies;
  private LogLayout layout;
  private int nActions;
  private long rowsRead;
  private long pendingBlankRow;
  private int capacity;
  private double[] contexts;
  private double[] predictions;
  private double[] probabilities;
  private int[] positions;

  private ContextLogReader(String source, LogReadOptions options, CsvRecordScanner scanner, List<String> header) {
    this.source = source;
    this.options = options;
    this.scanner = scanner;
    this.header = header;
    this.actionColumn = required(options.actionColumn());
    this.rewardColumn = required(options.rewardColumn());
    this.pscoreColumn = required(options.pscoreColumn());
    this.positionColumn = header.indexOf(options.positionColumn());
    List<Integer> xs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).startsWith(CONTEXT_PREFIX)) {
        xs.add(c);
        names.add(header.get(c));
      }
    }
    this.contextColumns = xs.stream().mapToInt(Integer::intValue).toArray();
    this.contextNames = List.copyOf(names);
    List<Integer> qs = new ArrayList<>();
    for (int a = 0; header.contains(options.modelPrefix() + a); a++) {
      qs.add(header.indexOf(options.modelPrefix() + a));
    }
    this.modelColumns = qs.stream().mapToInt(Integer::intValue).toArray();
  }

  private int required(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidDataException(source, 0, name, "missing column (the header has " + String.join(",", header) + ")");
    }
    if (header.lastIndexOf(name) != index) {
      throw new InvalidDataException(source, 0, name, "column given twice");
    }
    return index;
  }

  /** Opens a CSV log (plain or gzip) and reads its header. */
  public static ContextLogReader open(Path file, LogReadOptions options) throws IOException {
    return open(Files.newInputStream(file), file.toString(), options);
  }

  /** Reads a CSV log (plain or gzip) from {@code in}, which the reader then owns. */
  public static ContextLogReader open(InputStream in, String source, LogReadOptions options) throws IOException {
    CsvRecordScanner scanner = new CsvRecordScanner(Gzip.decompressIfGzip(in, source), source,
        CsvRecordScanner.DEFAULT_BUFFER_SIZE);
    try {
      if (!scanner.next() || scanner.isBlank()) {
        throw new InvalidDataException(source, -1, null, "file is empty");
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < scanner.fieldCount(); i++) {
        header.add(scanner.text(i));
      }
      scanner.setColumnNames(header);
      return new ContextLogReader(source, options, scanner, header);
    } catch (RuntimeException | IOException e) {
      scanner.close();
      throw e;
    }
  }

  /** Names of the context columns, in the order policies read them. */
  public List<String> contextColumns() {
    return contextNames;
  }

  public boolean hasPosition() {
    return positionColumn >= 0;
  }

  /** K given by the wide model columns, or -1 without them. */
  public int modelActions() {
    return modelColumns.length == 0 ? -1 : modelColumns.length;
  }

  /**
   * Sets the evaluation policies, by name, before the first batch.
   *
   * @throws IllegalArgumentException if there is none, they disagree on K, or K disagrees with
   *     the model columns or the options' K
   */
  public void setPolicies(Map<String, Policy> byName) {
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("at least one evaluation policy is needed");
    }
    int k = -1;
    for (Map.Entry<String, Policy> entry : byName.entrySet()) {
      int policyActions = entry.getValue().nActions();
      if (k >= 0 && policyActions != k) {
        throw new IllegalArgumentException("policy '" + entry.getKey() + "' has " + policyActions
            + " actions, the other policies " + k);
      }
      k = policyActions;
    }
    if (modelColumns.length > 0 && modelColumns.length != k) {
      throw new IllegalArgumentException("the policies have " + k + " actions, " + source + " has "
          + modelColumns.length + " model columns " + options.modelPrefix() + "0..");
    }
    if (options.nActions() > 0 && options.nActions() != k) {
      throw new IllegalArgumentException("the policies have " + k + " actions, --n-actions says " + options.nActions());
    }
    this.policies = new LinkedHashMap<>(byName);
    this.nActions = k;
    this.layout = new LogLayout(new ArrayList<>(byName.keySet()), modelColumns.length > 0, hasPosition(), k);
  }

  /** @throws IllegalStateException before {@link #setPolicies} */
  @Override
  public String name() {
    return source;
  }

  @Override
  public LogLayout layout() {
    if (layout == null) {
      throw new IllegalStateException("setPolicies must be called before reading");
    }
    return layout;
  }

  @Override
  public boolean next(BanditBatch batch) throws IOException {
    layout();
    ensureCapacity(batch.capacity());
    int size = 0;
    long firstRow = rowsRead;
    while (size < batch.capacity() && scanner.next()) {
      long row = scanner.record();
      if (scanner.isBlank()) {
        pendingBlankRow = pendingBlankRow == 0 ? row : pendingBlankRow;
        continue;
      }
      if (pendingBlankRow != 0) {
        throw new InvalidDataException(source, pendingBlankRow, null, "blank line inside the file");
      }
      if (scanner.fieldCount() != header.size()) {
        throw new InvalidDataException(source, row, null, "has " + scanner.fieldCount() + " fields, the header has "
            + header.size());
      }
      readRow(batch, size, row);
      size++;
    }
    if (size == 0) {
      batch.setRows(rowsRead, 0);
      return false;
    }
    applyPolicies(batch, size, firstRow);
    batch.setRows(firstRow, size);
    rowsRead += size;
    return true;
  }

  private void ensureCapacity(int rows) {
    if (rows > capacity) {
      capacity = rows;
      contexts = new double[rows * contextColumns.length];
      predictions = modelColumns.length > 0 ? new double[rows * nActions] : null;
      probabilities = new double[rows * nActions];
      positions = hasPosition() ? new int[rows] : null;
    }
  }

  private void readRow(BanditBatch batch, int i, long row) {
    long action = integer(actionColumn, row);
    if (action < 0 || action >= nActions) {
      throw error(row, actionColumn, "must be an action in [0, " + nActions + ")");
    }
    batch.action()[i] = (int) action;
    double reward = number(rewardColumn, row);
    if (!Double.isFinite(reward)) {
      throw error(row, rewardColumn, "must be finite");
    }
    batch.reward()[i] = reward;
    double pscore = number(pscoreColumn, row);
    if (!(pscore > 0.0 && pscore <= 1.0)) {
      throw error(row, pscoreColumn, "must be in (0, 1]");
    }
    batch.pscore()[i] = pscore;
    if (positions != null) {
      long position = integer(positionColumn, row);
      if (position < 0 || position > Integer.MAX_VALUE) {
        throw error(row, positionColumn, "must be an integer >= 0");
      }
      positions[i] = (int) position;
      batch.position()[i] = (int) position;
    }
    int d = contextColumns.length;
    for (int j = 0; j < d; j++) {
      double x = number(contextColumns[j], row);
      if (!Double.isFinite(x)) {
        throw error(row, contextColumns[j], "must be finite");
      }
      contexts[i * d + j] = x;
    }
    if (predictions != null) {
      for (int a = 0; a < nActions; a++) {
        double q = number(modelColumns[a], row);
        if (!Double.isFinite(q)) {
          throw error(row, modelColumns[a], "must be finite");
        }
        predictions[i * nActions + a] = q;
      }
      batch.qLogged()[i] = predictions[i * nActions + (int) action];
    }
  }

  private void applyPolicies(BanditBatch batch, int size, long firstRow) {
    int p = 0;
    int d = contextColumns.length;
    for (Map.Entry<String, Policy> entry : policies.entrySet()) {
      try {
        entry.getValue().probabilities(contexts, d, positions, size, probabilities);
      } catch (IllegalArgumentException e) {
        throw new InvalidDataException(source, firstRow + 1, null, "policy '" + entry.getKey() + "' rejects rows "
            + (firstRow + 1) + ".." + (firstRow + size) + ": " + e.getMessage(), e);
      }
      double[] pi = batch.piLogged(p);
      double[] modelValue = batch.qExpected(p);
      for (int i = 0; i < size; i++) {
        checkProbabilities(entry.getKey(), i, firstRow);
        pi[i] = probabilities[i * nActions + batch.action()[i]];
        if (modelValue != null) {
          modelValue[i] = WideForm.expectedModelValue(probabilities, i * nActions, predictions, i * nActions, nActions);
        }
      }
      p++;
    }
  }

  private void checkProbabilities(String policy, int i, long firstRow) {
    double total = 0.0;
    for (int a = 0; a < nActions; a++) {
      double value = probabilities[i * nActions + a];
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new InvalidDataException(source, firstRow + i + 1, null, "policy '" + policy + "' gives action " + a
            + " probability " + value);
      }
      total += value;
    }
    if (Math.abs(total - 1.0) > WideForm.SUM_TOLERANCE) {
      throw new InvalidDataException(source, firstRow + i + 1, null, "policy '" + policy
          + "' probabilities sum to " + total);
    }
  }

  private double number(int column, long row) {
    int start = scanner.starts()[column];
    int end = scanner.ends()[column];
    try {
      return NumberParser.parseDouble(scanner.buffer(), start, end);
    } catch (NumberFormatException e) {
      throw error(row, column, "expected a number");
    }
  }

  private long integer(int column, long row) {
    long value = NumberParser.parseInteger(scanner.buffer(), scanner.starts()[column], scanner.ends()[column]);
    if (value == NumberParser.NOT_AN_INTEGER) {
      throw error(row, column, "expected an integer");
    }
    return value;
  }

  private InvalidDataException error(long row, int column, String problem) {
    return new InvalidDataException(source, row, header.get(column), problem + ", got '" + scanner.text(column) + "'");
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }
}
