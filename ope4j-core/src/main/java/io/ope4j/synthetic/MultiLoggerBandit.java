package io.ope4j.synthetic;

import io.ope4j.internal.stats.CounterRng;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic log pooled from several logging policies, with exact true values: the bandit of
 * {@link SyntheticBandit} (one context pool, reward and evaluation policies), each row logged by
 * logger k with probability {@code rho_k}, logger k being that bandit's softmax behaviour policy at
 * its own temperature. The row carries its logger's label and propensity ({@code pscore}) and the
 * mixture's {@code pscore_avg = sum_k rho_k pi_k(a|x)}, which is the exact behaviour policy of the
 * pooled log because loggers are drawn independently per row. Deterministic for a seed; row
 * {@code i} does not depend on the others.
 */
public final class MultiLoggerBandit {

  static final long STREAM_LOGGER = 40;

  private final SyntheticBandit[] loggers;
  private final List<String> labels;
  private final double[] shares;
  private final double[] cumulativeShares;
  private final long loggerKey;
  private final List<String> columnNames;

  /**
   * @param base the bandit; its behaviour temperature is replaced by each logger's
   * @param labels each logger's label, distinct and non-empty
   * @param temperatures each logger's behaviour temperature, finite and {@code > 0}
   * @param shares each logger's probability of logging a row, {@code > 0}; normalised to sum 1
   * @throws IllegalArgumentException on lists of different lengths, fewer than one logger, or a
   *     value out of range
   */
  public MultiLoggerBandit(SyntheticConfig base, List<String> labels, double[] temperatures, double[] shares) {
    int count = labels.size();
    if (count < 1 || temperatures.length != count || shares.length != count) {
      throw new IllegalArgumentException("every logger needs a label, a temperature and a share; got "
          + count + " labels, " + temperatures.length + " temperatures, " + shares.length + " shares");
    }
    if (labels.stream().distinct().count() != count || labels.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("logger labels must be distinct and non-empty, got " + labels);
    }
    this.labels = List.copyOf(labels);
    this.loggers = new SyntheticBandit[count];
    this.shares = new double[count];
    this.cumulativeShares = new double[count];
    double total = 0;
    for (int k = 0; k < count; k++) {
      if (!(shares[k] > 0 && shares[k] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("logger shares must be finite and > 0, got " + shares[k]);
      }
      total += shares[k];
      loggers[k] = SyntheticBandit.of(base.withBehaviourTemperature(temperatures[k]));
    }
    double running = 0;
    for (int k = 0; k < count; k++) {
      this.shares[k] = shares[k] / total;
      running += this.shares[k];
      cumulativeShares[k] = k == count - 1 ? 1.0 : running;
    }
    this.loggerKey = CounterRng.key(base.seed(), STREAM_LOGGER);
    List<String> names = new ArrayList<>(loggers[0].columns().names());
    names.add("pscore_avg");
    names.add("logger");
    this.columnNames = List.copyOf(names);
  }

  /** Column names of a row: those of {@link SyntheticBandit#columns()}, then {@code pscore_avg} and {@code logger}. */
  public List<String> columnNames() {
    return columnNames;
  }

  /** Number of numeric values of {@link #wideRow}: every column but the logger label. */
  public int numericColumns() {
    return columnNames.size() - 1;
  }

  /** The logger (index into the labels) of row {@code row}. */
  public int logger(long row) {
    double u = CounterRng.uniform(loggerKey, row);
    int k = 0;
    while (u >= cumulativeShares[k]) {
      k++;
    }
    return k;
  }

  /** Logger {@code k}'s label. */
  public String label(int k) {
    return labels.get(k);
  }

  /**
   * Fills row {@code row}'s numeric values, in the order of {@link #columnNames()} without the
   * label: its logger's bandit row (action, reward, its pscore, contexts, policies, model), then
   * {@code pscore_avg}. Allocates nothing.
   */
  public void wideRow(long row, double[] out) {
    SyntheticBandit logged = loggers[logger(row)];
    logged.wideRow(row, out);
    int context = logged.context(row);
    int action = (int) out[WideColumns.ACTION];
    double mixture = 0;
    for (int k = 0; k < loggers.length; k++) {
      mixture += shares[k] * loggers[k].behaviourProbability(context, action);
    }
    out[numericColumns() - 1] = mixture;
  }

  /** The layout of {@link #source}: the bandit's estimator columns with the logger and {@code pscore_avg}. */
  public io.ope4j.data.LogLayout layout() {
    io.ope4j.data.LogLayout base = loggers[0].layout();
    return new io.ope4j.data.LogLayout(base.policies(), true, false, base.nActions(), true, List.of(), false, false,
        new io.ope4j.data.ExtraColumns(true, true, 0, false));
  }

  /** Rows {@code [first, first + rows)} as batches of {@link #layout()}; loggers by their index. */
  public io.ope4j.data.BatchSource source(long first, long rows) {
    double[] values = new double[numericColumns()];
    WideColumns columns = loggers[0].columns();
    int k = loggers[0].config().nActions();
    int policies = loggers[0].config().policies().size();
    return new RowRangeSource(layout(), (batch, j, row) -> {
      wideRow(row, values);
      int action = (int) values[WideColumns.ACTION];
      batch.action()[j] = action;
      batch.reward()[j] = values[WideColumns.REWARD];
      batch.pscore()[j] = values[WideColumns.PSCORE];
      batch.qLogged()[j] = values[columns.model(action)];
      for (int p = 0; p < policies; p++) {
        batch.piLogged(p)[j] = values[columns.policy(p, action)];
        batch.qExpected(p)[j] = io.ope4j.internal.data.WideForm.expectedModelValue(
            values, columns.policy(p, 0), values, columns.model(0), k);
      }
      batch.pscoreAvg()[j] = values[numericColumns() - 1];
      batch.logger()[j] = logger(row);
    }, first, rows);
  }

  /** The evaluation policies' exact values (the same bandit for every logger). */
  public GroundTruth truth() {
    return loggers[0].truth();
  }

  /** The value of the pooled behaviour, {@code sum_k rho_k V(pi_k)}. */
  public double behaviorValue() {
    double value = 0;
    for (int k = 0; k < loggers.length; k++) {
      value += shares[k] * loggers[k].truth().behaviourValue();
    }
    return value;
  }

  /** The bandit of logger 0, for its configuration. */
  public SyntheticBandit bandit() {
    return loggers[0];
  }
}
