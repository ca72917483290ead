package io.ope4j.assess;

import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.EpisodeSteps;
import java.util.Arrays;
import java.util.List;

/**
 * Logged episodes held as primitive columns (one row per step) and served as an {@link
 * EpisodeSource}, as many times as asked: the logs of the environment study, small enough to keep.
 */
final class InMemoryEpisodes {

  private final List<String> policies;
  private int steps;
  private int episodes;
  private int[] episodeStart = new int[64];
  private double[] reward = new double[256];
  private double[] pscore = new double[256];
  private double[][] probability;

  InMemoryEpisodes(List<String> policies) {
    this.policies = List.copyOf(policies);
    this.probability = new double[policies.size()][256];
  }

  /** Appends a step; {@code first} starts a new episode; {@code pi[p]} is policy p's probability. */
  void add(boolean first, double stepReward, double stepPscore, double[] pi) {
    if (steps == reward.length) {
      reward = Arrays.copyOf(reward, 2 * steps);
      pscore = Arrays.copyOf(pscore, 2 * steps);
      for (int p = 0; p < probability.length; p++) {
        probability[p] = Arrays.copyOf(probability[p], 2 * steps);
      }
    }
    if (first) {
      if (episodes == episodeStart.length) {
        episodeStart = Arrays.copyOf(episodeStart, 2 * episodes);
      }
      episodeStart[episodes++] = steps;
    }
    reward[steps] = stepReward;
    pscore[steps] = stepPscore;
    for (int p = 0; p < probability.length; p++) {
      probability[p][steps] = pi[p];
    }
    steps++;
  }

  /** The policies' names. */
  List<String> policies() {
    return policies;
  }

  /** A source over the episodes, from the first. */
  EpisodeSource open() {
    return new EpisodeSource() {
      private int next;

      @Override
      public String name() {
        return "simulated episodes";
      }

      @Override
      public List<String> policyNames() {
        return policies;
      }

      @Override
      public boolean hasModel() {
        return false;
      }

      @Override
      public boolean next(EpisodeSteps episode) {
        if (next == episodes) {
          return false;
        }
        int from = episodeStart[next];
        int to = next + 1 < episodes ? episodeStart[next + 1] : steps;
        episode.start(next);
        for (int row = from; row < to; row++) {
          int t = episode.append();
          episode.set(t, reward[row], pscore[row], Double.NaN);
          for (int p = 0; p < probability.length; p++) {
            episode.setPolicy(p, t, probability[p][row], Double.NaN);
          }
        }
        next++;
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
