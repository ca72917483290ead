package io.ope4j.rewardmodel;

/**
 * How well a cross-fitted reward model predicts the logged rewards, from its out-of-fold
 * predictions at the logged actions: a calibration table (rows binned by prediction, mean
 * prediction against mean observed reward per bin) and each fold's squared error. Filled batch by
 * batch as the evaluation pass streams the log, so it holds only per-bin and per-fold sums.
 *
 * <p>The bins split {@code [lo, hi]}, the range of the rewards the model was fitted on, into
 * equal widths; a prediction outside it counts in the end bin on its side ({@link
 * #outsideRange()} says how many).
 */
public final class ModelCalibration {

  /** Bins of the calibration table. */
  public static final int BINS = 10;

  private final String policy;
  private final double lo;
  private final double hi;
  private final long[] count = new long[BINS];
  private final double[] predicted = new double[BINS];
  private final double[] observed = new double[BINS];
  private final CrossFitting crossFitting;
  private final long[] foldRows;
  private final double[] foldSquaredError;
  private long outside;

  /**
   * @param policy the policy whose weights the model was fitted with, or null for a plain fit
   * @param lo smallest reward of the fitting rows
   * @param hi largest reward of the fitting rows
   * @param crossFitting the folds the model was fitted with
   */
  public ModelCalibration(String policy, double lo, double hi, CrossFitting crossFitting) {
    this.policy = policy;
    this.lo = lo;
    this.hi = hi;
    this.crossFitting = crossFitting;
    this.foldRows = new long[crossFitting.folds()];
    this.foldSquaredError = new double[crossFitting.folds()];
  }

  /** Adds rows {@code firstRow .. firstRow + size - 1}: their out-of-fold predictions and rewards. */
  public void add(long firstRow, double[] prediction, double[] reward, int size) {
    double width = hi - lo;
    long key = crossFitting.key();
    for (int i = 0; i < size; i++) {
      double q = prediction[i];
      int bin = width > 0 ? (int) Math.floor((q - lo) / width * BINS) : 0;
      if (q < lo || q > hi) {
        outside++;
      }
      bin = Math.max(0, Math.min(BINS - 1, bin));
      count[bin]++;
      predicted[bin] += q;
      observed[bin] += reward[i];
      int fold = crossFitting.fold(key, firstRow + i);
      double error = q - reward[i];
      foldRows[fold]++;
      foldSquaredError[fold] += error * error;
    }
  }

  /** The policy the model was weighted for, or null. */
  public String policy() {
    return policy;
  }

  /** The ends of the binned range. */
  public double lo() {
    return lo;
  }

  public double hi() {
    return hi;
  }

  /** Rows in each bin. */
  public long[] counts() {
    return count.clone();
  }

  /** Mean prediction per bin (NaN for an empty bin). */
  public double[] meanPredicted() {
    return means(predicted, count);
  }

  /** Mean observed reward per bin (NaN for an empty bin). */
  public double[] meanObserved() {
    return means(observed, count);
  }

  /** Rows whose prediction fell outside {@code [lo, hi]} (counted in the end bins). */
  public long outsideRange() {
    return outside;
  }

  /** Rows held out in each fold. */
  public long[] foldRows() {
    return foldRows.clone();
  }

  /** Mean squared error of the out-of-fold predictions, per fold (NaN for an empty fold). */
  public double[] foldMeanSquaredError() {
    return means(foldSquaredError, foldRows);
  }

  /** Whether the predictions are out of fold (false when the model was fitted in sample). */
  public boolean crossFitted() {
    return !crossFitting.isInSample();
  }

  private static double[] means(double[] sums, long[] counts) {
    double[] means = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      means[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
    }
    return means;
  }
}
