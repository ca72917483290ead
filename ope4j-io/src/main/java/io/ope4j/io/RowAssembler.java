package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.WideForm;

/**
 * Turns the values of one logged row into one row of a {@link BanditBatch}, validating each as
 * formats.md requires: action an integer in [0, K), reward finite, pscore in (0, 1], position an
 * integer >= 0, probabilities in [0, 1] with wide rows summing to 1 within the options'
 * pi-sum tolerance, model values finite. The first bad value throws an {@link
 * InvalidDataException} naming source, row, column, value and expectation; nothing is clipped
 * or skipped. Wide columns are reduced to the narrow form here ({@link
 * WideForm#expectedModelValue}). Shared by the CSV and Parquet readers and the Spark engine.
 *
 * <p>Values come as doubles indexed by header column (integers too: every int and long up to
 * 2^53 is exact, and anything larger is out of range anyway); a value that is missing or not a
 * number is NaN, and fails its check. How a bad value is shown comes from the reader's {@link
 * ValueText}, e.g. {@code 'abc'} for unparsable CSV text or {@code null} for a Parquet null.
 *
 * <p>The hot path allocates nothing: wide rows go through two scratch arrays of length K. One
 * assembler serves one thread.
 */
public final class RowAssembler {

  /** How a reader shows the current row's values in error messages. */
  public interface ValueText {
    /** The value of header column {@code column} in the current row, as written. */
    String describe(int column);

    /** Appended to every message about the current row, e.g. the whole row; empty by default. */
    default String rowContext() {
      return "";
    }
  }

  private static final String PSCORE_RANGE = "must be in (0, 1]";
  private static final String FINITE = "must be a finite number";
  private static final String PROBABILITY = "must be a probability in [0, 1]";
  private static final String NON_NEGATIVE_INTEGER = "must be an integer >= 0";
  /** Actions and positions must fit an int; 2^31 itself is out. */
  private static final double INT_LIMIT = 0x1p31;

  private final ColumnPlan plan;
  private final String source;
  private final ValueText text;
  private final int nActions;
  private final String actionRange;
  private final double actionLimit;
  /** Wide model predictions of the current row, or null. */
  private final double[] modelRow;
  /** Wide probabilities of the current row and policy, or null without wide policies. */
  private final double[] policyRow;

  private double[] values;
  private long row;

  /**
   * @param columns the resolved columns of the log
   * @param text shows the current row's values in messages
   */
  public RowAssembler(LogColumns columns, ValueText text) {
    this(columns.plan(), columns.source(), text);
  }

  RowAssembler(ColumnPlan plan, String source, ValueText text) {
    this.plan = plan;
    this.source = source;
    this.text = text;
    this.nActions = plan.layout.nActions();
    this.actionRange = nActions > 0
        ? "must be an integer in [0, " + nActions + ")" : NON_NEGATIVE_INTEGER;
    this.actionLimit = nActions > 0 ? nActions : INT_LIMIT;
    this.modelRow = plan.modelWide != null ? new double[nActions] : null;
    boolean anyWide = false;
    for (ColumnPlan.PolicyPlan policy : plan.policies) {
      anyWide |= policy.wideColumns != null;
    }
    this.policyRow = anyWide ? new double[nActions] : null;
  }

  /**
   * Validates row {@code values} and writes it as row {@code i} of {@code batch}.
   *
   * @param values the row's values by header column (only the used columns are read); not
   *     modified
   * @param batch the batch to fill; modified at row {@code i}
   * @param row the 1-based row number of the log, for messages
   * @throws InvalidDataException on the first value that breaks the format
   */
  public void assemble(double[] values, BanditBatch batch, int i, long row) {
    this.values = values;
    this.row = row;

    double action = values[plan.action];
    if (!(action >= 0 && action < actionLimit && action == Math.rint(action))) {
      throw invalid(plan.action, actionRange);
    }
    int logged = (int) action;
    batch.action()[i] = logged;
    batch.reward()[i] = finite(plan.reward);
    if (plan.pscore >= 0) { // else the batch holds NaN (BanditBatch)
      double pscore = values[plan.pscore];
      if (!(pscore > 0.0 && pscore <= 1.0)) {
        throw invalid(plan.pscore, PSCORE_RANGE);
      }
      batch.pscore()[i] = pscore;
    }

    if (plan.position >= 0) {
      double position = values[plan.position];
      if (!(position >= 0 && position < INT_LIMIT && position == Math.rint(position))) {
        throw invalid(plan.position, NON_NEGATIVE_INTEGER);
      }
      batch.position()[i] = (int) position;
    }

    int[] contexts = plan.contexts;
    for (int j = 0; j < contexts.length; j++) {
      batch.contexts()[i * contexts.length + j] = finite(contexts[j]);
    }

    if (plan.modelWide != null) {
      int[] columns = plan.modelWide;
      for (int a = 0; a < columns.length; a++) {
        modelRow[a] = finite(columns[a]);
      }
      batch.qLogged()[i] = modelRow[logged];
      keepWide(modelRow, batch.qWide(), i);
    } else if (plan.modelNarrow >= 0) {
      batch.qLogged()[i] = finite(plan.modelNarrow);
    }

    ColumnPlan.PolicyPlan[] policies = plan.policies;
    for (int p = 0; p < policies.length; p++) {
      ColumnPlan.PolicyPlan policy = policies[p];
      if (policy.wideColumns != null) {
        readWideProbabilities(policy);
        batch.piLogged(p)[i] = policyRow[logged];
        keepWide(policyRow, batch.piWide(p), i);
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

  /** Copies a wide row into row {@code i} of a batch's wide block, when the batch has one. */
  private static void keepWide(double[] row, double[] block, int i) {
    if (block != null) {
      System.arraycopy(row, 0, block, i * row.length, row.length);
    }
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
    if (!(Math.abs(sum - 1.0) <= plan.piSumTolerance)) {
      throw new InvalidDataException(source, row, policy.label,
          "probabilities of evaluation policy '" + policy.name + "' sum to " + sum
              + ", must sum to 1 within " + plan.piSumTolerance + text.rowContext());
    }
  }

  private double probability(int column) {
    double value = values[column];
    if (!(value >= 0.0 && value <= 1.0)) {
      throw invalid(column, PROBABILITY);
    }
    return value;
  }

  private double finite(int column) {
    double value = values[column];
    if (!Double.isFinite(value)) {
      throw invalid(column, FINITE);
    }
    return value;
  }

  /** The error for the value in {@code column}: "row N, column: expectation, got value". */
  private InvalidDataException invalid(int column, String expectation) {
    return new InvalidDataException(source, row, plan.header.get(column),
        expectation + ", got " + text.describe(column) + text.rowContext());
  }
}
