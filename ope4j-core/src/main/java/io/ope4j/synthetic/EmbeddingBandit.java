package io.ope4j.synthetic;

import io.ope4j.data.EmbeddingTable;
import io.ope4j.internal.stats.CounterRng;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic bandit whose actions act only through a categorical embedding ("no direct effect",
 * Saito &amp; Joachims 2022, Assumption 3.2), with exact true values. Over a pool of M contexts:
 *
 * <ul>
 *   <li>each action a has a known {@code p(e_d = c | a) = softmax_c(z_{a,d,c} / tau)} per
 *       dimension d, with {@code z ~ N(0, 1)} ({@link #table()});
 *   <li>the reward is Bernoulli with mean {@code q(x, e) = (1/D) sum_d g(x, d, e_d)}, {@code g ~
 *       U(0, 1)} per context, dimension and category; so {@code q(x, a) = (1/D) sum_d sum_c p(c |
 *       a, d) g(x, d, c)};
 *   <li>the behaviour policy and the evaluation policies are {@link PolicySpec} rules over the
 *       standardised {@code q(x, a)}, as in {@link SyntheticBandit}.
 * </ul>
 *
 * A policy's true value is {@code (1/M) sum_x sum_a pi(a|x) q(x, a)}, exact over the pool. Rows
 * are drawn from {@link CounterRng} streams keyed by the seed and the row, so any row range is
 * reproducible alone.
 */
public final class EmbeddingBandit {

  private static final long STREAM_PARAMETERS = 50;
  private static final long STREAM_CONTEXT = 51;
  private static final long STREAM_ACTION = 52;
  private static final long STREAM_EMBEDDING = 53;
  private static final long STREAM_REWARD = 54;

  /**
   * @param actions number of actions K, at least 2
   * @param dims embedding dimensions D, at least 1
   * @param categories categories per dimension, at least 2
   * @param contexts pool size M, at least 1
   * @param embeddingTemperature tau of the embedding softmax, {@code > 0}: small makes each action's
   *     embedding nearly fixed
   * @param behaviorTemperature temperature of the behaviour softmax over standardised rewards, {@code > 0}
   * @param policies evaluation policies, at least one, distinct names
   * @param seed seed of every draw
   */
  public record Settings(int actions, int dims, int categories, int contexts, double embeddingTemperature,
      double behaviorTemperature, List<PolicySpec> policies, long seed) {

    public Settings {
      policies = List.copyOf(policies);
      if (actions < 2 || dims < 1 || categories < 2 || contexts < 1) {
        throw new IllegalArgumentException("an embedding bandit needs actions >= 2, dims >= 1, categories >= 2"
            + " and contexts >= 1, got " + actions + ", " + dims + ", " + categories + ", " + contexts);
      }
      if ((long) contexts * actions > SyntheticConfig.MAX_TABLE_SIZE
          || (long) contexts * dims * categories > SyntheticConfig.MAX_TABLE_SIZE) {
        throw new IllegalArgumentException("contexts * max(actions, dims * categories) must be at most "
            + SyntheticConfig.MAX_TABLE_SIZE);
      }
      if (!(embeddingTemperature > 0 && embeddingTemperature < Double.POSITIVE_INFINITY)
          || !(behaviorTemperature > 0 && behaviorTemperature < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("temperatures must be finite and > 0, got " + embeddingTemperature
            + " and " + behaviorTemperature);
      }
      if (policies.isEmpty() || policies.stream().map(PolicySpec::name).distinct().count() != policies.size()) {
        throw new IllegalArgumentException("at least one evaluation policy, with distinct names, is needed");
      }
    }
  }

  private final Settings settings;
  private final int k;
  private final int dims;
  private final int categories;
  /** {@code p(e_d = c | a)} at {@code (a * dims + d) * categories + c}, and its cumulative sums. */
  private final double[] embedding;
  private final double[] embeddingCdf;
  /** {@code g(x, d, c)} at {@code (x * dims + d) * categories + c}. */
  private final double[] gain;
  /** {@code q(x, a)}, the behaviour's probabilities and cumulative sums, each policy's probabilities. */
  private final double[] meanReward;
  private final double[] behavior;
  private final double[] behaviorCdf;
  private final double[][] policy;
  private final long contextKey;
  private final long actionKey;
  private final long embeddingKey;
  private final long rewardKey;
  /** Whether rows carry the context's one-hot indicator as context columns {@code x_0..x_{M-1}}. */
  private final boolean contextColumns;

  public EmbeddingBandit(Settings settings) {
    this(settings, false);
  }

  /**
   * The same bandit with the context written as M one-hot columns {@code x_0..x_{M-1}} (and held in
   * the batches' context block), for models that need the context: {@code p(a | x, e)} is then
   * log-linear in these columns and the embedding's indicators, so a softmax regression on them is
   * well specified.
   */
  public EmbeddingBandit withContextColumns() {
    return new EmbeddingBandit(settings, true);
  }

  private EmbeddingBandit(Settings settings, boolean contextColumns) {
    this.contextColumns = contextColumns;
    this.settings = settings;
    this.k = settings.actions();
    this.dims = settings.dims();
    this.categories = settings.categories();
    int m = settings.contexts();
    long parameters = CounterRng.key(settings.seed(), STREAM_PARAMETERS);
    long draw = 0;
    embedding = new double[k * dims * categories];
    for (int cell = 0; cell < k * dims; cell++) {
      double[] logits = new double[categories];
      for (int c = 0; c < categories; c++) {
        logits[c] = CounterRng.gaussian(parameters, draw++) / settings.embeddingTemperature();
      }
      new PolicySpec.Softmax("embedding", 1.0).rule().apply(logits, 0, categories, embedding, cell * categories, -1);
    }
    embeddingCdf = PoolTables.cumulative(embedding, k * dims, categories);
    gain = new double[m * dims * categories];
    for (int i = 0; i < gain.length; i++) {
      gain[i] = CounterRng.uniform(parameters, draw++);
    }
    meanReward = new double[m * k];
    for (int x = 0; x < m; x++) {
      for (int a = 0; a < k; a++) {
        double sum = 0;
        for (int d = 0; d < dims; d++) {
          for (int c = 0; c < categories; c++) {
            sum += embedding[(a * dims + d) * categories + c] * gain[(x * dims + d) * categories + c];
          }
        }
        meanReward[x * k + a] = sum / dims;
      }
    }
    double[] standardised = standardised(meanReward);
    behavior = probabilities(PolicySpec.softmax("behavior", settings.behaviorTemperature()), standardised, m);
    behaviorCdf = PoolTables.cumulative(behavior, m, k);
    policy = new double[settings.policies().size()][];
    for (int p = 0; p < policy.length; p++) {
      policy[p] = probabilities(settings.policies().get(p), standardised, m);
    }
    contextKey = CounterRng.key(settings.seed(), STREAM_CONTEXT);
    actionKey = CounterRng.key(settings.seed(), STREAM_ACTION);
    embeddingKey = CounterRng.key(settings.seed(), STREAM_EMBEDDING);
    rewardKey = CounterRng.key(settings.seed(), STREAM_REWARD);
  }

  public Settings settings() {
    return settings;
  }

  /** The known embedding distribution. */
  public EmbeddingTable table() {
    double[][][] table = new double[k][dims][categories];
    for (int a = 0; a < k; a++) {
      for (int d = 0; d < dims; d++) {
        System.arraycopy(embedding, (a * dims + d) * categories, table[a][d], 0, categories);
      }
    }
    return new EmbeddingTable(table);
  }

  /**
   * Column names of a row: {@code action, reward, pscore, e_0.., pscore_0.., pi_<name>_0..} per
   * policy (formats.md, "Action embeddings"), then {@code x_0..} with {@link #withContextColumns()}.
   */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(List.of("action", "reward", "pscore"));
    for (int d = 0; d < dims; d++) {
      names.add("e_" + d);
    }
    for (int a = 0; a < k; a++) {
      names.add("pscore_" + a);
    }
    for (PolicySpec spec : settings.policies()) {
      for (int a = 0; a < k; a++) {
        names.add(WideColumns.policyPrefix(spec.name()) + a);
      }
    }
    for (int x = 0; contextColumns && x < settings.contexts(); x++) {
      names.add("x_" + x);
    }
    return names;
  }

  /** Fills row {@code row}'s values in the order of {@link #columnNames()}. Allocates nothing. */
  public void wideRow(long row, double[] out) {
    int x = CounterRng.below(contextKey, row, settings.contexts());
    int action = search(behaviorCdf, x * k, k, CounterRng.uniform(actionKey, row));
    double mean = 0;
    for (int d = 0; d < dims; d++) {
      // one uniform per dimension: counters row * dims + d of the embedding stream
      int c = search(embeddingCdf, (action * dims + d) * categories, categories,
          CounterRng.uniform(embeddingKey, row * dims + d));
      out[3 + d] = c;
      mean += gain[(x * dims + d) * categories + c];
    }
    out[0] = action;
    out[1] = CounterRng.uniform(rewardKey, row) < mean / dims ? 1.0 : 0.0;
    out[2] = behavior[x * k + action];
    System.arraycopy(behavior, x * k, out, 3 + dims, k);
    for (int p = 0; p < policy.length; p++) {
      System.arraycopy(policy[p], x * k, out, 3 + dims + (p + 1) * k, k);
    }
    if (contextColumns) {
      int at = 3 + dims + (policy.length + 1) * k;
      java.util.Arrays.fill(out, at, at + settings.contexts(), 0.0);
      out[at + x] = 1.0;
    }
  }

  /** The layout of {@link #source}: wide policies, the behaviour's wide row and D embedding columns. */
  public io.ope4j.data.LogLayout layout() {
    return new io.ope4j.data.LogLayout(settings.policies().stream().map(PolicySpec::name).toList(), false, false,
        k, true, contextColumns ? columnNames().subList(3 + dims + (policy.length + 1) * k, columnNames().size())
            : List.of(), true, false, new io.ope4j.data.ExtraColumns(false, false, dims, true));
  }

  /** Rows {@code [first, first + rows)} as batches of {@link #layout()}. */
  public io.ope4j.data.BatchSource source(long first, long rows) {
    double[] values = new double[columnNames().size()];
    return new RowRangeSource(layout(), (batch, j, row) -> {
      wideRow(row, values);
      int action = (int) values[0];
      batch.action()[j] = action;
      batch.reward()[j] = values[1];
      batch.pscore()[j] = values[2];
      for (int d = 0; d < dims; d++) {
        batch.embedding()[j * dims + d] = (int) values[3 + d];
      }
      System.arraycopy(values, 3 + dims, batch.behaviorWide(), j * k, k);
      for (int p = 0; p < policy.length; p++) {
        System.arraycopy(values, 3 + dims + (p + 1) * k, batch.piWide(p), j * k, k);
        batch.piLogged(p)[j] = values[3 + dims + (p + 1) * k + action];
      }
      if (contextColumns) {
        int m = settings.contexts();
        System.arraycopy(values, 3 + dims + (policy.length + 1) * k, batch.contexts(), j * m, m);
      }
    }, first, rows);
  }

  /** Evaluation policy {@code p}'s exact value over the pool. */
  public double value(int p) {
    return poolValue(policy[p]);
  }

  /** The behaviour policy's exact value. */
  public double behaviorValue() {
    return poolValue(behavior);
  }

  private double poolValue(double[] probabilities) {
    int m = settings.contexts();
    double total = 0;
    for (int x = 0; x < m; x++) {
      double term = 0;
      for (int a = 0; a < k; a++) {
        term += probabilities[x * k + a] * meanReward[x * k + a];
      }
      total += term;
    }
    return total / m;
  }

  private double[] probabilities(PolicySpec spec, double[] standardised, int m) {
    double[] out = new double[m * k];
    for (int x = 0; x < m; x++) {
      spec.probabilities(standardised, x * k, k, out, x * k);
    }
    return out;
  }

  private static double[] standardised(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double variance = 0;
    for (double v : values) {
      variance += (v - mean) * (v - mean) / values.length;
    }
    double sd = variance > 0 ? Math.sqrt(variance) : 1.0;
    double[] z = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      z[i] = values[i] / sd;
    }
    return z;
  }

  /** The first index of {@code cdf[from .. from + width)} above {@code u} (the last entry is 1 > u). */
  private static int search(double[] cdf, int from, int width, double u) {
    int low = 0;
    int high = width - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (u < cdf[from + middle]) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
