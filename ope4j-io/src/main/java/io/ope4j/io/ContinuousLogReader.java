package io.ope4j.io;

import io.ope4j.continuous.ContinuousBatch;
import io.ope4j.continuous.ContinuousLayout;
import io.ope4j.continuous.ContinuousSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The continuous-action schema (docs/formats.md, "Continuous-action log") read from any format
 * through a {@link TableReader}: one row per logged round with a real action, its reward, the
 * behaviour density at it, the evaluation policy's action (or its density at the logged action)
 * and optional q-hat columns. Values are checked by the core's {@link LogValidator}; the first
 * problem throws an {@link InvalidDataException} naming source, row and column. One reader per
 * thread.
 */
public final class ContinuousLogReader implements ContinuousSource {

  private final TableReader table;
  private final LogValidator check;
  private final ContinuousLayout layout;
  private final int action;
  private final int reward;
  private final int pscore;
  private final int target;
  private final int qTarget;
  private final int qLogged;
  private long rowsRead;
  private boolean ended;

  private ContinuousLogReader(TableReader table, ContinuousReadOptions options, long firstRow) {
    this.rowsRead = firstRow;
    try {
      this.table = table;
      List<String> header = table.header();
      String source = table.source();
      this.action = required(header, options.action(), source);
      this.reward = required(header, options.reward(), source);
      this.pscore = required(header, options.pscore(), source);
      int targetAction = header.indexOf(options.targetAction());
      int targetDensity = header.indexOf(options.targetDensity());
      if ((targetAction >= 0) == (targetDensity >= 0)) {
        throw new InvalidDataException(source, 0, null, "a continuous-action log needs exactly one of the columns "
            + options.targetAction() + " (the evaluation policy's action) and " + options.targetDensity()
            + " (its density at the logged action); found " + (targetAction >= 0 ? "both" : "neither")
            + (targetAction < 0 && !options.candidates(header, source).isEmpty()
                ? " (the log holds candidates " + options.candidates(header, source) + ": rank them with select)" : ""));
      }
      this.target = Math.max(targetAction, targetDensity);
      this.qTarget = header.indexOf(options.qTarget());
      this.qLogged = header.indexOf(options.qLogged());
      this.layout = new ContinuousLayout(options.policy(), targetDensity >= 0, qTarget >= 0, qLogged >= 0);
      TreeSet<Integer> used = new TreeSet<>(List.of(action, reward, pscore, target));
      if (qTarget >= 0) {
        used.add(qTarget);
      }
      if (qLogged >= 0) {
        used.add(qLogged);
      }
      int[] columns = used.stream().mapToInt(Integer::intValue).toArray();
      TableReader.Kind[] kinds = new TableReader.Kind[columns.length];
      java.util.Arrays.fill(kinds, TableReader.Kind.NUMBER);
      table.select(columns, kinds);
      this.check = new LogValidator(source, header, -1, table::describe);
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, table);
      throw failure;
    }
  }

  /** Opens {@code input} as a continuous-action log; the reader owns the table. */
  public static ContinuousLogReader open(LogInput input, ContinuousReadOptions options) throws IOException {
    return new ContinuousLogReader(input.openNumericTable(), options, 0);
  }

  /**
   * Reads {@code table} (header read, nothing selected yet) as a continuous-action log whose first
   * row is row {@code firstRow} (0-based) of the whole log, which keys the bootstrap; the reader
   * owns the table. For engines that bring their own tables, e.g. Spark's rows.
   */
  public static ContinuousLogReader over(TableReader table, ContinuousReadOptions options, long firstRow) {
    return new ContinuousLogReader(table, options, firstRow);
  }

  private static int required(List<String> header, String name, String source) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidDataException(source, 0, name, "required column is missing");
    }
    return index;
  }

  @Override
  public String name() {
    return table.source();
  }

  @Override
  public ContinuousLayout layout() {
    return layout;
  }

  @Override
  public boolean next(ContinuousBatch batch) throws IOException {
    int filled = 0;
    double[] a = batch.action();
    double[] r = batch.reward();
    double[] p = batch.density();
    double[] t = batch.target();
    double[] qt = batch.qTarget();
    double[] ql = batch.qLogged();
    while (!ended && filled < batch.capacity()) {
      if (!table.nextRow()) {
        ended = true;
        break;
      }
      double[] values = table.values();
      check.atRow(table.row());
      a[filled] = check.finite(action, values[action]);
      r[filled] = check.finite(reward, values[reward]);
      p[filled] = check.positiveDensity(pscore, values[pscore]);
      t[filled] = layout.densityPolicy() ? check.density(target, values[target]) : check.finite(target, values[target]);
      if (qTarget >= 0) {
        qt[filled] = check.finite(qTarget, values[qTarget]);
      }
      if (qLogged >= 0) {
        ql[filled] = check.finite(qLogged, values[qLogged]);
      }
      filled++;
    }
    batch.setRows(rowsRead, filled);
    rowsRead += filled;
    return filled > 0;
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
