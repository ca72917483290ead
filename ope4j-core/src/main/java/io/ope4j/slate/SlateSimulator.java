package io.ope4j.slate;

import io.ope4j.internal.stats.CounterRng;

/**
 * Simulated slates with exact true values. A pool of contexts (uniform) and items; each (context,
 * item) has an attractiveness in (0, 1), a logistic of a standard normal draw. Both policies are
 * factored: at every position l an item is drawn, with replacement, from a softmax over the
 * attractiveness (the behaviour's at one temperature for every position, the evaluation policy's
 * at {@code temperature * (l + 1)}, so it ranks the attractive items near the top). The rewards
 * follow a {@link ClickModel}. Because positions are drawn independently, the expected slate
 * reward is a closed form over the tables (no sampling): the truth is exact. Slate {@code i} is a
 * pure function of (seed, i), so any range of slates can be drawn on any thread.
 *
 * <p>Log columns: every propensity of docs/formats.md's slate log, {@code pi_e_*} (the evaluation
 * policy's distribution at the position) and {@code qhat_*}: the true Q_l plus Gaussian noise of
 * standard deviation {@code modelNoise}.
 */
public final class SlateSimulator {

  /** The settings. */
  public record Config(int items, int length, int contexts, ClickModel clickModel,
      double behaviourTemperature, double evaluationTemperature, double modelNoise, long seed) {
    public Config {
      if (items < 1 || length < 1 || contexts < 1) {
        throw new IllegalArgumentException("items, slate length and contexts must be >= 1, got "
            + items + ", " + length + ", " + contexts);
      }
      if (!(behaviourTemperature > 0) || !(evaluationTemperature > 0) || !(modelNoise >= 0)) {
        throw new IllegalArgumentException("temperatures must be > 0 and the model noise >= 0");
      }
    }
  }

  private static final long STREAM_ATTRACTIVENESS = 1;
  private static final long STREAM_SLATES = 2;

  private final Config config;
  /** attractiveness[c * K + a]. */
  private final double[] attractiveness;
  /** Per context and position, each policy's distribution: [(c * L + l) * K + a]. */
  private final double[] behaviour;
  private final double[] evaluation;
  /** Per context and position, the evaluation policy's mean attractiveness there. */
  private final double[] meanAttraction;
  /** The key of the slates' draws. */
  private final long slatesKey;

  /** The tables of {@code config}, drawn from its seed. */
  public SlateSimulator(Config config) {
    this.config = config;
    int k = config.items();
    int length = config.length();
    attractiveness = new double[config.contexts() * k];
    long key = CounterRng.key(config.seed(), STREAM_ATTRACTIVENESS);
    for (int i = 0; i < attractiveness.length; i++) {
      attractiveness[i] = 1.0 / (1.0 + Math.exp(-CounterRng.gaussian(key, i)));
    }
    behaviour = new double[config.contexts() * length * k];
    evaluation = new double[behaviour.length];
    meanAttraction = new double[config.contexts() * length];
    for (int c = 0; c < config.contexts(); c++) {
      for (int l = 0; l < length; l++) {
        int row = (c * length + l) * k;
        softmax(c, config.behaviourTemperature(), behaviour, row);
        softmax(c, config.evaluationTemperature() * (l + 1), evaluation, row);
        double mean = 0.0;
        for (int a = 0; a < k; a++) {
          mean += evaluation[row + a] * attractiveness[c * k + a];
        }
        meanAttraction[c * length + l] = mean;
      }
    }
    slatesKey = CounterRng.key(config.seed(), STREAM_SLATES);
  }

  /** The same tables (and truth), with the slates drawn from {@code sampleSeed}. */
  private SlateSimulator(SlateSimulator tables, long sampleSeed) {
    this.config = tables.config;
    this.attractiveness = tables.attractiveness;
    this.behaviour = tables.behaviour;
    this.evaluation = tables.evaluation;
    this.meanAttraction = tables.meanAttraction;
    this.slatesKey = CounterRng.key(sampleSeed, STREAM_SLATES);
  }

  /**
   * This simulator with other slates: the same contexts, items, policies and truth, the slates
   * drawn from {@code sampleSeed} (for replications of one setting).
   */
  public SlateSimulator withSampleSeed(long sampleSeed) {
    return new SlateSimulator(this, sampleSeed);
  }

  private void softmax(int context, double temperature, double[] out, int offset) {
    int k = config.items();
    double total = 0.0;
    for (int a = 0; a < k; a++) {
      out[offset + a] = Math.exp(attractiveness[context * k + a] / temperature);
      total += out[offset + a];
    }
    for (int a = 0; a < k; a++) {
      out[offset + a] /= total;
    }
  }

  public Config config() {
    return config;
  }

  /** The exact expected slate reward of the evaluation policy. */
  public double truth() {
    return value(true);
  }

  /** The exact expected slate reward of the behaviour policy. */
  public double behaviourValue() {
    return value(false);
  }

