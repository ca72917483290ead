package io.ope4j.rewardmodel;

import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicyColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Reward models fitted by cross-fitting (see {@link CrossFitting}): one model per fold, each
 * fitted on the rows of the other folds, so that every logged row is predicted by a model that
 * never saw it. Predictions are asked for rows by their 0-based index in the log, which picks the
 * fold model.
 *
 * <pre>{@code
 * RewardData data = new RewardData(contexts, dim, actions, positions, rewards, null, nActions);
 * CrossFittedModel model = CrossFittedModel.fit(LogisticRegression.withC(100), data,
 *     CrossFitting.folds(3, 12345));
 * model.describe();  // "logistic(C=100), cross-fitted (3 folds, seed 12345), weights plain"
 * }</pre>
 *
 * <p>Row indices are those of {@link RewardData}: row {@code i} of the fit data must be row
 * {@code i} of the log that is later predicted (as {@link ModelledLog} does). Immutable and
 * thread-safe; a {@link Predictor} holds the buffers of one thread.
 */
public final class CrossFittedModel {

  private final CrossFitting crossFitting;
  private final RewardModel[] models;
  private final String modelDescription;
  private final FitWeighting weighting;
  private final String weightingPolicy;
  private final boolean customWeights;

  private CrossFittedModel(CrossFitting crossFitting, RewardModel[] models, String modelDescription,
      FitWeighting weighting, String weightingPolicy, boolean customWeights) {
    this.customWeights = customWeights;
    this.crossFitting = crossFitting;
    this.models = models;
    this.modelDescription = modelDescription;
    this.weighting = weighting;
    this.weightingPolicy = weightingPolicy;
    int k = models[0].nActions();
    for (RewardModel model : models) {
      if (model.nActions() != k) {
        throw new IllegalArgumentException("fold models disagree on the number of actions: " + k + " and "
            + model.nActions());
      }
    }
  }

  /**
   * Fits one model per fold with {@code fitter}, weighting rows by {@code data.sampleWeights()}
   * (described as plain when null, as custom weights otherwise).
   *
   * @throws IllegalArgumentException from the fitter, when the data do not suit it; or when a
   *     fold leaves no training row
   */
  public static CrossFittedModel fit(RewardModelFitter fitter, RewardData data, CrossFitting crossFitting) {
    RewardModel[] models = fitFolds(fitter, data, crossFitting);
    return new CrossFittedModel(crossFitting, models, fitter.describe(),
        data.sampleWeights() == null ? FitWeighting.PLAIN : null, null, data.sampleWeights() != null);
  }

  /**
   * Fits with the sample weights of {@code weighting} for evaluation policy {@code policy} (named
   * {@code policyName} in the description); {@code data.sampleWeights()} must be null.
   *
   * @param pscore the behaviour policy's probability of each logged action
   */
  public static CrossFittedModel fit(RewardModelFitter fitter, RewardData data, CrossFitting crossFitting,
      FitWeighting weighting, String policyName, Policy policy, double[] pscore) {
    if (data.sampleWeights() != null) {
      throw new IllegalArgumentException("give either sample weights in the data or a FitWeighting, not both");
    }
    if (pscore.length != data.rows()) {
      throw new IllegalArgumentException("pscore has " + pscore.length + " rows, the data " + data.rows());
    }
    double[] piLogged = PolicyColumns.compute(policy, data.contexts(), data.dim(), data.positions(),
        data.actions(), null).piLogged();
    return fit(fitter, data, crossFitting, weighting, policyName, piLogged, pscore);
  }

