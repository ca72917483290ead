package io.ope4j.models;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees through XGBoost4J: {@code binary:logistic} for binary rewards
 * (predictions are probabilities) or {@code reg:squarederror} for continuous ones, on the
 * features of {@link RewardFeatures} (context, one-hot action, action context, one-hot position;
 * the one-hot columns as 0/1 values), with sample weights passed as XGBoost instance weights.
 * Hyperparameters keep XGBoost's meaning ({@code eta}, {@code max_depth}, {@code lambda}; see
 * the XGBoost parameter documentation); the histogram tree method is used.
 *
 * <p>XGBoost's own threads thrash on a busy 2-core machine, so the default is one thread ({@code
 * nthread=1}); with one thread and a fixed seed the fit is deterministic. Immutable.
 */
public final class GradientBoostedTrees implements RewardModelFitter {

  /** The XGBoost learning objective. */
  public enum Objective {
    BINARY_LOGISTIC("binary:logistic"),
    SQUARED_ERROR("reg:squarederror");

    private final String xgboostName;

    Objective(String xgboostName) {
      this.xgboostName = xgboostName;
    }

    public String xgboostName() {
      return xgboostName;
    }
  }

  private final Objective objective;
  private final int rounds;
  private final int maxDepth;
  private final double learningRate;
  private final double l2;
  private final int threads;
  private final long seed;
  private final RewardFeatures features;

  private GradientBoostedTrees(Objective objective, int rounds, int maxDepth, double learningRate, double l2,
      int threads, long seed, RewardFeatures features) {
    if (rounds < 1 || maxDepth < 1 || threads < 1) {
      throw new IllegalArgumentException("rounds, max depth and threads must be >= 1, got " + rounds + ", " + maxDepth
          + ", " + threads);
    }
    if (!(learningRate > 0 && learningRate <= 1) || !(l2 >= 0)) {
      throw new IllegalArgumentException("eta must be in (0, 1] and lambda >= 0, got " + learningRate + ", " + l2);
    }
    this.objective = objective;
    this.rounds = rounds;
    this.maxDepth = maxDepth;
    this.learningRate = learningRate;
    this.l2 = l2;
    this.threads = threads;
    this.seed = seed;
    this.features = features;
  }

  /** {@code binary:logistic}, 100 rounds, depth 6, eta 0.1, lambda 1, 1 thread, seed 0. */
  public static GradientBoostedTrees binary() {
    return new GradientBoostedTrees(Objective.BINARY_LOGISTIC, 100, 6, 0.1, 1.0, 1, 0, RewardFeatures.defaults());
  }

  /** {@code reg:squarederror}, otherwise as {@link #binary()}. */
  public static GradientBoostedTrees regression() {
    return new GradientBoostedTrees(Objective.SQUARED_ERROR, 100, 6, 0.1, 1.0, 1, 0, RewardFeatures.defaults());
  }

  public GradientBoostedTrees rounds(int newRounds) {
    return new GradientBoostedTrees(objective, newRounds, maxDepth, learningRate, l2, threads, seed, features);
  }

  public GradientBoostedTrees maxDepth(int depth) {
    return new GradientBoostedTrees(objective, rounds, depth, learningRate, l2, threads, seed, features);
  }

  /** XGBoost's {@code eta}. */
  public GradientBoostedTrees learningRate(double eta) {
    return new GradientBoostedTrees(objective, rounds, maxDepth, eta, l2, threads, seed, features);
  }

  /** XGBoost's {@code lambda}, the L2 penalty on leaf weights. */
  public GradientBoostedTrees l2(double lambda) {
    return new GradientBoostedTrees(objective, rounds, maxDepth, learningRate, lambda, threads, seed, features);
  }

  /** XGBoost's {@code nthread} (default 1). */
  public GradientBoostedTrees threads(int nthread) {
    return new GradientBoostedTrees(objective, rounds, maxDepth, learningRate, l2, nthread, seed, features);
  }

  public GradientBoostedTrees seed(long newSeed) {
    return new GradientBoostedTrees(objective, rounds, maxDepth, learningRate, l2, threads, newSeed, features);
  }

  public GradientBoostedTrees features(RewardFeatures newFeatures) {
    return new GradientBoostedTrees(objective, rounds, maxDepth, learningRate, l2, threads, seed, newFeatures);
  }

  @Override
  public void validate(RewardData data) {
    LinearFits.checkWeights(data);
    LinearFits.checkRewards(data, objective == Objective.BINARY_LOGISTIC);
  }

