package io.ope4j.cli;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.Gzip;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wide bandit log read whole into memory, for fitting reward models: {@code action}, {@code
 * reward}, optional {@code pscore} and {@code position}, every {@code x_*} context column (in
 * header order) and each evaluation policy's wide {@code pi} columns. Plain comma-separated
 * numbers (quoted header names are unquoted); plain or gzip. Every value is checked as in the
 * streaming reader, with the file, 1-based data row and column in the message.
 */
final class InMemoryWideLog {

  final String source;
  final int rows;
  final int nActions;
  final int dim;
  final List<String> contextColumns;
  final int[] actions;
  final double[] rewards;
  /** Null when the file has no pscore column. */
  final double[] pscore;
  /** Null when the file has no position column. */
  final int[] positions;
  final double[] contexts;
  /** Per policy name, {@code probabilities[i * K + a]}. */
  final Map<String, double[]> policies;
  final boolean hasModelColumns;

  private InMemoryWideLog(Builder b) {
    this.source = b.source;
    this.rows = b.rows;
    this.nActions = b.k;
    this.dim = b.contextIndex.length;
    this.contextColumns = b.contextNames;
    this.actions = Arrays.copyOf(b.actions, b.rows);
    this.rewards = Arrays.copyOf(b.rewards, b.rows);
    this.pscore = b.pscoreColumn < 0 ? null : Arrays.copyOf(b.pscore, b.rows);
    this.positions = b.positionColumn < 0 ? null : Arrays.copyOf(b.positions, b.rows);
    this.contexts = Arrays.copyOf(b.contexts, b.rows * dim);
    this.policies = new LinkedHashMap<>();
    for (int p = 0; p < b.policyNames.size(); p++) {
      policies.put(b.policyNames.get(p), Arrays.copyOf(b.pi[p], b.rows * b.k));
    }
    this.hasModelColumns = b.hasModelColumns;
  }