  private double value(boolean evaluated) {
    int k = config.items();
    int length = config.length();
    double total = 0.0;
    for (int c = 0; c < config.contexts(); c++) {
      double notClicked = 1.0;
      for (int l = 0; l < length; l++) {
        double[] policy = evaluated ? evaluation : behaviour;
        double mean = 0.0;
        for (int a = 0; a < k; a++) {
          mean += policy[(c * length + l) * k + a] * attractiveness[c * k + a];
        }
        if (config.clickModel() == ClickModel.INDEPENDENT) {
          total += mean / (l + 1);
        } else {
          total += notClicked * mean;
          notClicked *= 1 - mean;
        }
      }
    }
    return total / config.contexts();
  }

  /**
   * One simulated slate: its context, items, rewards and the columns of the log. Scratch space
   * reused from slate to slate; one per thread.
   */
  public final class Slate {
    int context;
    public final int[] items = new int[config.length()];
    public final double[] rewards = new double[config.length()];
    /** Behaviour and evaluation probabilities: joint, item-position, cascade per position. */
    public double behaviourJoint;
    public double evaluationJoint;
    public final double[] behaviourMarginal = new double[config.length()];
    public final double[] evaluationMarginal = new double[config.length()];
    public final double[] behaviourPrefix = new double[config.length()];
    public final double[] evaluationPrefix = new double[config.length()];
    /** Q-hat of every item at position l: [l * K + a]. */
    public final double[] modelRows = new double[config.length() * config.items()];

    /** The evaluation policy's probability of every item at position {@code l}. */
    public void evaluationRow(int l, double[] out) {
      System.arraycopy(evaluation, (context * config.length() + l) * config.items(), out, 0,
          config.items());
    }

    /** The evaluation policy's probability of item a at l. */
    public double evaluationProbability(int l, int a) {
      return evaluation[(context * config.length() + l) * config.items() + a];
    }
  }

  /** A scratch slate for {@link #draw}. */
  public Slate newSlate() {
    return new Slate();
  }

  /** Draws slate {@code index} into {@code out}. */
  public void draw(long index, Slate out) {
    int k = config.items();
    int length = config.length();
    long key = CounterRng.key(slatesKey, index);
    int c = CounterRng.below(key, 0, config.contexts());
    out.context = c;
    double pb = 1.0;
    double pe = 1.0;
    boolean clicked = false;
    for (int l = 0; l < length; l++) {
      int row = (c * length + l) * k;
      int a = sample(behaviour, row, k, CounterRng.uniform(key, 1 + l));
      out.items[l] = a;
      out.behaviourMarginal[l] = behaviour[row + a];
      out.evaluationMarginal[l] = evaluation[row + a];
      pb *= behaviour[row + a];
      pe *= evaluation[row + a];
      out.behaviourPrefix[l] = pb;
      out.evaluationPrefix[l] = pe;
      double attraction = attractiveness[c * k + a];
      double u = CounterRng.uniform(key, 1 + length + l);
      if (config.clickModel() == ClickModel.INDEPENDENT) {
        out.rewards[l] = u < attraction / (l + 1) ? 1 : 0;
      } else {
        out.rewards[l] = !clicked && u < attraction ? 1 : 0;
        clicked |= out.rewards[l] == 1;
      }
    }
    out.behaviourJoint = pb;
    out.evaluationJoint = pe;
    fillModel(key, out);
  }

  /** Q_l(x, logged prefix, a) for every item, plus noise. */
  private void fillModel(long key, Slate out) {
    int k = config.items();
    int length = config.length();
    int c = out.context;
    double notClicked = 1.0;
    for (int l = 0; l < length; l++) {
      double after = expectedFrom(c, l + 1);
      for (int a = 0; a < k; a++) {
        double attraction = attractiveness[c * k + a];
        double q = config.clickModel() == ClickModel.INDEPENDENT
            ? attraction / (l + 1) + after
            : notClicked * (attraction + (1 - attraction) * after);
        double noise = config.modelNoise() == 0 ? 0
            : config.modelNoise() * CounterRng.gaussian(key, 1 + 2L * length + (long) l * k + a);
        out.modelRows[l * k + a] = q + noise;
      }
      notClicked *= 1 - attractiveness[c * k + out.items[l]];
    }
  }

  /**
   * Expected clicks at positions {@code from..L-1} under the evaluation policy: for the cascade
   * model given no click above {@code from}.
   */
  private double expectedFrom(int c, int from) {
    double total = 0.0;
    double notClicked = 1.0;
    for (int l = from; l < config.length(); l++) {
      double mean = meanAttraction[c * config.length() + l];
      if (config.clickModel() == ClickModel.INDEPENDENT) {
        total += mean / (l + 1);
      } else {
        total += notClicked * mean;
        notClicked *= 1 - mean;
      }
    }
    return total;
  }

  private static int sample(double[] probabilities, int offset, int k, double u) {
    double cumulative = 0.0;
    for (int a = 0; a < k - 1; a++) {
      cumulative += probabilities[offset + a];
      if (u < cumulative) {
        return a;
      }
    }
    return k - 1;
  }

  /** The first {@code slates} slates as a {@link SlateSource} (one reader per thread). */
  public SlateSource source(long slates) {
    return new SimulatedSlates(this, slates);
  }
}
