package io.ope4j.ct;

import io.ope4j.internal.concurrent.OrderedChunks;
import java.util.List;

/**
 * Feeds the online algorithms: many paths advance in lock step, and each time step becomes one
 * {@link StepBatch}. Simulated paths are generated {@value #BLOCK_STEPS} steps at a time in
 * parallel over path ranges (the draws are keyed by path and step, so the result does not depend
 * on the thread count); the updates themselves are sequential, as stochastic approximation is.
 * Only single-step rewards are allowed: left (R = r_kΔ) or trapezoid (R = (Δ/2)(r_k + g r_{k+1})).
 */
public final class LockstepDriver {

  static final int BLOCK_STEPS = 256;

  private LockstepDriver() {}

  /**
   * Runs {@code learners} over {@code paths} simulated paths in lock step.
   *
   * @param rewards left or trapezoid, window 1
   */
  public static void run(PathSimulator simulator, int paths, int threads, RewardRule rewards, List<OnlineTd> learners) {
    checkRule(rewards);
    int d = simulator.dim();
    int steps = simulator.steps();
    double dt = simulator.stepSize();
    CtProblem problem = simulator.problem();
    double g = problem.discount(dt);
    double[] state = new double[paths * d];
    for (int i = 0; i < paths; i++) {
      simulator.start(i, state, i * d);
    }
    int width = BLOCK_STEPS + 1;
    // Two buffer sets: while the learners consume one block, the next is simulated (the states
    // advance only inside generate, so the blocks come out exactly as in a serial run).
    double[][] xs = {new double[width * paths * d], new double[width * paths * d]}; // [local step][path][coordinate]
    double[][] rs = {new double[width * paths], new double[width * paths]};
    StepBatch batch = new StepBatch(d, paths);
    boolean left = rewards.isLeft();
    int blocks = (steps + BLOCK_STEPS - 1) / BLOCK_STEPS;
    // One worker simulates block b + 1 into the other buffer set while the learners consume block
    // b: OrderedChunks keeps at most two blocks in flight, and the worker runs them in order.
    try (OrderedChunks ahead = new OrderedChunks(threads > 1 ? 1 : 0, "ope4j-ct-ahead");
        OrderedChunks parts = OrderedChunks.forThreads(threads, "ope4j-ct-lockstep")) {
      ahead.run(blocks, b -> {
        int k0 = (int) (b * BLOCK_STEPS);
        int buffer = (int) (b % 2);
        generate(simulator, paths, threads, parts, k0, Math.min(BLOCK_STEPS, steps - k0), state, xs[buffer], rs[buffer]);
        return buffer;
      }, (b, buffer) -> {
        int k0 = (int) (b * BLOCK_STEPS);
        feed(simulator, batch, xs[buffer], rs[buffer], paths, k0, Math.min(BLOCK_STEPS, steps - k0), dt, g, steps, left,
            learners);
      });
    }
  }

  /** Turns the generated block into step batches for the learners. */
  private static void feed(PathSimulator simulator, StepBatch batch, double[] xs, double[] rs, int paths, int k0,
      int block, double dt, double g, int steps, boolean left, List<OnlineTd> learners) {
    int d = simulator.dim();
    for (int j = 0; j < block; j++) {
      int k = k0 + j;
      for (int i = 0; i < paths; i++) {
        batch.slot[i] = i;
        batch.tFrom[i] = k * dt;
        batch.tTo[i] = (k + 1) * dt;
        copy(xs, (j * paths + i) * d, batch.xFrom, i * d, d);
        copy(xs, ((j + 1) * paths + i) * d, batch.xTo, i * d, d);
        double r0 = rs[j * paths + i];
        double r1 = rs[(j + 1) * paths + i];
        batch.reward[i] = left ? r0 * dt : dt / 2 * (r0 + g * r1); // continuous_time.md §3
        batch.discount[i] = g;
        batch.duration[i] = dt;
        batch.first[i] = k == 0;
        batch.terminal[i] = k + 1 == steps;
        batch.payoff[i] = batch.terminal[i] ? simulator.payoff(batch.xTo, i * d) : Double.NaN;
      }
      batch.size = paths;
      batch.refilled();
      for (OnlineTd learner : learners) {
        learner.step(batch);
      }
    }
  }

  /** Fills local steps 0..block of xs/rs from the current states, and leaves the states at step k0 + block. */
  private static void generate(PathSimulator simulator, int paths, int threads, OrderedChunks pool, int k0,
      int block, double[] state, double[] xs, double[] rs) {
    int d = simulator.dim();
    int parts = Math.max(1, threads);
    pool.forEach(parts, part -> {
      int from = (int) ((long) paths * part / parts);
      int to = (int) ((long) paths * (part + 1) / parts);
      for (int i = from; i < to; i++) {
        int at = i * d;
        for (int j = 0; j < block; j++) {
          copy(state, at, xs, (j * paths + i) * d, d);
          rs[j * paths + i] = simulator.rewardThenAdvance(i, k0 + j, state, at);
        }
        copy(state, at, xs, (block * paths + i) * d, d);
        rs[block * paths + i] = simulator.reward(i, k0 + block, state, at);
      }
    });
  }

  /**
   * Runs {@code learners} over paths held in memory, {@code epochs} times, in lock step by row
   * index: at step k every path with more than k + 1 rows takes its transition k.
   */
  public static void run(PathBlock data, CtProblem problem, RewardRule rewards, int epochs, List<OnlineTd> learners) {
    checkRule(rewards);
    int d = data.dim();
    int paths = data.paths();
    int longest = 0;
    for (int p = 0; p < paths; p++) {
      longest = Math.max(longest, data.rowsOf(p));
    }
    StepBatch batch = new StepBatch(d, paths);
    boolean left = rewards.isLeft();
    double[] t = data.t();
    double[] x = data.x();
    double[] r = data.r();
    int[] offsets = data.offsets();
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int k = 0; k + 1 < longest; k++) {
        int m = 0;
        for (int p = 0; p < paths; p++) {
          int rows = offsets[p + 1] - offsets[p];
          if (k + 1 >= rows) {
            continue;
          }
          int a = offsets[p] + k;
          double dt = t[a + 1] - t[a];
          double g = problem.discount(dt);
          batch.slot[m] = p;
          batch.tFrom[m] = t[a];
          batch.tTo[m] = t[a + 1];
          System.arraycopy(x, a * d, batch.xFrom, m * d, d);
          System.arraycopy(x, (a + 1) * d, batch.xTo, m * d, d);
          batch.reward[m] = left ? r[a] * dt : dt / 2 * (r[a] + g * r[a + 1]);
          batch.discount[m] = g;
          batch.duration[m] = dt;
          batch.first[m] = k == 0;
          batch.terminal[m] = k + 2 == rows;
          batch.payoff[m] = data.payoff()[p];
          m++;
        }
        batch.size = m;
        batch.refilled();
        for (OnlineTd learner : learners) {
          learner.step(batch);
        }
      }
    }
  }

  /** A short copy: a loop beats System.arraycopy's call for the 1–3 values of a state. */
  private static void copy(double[] from, int fromOffset, double[] to, int toOffset, int length) {
    for (int c = 0; c < length; c++) {
      to[toOffset + c] = from[fromOffset + c];
    }
  }

  private static void checkRule(RewardRule rewards) {
    if (rewards.window() != 1 || !rewards.rule().isSingleStep()) {
      throw new IllegalArgumentException("online algorithms integrate one step at a time: use left or trapezoid"
          + " rewards, got " + rewards.rule().id() + " over " + rewards.window() + " steps");
    }
  }
}