  /**
   * As {@link #fit(RewardModelFitter, RewardData, CrossFitting, FitWeighting, String, Policy,
   * double[])}, with the evaluation policy given by its probability of each logged action.
   */
  public static CrossFittedModel fit(RewardModelFitter fitter, RewardData data, CrossFitting crossFitting,
      FitWeighting weighting, String policyName, double[] piLogged, double[] pscore) {
    if (data.sampleWeights() != null) {
      throw new IllegalArgumentException("give either sample weights in the data or a FitWeighting, not both");
    }
    if (pscore.length != data.rows() || piLogged.length != data.rows()) {
      throw new IllegalArgumentException("pscore and piLogged must have " + data.rows() + " rows");
    }
    double[] weights = weighting.sampleWeights(piLogged, pscore);
    RewardData weighted = new RewardData(data.contexts(), data.dim(), data.actions(), data.positions(),
        data.rewards(), weights, data.nActions());
    RewardModel[] models = fitFolds(fitter, weighted, crossFitting);
    return new CrossFittedModel(crossFitting, models, fitter.describe(), weighting,
        weighting.dependsOnPolicy() ? policyName : null, false);
  }

  /**
   * Wraps models fitted elsewhere: {@code models.get(f)} must not have seen the rows of fold
   * {@code f} (one model for {@link CrossFitting#inSample()}).
   */
  public static CrossFittedModel of(CrossFitting crossFitting, List<? extends RewardModel> models, String description) {
    if (models.size() != crossFitting.folds()) {
      throw new IllegalArgumentException(crossFitting.folds() + " fold models needed, got " + models.size());
    }
    return new CrossFittedModel(crossFitting, models.toArray(new RewardModel[0]), description, null, null, false);
  }

  private static RewardModel[] fitFolds(RewardModelFitter fitter, RewardData data, CrossFitting crossFitting) {
    fitter.validate(data);
    int folds = crossFitting.folds();
    RewardModel[] models = new RewardModel[folds];
    if (folds == 1) {
      models[0] = fitter.fit(data);
      return models;
    }
    int n = data.rows();
    int[] foldOf = new int[n];
    int[] sizes = new int[folds];
    long key = crossFitting.key();
    for (int i = 0; i < n; i++) {
      foldOf[i] = crossFitting.fold(key, i);
      sizes[foldOf[i]]++;
    }
    for (int f = 0; f < folds; f++) {
      int training = n - sizes[f];
      if (training == 0) {
        throw new IllegalArgumentException("fold " + f + " of " + folds + " leaves no row to fit on (" + n
            + " rows); use fewer folds");
      }
      models[f] = fitter.fit(subset(data, foldOf, f, training));
    }
    return models;
  }

  /** The rows of {@code data} whose fold is not {@code heldOut}, in order. */
  private static RewardData subset(RewardData data, int[] foldOf, int heldOut, int rows) {
    int dim = data.dim();
    double[] contexts = new double[rows * dim];
    int[] actions = new int[rows];
    int[] positions = data.positions() == null ? null : new int[rows];
    double[] rewards = new double[rows];
    double[] weights = data.sampleWeights() == null ? null : new double[rows];
    int j = 0;
    for (int i = 0; i < foldOf.length; i++) {
      if (foldOf[i] == heldOut) {
        continue;
      }
      System.arraycopy(data.contexts(), i * dim, contexts, j * dim, dim);
      actions[j] = data.actions()[i];
      rewards[j] = data.rewards()[i];
      if (positions != null) {
        positions[j] = data.positions()[i];
      }
      if (weights != null) {
        weights[j] = data.sampleWeights()[i];
      }
      j++;
    }
    return new RewardData(contexts, dim, actions, positions, rewards, weights, data.nActions());
  }

  /** Number of actions K. */
  public int nActions() {
    return models[0].nActions();
  }

  public CrossFitting crossFitting() {
    return crossFitting;
  }

  /** The model of fold {@code fold}: fitted without that fold's rows. */
  public RewardModel model(int fold) {
    return models[fold];
  }

  /** The fitting weights, or null when the models came from {@link #of} or had custom weights. */
  public FitWeighting weighting() {
    return weighting;
  }

  /** The evaluation policy the fit was weighted for, or null when the fit does not depend on one. */
  public String weightingPolicy() {
    return weightingPolicy;
  }