  /**
   * Reads the log.
   *
   * @param policyPrefixes policy name to wide column prefix; empty for the formats.md defaults
   *     ({@code pi_0..} as policy {@code pi}, else every {@code pi_<name>_0..})
   */
  static InMemoryWideLog read(InputStream in, String source, LogColumnsOptions columns,
      Map<String, String> policyPrefixes) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(Gzip.decompressIfGzip(in, source), StandardCharsets.UTF_8),
        1 << 16)) {
      String headerLine = reader.readLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw new InvalidDataException(source, -1, null, "empty file (no header line)");
      }
      Builder builder = new Builder(source, splitHeader(headerLine), columns, policyPrefixes);
      String line;
      long row = 0;
      while ((line = reader.readLine()) != null) {
        row++;
        if (line.isEmpty()) {
          if (builder.blankRow == 0) {
            builder.blankRow = row; // fine only if no data row follows
          }
          continue;
        }
        builder.add(row, line);
      }
      if (builder.rows == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows (only a header)");
      }
      return new InMemoryWideLog(builder);
    }
  }

  private static List<String> splitHeader(String line) {
    List<String> names = new ArrayList<>();
    for (String name : line.split(",", -1)) {
      String trimmed = name.strip();
      if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        trimmed = trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
      }
      names.add(trimmed);
    }
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    return names;
  }

  /** Accumulates rows into growing arrays. */
  private static final class Builder {
    final String source;
    final List<String> header;
    final int actionColumn;
    final int rewardColumn;
    final int pscoreColumn;
    final int positionColumn;
    final int[] contextIndex;
    final List<String> contextNames = new ArrayList<>();
    final List<String> policyNames = new ArrayList<>();
    final int[][] policyIndex;
    final int k;
    final boolean hasModelColumns;
    int rows;
    long blankRow;
    int[] actions = new int[1024];
    double[] rewards = new double[1024];
    double[] pscore = new double[1024];
    int[] positions = new int[1024];
    double[] contexts;
    double[][] pi;
    final double piSumTolerance;

    Builder(String source, List<String> header, LogColumnsOptions options, Map<String, String> prefixes) {
      this.source = source;
      this.header = header;
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (index.put(header.get(i), i) != null) {
          throw new InvalidDataException(source, 0, header.get(i), "duplicate column name");
        }
      }
      this.actionColumn = required(index, options.action, "--action-col");
      this.rewardColumn = required(index, options.reward, "--reward-col");
      this.pscoreColumn = index.getOrDefault(options.pscore, -1);
      this.piSumTolerance = options.toReadOptions().piSumTolerance(); // checked there
      this.positionColumn = index.getOrDefault(options.position, -1);
      List<Integer> contextColumns = new ArrayList<>();
      boolean model = false;
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).startsWith("x_")) {
          contextColumns.add(i);
          contextNames.add(header.get(i));
        }
        model |= header.get(i).startsWith(options.modelPrefix) || header.get(i).equals(options.modelColumn);
      }
      this.hasModelColumns = model;
      this.contextIndex = contextColumns.stream().mapToInt(Integer::intValue).toArray();
      Map<String, String> chosen = new LinkedHashMap<>(prefixes);
      if (chosen.isEmpty()) {
        if (index.containsKey("pi_0")) {
          chosen.put("pi", "pi_");
        } else {
          for (String column : header) {
            if (column.startsWith("pi_") && column.endsWith("_0") && column.length() > "pi__0".length()) {
              String name = column.substring(3, column.length() - 2);
              chosen.put(name, "pi_" + name + "_");
            }
          }
        }
      }
      if (chosen.isEmpty()) {
        throw new InvalidDataException(source, 0, null, "no wide evaluation policy columns (pi_0.. or pi_<name>_0..);"
            + " fitting a reward model needs every action's probability");
      }
      this.policyIndex = new int[chosen.size()][];
      int actions = -1;
      for (Map.Entry<String, String> entry : chosen.entrySet()) {
        List<Integer> wide = new ArrayList<>();
        while (index.containsKey(entry.getValue() + wide.size())) {
          wide.add(index.get(entry.getValue() + wide.size()));
        }
        if (wide.isEmpty()) {
          throw new InvalidDataException(source, 0, entry.getValue() + "0", "missing wide columns of policy "
              + entry.getKey() + " (a reward model needs " + entry.getValue() + "0.." + entry.getValue() + "{K-1})");
        }
        if (actions >= 0 && wide.size() != actions) {
          throw new InvalidDataException(source, 0, null, "policy " + entry.getKey() + " has " + wide.size()
              + " wide columns, the others " + actions);
        }
        actions = wide.size();
        policyIndex[policyNames.size()] = wide.stream().mapToInt(Integer::intValue).toArray();
        policyNames.add(entry.getKey());
      }
      if (options.nActions > 0 && options.nActions != actions) {
        throw new IllegalArgumentException("--n-actions " + options.nActions + " but the policies have " + actions
            + " wide columns");
      }
      this.k = actions;
      this.contexts = new double[1024 * Math.max(1, contextIndex.length)];
      this.pi = new double[policyNames.size()][1024 * k];
    }

    private int required(Map<String, Integer> index, String name, String option) {
      Integer column = index.get(name);
      if (column == null) {
        throw new InvalidDataException(source, 0, name, "missing column (rename with " + option + ")");
      }
      return column;
    }

    void add(long row, String line) {
      if (blankRow != 0) {
        throw new InvalidDataException(source, blankRow, null, "empty line");
      }
      String[] fields = line.split(",", -1);
      if (fields.length != header.size()) {
        throw new InvalidDataException(source, row, null, "expected " + header.size() + " fields (as in the header), got "
            + fields.length);
      }
      grow();
      double action = number(row, fields, actionColumn);
      if (action != Math.rint(action) || action < 0 || action >= k) {
        throw new InvalidDataException(source, row, header.get(actionColumn), "must be an integer in [0, " + k
            + "), got " + fields[actionColumn].strip());
      }
      actions[rows] = (int) action;
      rewards[rows] = number(row, fields, rewardColumn);
      if (pscoreColumn >= 0) {
        double value = number(row, fields, pscoreColumn);
        if (!(value > 0 && value <= 1)) {
          throw new InvalidDataException(source, row, header.get(pscoreColumn), "must be in (0, 1], got " + value);
        }
        pscore[rows] = value;
      }
      if (positionColumn >= 0) {
        double value = number(row, fields, positionColumn);
        if (value != Math.rint(value) || value < 0 || value > Integer.MAX_VALUE) {
          throw new InvalidDataException(source, row, header.get(positionColumn), "must be an integer >= 0, got "
              + fields[positionColumn].strip());
        }
        positions[rows] = (int) value;
      }
      int dim = contextIndex.length;
      for (int j = 0; j < dim; j++) {
        contexts[rows * dim + j] = number(row, fields, contextIndex[j]);
      }
      for (int p = 0; p < policyIndex.length; p++) {
        double sum = 0;
        for (int a = 0; a < k; a++) {
          double value = number(row, fields, policyIndex[p][a]);
          if (!(value >= 0 && value <= 1)) {
            throw new InvalidDataException(source, row, header.get(policyIndex[p][a]), "must be in [0, 1], got " + value);
          }
          pi[p][rows * k + a] = value;
          sum += value;
        }
        if (!(Math.abs(sum - 1) <= piSumTolerance)) {
          throw new InvalidDataException(source, row, null, "probabilities of policy " + policyNames.get(p)
              + " sum to " + sum + ", not 1 within " + piSumTolerance + " (--pi-sum-tolerance)");
        }
      }
      rows++;
    }

    private double number(long row, String[] fields, int column) {
      String text = fields[column].strip();
      try {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
          throw new InvalidDataException(source, row, header.get(column), "must be a finite number, got " + text);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new InvalidDataException(source, row, header.get(column),
            text.isEmpty() ? "missing value" : "not a number: '" + text + "'");
      }
    }

    private void grow() {
      if (rows < actions.length) {
        return;
      }
      int capacity = actions.length * 2;
      actions = Arrays.copyOf(actions, capacity);
      rewards = Arrays.copyOf(rewards, capacity);
      pscore = Arrays.copyOf(pscore, capacity);
      positions = Arrays.copyOf(positions, capacity);
      contexts = Arrays.copyOf(contexts, capacity * Math.max(1, contextIndex.length));
      for (int p = 0; p < pi.length; p++) {
        pi[p] = Arrays.copyOf(pi[p], capacity * k);
      }
    }
  }
}
