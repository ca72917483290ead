package io.ope4j.continuous;

import io.ope4j.data.LogValidator;
import java.util.List;

/**
 * A continuous-action log held in memory as arrays, checked row by row with the readers' rules
 * ({@link LogValidator}: messages name {@code ContinuousLog}, the 1-based row and the column).
 * The arrays are copied; q-hat arrays may be null when the log has none.
 */
public final class ContinuousLog {

  private static final List<String> COLUMNS =
      List.of("action", "reward", "pscore", "target_action", "target_density", "q_pi", "q");

  private final ContinuousLayout layout;
  private final double[][] columns;

  private ContinuousLog(ContinuousLayout layout, double[][] columns) {
    this.layout = layout;
    this.columns = columns;
  }

  /**
   * A log with a deterministic evaluation policy.
   *
   * @param action the logged actions
   * @param reward the rewards
   * @param pscore the behaviour densities at the logged actions, each finite and > 0
   * @param targetAction the evaluation policy's actions
   * @param qTarget q-hat at the evaluation actions, or null
   * @param qLogged q-hat at the logged actions, or null
   * @throws io.ope4j.data.InvalidDataException on the first bad value
   */
  public static ContinuousLog deterministic(double[] action, double[] reward, double[] pscore, double[] targetAction,
      double[] qTarget, double[] qLogged) {
    return of(false, action, reward, pscore, targetAction, qTarget, qLogged);
  }

  /** A log whose evaluation policy is given by its density at the logged action (finite, >= 0). */
  public static ContinuousLog withPolicyDensity(double[] action, double[] reward, double[] pscore,
      double[] targetDensity, double[] qTarget, double[] qLogged) {
    return of(true, action, reward, pscore, targetDensity, qTarget, qLogged);
  }

  private static ContinuousLog of(boolean density, double[] action, double[] reward, double[] pscore, double[] target,
      double[] qTarget, double[] qLogged) {
    int n = action.length;
    for (double[] column : new double[][] {reward, pscore, target, qTarget, qLogged}) {
      if (column != null && column.length != n) {
        throw new IllegalArgumentException("every column needs " + n + " rows, got " + column.length);
      }
    }
    LogValidator check = new LogValidator("ContinuousLog", COLUMNS, -1, null);
    int targetColumn = density ? 4 : 3;
    for (int i = 0; i < n; i++) {
      check.atRow(i + 1);
      check.finite(0, action[i]);
      check.finite(1, reward[i]);
      check.positiveDensity(2, pscore[i]);
      if (density) {
        check.density(targetColumn, target[i]);
      } else {
        check.finite(targetColumn, target[i]);
      }
      if (qTarget != null) {
        check.finite(5, qTarget[i]);
      }
      if (qLogged != null) {
        check.finite(6, qLogged[i]);
      }
    }
    double[][] columns = {action.clone(), reward.clone(), pscore.clone(), target.clone(),
        qTarget == null ? new double[n] : qTarget.clone(), qLogged == null ? new double[n] : qLogged.clone()};
    return new ContinuousLog(new ContinuousLayout("pi", density, qTarget != null, qLogged != null), columns);
  }

  public ContinuousLayout layout() {
    return layout;
  }

  /** Rows. */
  public int size() {
    return columns[0].length;
  }

  /** A fresh source over the rows, in batches of the evaluator's size. */
  public ContinuousSource source() {
    return new ContinuousSource() {
      private int next;

      @Override
      public String name() {
        return "ContinuousLog";
      }

      @Override
      public ContinuousLayout layout() {
        return layout;
      }

      @Override
      public boolean next(ContinuousBatch batch) {
        int size = Math.min(batch.capacity(), size() - next);
        double[][] into = {batch.action(), batch.reward(), batch.density(), batch.target(), batch.qTarget(),
            batch.qLogged()};
        for (int c = 0; c < columns.length; c++) {
          System.arraycopy(columns[c], next, into[c], 0, size);
        }
        batch.setRows(next, size);
        next += size;
        return size > 0;
      }
    };
  }
}
