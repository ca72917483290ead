package io.ope4j.ct;

/**
 * One synchronous step of many paths, for the online algorithms: transition i of this step goes
 * from (tFrom[i], xFrom[i·d..]) to (tTo[i], xTo[i·d..]) with integrated reward R[i], discount g[i],
 * length Δ[i], whether x_to is the path's terminal observation (finite horizon: J := payoff
 * there), and the slot of its path (for per-path traces). Filled by {@link LockstepDriver}.
 */
final class StepBatch {

  final int dim;
  int size;
  int[] slot;
  double[] tFrom;
  double[] tTo;
  double[] xFrom;
  double[] xTo;
  double[] reward;
  double[] discount;
  double[] duration;
  boolean[] terminal;
  /** True when this transition is the first of its path (traces restart). */
  boolean[] first;
  double[] payoff;

  private Features cachedFeatures;
  private double[] phiFrom = new double[0];
  private double[] phiTo = new double[0];
  private int cachedSize = -1;
  private long version;
  private long cachedVersion = -1;

  /** Marks the batch as refilled: cached features are stale. */
  void refilled() {
    version++;
  }

  /**
   * φ at every from-state ({@code to = false}) or to-state of this step, computed once per step
   * and shared by all learners with the same linear basis (row i at {@code [i·p, (i+1)·p)}).
   */
  double[] features(Features features, CtProblem problem, boolean to) {
    if (features != cachedFeatures || cachedVersion != version || cachedSize != size) {
      int p = features.size();
      if (phiFrom.length < size * p) {
        phiFrom = new double[size * p];
        phiTo = new double[size * p];
      }
      for (int i = 0; i < size; i++) {
        features.values(tFrom[i], problem.timeToGo(tFrom[i]), xFrom, i * dim, phiFrom, i * p);
        features.values(tTo[i], problem.timeToGo(tTo[i]), xTo, i * dim, phiTo, i * p);
      }
      cachedFeatures = features;
      cachedVersion = version;
      cachedSize = size;
    }
    return to ? phiTo : phiFrom;
  }

  StepBatch(int dim, int capacity) {
    this.dim = dim;
    slot = new int[capacity];
    tFrom = new double[capacity];
    tTo = new double[capacity];
    xFrom = new double[capacity * dim];
    xTo = new double[capacity * dim];
    reward = new double[capacity];
    discount = new double[capacity];
    duration = new double[capacity];
    terminal = new boolean[capacity];
    first = new boolean[capacity];
    payoff = new double[capacity];
  }
}
