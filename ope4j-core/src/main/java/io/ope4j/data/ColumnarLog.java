package io.ope4j.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bandit log held in memory as narrow columns, for the Java API, tests and benchmarks. Its
 * {@link #source()} serves the rows as batches. Arrays are not copied: do not change them while
 * a source reads them.
 *
 * <p>{@link Builder#build()} checks every value with the {@link LogValidator} that the file
 * readers use, so a bad value gets the same message as in a CSV file, e.g. {@code ColumnarLog
 * row 3, pscore: must be in (0, 1], got 0.0} (rows are 1-based; the builder's {@link
 * Builder#source(String)} changes the name). Columns are named {@code action}, {@code reward},
 * {@code pscore}, {@code q}, the policy's name, and {@code q_<policy>} for model values.
 */
public final class ColumnarLog {

  private final int[] action;
  private final double[] reward;
  private final double[] pscore;
  private final Map<String, double[]> piLogged;
  private final double[] qLogged;
  private final Map<String, double[]> qExpected;
  private final int nActions;

  private ColumnarLog(Builder builder) {
    this.action = builder.action;
    this.reward = builder.reward;
    this.pscore = builder.pscore;
    this.piLogged = new LinkedHashMap<>(builder.piLogged);
    this.qLogged = builder.qLogged;
    this.qExpected = new LinkedHashMap<>(builder.qExpected);
    this.nActions = builder.nActions;
  }

  /**
   * Starts a log from its required columns.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Builder builder(int[] action, double[] reward, double[] pscore) {
    return new Builder(action, reward, pscore);
  }

  public int rows() {
    return action.length;
  }

  public LogLayout layout() {
    return new LogLayout(new ArrayList<>(piLogged.keySet()), qLogged != null, false, nActions);
  }

  /** A source over all rows in batches of {@code batchRows}. */
  public BatchSource source(int batchRows) {
    if (batchRows <= 0) {
      throw new IllegalArgumentException("batchRows must be positive, got " + batchRows);
    }
    LogLayout layout = layout();
    List<double[]> pis = new ArrayList<>(piLogged.values());
    List<double[]> qs = new ArrayList<>(qExpected.values());
    return new BatchSource() {
      private int next;

      @Override
      public LogLayout layout() {
        return layout;
      }

      @Override
      public boolean next(BanditBatch batch) {
        int size = Math.min(Math.min(batchRows, batch.capacity()), action.length - next);
        batch.setRows(next, Math.max(size, 0));
        if (size <= 0) {
          return false;
        }
        System.arraycopy(action, next, batch.action(), 0, size);
        System.arraycopy(reward, next, batch.reward(), 0, size);
        System.arraycopy(pscore, next, batch.pscore(), 0, size);
        for (int p = 0; p < pis.size(); p++) {
          System.arraycopy(pis.get(p), next, batch.piLogged(p), 0, size);
          if (qLogged != null) {
            System.arraycopy(qs.get(p), next, batch.qExpected(p), 0, size);
          }
        }
        if (qLogged != null) {
          System.arraycopy(qLogged, next, batch.qLogged(), 0, size);
        }
        next += size;
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /** A source in batches of 4096 rows. */
  public BatchSource source() {
    return source(4096);
  }

  /** Builds a {@link ColumnarLog}. */
  public static final class Builder {
    private final int[] action;
    private final double[] reward;
    private final double[] pscore;
    private final Map<String, double[]> piLogged = new LinkedHashMap<>();
    private final Map<String, double[]> qExpected = new LinkedHashMap<>();
    private double[] qLogged;
    private int nActions = -1;
    private String source = "ColumnarLog";

    private Builder(int[] action, double[] reward, double[] pscore) {
      this.action = action;
      this.reward = reward;
      this.pscore = pscore;
      checkLength("reward", reward);
      checkLength("pscore", pscore);
    }

    private void checkLength(String name, double[] column) {
      if (column.length != action.length) {
        throw new IllegalArgumentException(
            name + " has " + column.length + " rows, action has " + action.length);
      }
    }

    /** Adds an evaluation policy by its probability of each logged action. */
    public Builder policy(String name, double[] piOfLoggedAction) {
      checkLength("policy " + name, piOfLoggedAction);
      if (piLogged.put(name, piOfLoggedAction) != null) {
        throw new IllegalArgumentException("policy " + name + " given twice");
      }
      return this;
    }

    /** Adds a policy together with the reward model's value under it, {@code sum_a pi(a) q(a)}. */
    public Builder policy(String name, double[] piOfLoggedAction, double[] modelValue) {
      policy(name, piOfLoggedAction);
      checkLength("model value of policy " + name, modelValue);
      qExpected.put(name, modelValue);
      return this;
    }

    /** Sets the reward model's prediction at each logged action. */
    public Builder modelAtLoggedAction(double[] q) {
      checkLength("q", q);
      this.qLogged = q;
      return this;
    }

    public Builder nActions(int k) {
      this.nActions = k;
      return this;
    }

    /** How messages about bad values name this log; {@code ColumnarLog} by default. */
    public Builder source(String name) {
      this.source = java.util.Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @throws IllegalArgumentException without a policy, or when the model columns are given for
     *     some policies only
     * @throws InvalidDataException on the first value that breaks formats.md (see the class
     *     comment)
     */
    public ColumnarLog build() {
      if (piLogged.isEmpty()) {
        throw new IllegalArgumentException("a log needs at least one evaluation policy");
      }
      boolean model = qLogged != null;
      if (model ? qExpected.size() != piLogged.size() : !qExpected.isEmpty()) {
        throw new IllegalArgumentException(
            "reward-model values must be given for every policy together with modelAtLoggedAction");
      }
      new Validation(this).run();
      return new ColumnarLog(this);
    }
  }

  /** Runs the builder's columns through the {@link LogValidator}, row by row. */
  private static final class Validation implements LogValidator.ValueText {
    private static final int ACTION = 0;
    private static final int REWARD = 1;
    private static final int PSCORE = 2;
    private static final int MODEL = 3;
    /** Columns from here on: each policy's probability, then its model value. */
    private static final int FIRST_POLICY = 4;

    private final Builder log;
    private final double[][] policies;
    private final double[][] modelValues;
    private final LogValidator check;
    private int row;

    Validation(Builder log) {
      this.log = log;
      this.policies = log.piLogged.values().toArray(new double[0][]);
      this.modelValues = log.qExpected.values().toArray(new double[0][]);
      List<String> names = new ArrayList<>(List.of("action", "reward", "pscore", "q"));
      for (String policy : log.piLogged.keySet()) {
        names.add(policy);
        names.add("q_" + policy);
      }
      this.check = new LogValidator(log.source, names, log.nActions, this);
    }

    void run() {
      for (row = 0; row < log.action.length; row++) {
        check.atRow(row + 1L);
        check.action(ACTION, log.action[row]);
        check.finite(REWARD, log.reward[row]);
        check.pscore(PSCORE, log.pscore[row]);
        if (log.qLogged != null) {
          check.finite(MODEL, log.qLogged[row]);
        }
        for (int p = 0; p < policies.length; p++) {
          check.probability(FIRST_POLICY + 2 * p, policies[p][row]);
          if (log.qLogged != null) {
            check.finite(FIRST_POLICY + 2 * p + 1, modelValues[p][row]);
          }
        }
      }
    }

    @Override
    public String describe(int column) {
      if (column == ACTION) {
        return Integer.toString(log.action[row]);
      }
      double value = switch (column) {
        case REWARD -> log.reward[row];
        case PSCORE -> log.pscore[row];
        case MODEL -> log.qLogged[row];
        default -> {
          int p = (column - FIRST_POLICY) / 2;
          yield (column - FIRST_POLICY) % 2 == 0 ? policies[p][row] : modelValues[p][row];
        }
      };
      return Double.toString(value);
    }
  }
}
