package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import io.ope4j.slate.SlateBatch;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateSource;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The slate schema (docs/formats.md, "Slate log") read from any format through a {@link
 * TableReader}: one row per (slate, position), the rows of a slate contiguous, positions 0, 1,
 * ..., L-1 in order, every slate of the first slate's length L. Values are checked by the core's
 * {@link LogValidator}, and the joint propensities must be the same on every row of a slate; the
 * first problem throws an {@link InvalidDataException} naming source, row and column. One reader
 * per thread.
 */
public final class SlateLogReader implements SlateSource {

  private final TableReader table;
  private final SlateColumns columns;
  private final LogValidator check;
  private final double piSumTolerance;
  private final double[] policyRow;
  private final double[] modelRow;
  private final ContiguousGroups groups;
  /** Positions per slate, -1 until the first slate is read. */
  private int length = -1;
  // One slate, read ahead of the batch it goes into.
  private long slateId;
  private double slateWeight;
  private final double[] jointFirst = new double[2];
  private double[] reward = new double[16];
  private double[] positionWeight = new double[16];
  private double[] prefixWeight = new double[16];
  private double[] modelLogged = new double[16];
  private double[] modelPolicy = new double[16];
  private boolean slateReady;

  private SlateLogReader(TableReader table, double piSumTolerance, String candidate) {
    try {
      this.table = table;
      this.columns = new SlateColumns(table.header(), table.source(), candidate);
      int[] used = columns.used();
      table.select(used, TableReader.numberKinds(used, columns::isInteger));
      this.check = new LogValidator(table.source(), columns.header, columns.nActions,
          table::describe);
      this.piSumTolerance = piSumTolerance;
      this.groups = new ContiguousGroups(table, check, columns.slateId, SlateColumns.SLATE_ID,
          "slate");
      this.policyRow = new double[Math.max(columns.nActions, 0)];
      this.modelRow = policyRow.clone();
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, table);
      throw failure;
    }
  }

  /**
   * Opens {@code input} as a slate log; the reader owns the table.
   *
   * @param piSumTolerance how far a row of {@code pi_e_*} may sum from 1
   */
  public static SlateLogReader open(LogInput input, double piSumTolerance) throws IOException {
    return new SlateLogReader(input.openNumericTable(), piSumTolerance, null);
  }

  /**
   * Opens {@code input} as a slate log with candidate {@code candidate}'s evaluation columns
   * ({@code evaluation_policy_NAME_pscore...}, {@code pi_e_NAME_*}, {@code qhat_NAME_*};
   * docs/formats.md) in place of the one evaluation policy's.
   */
  public static SlateLogReader openCandidate(LogInput input, double piSumTolerance, String candidate)
      throws IOException {
    return new SlateLogReader(input.openNumericTable(), piSumTolerance, candidate);
  }

  /** The candidates a slate header holds for {@code select}, in order; empty for one evaluation policy. */
  public static List<String> candidates(List<String> header) {
    return SlateColumns.candidates(header);
  }

  /**
   * Reads {@code table} (header read, nothing selected yet) as part of a slate log whose slates
   * have {@code slateLength} positions (those of the log's first slate), or -1 for a whole log
   * (then its first slate tells); the reader owns the table. For engines that read a log in
   * parts, e.g. Spark.
   */
  public static SlateLogReader over(TableReader table, double piSumTolerance, int slateLength) {
    SlateLogReader reader = new SlateLogReader(table, piSumTolerance, null);
    reader.length = slateLength;
    return reader;
  }

  /**
   * The error of a slate whose rows come in two places, for an engine that finds it by itself:
   * {@code row} (1-based) is the first row of its second run.
   */
  public static InvalidDataException slateAppearsAgain(String source, long row, long slate) {
    return ContiguousGroups.appearsAgain(source, row, SlateColumns.SLATE_ID, "slate", slate);
  }

  /** The column holding the slate id, by header index. */
  public int slateIdColumn() {
    return columns.slateId;
  }

  /** Whether a header is a slate log's: it has a {@code slate_id} column. */
  public static boolean isSlateHeader(List<String> header) {
    return header.contains(SlateColumns.SLATE_ID);
  }

  @Override
  public String name() {
    return table.source();
  }

  @Override
  public boolean supports(SlateEstimator estimator) {
    return columns.supports(estimator);
  }

  @Override
  public int slateLength() throws IOException {
    if (length < 0) {
      slateReady = readSlate();
    }
    return length;
  }

  @Override
  public int next(SlateBatch batch) throws IOException {
    int l = slateLength();
    if (batch.length() != l) {
      throw new IllegalArgumentException(
          "batch slates have " + batch.length() + " positions, the log " + l);
    }
    batch.clear();
    while (!batch.full() && (slateReady || readSlate())) {
      slateReady = false;
      int s = batch.startSlate(slateId);
      for (int p = 0; p < l; p++) {
        batch.setReward(s, p, reward[p]);
        batch.setPositionWeight(s, p, positionWeight[p]);
        batch.setPrefixWeight(s, p, prefixWeight[p]);
        batch.setModel(s, p, modelLogged[p], modelPolicy[p]);
      }
      batch.setSlateWeight(s, slateWeight);
    }
    return batch.count();
  }

  /** Reads the next whole slate into the look-ahead fields; false at the end of the log. */
  private boolean readSlate() throws IOException {
    if (!groups.nextGroup()) {
      return false;
    }
    slateId = groups.id();
    double[] values = table.values();
    int positions = 0;
    long lastRow;
    do {
      readRow(values, positions++);
      lastRow = table.row();
    } while (groups.nextRowInGroup());
    if (length < 0) {
      length = positions;
    } else if (positions < length) {
      throw new InvalidDataException(table.source(), lastRow, "position", "slate " + slateId
          + " ends at position " + (positions - 1) + ": position " + positions + " is missing"
          + " (every slate has positions 0.." + (length - 1) + ", as the first)");
    }
    return true;
  }

  /** Reads the current row as position {@code t} of the slate being read. */
  private void readRow(double[] values, int t) {
    check.atRow(table.row());
    int position = check.position(columns.position, values[columns.position]);
    if (position != t) {
      throw new InvalidDataException(table.source(), table.row(), "position", position < t
          ? "position " + position + " appears twice in slate " + slateId
          : "must be " + t + " (positions of a slate are 0, 1, ... in order; position " + t
              + " of slate " + slateId + " is missing), got " + position);
    }
    if (length >= 0 && t >= length) {
      throw new InvalidDataException(table.source(), table.row(), "position", "slate " + slateId
          + " has more than " + length + " positions (every slate has positions 0.."
          + (length - 1) + ", as the first)");
    }
    grow(t + 1);
    int action = check.action(columns.action, values[columns.action]);
    reward[t] = check.finite(columns.reward, values[columns.reward]);
    if (columns.slatePscore >= 0) {
      double pscore = sameInSlate(columns.slatePscore, check.pscore(columns.slatePscore,
          values[columns.slatePscore]), t, 0);
      double pi = sameInSlate(columns.slatePi, check.probability(columns.slatePi,
          values[columns.slatePi]), t, 1);
      slateWeight = pi / pscore;
    }
    positionWeight[t] = columns.positionPscore < 0 ? Double.NaN
        : weight(values, columns.positionPscore, columns.positionPi);
    prefixWeight[t] = columns.prefixPscore < 0 ? Double.NaN
        : weight(values, columns.prefixPscore, columns.prefixPi);
    modelLogged[t] = Double.NaN;
    modelPolicy[t] = Double.NaN;
    if (columns.policy != null && columns.model != null) {
      readModel(values, action, t);
    }
  }

  /**
   * A joint probability, which must be the same on every row of the slate as on its first;
   * {@code slot} 0 is the behaviour's, 1 the evaluation policy's.
   */
  private double sameInSlate(int column, double value, int t, int slot) {
    if (t == 0) {
      jointFirst[slot] = value;
    } else if (Double.doubleToLongBits(value) != Double.doubleToLongBits(jointFirst[slot])) {
      throw new InvalidDataException(table.source(), table.row(), columns.header.get(column),
          "is the joint probability of the whole slate and must be the same on every row of"
              + " slate " + slateId + ": got " + table.describe(column) + ", its first row has "
              + jointFirst[slot]);
    }
    return value;
  }

  /** The evaluation policy's probability over the behaviour policy's, both checked. */
  private double weight(double[] values, int behaviour, int evaluation) {
    double pscore = check.pscore(behaviour, values[behaviour]);
    return check.probability(evaluation, values[evaluation]) / pscore;
  }

  private void readModel(double[] values, int action, int t) {
    int[] pi = columns.policy;
    int[] q = columns.model;
    double sum = 0.0;
    for (int a = 0; a < pi.length; a++) {
      policyRow[a] = check.probability(pi[a], values[pi[a]]);
      sum += policyRow[a];
      modelRow[a] = check.finite(q[a], values[q[a]]);
    }
    check.probabilitySum(columns.header.get(pi[0]) + ".." + columns.header.get(pi[pi.length - 1]),
        "pi_e", sum, piSumTolerance);
    modelLogged[t] = modelRow[action];
    // Kiyohara et al. 2022: the plain expectation sum_a pi_e(a) Q-hat(a), not renormalised.
    double expected = 0.0;
    for (int a = 0; a < pi.length; a++) {
      expected += policyRow[a] * modelRow[a];
    }
    modelPolicy[t] = expected;
  }

  private void grow(int size) {
    if (size > reward.length) {
      int n = Math.max(size, 2 * reward.length);
      reward = Arrays.copyOf(reward, n);
      positionWeight = Arrays.copyOf(positionWeight, n);
      prefixWeight = Arrays.copyOf(prefixWeight, n);
      modelLogged = Arrays.copyOf(modelLogged, n);
      modelPolicy = Arrays.copyOf(modelPolicy, n);
    }
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
