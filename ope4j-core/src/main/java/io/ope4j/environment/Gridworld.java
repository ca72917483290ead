package io.ope4j.environment;

/**
 * A slippery n x n gridworld as a {@link TabularMdp} (after Sutton &amp; Barto 2018, Example 3.5,
 * with slips as in the FrozenLake family): episodes start in the top-left cell, the actions move
 * up, right, down, left; with probability {@code slip} the move is drawn uniformly among the four
 * instead. A move off the grid stays put. Every step costs {@code stepCost}, except the one that
 * enters the bottom-right goal, which pays 1 and ends the episode (no step is logged at the goal).
 * States are the cells {@code row * n + column}; the goal's own state is never visited.
 */
public final class Gridworld {

  /** The actions in order. */
  public static final int UP = 0;
  public static final int RIGHT = 1;
  public static final int DOWN = 2;
  public static final int LEFT = 3;

  private static final int[] ROW_MOVE = {-1, 0, 1, 0};
  private static final int[] COLUMN_MOVE = {0, 1, 0, -1};

  private Gridworld() {}

  /** The grid; {@code horizon} 0 for none. */
  public static TabularMdp of(int size, double slip, double stepCost, int horizon) {
    if (size < 2 || !(slip >= 0 && slip <= 1) || !(stepCost >= 0) || Double.isInfinite(stepCost)) {
      throw new IllegalArgumentException("a gridworld needs size >= 2, slip in [0, 1] and a"
          + " finite step cost >= 0, got " + size + ", " + slip + ", " + stepCost);
    }
    int n = size * size;
    int goal = n - 1;
    double[][][] next = new double[n][4][n];
    double[][][] payoff = new double[n][4][n + 1];
    for (int cell = 0; cell < n; cell++) {
      for (int action = 0; action < 4; action++) {
        for (int move = 0; move < 4; move++) {
          double p = slip / 4 + (move == action ? 1 - slip : 0);
          int to = moved(cell, move, size);
          if (to != goal) {
            next[cell][action][to] += p; // the mass into the goal is left out: the episode ends
          }
        }
        java.util.Arrays.fill(payoff[cell][action], -stepCost);
        payoff[cell][action][n] = 1.0;
      }
    }
    double[] continuation = new double[n];
    java.util.Arrays.fill(continuation, 1.0);
    double[] initial = new double[n];
    initial[0] = 1.0;
    return TabularMdp.of(next, payoff, continuation, initial, horizon,
        new TabularMdp.RewardNoise.Uniform(0.0));
  }

  private static int moved(int cell, int move, int size) {
    int row = cell / size + ROW_MOVE[move];
    int column = cell % size + COLUMN_MOVE[move];
    if (row < 0 || row >= size || column < 0 || column >= size) {
      return cell;
    }
    return row * size + column;
  }
}
