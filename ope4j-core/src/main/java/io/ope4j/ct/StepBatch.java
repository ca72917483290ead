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
