package io.ope4j.io;

import io.ope4j.data.UsageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a log reader maps a file's columns to a {@link io.ope4j.data.BanditBatch}: the column
 * names of {@code shared/docs/formats.md} (each renamable), the number of actions, the evaluation
 * policies and the batch capacity. Not specific to CSV: every reader of bandit logs takes it.
 *
 * <p>Start from {@link #defaults()} and change what differs with the {@code with...} methods;
 * each returns a copy with one component changed. Invalid values (a null or empty name, K = 0 or
 * below -1, a capacity below 1, a policy name given twice, a pi-sum tolerance outside [0, 1))
 * throw {@link
 * IllegalArgumentException}, from the constructor and from every {@code with...} method.
 *
 * <pre>{@code
 * LogReadOptions options = LogReadOptions.defaults()
 *     .withPscoreColumn("propensity")
 *     .withPolicy("bts", "pi_bts_")
 *     .withPolicy("greedy", "pi_greedy_");
 * }</pre>
 *
 * @param actionColumn logged action, an integer in [0, K); default {@code action}
 * @param rewardColumn observed reward, a finite number; default {@code reward}
 * @param pscoreColumn behaviour policy's probability of the logged action, in (0, 1]; default
 *     {@code pscore}
 * @param positionColumn optional slot of the logged action, an integer >= 0; read only when the
 *     file has it; default {@code position}
 * @param modelPrefix prefix of the wide reward-model columns {@code q_0..q_{K-1}}, and of a
 *     narrow policy's model-value column ({@code q_pi} for policy column {@code pi}); default
 *     {@code q_}
 * @param modelColumn narrow reward-model column: the prediction at the logged action; default
 *     {@code q}
 * @param nActions number of actions K, or -1 (default) to infer it from the wide columns
 * @param policies evaluation policies to read, in order; empty (default) to detect them from the
 *     header
 * @param batchCapacity rows per batch made by readers' {@code newBatch()}; default 4096. It never
 *     depends on threads or anything else, so that a run is reproducible.
 * @param pscoreOptional whether a log without the pscore column is read (default false: it is
 *     refused). Its layout then says {@code hasPscore() == false} and its batches hold NaN
 *     pscores, which only estimators that do not weight (e.g. {@code dm}) may be run on.
 * @param piSumTolerance how far from 1 the wide probabilities of one row may sum, in [0, 1);
 *     default {@link io.ope4j.data.LogValidator#SUM_TOLERANCE} (1e-6). A policy stored as 32-bit
 *     floats over many actions may need about 1e-5.
 * @param content optional blocks to fill and columns the consumer supplies itself; default
 *     {@link BatchContent#ESTIMATOR_COLUMNS}
 * @param extraColumns names of the optional logger, mixture-propensity, embedding and behaviour
 *     columns; default {@link ExtraColumnNames#DEFAULT}
 */
public record LogReadOptions(
    String actionColumn,
    String rewardColumn,
    String pscoreColumn,
    String positionColumn,
    String modelPrefix,
    String modelColumn,
    int nActions,
    List<PolicyColumnSpec> policies,
    int batchCapacity,
    boolean pscoreOptional,
    double piSumTolerance,
    BatchContent content,
    ExtraColumnNames extraColumns) {

  /** Default rows per batch: large enough to amortise per-batch work, small enough for L2. */
  public static final int DEFAULT_BATCH_CAPACITY = 4096;

  /**
   * One evaluation policy to read: its name (as estimates will report it) and where its
   * probabilities are. If the file has a column {@code prefixOrColumn + "0"}, the policy is
   * wide: columns {@code prefixOrColumn0 .. prefixOrColumn{K-1}} hold its probability of every
   * action. Otherwise a column named exactly {@code prefixOrColumn} must exist and hold its
   * probability of the logged action (narrow form).
   *
   * @param name policy name, non-empty
   * @param prefixOrColumn wide column prefix (e.g. {@code pi_bts_}) or narrow column name (e.g.
   *     {@code pi}), non-empty
   */
  public record PolicyColumnSpec(String name, String prefixOrColumn) {

    /**
     * Checks both components.
     *
     * @throws IllegalArgumentException if either component is null or empty
     */
    public PolicyColumnSpec {
      requireName(name, "policy name");
      requireName(prefixOrColumn, "policy column prefix");
    }

    /**
     * The policy {@code name} read from {@code prefixOrColumn}.
     *
     * @throws IllegalArgumentException if either argument is null or empty
     */
    public static PolicyColumnSpec of(String name, String prefixOrColumn) {
      return new PolicyColumnSpec(name, prefixOrColumn);
    }

    /**
     * Parses the CLI form {@code name=prefixOrColumn}, e.g. {@code bts=pi_bts_}.
     *
     * @throws IllegalArgumentException if there is no {@code =} or either side is empty
     */
    public static PolicyColumnSpec parse(String spec) {
      int equals = spec.indexOf('=');
      if (equals <= 0 || equals == spec.length() - 1) {
        throw new UsageException(
            "policy must be given as name=prefixOrColumn (e.g. bts=pi_bts_), got '" + spec + "'");
      }
      return new PolicyColumnSpec(spec.substring(0, equals), spec.substring(equals + 1));
    }
  }

  /**
   * Checks every component and copies the policy list.
   *
   * @throws IllegalArgumentException on an invalid component (see the class comment)
   */
  public LogReadOptions {
    requireName(actionColumn, "action column");
    requireName(rewardColumn, "reward column");
    requireName(pscoreColumn, "pscore column");
    requireName(positionColumn, "position column");
    requireName(modelPrefix, "model prefix");
    requireName(modelColumn, "model column");
    if (nActions == 0 || nActions < -1) {
      throw new UsageException(
          "nActions must be positive, or -1 to infer it, got " + nActions);
    }
    policies = List.copyOf(Objects.requireNonNull(policies, "policies"));
    Set<String> names = new HashSet<>();
    for (PolicyColumnSpec policy : policies) {
      if (!names.add(policy.name())) {
        throw new UsageException("policy name '" + policy.name() + "' given twice");
      }
    }
    if (batchCapacity <= 0) {
      throw new UsageException("batchCapacity must be positive, got " + batchCapacity);
    }
    if (!(piSumTolerance >= 0 && piSumTolerance < 1)) {
      throw new UsageException(
          "the pi-sum tolerance (--pi-sum-tolerance) must be in [0, 1), got " + piSumTolerance);
    }
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(extraColumns, "extraColumns");
  }

  /** Options with the default names of the optional columns. */
  public LogReadOptions(String actionColumn, String rewardColumn, String pscoreColumn,
      String positionColumn, String modelPrefix, String modelColumn, int nActions,
      List<PolicyColumnSpec> policies, int batchCapacity, boolean pscoreOptional,
      double piSumTolerance, BatchContent content) {
    this(actionColumn, rewardColumn, pscoreColumn, positionColumn, modelPrefix, modelColumn,
        nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, ExtraColumnNames.DEFAULT);
  }

  /** The options with other names for the optional columns. */
  public LogReadOptions withExtraColumns(ExtraColumnNames names) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, policies, batchCapacity, pscoreOptional,
        piSumTolerance, content, names);
  }

  /** Options that read the estimator columns only ({@link BatchContent#ESTIMATOR_COLUMNS}). */
  public LogReadOptions(String actionColumn, String rewardColumn, String pscoreColumn,
      String positionColumn, String modelPrefix, String modelColumn, int nActions,
      List<PolicyColumnSpec> policies, int batchCapacity, boolean pscoreOptional,
      double piSumTolerance) {
    this(actionColumn, rewardColumn, pscoreColumn, positionColumn, modelPrefix, modelColumn,
        nActions, policies, batchCapacity, pscoreOptional, piSumTolerance,
        BatchContent.ESTIMATOR_COLUMNS);
  }

  /** What the reader fills besides the estimator columns, and what the consumer supplies. */
  public LogReadOptions withContent(BatchContent wanted) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, policies, batchCapacity, pscoreOptional,
        piSumTolerance, wanted, extraColumns);
  }

  /** The options with pscore required and the default pi-sum tolerance. */
  public LogReadOptions(String actionColumn, String rewardColumn, String pscoreColumn,
      String positionColumn, String modelPrefix, String modelColumn, int nActions,
      List<PolicyColumnSpec> policies, int batchCapacity) {
    this(actionColumn, rewardColumn, pscoreColumn, positionColumn, modelPrefix, modelColumn,
        nActions, policies, batchCapacity, false, io.ope4j.data.LogValidator.SUM_TOLERANCE);
  }

  /** The formats.md column names, K inferred, policies detected, 4096 rows per batch. */
  public static LogReadOptions defaults() {
    return new LogReadOptions(
        "action", "reward", "pscore", "position", "q_", "q", -1, List.of(),
        DEFAULT_BATCH_CAPACITY, false,
        io.ope4j.data.LogValidator.SUM_TOLERANCE);
  }

  public LogReadOptions withActionColumn(String column) {
    return new LogReadOptions(column, rewardColumn, pscoreColumn, positionColumn, modelPrefix,
        modelColumn, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  public LogReadOptions withRewardColumn(String column) {
    return new LogReadOptions(actionColumn, column, pscoreColumn, positionColumn, modelPrefix,
        modelColumn, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  public LogReadOptions withPscoreColumn(String column) {
    return new LogReadOptions(actionColumn, rewardColumn, column, positionColumn, modelPrefix,
        modelColumn, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  public LogReadOptions withPositionColumn(String column) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, column, modelPrefix,
        modelColumn, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  public LogReadOptions withModelPrefix(String prefix) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn, prefix,
        modelColumn, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  public LogReadOptions withModelColumn(String column) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, column, nActions, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  /** K given by the user (positive), or -1 to infer it from the wide columns. */
  public LogReadOptions withNActions(int count) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, count, policies, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  /** Replaces the evaluation policies; an empty list means "detect them from the header". */
  public LogReadOptions withPolicies(List<PolicyColumnSpec> list) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, list, batchCapacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  /** Adds one evaluation policy after those already given. */
  public LogReadOptions withPolicy(String name, String prefixOrColumn) {
    List<PolicyColumnSpec> list = new ArrayList<>(policies);
    list.add(PolicyColumnSpec.of(name, prefixOrColumn));
    return withPolicies(list);
  }

  public LogReadOptions withBatchCapacity(int capacity) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, policies, capacity, pscoreOptional, piSumTolerance, content, extraColumns);
  }

  /** Whether a log without the pscore column is read rather than refused. */
  public LogReadOptions withPscoreOptional(boolean optional) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, policies, batchCapacity, optional, piSumTolerance, content, extraColumns);
  }

  /** How far from 1 a row's wide probabilities may sum; in [0, 1). */
  public LogReadOptions withPiSumTolerance(double tolerance) {
    return new LogReadOptions(actionColumn, rewardColumn, pscoreColumn, positionColumn,
        modelPrefix, modelColumn, nActions, policies, batchCapacity, pscoreOptional, tolerance, content, extraColumns);
  }

  private static void requireName(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new UsageException(what + " must be a non-empty name, got '" + value + "'");
    }
  }
}
