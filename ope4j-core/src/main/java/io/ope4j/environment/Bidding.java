package io.ope4j.environment;

/**
 * Real-time bidding with a budget to pace, as a {@link TabularMdp} (after the MDP of Cai et al.
 * 2017, "Real-Time Bidding by Reinforcement Learning in Display Advertising"): the state is
 * (remaining budget 0..B, period 0..T-1) and the action a bid level 0..A-1. Bid a wins the
 * auction with probability {@code 0.8 a / (A - 1)} if {@code a <= budget}, else never (no budget,
 * no win); a win pays the click value 1 and spends a units of budget. Every episode starts with
 * budget B at period 0 and ends after period T-1. State index {@code budget * T + period}.
 */
public final class Bidding {

  private static final double TOP_WIN = 0.8;

  private Bidding() {}

  /** The bidder with budget {@code budget}, {@code periods} periods and {@code bids} bid levels. */
  public static TabularMdp of(int budget, int periods, int bids) {
    if (budget < 1 || periods < 1 || bids < 2) {
      throw new IllegalArgumentException("bidding needs a budget >= 1, >= 1 period and >= 2 bid"
          + " levels, got " + budget + ", " + periods + ", " + bids);
    }
    int n = (budget + 1) * periods;
    double[][][] next = new double[n][bids][n];
    double[][][] payoff = new double[n][bids][n + 1];
    double[] continuation = new double[n];
    for (int left = 0; left <= budget; left++) {
      for (int t = 0; t < periods; t++) {
        int s = left * periods + t;
        // the last period's step ends the episode; its next state only tells win from loss
        continuation[s] = t == periods - 1 ? 0.0 : 1.0;
        int later = Math.min(t + 1, periods - 1);
        for (int bid = 0; bid < bids; bid++) {
          double win = bid <= left ? TOP_WIN * bid / (bids - 1) : 0.0;
          int lost = left * periods + later;
          int won = (left - bid) * periods + later;
          next[s][bid][lost] += 1 - win;
          if (win > 0) {
            next[s][bid][won] += win;
            payoff[s][bid][won] = 1.0;
          }
        }
      }
    }
    double[] initial = new double[n];
    initial[budget * periods] = 1.0;
    return TabularMdp.of(next, payoff, continuation, initial, 0,
        new TabularMdp.RewardNoise.Uniform(0.0));
  }
}
