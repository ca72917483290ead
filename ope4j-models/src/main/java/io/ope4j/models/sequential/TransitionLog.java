package io.ope4j.models.sequential;

import io.ope4j.data.InvalidDataException;
import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.EpisodeSteps;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A trajectory log held in memory as primitive columns, for fitting Q functions and marginal
 * ratios: per step the state ({@link #width} features, or a tabular index), logged action,
 * reward, behaviour probability and every policy's probabilities of every action; episodes as row
 * ranges. Memory: {@code steps x (width + 3 + policies x actions)} doubles. A step's next state is
 * the next row of its episode; an episode's last step is terminal (the log must say each episode
 * ended: a cut one, {@code done} 0 on its last row, is refused). Immutable once collected.
 */
public final class TransitionLog {

  final String name;
  final List<String> policyNames;
  final int episodes;
  final long[] episodeIds;
  /** Rows of episode e are {@code start[e] .. start[e+1]-1}. */
  final int[] start;
  final int steps;
  final int width;
  final boolean tabular;
  /** With a tabular state: the number of states (largest index + 1). */
  final int states;
  final int actions;
  final double[] state;
  final int[] action;
  final double[] reward;
  final double[] pscore;
  /** Per policy, {@code pi[p][i * actions + a]}. */
  final double[][] pi;

  private TransitionLog(String name, List<String> policyNames, int episodes, long[] episodeIds,
      int[] start, int width, boolean tabular, int actions, double[] state, int[] action,
      double[] reward, double[] pscore, double[][] pi) {
    this.name = name;
    this.policyNames = List.copyOf(policyNames);
    this.episodes = episodes;
    this.episodeIds = episodeIds;
    this.start = start;
    this.steps = start[episodes];
    this.width = width;
    this.tabular = tabular;
    this.actions = actions;
    this.state = state;
    this.action = action;
    this.reward = reward;
    this.pscore = pscore;
    this.pi = pi;
    int largest = -1;
    for (int i = 0; tabular && i < steps; i++) {
      largest = Math.max(largest, (int) state[i]);
    }
    this.states = largest + 1;
  }

  /**
   * Reads every episode of {@code source}, which must deliver states ({@code
   * TrajectoryReadOptions.withStates}).
   *
   * @param tabular whether the state is a tabular index
   * @throws InvalidDataException for a cut episode or an empty log
   */
  public static TransitionLog collect(EpisodeSource source, boolean tabular) throws IOException {
    int policies = source.policyNames().size();
    EpisodeSteps episode = new EpisodeSteps(policies);
    Columns columns = new Columns(policies);
    int episodes = 0;
    while (source.next(episode)) {
      if (!episode.ended()) {
        throw new InvalidDataException(source.name(), -1, "done", "episode " + episode.id()
            + " is cut (done 0 on its last row): a fitted Q and marginal ratios need to know how"
            + " every episode ends");
      }
      columns.add(episode, episodes++);
    }
    if (episodes == 0) {
      throw new InvalidDataException(source.name(), -1, null, "no episodes");
    }
    return columns.build(source.name(), source.policyNames(), episodes, tabular);
  }

  /** Growable columns while reading. */
  private static final class Columns {
    int rows;
    int width = -1;
    int actions = -1;
    long[] ids = new long[64];
    int[] start = new int[65];
    double[] state = new double[0];
    int[] action = new int[64];
    double[] reward = new double[64];
    double[] pscore = new double[64];
    final double[][] pi;

    Columns(int policies) {
      pi = new double[policies][0];
    }

    void add(EpisodeSteps episode, int index) {
      int length = episode.length();
      width = episode.stateWidth();
      actions = episode.actionCount();
      if (index + 2 > start.length || index >= ids.length) {
        ids = Arrays.copyOf(ids, 2 * ids.length);
        start = Arrays.copyOf(start, 2 * ids.length + 1);
      }
      ids[index] = episode.id();
      ensure(rows + length);
      double[] rewards = episode.rewards();
      double[] pscores = episode.pscores();
      System.arraycopy(episode.states(), 0, state, rows * width, length * width);
      for (int t = 0; t < length; t++) {
        action[rows + t] = episode.action(t);
      }
      System.arraycopy(rewards, 0, reward, rows, length);
      System.arraycopy(pscores, 0, pscore, rows, length);
      for (int p = 0; p < pi.length; p++) {
        System.arraycopy(episode.policyRows(p), 0, pi[p], rows * actions, length * actions);
      }
      rows += length;
      start[index + 1] = rows;
    }

    private void ensure(int needed) {
      if (needed > action.length || state.length < needed * width) {
        int size = Math.max(needed, 2 * action.length);
        action = Arrays.copyOf(action, size);
        reward = Arrays.copyOf(reward, size);
        pscore = Arrays.copyOf(pscore, size);
        state = Arrays.copyOf(state, size * width);
        for (int p = 0; p < pi.length; p++) {
          pi[p] = Arrays.copyOf(pi[p], size * actions);
        }
      }
    }

    TransitionLog build(String name, List<String> policyNames, int episodes, boolean tabular) {
      double[][] trimmed = new double[pi.length][];
      for (int p = 0; p < pi.length; p++) {
        trimmed[p] = Arrays.copyOf(pi[p], rows * actions);
      }
      return new TransitionLog(name, policyNames, episodes, Arrays.copyOf(ids, episodes),
          Arrays.copyOf(start, episodes + 1), width, tabular, actions,
          Arrays.copyOf(state, rows * width), Arrays.copyOf(action, rows),
          Arrays.copyOf(reward, rows), Arrays.copyOf(pscore, rows), trimmed);
    }
  }

  /** The row after {@code row} in its episode, or -1 if {@code row} is its episode's last step. */
  int next(int row, int episode) {
    return row + 1 < start[episode + 1] ? row + 1 : -1;
  }

  /** Number of steps. */
  public int steps() {
    return steps;
  }

  /** Number of episodes. */
  public int episodes() {
    return episodes;
  }

  /** Number of actions K. */
  public int actions() {
    return actions;
  }

  /** The evaluation policies' names. */
  public List<String> policyNames() {
    return policyNames;
  }

  /** {@code sum_a pi(a | s_row) q[row * K + a]} for policy {@code p}. */
  double expected(int p, int row, double[] q) {
    double total = 0.0;
    int base = row * actions;
    for (int a = 0; a < actions; a++) {
      total += pi[p][base + a] * q[base + a];
    }
    return total;
  }
}