  @Override
  public RewardModel fit(RewardData data) {
    validate(data);
    FeatureLayout layout = new FeatureLayout(features, data.nActions(), data.dim(), data.positions(), 0);
    int width = layout.size - 1;
    int groups = layout.groups();
    int n = data.rows();
    int[] counts = new int[groups];
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      int p = layout.usePositions ? data.positions()[i] : 0;
      groupOf[i] = layout.group(data.actions()[i], p);
      counts[groupOf[i]]++;
    }
    Booster[] boosters = new Booster[groups];
    double[] constants = new double[groups];
    double overall = mean(data);
    for (int g = 0; g < groups; g++) {
      if (counts[g] == 0) {
        constants[g] = overall; // no row to learn from: the mean reward of all rows
        continue;
      }
      float[] matrix = new float[counts[g] * width];
      float[] labels = new float[counts[g]];
      float[] weights = data.sampleWeights() == null ? null : new float[counts[g]];
      double[] dense = new double[layout.denseSize];
      int[] hot = new int[2];
      int row = 0;
      for (int i = 0; i < n; i++) {
        if (groupOf[i] != g) {
          continue;
        }
        int p = layout.usePositions ? data.positions()[i] : 0;
        writeRow(layout, data.contexts(), i * data.dim(), data.actions()[i], p, dense, hot, matrix, row * width);
        labels[row] = (float) data.rewards()[i];
        if (weights != null) {
          weights[row] = (float) data.sampleWeights()[i];
        }
        row++;
      }
      boosters[g] = train(matrix, counts[g], width, labels, weights);
    }
    return new TreeRewardModel(layout, boosters, constants);
  }

  /** The weighted mean reward of all rows, 0 if no row has weight. */
  private static double mean(RewardData data) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < data.rows(); i++) {
      double s = data.sampleWeights() == null ? 1.0 : data.sampleWeights()[i];
      sum += s * data.rewards()[i];
      total += s;
    }
    return total > 0 ? sum / total : 0.0;
  }

  private Booster train(float[] matrix, int rows, int width, float[] labels, float[] weights) {
    try {
      DMatrix train = new DMatrix(matrix, rows, width, Float.NaN);
      try {
        train.setLabel(labels);
        if (weights != null) {
          train.setWeight(weights);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective.xgboostName());
        params.put("eta", learningRate);
        params.put("max_depth", maxDepth);
        params.put("lambda", l2);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("tree_method", "hist");
        params.put("verbosity", 0);
        return XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
      } finally {
        train.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to fit: " + e.getMessage(), e);
    }
  }

  /** Writes the features of (x, a, p) without the intercept: {@code [x, ac(a), one-hots]}. */
  static void writeRow(FeatureLayout layout, double[] contexts, int contextOffset, int a, int p, double[] dense,
      int[] hot, float[] out, int offset) {
    int hotCount = layout.fill(contexts, contextOffset, a, p, dense, hot);
    int width = layout.size - 1;
    for (int j = 1; j < layout.denseSize; j++) {
      out[offset + j - 1] = (float) dense[j];
    }
    for (int j = layout.denseSize - 1; j < width; j++) {
      out[offset + j] = 0f;
    }
    for (int h = 0; h < hotCount; h++) {
      out[offset + hot[h] - 1] = 1f;
    }
  }

  @Override
  public String describe() {
    return "xgboost(" + objective.xgboostName() + ", rounds=" + rounds + ", max_depth=" + maxDepth + ", eta="
        + Numbers.format(learningRate) + ", lambda=" + Numbers.format(l2) + ", nthread=" + threads + ", seed=" + seed
        + features.describe() + ")";
  }

  /** Boosted trees per group; predicts every (row, action) pair of a call in one XGBoost call per group. */
  static final class TreeRewardModel implements RewardModel {
    private final FeatureLayout layout;
    private final Booster[] boosters;
    private final double[] constants;

    TreeRewardModel(FeatureLayout layout, Booster[] boosters, double[] constants) {
      this.layout = layout;
      this.boosters = boosters;
      this.constants = constants;
    }

    @Override
    public int nActions() {
      return layout.nActions;
    }

    @Override
    public void predict(double[] contexts, int dim, int[] positions, int rows, double[] out) {
      if (dim != layout.dim) {
        throw new IllegalArgumentException("the model was fitted on " + layout.dim + " context features, got " + dim);
      }
      int k = layout.nActions;
      int width = layout.size - 1;
      int[] groupOf = new int[rows * k];
      int[] counts = new int[boosters.length];
      for (int i = 0; i < rows; i++) {
        int p = layout.position(positions, i);
        for (int a = 0; a < k; a++) {
          int g = layout.group(a, p);
          groupOf[i * k + a] = g;
          counts[g]++;
        }
      }
      double[] dense = new double[layout.denseSize];
      int[] hot = new int[2];
      for (int g = 0; g < boosters.length; g++) {
        if (counts[g] == 0) {
          continue;
        }
        if (boosters[g] == null) {
          for (int cell = 0; cell < rows * k; cell++) {
            if (groupOf[cell] == g) {
              out[cell] = constants[g];
            }
          }
          continue;
        }
        float[] matrix = new float[counts[g] * width];
        int row = 0;
        for (int cell = 0; cell < rows * k; cell++) {
          if (groupOf[cell] == g) {
            int i = cell / k;
            int p = layout.usePositions ? positions[i] : 0;
            writeRow(layout, contexts, i * dim, cell % k, p, dense, hot, matrix, row * width);
            row++;
          }
        }
        float[][] predictions;
        try {
          synchronized (boosters[g]) {
            predictions = boosters[g].inplace_predict(matrix, counts[g], width, Float.NaN);
          }
        } catch (XGBoostError e) {
          throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
        row = 0;
        for (int cell = 0; cell < rows * k; cell++) {
          if (groupOf[cell] == g) {
            out[cell] = predictions[row++][0];
          }
        }
      }
    }
  }
}
