package io.ope4j.rewardmodel;

import io.ope4j.internal.stats.CounterRng;

/**
 * How reward-model predictions are kept out of sample: {@code K}-fold cross-fitting, where row
 * {@code i} belongs to fold {@code CounterRng.below(key(seed), i, K)} and is predicted by the
 * model fitted on every other fold (Chernozhukov et al. 2018, "Double/debiased machine learning",
 * Definition 3.1, as OBP's {@code RegressionModel.fit_predict(n_folds=K)} does with a shuffled
 * KFold); or, only when asked for explicitly, one model fitted on all rows and used on the same
 * rows ({@link #inSample()}), which lets the model's errors correlate with the rewards it is
 * meant to correct.
 *
 * <p>A row's fold is a pure function of the seed and the row's 0-based index in the log, so it
 * never depends on batching, threads or the order in which rows are visited. Folds are drawn
 * independently per row: their sizes are about {@code n / K}, not exactly equal.
 *
 * @param folds K, at least 2; or 1 for {@link #inSample()}
 * @param seed seed of the fold assignment
 */
public record CrossFitting(int folds, long seed) implements java.io.Serializable {

  /** Default number of folds, as in OBP's Open Bandit Dataset example ({@code n_folds=3}). */
  public static final int DEFAULT_FOLDS = 3;

  /** Stream id of fold assignment under the seed (distinct from the other CounterRng streams). */
  static final long FOLD_STREAM = 0x464f4c44L; // "FOLD"

  public CrossFitting {
    if (folds < 1) {
      throw new IllegalArgumentException("the number of folds must be at least 2 (or 1 for in-sample fitting), got "
          + folds);
    }
  }

  /** {@code folds}-fold cross-fitting with the given seed. */
  public static CrossFitting folds(int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds
          + " (use CrossFitting.inSample() to fit on the evaluation rows themselves)");
    }
    return new CrossFitting(folds, seed);
  }

  /** One model fitted on all rows and used on the same rows: no cross-fitting. */
  public static CrossFitting inSample() {
    return new CrossFitting(1, 0);
  }

  /** Whether the model is fitted on the rows it predicts. */
  public boolean isInSample() {
    return folds == 1;
  }

  /** The key of the fold stream; hoist it out of loops and pass it to {@link #fold(long, long)}. */
  public long key() {
    return CounterRng.key(seed, FOLD_STREAM);
  }

  /** The fold of log row {@code row} (0-based), in [0, folds). */
  public int fold(long row) {
    return folds == 1 ? 0 : CounterRng.below(key(), row, folds);
  }

  /** The fold of {@code row} given this cross-fitting's {@link #key()}. */
  public int fold(long key, long row) {
    return folds == 1 ? 0 : CounterRng.below(key, row, folds);
  }

  /**
   * The folds of rows {@code 0..rows-1} and the number of rows in each.
   *
   * @param foldOf the fold of each row
   * @param sizes the rows of each fold
   */
  public record Assignment(int[] foldOf, int[] sizes) {

    /** How many rows a model of fold {@code fold} is fitted on: all rows in-sample, else those of the other folds. */
    public int trainingRows(int fold) {
      return sizes.length == 1 ? foldOf.length : foldOf.length - sizes[fold];
    }

    /** Whether row {@code row} trains the model of fold {@code fold}. */
    public boolean trains(int row, int fold) {
      return sizes.length == 1 || foldOf[row] != fold;
    }
  }

  /** The fold of every row of a log of {@code rows} rows. */
  public Assignment assign(int rows) {
    long key = key();
    int[] foldOf = new int[rows];
    int[] sizes = new int[folds];
    for (int i = 0; i < rows; i++) {
      foldOf[i] = fold(key, i);
      sizes[foldOf[i]]++;
    }
    return new Assignment(foldOf, sizes);
  }

  /** E.g. {@code cross-fitted (3 folds, seed 12345)} or {@code in-sample (no cross-fitting)}. */
  public String describe() {
    return isInSample()
        ? "fitted on the evaluation rows themselves (in-sample, no cross-fitting)"
        : "cross-fitted (" + folds + " folds, seed " + seed + ")";
  }
}
