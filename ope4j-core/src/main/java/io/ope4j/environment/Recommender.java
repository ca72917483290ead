package io.ope4j.environment;

/**
 * A recommender with long-term user state as a {@link TabularMdp}, in the spirit of RecSim (Ie et
 * al. 2019): the user's state is (interest topic among K, boredom level among B, last topic shown)
 * and each action shows a topic. The user clicks (reward 1) with probability 0.7 on their interest
 * topic and 0.2 otherwise, times {@code 1 - 0.5 b / (B - 1)} at boredom b. Showing the last topic
 * again raises boredom by one level, another topic lowers it by one; with probability 0.3 the
 * interest moves to the topic shown. After each step the user stays with probability
 * {@code 0.95 - 0.25 b / (B - 1)}. Episodes start at boredom 0, interest and last topic uniform.
 * State index {@code (interest * B + boredom) * K + last}.
 */
public final class Recommender {

  private static final double CLICK_MATCH = 0.7;
  private static final double CLICK_OTHER = 0.2;
  private static final double DRIFT = 0.3;

  private Recommender() {}

  /** The simulator with {@code topics} topics and {@code boredomLevels} levels of boredom. */
  public static TabularMdp of(int topics, int boredomLevels) {
    if (topics < 2 || boredomLevels < 2) {
      throw new IllegalArgumentException("a recommender needs >= 2 topics and >= 2 boredom levels,"
          + " got " + topics + ", " + boredomLevels);
    }
    int k = topics;
    int levels = boredomLevels;
    int n = k * levels * k;
    double[][][] next = new double[n][k][n];
    double[][][] payoff = new double[n][k][n + 1];
    double[] continuation = new double[n];
    double[] initial = new double[n];
    for (int interest = 0; interest < k; interest++) {
      for (int boredom = 0; boredom < levels; boredom++) {
        double tiredness = (double) boredom / (levels - 1);
        for (int last = 0; last < k; last++) {
          int s = index(interest, boredom, last, k, levels);
          continuation[s] = 0.95 - 0.25 * tiredness;
          if (boredom == 0) {
            initial[s] = 1.0 / (k * k);
          }
          for (int shown = 0; shown < k; shown++) {
            double click = (shown == interest ? CLICK_MATCH : CLICK_OTHER) * (1 - 0.5 * tiredness);
            java.util.Arrays.fill(payoff[s][shown], click);
            int bored = shown == last ? Math.min(boredom + 1, levels - 1) : Math.max(boredom - 1, 0);
            double drift = shown == interest ? 0 : DRIFT;
            next[s][shown][index(interest, bored, shown, k, levels)] += 1 - drift;
            next[s][shown][index(shown, bored, shown, k, levels)] += drift;
          }
        }
      }
    }
    return TabularMdp.of(next, payoff, continuation, initial, 0,
        new TabularMdp.RewardNoise.Bernoulli());
  }

  private static int index(int interest, int boredom, int last, int k, int levels) {
    return (interest * levels + boredom) * k + last;
  }
}
