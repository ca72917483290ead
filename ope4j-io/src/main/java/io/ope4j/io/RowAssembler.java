package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import io.ope4j.internal.data.WideForm;

/**
 * Turns the values of one logged row into one row of a {@link BanditBatch}, each value checked
 * by the core's {@link LogValidator} (the formats.md rules, with their one message format):
 * action, reward, pscore, position, probabilities (wide rows summing to 1 within the options'
 * pi-sum tolerance) and model values. The
 * first bad value throws an {@link InvalidDataException} naming source, row, column, value and
 * expectation; nothing is clipped or skipped. Wide columns are reduced to the narrow form here
 * ({@link WideForm#expectedModelValue}). Shared by every format's reader ({@link
 * BanditLogReader}) and the Spark engine.
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
  public interface ValueText extends LogValidator.ValueText {}

  private final ColumnPlan plan;
  private final LogValidator check;
  /** Wide model predictions of the current row, or null. */
  private final double[] modelRow;
  /** Wide probabilities of the current row and policy, or null without wide policies. */
  private final double[] policyRow;
  /** The current row's text of a column (the logger label), or null when the reader keeps none. */
  private final java.util.function.IntFunction<String> text;
  /** Logger labels to their dense index, in order of first appearance. */
  private final java.util.Map<String, Integer> loggers = new java.util.HashMap<>();
  /** Behaviour probabilities of the current row, or null without them. */
  private final double[] behaviorRow;

  /**
   * @param columns the resolved columns of the log
   * @param text shows the current row's values in messages
   */
  public RowAssembler(LogColumns columns, LogValidator.ValueText text) {
    this(columns.plan(), columns.source(), text, null);
  }

  /**
   * An assembler for an engine that reads a log in parts (e.g. Spark's partitions): logger labels
   * are numbered in the order of {@code labelOrder}, the log's labels in order of first appearance
   * in the whole log (found beforehand), so every part numbers them as one reader of the whole log
   * would.
   *
   * @param columns the resolved columns of the log
   * @param text shows the current row's values in messages
   * @param labels the current row's text of the logger column
   * @param labelOrder every logger label of the log, in order of first appearance
   */
  public RowAssembler(LogColumns columns, LogValidator.ValueText text,
      java.util.function.IntFunction<String> labels, java.util.List<String> labelOrder) {
    this(columns.plan(), columns.source(), text, labels);
    for (String label : labelOrder) {
      loggers.putIfAbsent(label, loggers.size());
    }
  }

  /**
   * @param labels the current row's text of a header column, for the logger column; null when the
   *     reader cannot give it (a log with a logger column is then refused)
   */
  RowAssembler(ColumnPlan plan, String source, LogValidator.ValueText text,
      java.util.function.IntFunction<String> labels) {
    if (plan.extras.logger() >= 0 && labels == null) {
      throw new io.ope4j.data.UsageException(source + ": this engine does not read the logger column "
          + plan.header.get(plan.extras.logger()) + "; use the local engine");
    }
    this.plan = plan;
    this.text = labels;
    this.behaviorRow = plan.extras.behaviorWide() != null ? new double[plan.layout.nActions()] : null;
    int nActions = plan.layout.nActions();
    this.check = new LogValidator(source, plan.header, nActions, text);
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
    check.atRow(row);
    int logged = check.action(plan.action, values[plan.action]);
    batch.action()[i] = logged;
    batch.reward()[i] = check.finite(plan.reward, values[plan.reward]);
    if (plan.pscore >= 0) { // else the batch holds NaN (BanditBatch)
      batch.pscore()[i] = check.pscore(plan.pscore, values[plan.pscore]);
    }
    if (plan.position >= 0) {
      batch.position()[i] = check.position(plan.position, values[plan.position]);
    }

    assembleExtras(values, batch, i, logged);

    int[] contexts = plan.contexts;
    for (int j = 0; j < contexts.length; j++) {
      batch.contexts()[i * contexts.length + j] = check.finite(contexts[j], values[contexts[j]]);
    }

    if (plan.modelWide != null) {
      int[] columns = plan.modelWide;
      for (int a = 0; a < columns.length; a++) {
        modelRow[a] = check.finite(columns[a], values[columns[a]]);
      }
      batch.qLogged()[i] = modelRow[logged];
      keepWide(modelRow, batch.qWide(), i);
    } else if (plan.modelNarrow >= 0) {
      batch.qLogged()[i] = check.finite(plan.modelNarrow, values[plan.modelNarrow]);
    }

    ColumnPlan.PolicyPlan[] policies = plan.policies;
    for (int p = 0; p < policies.length; p++) {
      ColumnPlan.PolicyPlan policy = policies[p];
      if (policy.wideColumns != null) {
        readWideProbabilities(policy, values);
        batch.piLogged(p)[i] = policyRow[logged];
        keepWide(policyRow, batch.piWide(p), i);
        if (modelRow != null) {
          batch.qExpected(p)[i] =
              WideForm.expectedModelValue(policyRow, 0, modelRow, 0, policyRow.length);
        }
      } else {
        batch.piLogged(p)[i] = check.probability(policy.narrowColumn, values[policy.narrowColumn]);
      }
      if (policy.modelValueColumn >= 0) {
        batch.qExpected(p)[i] =
            check.finite(policy.modelValueColumn, values[policy.modelValueColumn]);
      }
    }
  }

  /**
   * Whether {@link #assembleColumns} takes this log's rows: every column narrow (no wide policy,
   * model or behaviour columns) and none of the optional extra columns.
   */
  boolean assemblesColumns() {
    ColumnPlan.Extras extras = plan.extras;
    if (plan.modelWide != null || extras.logger() >= 0 || extras.pscoreAvg() >= 0 || extras.embedding() != null
        || extras.behaviorWide() != null) {
      return false;
    }
    for (ColumnPlan.PolicyPlan policy : plan.policies) {
      if (policy.wideColumns != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #assemble} for rows 0 to {@code count - 1} of {@code batch}, given column by column,
   * with the same checks, in column loops: for a columnar reader, where it is several times faster
   * than a call per row. Only when {@link #assemblesColumns()}.
   *
   * @param columns each used column's values of the rows, indexed by header column; not modified
   * @return false if a value breaks the format: the batch is then undefined, and the caller reads
   *     the rows again with {@link #assemble} for the message naming the first bad row
   */
  boolean assembleColumns(double[][] columns, BanditBatch batch, int count) {
    try {
      int[] action = batch.action();
      double[] logged = columns[plan.action];
      for (int i = 0; i < count; i++) {
        action[i] = check.action(plan.action, logged[i]);
      }
      finiteInto(plan.reward, columns[plan.reward], batch.reward(), count);
      if (plan.pscore >= 0) {
        double[] pscore = columns[plan.pscore];
        double[] into = batch.pscore();
        for (int i = 0; i < count; i++) {
          into[i] = check.pscore(plan.pscore, pscore[i]);
        }
      }
      if (plan.position >= 0) {
        double[] position = columns[plan.position];
        int[] into = batch.position();
        for (int i = 0; i < count; i++) {
          into[i] = check.position(plan.position, position[i]);
        }
      }
      int[] contexts = plan.contexts;
      for (int j = 0; j < contexts.length; j++) {
        double[] context = columns[contexts[j]];
        double[] into = batch.contexts();
        for (int i = 0; i < count; i++) {
          into[i * contexts.length + j] = check.finite(contexts[j], context[i]);
        }
      }
      if (plan.modelNarrow >= 0) {
        finiteInto(plan.modelNarrow, columns[plan.modelNarrow], batch.qLogged(), count);
      }
      for (int p = 0; p < plan.policies.length; p++) {
        ColumnPlan.PolicyPlan policy = plan.policies[p];
        double[] probability = columns[policy.narrowColumn];
        double[] into = batch.piLogged(p);
        for (int i = 0; i < count; i++) {
          into[i] = check.probability(policy.narrowColumn, probability[i]);
        }
        if (policy.modelValueColumn >= 0) {
          finiteInto(policy.modelValueColumn, columns[policy.modelValueColumn], batch.qExpected(p), count);
        }
      }
      return true;
    } catch (InvalidDataException invalid) {
      return false;
    }
  }

  private void finiteInto(int column, double[] values, double[] into, int count) {
    for (int i = 0; i < count; i++) {
      into[i] = check.finite(column, values[i]);
    }
  }

  /** The optional logger, mixture-propensity, embedding and behaviour columns of row {@code i}. */
  private void assembleExtras(double[] values, BanditBatch batch, int i, int logged) {
    ColumnPlan.Extras extras = plan.extras;
    if (extras.logger() >= 0) {
      String label = text.apply(extras.logger());
      Integer index = loggers.get(label);
      if (index == null) {
        index = loggers.size();
        loggers.put(label, index);
      }
      batch.logger()[i] = index;
    }
    if (extras.pscoreAvg() >= 0) {
      batch.pscoreAvg()[i] = check.pscore(extras.pscoreAvg(), values[extras.pscoreAvg()]);
    }
    int[] embedding = extras.embedding();
    if (embedding != null) {
      for (int d = 0; d < embedding.length; d++) {
        batch.embedding()[i * embedding.length + d] = check.position(embedding[d], values[embedding[d]]);
      }
    }
    int[] behavior = extras.behaviorWide();
    if (behavior != null) {
      double sum = 0;
      for (int a = 0; a < behavior.length; a++) {
        behaviorRow[a] = check.probability(behavior[a], values[behavior[a]]);
        sum += behaviorRow[a];
      }
      check.behaviorProbabilitySum(extras.behaviorLabel(), sum, plan.piSumTolerance);
      if (plan.pscore >= 0 && !(Math.abs(behaviorRow[logged] - batch.pscore()[i]) <= plan.piSumTolerance)) {
        check.contradiction(plan.pscore, "must equal the behaviour probability of the logged action in "
            + extras.behaviorLabel() + ", " + behaviorRow[logged]);
      }
      keepWide(behaviorRow, batch.behaviorWide(), i);
    }
  }

  /** Copies a wide row into row {@code i} of a batch's wide block, when the batch has one. */
  private static void keepWide(double[] row, double[] block, int i) {
    if (block != null) {
      System.arraycopy(row, 0, block, i * row.length, row.length);
    }
  }

  /** Fills {@link #policyRow} with the policy's K probabilities and checks their sum. */
  private void readWideProbabilities(ColumnPlan.PolicyPlan policy, double[] values) {
    int[] columns = policy.wideColumns;
    double sum = 0.0;
    for (int a = 0; a < columns.length; a++) {
      double probability = check.probability(columns[a], values[columns[a]]);
      policyRow[a] = probability;
      sum += probability;
    }
    check.probabilitySum(policy.label, policy.name, sum, plan.piSumTolerance);
  }
}
