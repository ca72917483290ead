package io.ope4j.models;

import io.ope4j.rewardmodel.RewardModel;

/**
 * A fitted linear reward model: {@code q = eta} (ridge) or {@code q = sigmoid(eta)} (logistic)
 * with {@code eta = beta_g . z(x, a, p)} and {@code g} the group serving (a, p) (see {@link
 * FeatureLayout}). A group fitted on no usable row, or on rows that all had the same binary
 * reward, predicts a constant. Immutable and thread-safe.
 */
final class LinearRewardModel implements RewardModel {

  private final FeatureLayout layout;
  private final boolean logistic;
  /** Coefficients per group; null for a constant group. */
  private final double[][] coefficients;
  private final double[] constants;
  /** Per group, the action's share of eta (one-hot and action context); null when per action. */
  private final double[][] actionTerms;

  LinearRewardModel(FeatureLayout layout, boolean logistic, double[][] coefficients, double[] constants) {
    this.layout = layout;
    this.logistic = logistic;
    this.coefficients = coefficients;
    this.constants = constants;
    this.actionTerms = layout.perAction ? null : actionTerms(layout, coefficients);
  }

  private static double[][] actionTerms(FeatureLayout layout, double[][] coefficients) {
    int k = layout.nActions;
    double[][] terms = new double[coefficients.length][];
    for (int g = 0; g < coefficients.length; g++) {
      double[] beta = coefficients[g];
      if (beta == null) {
        continue;
      }
      terms[g] = new double[k];
      for (int a = 0; a < k; a++) {
        double term = layout.actionOffset >= 0 ? beta[layout.actionOffset + a] : 0.0;
        int offset = 1 + layout.dim;
        for (int j = 0; j < layout.contextFeatures; j++) {
          term += beta[offset + j] * layout.actionContext[a * layout.contextFeatures + j];
        }
        terms[g][a] = term;
      }
    }
    return terms;
  }

  @Override
  public int nActions() {
    return layout.nActions;
  }

  /** Coefficients of group {@code g} (a copy), or null for a constant group; for tests. */
  double[] coefficients(int group) {
    return coefficients[group] == null ? null : coefficients[group].clone();
  }

  @Override
  public void predict(double[] contexts, int dim, int[] positions, int rows, double[] out) {
    if (dim != layout.dim) {
      throw new IllegalArgumentException("the model was fitted on " + layout.dim + " context features, got " + dim);
    }
    int k = layout.nActions;
    for (int i = 0; i < rows; i++) {
      int p = layout.position(positions, i);
      int offset = i * dim;
      if (layout.perAction) {
        for (int a = 0; a < k; a++) {
          int g = layout.group(a, p);
          out[i * k + a] = coefficients[g] == null ? constants[g] : link(linearPart(coefficients[g], contexts, offset, p));
        }
        continue;
      }
      int g = layout.group(0, p);
      double[] beta = coefficients[g];
      if (beta == null) {
        java.util.Arrays.fill(out, i * k, i * k + k, constants[g]);
        continue;
      }
      double base = linearPart(beta, contexts, offset, p);
      double[] terms = actionTerms[g];
      for (int a = 0; a < k; a++) {
        out[i * k + a] = link(base + terms[a]);
      }
    }
  }

  /** Intercept + context + position share of eta. */
  private double linearPart(double[] beta, double[] contexts, int offset, int p) {
    double eta = beta[0];
    for (int j = 0; j < layout.dim; j++) {
      eta += beta[1 + j] * contexts[offset + j];
    }
    if (layout.positionOffset >= 0) {
      eta += beta[layout.positionOffset + p];
    }
    return eta;
  }

  /** Inverse link: sigmoid for logistic (predict_proba[:, 1]), identity for ridge. */
  private double link(double eta) {
    return logistic ? GlmSolver.sigmoid(eta) : eta;
  }
}
