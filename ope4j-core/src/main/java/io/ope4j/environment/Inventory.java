package io.ope4j.environment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inventory control with a continuous stock and a drifting demand, a {@link FeatureEnvironment}
 * (the periodic-review model of Porteus 2002, "Foundations of Stochastic Inventory Theory",
 * with lost sales and an autoregressive demand level). In each of H periods the stock x in [0, 10]
 * is raised by an order chosen among A sizes {@code 8 a / (A - 1)} (capped at the capacity 10; what
 * is received is paid), then a demand D, exponential with mean the current level d, is served from
 * the stock {@code y}; what it exceeds is lost. The reward is {@code sales - 0.4 ordered - 0.05
 * left}, so within {@code [-0.4 * 8 - 0.05 * 10, 10]}. The level moves as {@code d' = 3 + 0.8 (d -
 * 3) + 0.7 e}, e standard normal, kept in [0.5, 8]. Episodes start with x uniform on [0, 5] and d
 * on [1, 5]. Features {@code stock}, {@code demand} (the level d) and {@code period} (t / H). The
 * score of an order is its expected reward this period, {@code E min(y, D) = d (1 - e^{-y/d})}.
 */
public final class Inventory implements FeatureEnvironment {

  static final double CAPACITY = 10.0;
  static final double LARGEST_ORDER = 8.0;
  static final double PRICE = 1.0;
  static final double ORDER_COST = 0.4;
  static final double HOLDING_COST = 0.05;
  private static final double MEAN_LEVEL = 3.0;
  private static final double PERSISTENCE = 0.8;
  private static final double LEVEL_NOISE = 0.7;
  private static final double LOWEST_LEVEL = 0.5;
  private static final double HIGHEST_LEVEL = 8.0;

  private final int orders;
  private final int horizon;
  private double stock;
  private double level;
  private int period;

  private Inventory(int orders, int horizon) {
    this.orders = orders;
    this.horizon = horizon;
  }

  /** A store with {@code orders} order sizes and {@code horizon} periods per episode. */
  public static Inventory of(int orders, int horizon) {
    if (orders < 2 || horizon < 1) {
      throw new IllegalArgumentException("inventory needs >= 2 order sizes and a horizon >= 1, got "
          + orders + ", " + horizon);
    }
    return new Inventory(orders, horizon);
  }

  @Override
  public int actions() {
    return orders;
  }

  @Override
  public List<String> featureNames() {
    return List.of("stock", "demand", "period");
  }

  @Override
  public void reset(SplittableRandom random) {
    stock = 5.0 * random.nextDouble();
    level = 1.0 + 4.0 * random.nextDouble();
    period = 0;
  }

  @Override
  public void observe(double[] out) {
    out[0] = stock;
    out[1] = level;
    out[2] = (double) period / horizon;
  }

  @Override
  public void scores(double[] out) {
    for (int a = 0; a < orders; a++) {
      double available = available(a);
      double sales = level * (1 - Math.exp(-available / level));
      out[a] = PRICE * sales - ORDER_COST * (available - stock) - HOLDING_COST * (available - sales);
    }
  }

  private double available(int action) {
    return Math.min(CAPACITY, stock + LARGEST_ORDER * action / (orders - 1));
  }

  @Override
  public double step(int action, SplittableRandom random) {
    double available = available(action);
    double demand = -level * Math.log(1 - random.nextDouble());
    double sales = Math.min(available, demand);
    double left = available - sales;
    double reward = PRICE * sales - ORDER_COST * (available - stock) - HOLDING_COST * left;
    stock = left;
    double drifted = MEAN_LEVEL + PERSISTENCE * (level - MEAN_LEVEL) + LEVEL_NOISE * random.nextGaussian();
    level = Math.max(LOWEST_LEVEL, Math.min(HIGHEST_LEVEL, drifted));
    period++;
    return reward;
  }

  @Override
  public boolean done() {
    return period == horizon;
  }

  @Override
  public double[] rewardRange() {
    return new double[] {-ORDER_COST * LARGEST_ORDER - HOLDING_COST * CAPACITY, PRICE * CAPACITY};
  }
}