  /**
   * For output, e.g. {@code logistic(C=100), cross-fitted (3 folds, seed 12345), weights plain}
   * or {@code ridge(alpha=1), fitted on the evaluation rows themselves (in-sample, no
   * cross-fitting), weights mrdr for policy greedy}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(modelDescription).append(", ").append(crossFitting.describe());
    if (weighting != null) {
      text.append(", weights ").append(weighting.id());
      if (weightingPolicy != null) {
        text.append(" for policy ").append(weightingPolicy);
      }
    } else if (customWeights) {
      text.append(", custom sample weights");
    }
    return text.toString();
  }

  /** A new predictor with its own buffers, for one thread. */
  public Predictor predictor() {
    return new Predictor();
  }

  /**
   * Predicts every action for all {@code contexts.length / dim} rows of a log, row {@code i}
   * with the model of its fold: an {@code n * K} array, for small logs and tests.
   */
  public double[] predictAll(double[] contexts, int dim, int[] positions, int rows) {
    double[] out = new double[Math.multiplyExact(rows, nActions())];
    predictor().predict(contexts, dim, positions, 0, rows, out);
    return out;
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * Predicts rows with the model of each row's fold, reusing its buffers from call to call; no
   * allocation once the buffers have grown to the largest batch. Not thread-safe.
   */
  public final class Predictor {
    private int[] foldOf = new int[0];
    private double[] contextBuffer = new double[0];
    private int[] positionBuffer = new int[0];
    private double[] predictionBuffer = new double[0];
    private final int[] counts = new int[models.length];
    private final long key = crossFitting.key();

    private Predictor() {}

    /**
     * Writes {@code q(x_i, a, p_i)} for rows {@code i} in {@code [0, rows)}, which are rows
     * {@code firstRow + i} of the log.
     *
     * @param contexts row-major contexts of the {@code rows} rows, from index 0; not modified
     * @param positions slots of the rows, or null; not modified
     * @param out receives {@code out[i * K + a]}; modified
     */
    public void predict(double[] contexts, int dim, int[] positions, long firstRow, int rows, double[] out) {
      if (models.length == 1) {
        models[0].predict(contexts, dim, positions, rows, out);
        return;
      }
      int k = nActions();
      ensureCapacity(rows, dim, k);
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < rows; i++) {
        int fold = crossFitting.fold(key, firstRow + i);
        foldOf[i] = fold;
        counts[fold]++;
      }
      for (int f = 0; f < models.length; f++) {
        int count = counts[f];
        if (count == 0) {
          continue;
        }
        if (count == rows) {
          models[f].predict(contexts, dim, positions, rows, out);
          return;
        }
        int j = 0;
        for (int i = 0; i < rows; i++) {
          if (foldOf[i] == f) {
            System.arraycopy(contexts, i * dim, contextBuffer, j * dim, dim);
            if (positions != null) {
              positionBuffer[j] = positions[i];
            }
            j++;
          }
        }
        models[f].predict(contextBuffer, dim, positions == null ? null : positionBuffer, count, predictionBuffer);
        j = 0;
        for (int i = 0; i < rows; i++) {
          if (foldOf[i] == f) {
            System.arraycopy(predictionBuffer, j * k, out, i * k, k);
            j++;
          }
        }
      }
    }

    private void ensureCapacity(int rows, int dim, int k) {
      if (foldOf.length < rows) {
        foldOf = new int[rows];
        positionBuffer = new int[rows];
      }
      if (contextBuffer.length < rows * dim) {
        contextBuffer = new double[rows * dim];
      }
      if (predictionBuffer.length < rows * k) {
        predictionBuffer = new double[rows * k];
      }
    }
  }

  /** How many of the first {@code rows} rows of a log each fold holds (for tests and reports). */
  public List<Integer> foldSizes(long rows) {
    long[] sizes = new long[models.length];
    long key = crossFitting.key();
    for (long i = 0; i < rows; i++) {
      sizes[crossFitting.fold(key, i)]++;
    }
    List<Integer> result = new ArrayList<>();
    for (long size : sizes) {
      result.add((int) size);
    }
    return result;
  }
}
