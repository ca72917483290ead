package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.WideForm;

/**
 * Turns the fields of one CSV record into one row of a {@link BanditBatch}, validating every
 * value it reads (formats.md): action an integer in [0, K), reward finite, pscore in (0, 1],
 * position an integer >= 0, probabilities in [0, 1] with wide rows summing to 1 within {@link
 * WideForm#SUM_TOLERANCE}, model values finite. The first bad value throws an {@link
 * InvalidDataException} naming row, column, value and expectation; nothing is clipped or
 * skipped.
 *
 * <p>The hot path allocates nothing: numbers are parsed from the scanner's buffer, wide rows go
 * through two scratch arrays of length K, and strings are made only for error messages.
 */
final class BanditRowDecoder {

  private static final String PSCORE_RANGE = "must be in (0, 1]";
  private static final String FINITE = "must be a finite number";
  private static final String PROBABILITY = "must be a probability in [0, 1]";
  private static final String NON_NEGATIVE_INTEGER = "must be an integer >= 0";

  private final ColumnPlan plan;
  private final String source;
  private final int nActions;
  private final String actionRange;
  /** Wide model predictions of the current row, or null. */
  private final double[] modelRow;
  /** Wide probabilities of the current row and policy, or null without wide policies. */
  private final double[] policyRow;

  // The current record, set at the start of decode() so that helpers need no arguments for it.
  private CsvRecordScanner scanner;
  private byte[] bytes;
  private int[] starts;
  private int[] ends;

  BanditRowDecoder(ColumnPlan plan, String source) {
    this.plan = plan;
    this.source = source;
    this.nActions = plan.layout.nActions();
    this.actionRange = nActions > 0
        ? "must be an integer in [0, " + nActions + ")" : NON_NEGATIVE_INTEGER;
    this.modelRow = plan.modelWide != null ? new double[nActions] : null;
    boolean anyWide = false;
    for (ColumnPlan.PolicyPlan policy : plan.policies) {
      anyWide |= policy.wideColumns != null;
    }
    this.policyRow = anyWide ? new double[nActions] : null;
  }

  /**
   * Decodes the scanner's current record into row {@code i} of {@code batch}.
   *
   * @throws InvalidDataException on the first value that breaks the format
   */
  void decode(CsvRecordScanner record, BanditBatch batch, int i) {
    this.scanner = record;
    this.bytes = record.buffer();
    this.starts = record.starts();
    this.ends = record.ends();
    int action = decodeLoggedRound(batch, i);
    if (plan.modelWide != null) {
      int[] columns = plan.modelWide;
      for (int a = 0; a < columns.length; a++) {
        modelRow[a] = finite(columns[a]);
      }
      batch.qLogged()[i] = modelRow[action];
    } else if (plan.modelNarrow >= 0) {
      batch.qLogged()[i] = finite(plan.modelNarrow);
    }
    ColumnPlan.PolicyPlan[] policies = plan.policies;
    for (int p = 0; p < policies.length; p++) {
      ColumnPlan.PolicyPlan policy = policies[p];
      if (policy.wideColumns != null) {
        readWideProbabilities(policy);
        batch.piLogged(p)[i] = policyRow[action];
        if (modelRow != null) {
          batch.qExpected(p)[i] =
              WideForm.expectedModelValue(policyRow, 0, modelRow, 0, policyRow.length);
        }
      } else {
        batch.piLogged(p)[i] = probability(policy.narrowColumn);
      }
      if (policy.modelValueColumn >= 0) {
        batch.qExpected(p)[i] = finite(policy.modelValueColumn);
      }
    }
  }

  /** Action, reward, pscore and position of row {@code i}; returns the action. */
  private int decodeLoggedRound(BanditBatch batch, int i) {
    long action = NumberParser.parseInteger(bytes, starts[plan.action], ends[plan.action]);
    if (action < 0 || action >= (nActions > 0 ? nActions : 1L << 31)) {
      throw invalid(plan.action, actionRange); // NOT_AN_INTEGER is negative too
    }
    batch.action()[i] = (int) action;

    double reward = number(plan.reward, FINITE);
    if (!Double.isFinite(reward)) {
      throw invalid(plan.reward, FINITE);
    }
    batch.reward()[i] = reward;

    double pscore = number(plan.pscore, PSCORE_RANGE);
    if (!(pscore > 0.0 && pscore <= 1.0)) {
      throw invalid(plan.pscore, PSCORE_RANGE);
    }
    batch.pscore()[i] = pscore;

    if (plan.position >= 0) {
      long position = NumberParser.parseInteger(bytes, starts[plan.position], ends[plan.position]);
      if (position < 0 || position > Integer.MAX_VALUE) {
        throw invalid(plan.position, NON_NEGATIVE_INTEGER);
      }
      batch.position()[i] = (int) position;
    }
    return (int) action;
  }

  /** Fills {@link #policyRow} with the policy's K probabilities and checks their sum. */
  private void readWideProbabilities(ColumnPlan.PolicyPlan policy) {
    int[] columns = policy.wideColumns;
    double sum = 0.0;
    for (int a = 0; a < columns.length; a++) {
      double probability = probability(columns[a]);
      policyRow[a] = probability;
      sum += probability;
    }
    if (!(Math.abs(sum - 1.0) <= WideForm.SUM_TOLERANCE)) {
      throw new InvalidDataException(source, scanner.record(), policy.label,
          "probabilities of evaluation policy '" + policy.name + "' sum to " + sum
              + ", must sum to 1 within " + WideForm.SUM_TOLERANCE);
    }
  }

  private double probability(int column) {
    double value = number(column, PROBABILITY);
    if (!(value >= 0.0 && value <= 1.0)) {
      throw invalid(column, PROBABILITY);
    }
    return value;
  }

  private double finite(int column) {
    double value = number(column, FINITE);
    if (!Double.isFinite(value)) {
      throw invalid(column, FINITE);
    }
    return value;
  }

  private double number(int column, String expectation) {
    try {
      return NumberParser.parseDouble(bytes, starts[column], ends[column]);
    } catch (NumberFormatException notANumber) {
      throw invalid(column, expectation);
    }
  }

  /** The error for the value in {@code column}: "row N, column: expectation, got value". */
  private InvalidDataException invalid(int column, String expectation) {
    return new InvalidDataException(source, scanner.record(), plan.header.get(column),
        expectation + ", got " + describeValue(column));
  }

  /** The value as written: numbers bare, other text in quotes, an empty field by name. */
  private String describeValue(int column) {
    if (starts[column] == ends[column]) {
      return "an empty field";
    }
    String text = scanner.text(column);
    try {
      Double.parseDouble(text);
      return text;
    } catch (NumberFormatException notANumber) {
      return "'" + text + "'";
    }
  }
}
