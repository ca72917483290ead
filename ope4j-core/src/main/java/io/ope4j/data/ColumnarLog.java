package io.ope4j.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bandit log held in memory as narrow columns, for the Java API, tests and benchmarks. Its
 * {@link #source()} serves the rows as batches. Arrays are not copied: do not change them while
 * a source reads them.
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

    /**
     * @throws IllegalArgumentException without a policy, or when the model columns are given for
     *     some policies only
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
      return new ColumnarLog(this);
    }
  }
}
