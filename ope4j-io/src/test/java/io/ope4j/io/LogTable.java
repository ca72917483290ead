package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.io.internal.CsvRecordScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a reader delivered, concatenated over its batches, so tests can compare whole logs
 * and check batch bookkeeping (sizes, first rows).
 */
record LogTable(
    LogLayout layout,
    int[] action,
    double[] reward,
    double[] pscore,
    int[] position,
    double[] qLogged,
    double[][] piLogged,
    double[][] qExpected,
    List<Long> firstRows,
    List<Integer> sizes) {

  /** Reads {@code csv} (given as text) from a source named {@code logs.csv}. */
  static LogTable read(String csv, LogReadOptions options) throws IOException {
    return read(csv.getBytes(StandardCharsets.UTF_8), options, CsvRecordScanner.DEFAULT_BUFFER_SIZE);
  }

  static LogTable read(String csv) throws IOException {
    return read(csv, LogReadOptions.defaults());
  }

  static LogTable read(byte[] content, LogReadOptions options, int bufferSize) throws IOException {
    try (CsvLogReader reader = CsvLogReader.open(
        new ByteArrayInputStream(content), "logs.csv", options, bufferSize)) {
      return readAll(reader, options.batchCapacity());
    }
  }

  /** Drains {@code reader} through batches of {@code capacity} rows. */
  static LogTable readAll(io.ope4j.data.BatchSource reader, int capacity) throws IOException {
    LogLayout layout = reader.layout();
    int policies = layout.policyCount();
    BanditBatch batch = new BanditBatch(layout, capacity);
    List<Long> firstRows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    IntColumn action = new IntColumn();
    IntColumn position = new IntColumn();
    DoubleColumn reward = new DoubleColumn();
    DoubleColumn pscore = new DoubleColumn();
    DoubleColumn qLogged = new DoubleColumn();
    DoubleColumn[] pi = new DoubleColumn[policies];
    DoubleColumn[] qExpected = new DoubleColumn[policies];
    for (int p = 0; p < policies; p++) {
      pi[p] = new DoubleColumn();
      qExpected[p] = new DoubleColumn();
    }
    while (reader.next(batch)) {
      firstRows.add(batch.firstRow());
      sizes.add(batch.size());
      int n = batch.size();
      action.add(batch.action(), n);
      reward.add(batch.reward(), n);
      pscore.add(batch.pscore(), n);
      if (layout.hasPosition()) {
        position.add(batch.position(), n);
      }
      if (layout.hasModel()) {
        qLogged.add(batch.qLogged(), n);
      }
      for (int p = 0; p < policies; p++) {
        pi[p].add(batch.piLogged(p), n);
        if (layout.hasModel()) {
          qExpected[p].add(batch.qExpected(p), n);
        }
      }
    }
    double[][] piValues = new double[policies][];
    double[][] qExpectedValues = layout.hasModel() ? new double[policies][] : null;
    for (int p = 0; p < policies; p++) {
      piValues[p] = pi[p].values();
      if (layout.hasModel()) {
        qExpectedValues[p] = qExpected[p].values();
      }
    }
    return new LogTable(layout, action.values(), reward.values(), pscore.values(),
        layout.hasPosition() ? position.values() : null,
        layout.hasModel() ? qLogged.values() : null, piValues, qExpectedValues, firstRows, sizes);
  }

  int rows() {
    return action.length;
  }

  private static final class DoubleColumn {
    private double[] values = new double[16];
    private int size;

    void add(double[] source, int n) {
      if (size + n > values.length) {
        values = Arrays.copyOf(values, Math.max(2 * values.length, size + n));
      }
      System.arraycopy(source, 0, values, size, n);
      size += n;
    }

    double[] values() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class IntColumn {
    private int[] values = new int[16];
    private int size;

    void add(int[] source, int n) {
      if (size + n > values.length) {
        values = Arrays.copyOf(values, Math.max(2 * values.length, size + n));
      }
      System.arraycopy(source, 0, values, size, n);
      size += n;
    }

    int[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
