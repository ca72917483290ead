package io.ope4j.models;

/**
 * Where each feature of {@link RewardFeatures} sits in one model's coefficient vector, and which
 * model (group) serves an (action, position) pair. A group's features are a dense part {@code
 * [1, x, actionContext[a]]} (the intercept first) followed by indicator columns: one-hot action,
 * then one-hot position. Linear fits exploit that a row has at most two indicators set.
 */
final class FeatureLayout implements java.io.Serializable {

  final int nActions;
  final int dim;
  /** Action-context features in the dense part (0 when per action or without a table). */
  final int contextFeatures;
  final double[] actionContext;
  final boolean usePositions;
  final int nPositions;
  final boolean perAction;
  final boolean perPosition;
  /** Dense part: intercept, context, action context. */
  final int denseSize;
  /** First one-hot action column, or -1. */
  final int actionOffset;
  /** First one-hot position column, or -1. */
  final int positionOffset;
  /** Coefficients per group. */
  final int size;

  FeatureLayout(RewardFeatures features, int nActions, int dim, int[] trainingPositions, int explicitPositions) {
    features.checkActions(nActions);
    this.nActions = nActions;
    this.dim = dim;
    this.perAction = features.perAction();
    this.usePositions = trainingPositions != null && features.positions() != RewardFeatures.Positions.IGNORE;
    this.perPosition = usePositions && features.positions() == RewardFeatures.Positions.PER_POSITION;
    int positions = 0;
    if (usePositions) {
      for (int p : trainingPositions) {
        if (p < 0) {
          throw new IllegalArgumentException("positions must be >= 0, got " + p);
        }
        positions = Math.max(positions, p + 1);
      }
      positions = Math.max(positions, explicitPositions);
    }
    this.nPositions = usePositions ? Math.max(positions, 1) : 1;
    boolean withTable = features.actionContextTable() != null && !perAction;
    this.actionContext = withTable ? features.actionContextTable() : null;
    this.contextFeatures = withTable ? features.actionContextDim() : 0;
    this.denseSize = 1 + dim + contextFeatures;
    int next = denseSize;
    this.actionOffset = features.actionOneHot() && !perAction ? next : -1;
    if (actionOffset >= 0) {
      next += nActions;
    }
    this.positionOffset = usePositions && !perPosition ? next : -1;
    if (positionOffset >= 0) {
      next += nPositions;
    }
    this.size = next;
  }

  /** Number of separately fitted models. */
  int groups() {
    return (perAction ? nActions : 1) * (perPosition ? nPositions : 1);
  }

  /** The model serving action {@code a} at position {@code p} (p ignored unless per position). */
  int group(int a, int p) {
    return (perAction ? a * (perPosition ? nPositions : 1) : 0) + (perPosition ? p : 0);
  }

  /**
   * Writes the dense part of the features of (x, a, p) into {@code dense[0, denseSize)} and the
   * indicator columns into {@code hot}.
   *
   * @return how many indicator columns were written (0 to 2)
   */
  int fill(double[] contexts, int contextOffset, int a, int p, double[] dense, int[] hot) {
    dense[0] = 1.0;
    System.arraycopy(contexts, contextOffset, dense, 1, dim);
    if (contextFeatures > 0) {
      System.arraycopy(actionContext, a * contextFeatures, dense, 1 + dim, contextFeatures);
    }
    int count = 0;
    if (actionOffset >= 0) {
      hot[count++] = actionOffset + a;
    }
    if (positionOffset >= 0) {
      hot[count++] = positionOffset + p;
    }
    return count;
  }

  /** The position to use for a row of a prediction, checked against the fit. */
  int position(int[] positions, int row) {
    if (!usePositions) {
      return 0;
    }
    if (positions == null) {
      throw new IllegalArgumentException("the model was fitted with positions; predictions need them too");
    }
    int p = positions[row];
    if (p < 0 || p >= nPositions) {
      throw new IllegalArgumentException("position " + p + " of prediction row " + (row + 1)
          + " was not among the fitted positions 0.." + (nPositions - 1));
    }
    return p;
  }
}
