package io.ope4j.models;

import io.ope4j.internal.stats.CounterRng;
import io.ope4j.policy.Policy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervised-to-bandit protocol (Dudík, Langford &amp; Li, "Doubly Robust Policy Evaluation
 * and Learning", ICML 2011, §5.1; OBP's {@code MultiClassToBanditReduction}): a labelled
 * classification data set becomes a bandit log whose every policy value is known exactly. Each
 * row is one round: its features are the context, the K classes are the actions, a behaviour
 * policy picks a class and the reward is 1 if it is the row's true label, 0 otherwise. The true
 * value of any policy {@code pi} on these rows is therefore {@code mean_i pi(y_i | x_i)}.
 *
 * <p>Policies (all on the raw features; the classifiers standardise them internally with the
 * mean and standard deviation of all rows):
 *
 * <ul>
 *   <li>behaviour: {@code pi_b = mix * weak + (1 - mix) / K}, with {@code weak} a {@link
 *       SoftmaxRegression} ({@code C = behaviourC}) fitted on a seeded subset of the rows (each
 *       row kept with probability {@code behaviourTrainFraction}), mixed with uniform;
 *   <li>evaluation: a stronger softmax regression ({@code C = targetC}, fitted on all rows) as
 *       {@code softmax} (its class probabilities), {@code argmax} (its most probable class) and
 *       {@code egreedy} ({@code (1 - epsilon)} argmax + {@code epsilon} uniform).
 * </ul>
 *
 * <p>Row {@code i}'s action is drawn from {@code pi_b(. | x_i)} with the uniform at counter
 * {@code i} of a {@link CounterRng} stream of the seed, so the log is a pure function of the data
 * and the settings. Rows keep the file's order.
 */
public final class ClassificationBandit {

  static final long SUBSET_STREAM = 0x53554253L; // "SUBS"
  static final long ACTION_STREAM = 0x41435453L; // "ACTS"

  private final double[] contexts;
  private final int dim;
  private final int[] labels;
  private final int classes;
  private final Settings settings;
  private final Policy behaviour;
  private final Map<String, Policy> policies;
  private final Map<String, Double> truths;
  private final double behaviourValue;
  private final int[] actions;
  private final double[] rewards;
  private final double[] pscore;
  private final int behaviourTrainingRows;

  /**
   * How the log is made.
   *
   * @param seed seed of the behaviour training subset and of the logged actions
   * @param behaviourMix weight of the weak classifier in the behaviour policy, in [0, 1]
   * @param behaviourTrainFraction share of rows the weak classifier is fitted on, in (0, 1]
   * @param behaviourC the weak classifier's C
   * @param targetC the evaluation classifier's C
   * @param epsilon exploration of the {@code egreedy} evaluation policy, in [0, 1]
   */
  public record Settings(long seed, double behaviourMix, double behaviourTrainFraction, double behaviourC,
      double targetC, double epsilon) {

    public Settings {
      if (!(behaviourMix >= 0 && behaviourMix <= 1)) {
        throw new io.ope4j.data.UsageException("the behaviour mix must be in [0, 1], got " + behaviourMix);
      }
      if (!(behaviourTrainFraction > 0 && behaviourTrainFraction <= 1)) {
        throw new io.ope4j.data.UsageException("the behaviour training fraction must be in (0, 1], got "
            + behaviourTrainFraction);
      }
      if (!(epsilon >= 0 && epsilon <= 1)) {
        throw new io.ope4j.data.UsageException("epsilon must be in [0, 1], got " + epsilon);
      }
      if (!(behaviourC > 0) || !(targetC > 0)) {
        throw new io.ope4j.data.UsageException("C must be positive, got " + behaviourC + " and " + targetC);
      }
    }

    /** Mix 0.5, a weak classifier (C = 0.01) on 10% of the rows, a strong one (C = 1), epsilon 0.1. */
    public static Settings defaults(long seed) {
      return new Settings(seed, 0.5, 0.1, 0.01, 1.0, 0.1);
    }

    public Settings withBehaviourMix(double mix) {
      return new Settings(seed, mix, behaviourTrainFraction, behaviourC, targetC, epsilon);
    }

    public Settings withSeed(long newSeed) {
      return new Settings(newSeed, behaviourMix, behaviourTrainFraction, behaviourC, targetC, epsilon);
    }
  }

  private ClassificationBandit(double[] contexts, int dim, int[] labels, int classes, Settings settings, int threads) {
    this.contexts = contexts;
    this.dim = dim;
    this.labels = labels;
    this.classes = classes;
    this.settings = settings;
    int n = labels.length;
    Standardiser standardiser = Standardiser.of(contexts, dim, n);
    double[] standard = standardiser.apply(contexts, n);

    long subsetKey = CounterRng.key(settings.seed(), SUBSET_STREAM);
    int kept = 0;
    for (int i = 0; i < n; i++) {
      kept += CounterRng.uniform(subsetKey, i) < settings.behaviourTrainFraction() ? 1 : 0;
    }
    double[] subset = new double[kept * dim];
    int[] subsetLabels = new int[kept];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (CounterRng.uniform(subsetKey, i) < settings.behaviourTrainFraction()) {
        System.arraycopy(standard, i * dim, subset, j * dim, dim);
        subsetLabels[j++] = labels[i];
      }
    }
    this.behaviourTrainingRows = kept;
    if (kept == 0) {
      throw new io.ope4j.data.UsageException("the behaviour classifier's training subset is empty; raise the fraction");
    }
    SoftmaxRegression.Fitted weak = SoftmaxRegression.withC(settings.behaviourC()).threads(threads)
        .fit(subset, dim, subsetLabels, null, classes);
    SoftmaxRegression.Fitted strong = SoftmaxRegression.withC(settings.targetC()).threads(threads)
        .fit(standard, dim, labels, null, classes);
    this.behaviour = new ClassifierPolicy(standardiser, weak, settings.behaviourMix(), false);
    Map<String, Policy> targets = new LinkedHashMap<>();
    targets.put("softmax", new ClassifierPolicy(standardiser, strong, 1.0, false));
    targets.put("argmax", new ClassifierPolicy(standardiser, strong, 1.0, true));
    targets.put("egreedy", new ClassifierPolicy(standardiser, strong, 1.0 - settings.epsilon(), true));
    this.policies = Collections.unmodifiableMap(targets);

    double[] pi = new double[n * classes];
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, Policy> entry : policies.entrySet()) {
      entry.getValue().probabilities(contexts, dim, null, n, pi);
      values.put(entry.getKey(), valueOn(pi));
    }
    this.truths = Collections.unmodifiableMap(values);

    behaviour.probabilities(contexts, dim, null, n, pi);
    this.behaviourValue = valueOn(pi);
    this.actions = new int[n];
    this.rewards = new double[n];
    this.pscore = new double[n];
    long actionKey = CounterRng.key(settings.seed(), ACTION_STREAM);
    for (int i = 0; i < n; i++) {
      double u = CounterRng.uniform(actionKey, i);
      int action = classes - 1;
      double cumulative = 0;
      for (int a = 0; a < classes; a++) {
        cumulative += pi[i * classes + a];
        if (u < cumulative) {
          action = a;
          break;
        }
      }
      actions[i] = action;
      pscore[i] = pi[i * classes + action];
      rewards[i] = action == labels[i] ? 1.0 : 0.0; // reward 1 iff the chosen class is the label
    }
  }

  /**
   * Makes the log.
   *
   * @param features row-major features, {@code features[i * dim + j]}; not copied, not modified
   * @param labels class of each row in [0, classes); not copied, not modified
   * @param threads threads for the classifier fits (the result does not depend on it)
   */
  public static ClassificationBandit of(double[] features, int dim, int[] labels, int classes, Settings settings,
      int threads) {
    if (features.length != (long) labels.length * dim || labels.length == 0) {
      throw new IllegalArgumentException("need rows * dim features and at least one row; got " + features.length
          + " values for " + labels.length + " rows of " + dim);
    }
    return new ClassificationBandit(features, dim, labels, classes, settings, threads);
  }

  /** The true value {@code mean_i pi(y_i | x_i)} of the policy whose probabilities are {@code pi}. */
  private double valueOn(double[] pi) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum += pi[i * classes + labels[i]];
    }
    return sum / labels.length;
  }

  public int rows() {
    return labels.length;
  }

  public int nActions() {
    return classes;
  }

  public int dim() {
    return dim;
  }

  public Settings settings() {
    return settings;
  }

  /** The raw features (the contexts of the log); do not modify. */
  public double[] contexts() {
    return contexts;
  }

  /** The logged actions; do not modify. */
  public int[] actions() {
    return actions;
  }

  /** The rewards, 1 if the logged action is the label; do not modify. */
  public double[] rewards() {
    return rewards;
  }

  /** The behaviour policy's probability of each logged action; do not modify. */
  public double[] pscore() {
    return pscore;
  }

  public Policy behaviour() {
    return behaviour;
  }

  /** Evaluation policy names in order: {@code softmax}, {@code argmax}, {@code egreedy}. */
  public List<String> policyNames() {
    return new ArrayList<>(policies.keySet());
  }

  public Policy policy(String name) {
    Policy policy = policies.get(name);
    if (policy == null) {
      throw new IllegalArgumentException("no evaluation policy " + name + "; known: " + policies.keySet());
    }
    return policy;
  }

  /** The exact value of evaluation policy {@code name} on these rows. */
  public double truth(String name) {
    policy(name);
    return truths.get(name);
  }

  /** The behaviour policy's exact value on these rows. */
  public double behaviourValue() {
    return behaviourValue;
  }

  /** Rows the weak behaviour classifier was fitted on. */
  public int behaviourTrainingRows() {
    return behaviourTrainingRows;
  }

  /**
   * {@code mix * classifier + (1 - mix) / K}, where the classifier is the softmax model's
   * probabilities or, if {@code greedy}, a point mass on its most probable class.
   */
  static final class ClassifierPolicy implements Policy {
    private final Standardiser standardiser;
    private final SoftmaxRegression.Fitted model;
    private final double mix;
    private final boolean greedy;

    ClassifierPolicy(Standardiser standardiser, SoftmaxRegression.Fitted model, double mix, boolean greedy) {
      this.standardiser = standardiser;
      this.model = model;
      this.mix = mix;
      this.greedy = greedy;
    }

    @Override
    public int nActions() {
      return model.nActions();
    }

    @Override
    public void probabilities(double[] x, int dim, int[] positions, int rows, double[] out) {
      int k = model.nActions();
      double[] standard = standardiser.apply(x, rows); // one buffer per batch, not per row
      model.probabilities(standard, dim, positions, rows, out);
      double floor = (1.0 - mix) / k;
      for (int i = 0; i < rows; i++) {
        int offset = i * k;
        if (greedy) {
          int best = 0;
          for (int a = 1; a < k; a++) {
            if (out[offset + a] > out[offset + best]) {
              best = a;
            }
          }
          for (int a = 0; a < k; a++) {
            out[offset + a] = floor + (a == best ? mix : 0.0);
          }
        } else {
          for (int a = 0; a < k; a++) {
            out[offset + a] = mix * out[offset + a] + floor;
          }
        }
      }
    }
  }
}
