package io.ope4j.rewardmodel;

import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.internal.data.WideForm;
import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicySource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory bandit log with contexts, evaluated through {@link Policy} objects and an optional
 * {@link CrossFittedModel}: its {@link #source()} computes, batch by batch, each policy's
 * probability of the logged action and the model's predictions, and fills {@link
 * io.ope4j.data.BanditBatch}es for the {@link io.ope4j.engine.Evaluator}, through the same
 * wrappers as a log read from a file ({@link PolicySource}, {@link FittedModelSource}). Nothing of
 * size rows x actions is held beyond the tables given: each batch's probabilities and predictions
 * live in the batch.
 *
 * <pre>{@code
 * CrossFittedModel model = CrossFittedModel.fit(LogisticRegression.withC(100),
 *     new RewardData(contexts, dim, actions, positions, rewards, null, nActions),
 *     CrossFitting.folds(3, 12345));
 * ModelledLog log = ModelledLog.builder(contexts, dim, actions, positions, rewards, pscore)
 *     .policy("bts", btsPolicy)
 *     .model(model)
 *     .build();
 * EvaluationResult result = new Evaluator(config).evaluate(log.source());
 * log.describe();  // what to print beside the estimates: the model, the fitting, propensities
 * }</pre>
 *
 * <p>For row {@code i} and policy {@code p} a batch holds {@code piLogged = pi_p(a_i | x_i,
 * p_i)}, {@code qLogged = q(x_i, a_i, p_i)} and {@code qExpected = sum_a pi_p(a) q(a) / sum_a
 * pi_p(a)} ({@link WideForm#expectedModelValue}, OBP's formula), with {@code q} from the model of
 * row {@code i}'s fold. Without a model the layout has no model columns, and only the estimators
 * that need none (IPW, SNIPW, ...) can run.
 *
 * <p>Arrays are not copied: do not change them while a source reads them. Each {@link #source()}
 * is independent, so one log can be evaluated many times.
 */
public final class ModelledLog {

  private final ArrayLog.Columns columns;
  /** Policies given as n x K probability tables, by name. */
  private final Map<String, double[]> tables = new LinkedHashMap<>();
  /** Policies given as objects, by name. */
  private final Map<String, Policy> policies = new LinkedHashMap<>();
  private final CrossFittedModel model;
  private final String propensityNote;
  private final int nActions;
  private final int batchRows;

  private ModelledLog(Builder builder) {
    this.columns = new ArrayLog.Columns(builder.name, builder.contexts, builder.dim, builder.actions,
        builder.positions, builder.rewards, builder.pscore);
    for (Map.Entry<String, Object> entry : builder.policies.entrySet()) {
      if (entry.getValue() instanceof Policy policy) {
        policies.put(entry.getKey(), policy);
      } else {
        tables.put(entry.getKey(), (double[]) entry.getValue());
      }
    }
    this.model = builder.model;
    this.propensityNote = builder.propensityNote;
    this.nActions = builder.nActions;
    this.batchRows = builder.batchRows;
  }

  /**
   * Starts a log from its columns.
   *
   * @param contexts row-major context features, {@code contexts[i * dim + j]}
   * @param dim context dimension (0 for none)
   * @param actions logged action of each row, in [0, K)
   * @param positions logged slot of each row (>= 0), or null
   * @param rewards observed rewards, finite
   * @param pscore the behaviour policy's probability of each logged action, in (0, 1] (estimated
   *     ones too: say so with {@link Builder#estimatedPropensities(String)})
   */
  public static Builder builder(double[] contexts, int dim, int[] actions, int[] positions, double[] rewards,
      double[] pscore) {
    return new Builder(contexts, dim, actions, positions, rewards, pscore);
  }

  public int rows() {
    return columns.actions().length;
  }

  public int nActions() {
    return nActions;
  }

  /** The layout of the batches: the policies in order, model columns if a model was given. */
  public LogLayout layout() {
    List<String> names = new ArrayList<>(tables.keySet());
    names.addAll(policies.keySet());
    return new LogLayout(names, model != null, columns.positions() != null, nActions);
  }

  /** The model, or null. */
  public CrossFittedModel model() {
    return model;
  }

  /** Whether the propensities were estimated rather than logged. */
  public boolean propensitiesEstimated() {
    return propensityNote != null;
  }

  /**
   * Lines for people: the reward model and how it was fitted (or that there is none), and
   * whether the propensities are estimated, e.g. {@code reward model: logistic(C=100),
   * cross-fitted (3 folds, seed 12345), weights plain} and {@code propensities: estimated
   * (softmax(C=1), cross-fitted (3 folds, seed 1)); every estimate uses estimated
   * propensities}.
   */
  public List<String> describe() {
    return describe(model, propensityNote);
  }

  /**
   * The lines of {@link #describe()} for any log evaluated with {@code model} (or null) and
   * propensities estimated as {@code propensityNote} says (or null when logged).
   */
  public static List<String> describe(CrossFittedModel model, String propensityNote) {
    List<String> lines = new ArrayList<>();
    lines.add("reward model: " + (model == null ? "none" : model.describe()));
    lines.add(propensityNote == null
        ? "propensities: logged"
        : "propensities: estimated (" + propensityNote + "); every estimate uses estimated propensities");
    return lines;
  }

  /**
   * A source over all rows, in batches of at most the batch's capacity (and the builder's batch
   * size): the columns, with the Policy objects ({@link PolicySource}) and the model ({@link
   * FittedModelSource}) applied batch by batch.
   */
  public BatchSource source() {
    BatchSource source = new ArrayLog(columns, new ArrayList<>(tables.keySet()),
        tables.values().toArray(new double[0][]), nActions, batchRows);
    if (!policies.isEmpty()) {
      source = new PolicySource(source, policies);
    }
    return model == null ? source : new FittedModelSource(source, model);
  }

  /** Builds a {@link ModelledLog}. */
  public static final class Builder {
    private final double[] contexts;
    private final int dim;
    private final int[] actions;
    private final int[] positions;
    private final double[] rewards;
    private final double[] pscore;
    /** Policy objects or n x K probability tables, by name. */
    private final Map<String, Object> policies = new LinkedHashMap<>();
    private int nActions = -1;
    private CrossFittedModel model;
    private String propensityNote;
    private String name = "in-memory log";
    private int batchRows = 4096;

    private Builder(double[] contexts, int dim, int[] actions, int[] positions, double[] rewards, double[] pscore) {
      this.contexts = contexts;
      this.dim = dim;
      this.actions = actions;
      this.positions = positions;
      this.rewards = rewards;
      this.pscore = pscore;
    }

    /** Adds an evaluation policy; its name keys the estimates (policies given as tables come first). */
    public Builder policy(String policyName, Policy policy) {
      return add(policyName, policy, policy.nActions());
    }

    /**
     * Adds an evaluation policy given by its probabilities of every action in every row (e.g.
     * wide {@code pi_*} columns read from a file): {@code probabilities[i * K + a]}, each row
     * summing to 1. Not copied.
     *
     * @throws IllegalArgumentException if the length is not a multiple of the number of rows
     */
    public Builder policy(String policyName, double[] probabilities) {
      int n = actions.length;
      if (n == 0 || probabilities.length % n != 0 || probabilities.length == 0) {
        throw new IllegalArgumentException("the probabilities of policy " + policyName + " must hold rows x K values;"
            + " got " + probabilities.length + " for " + n + " rows");
      }
      return add(policyName, probabilities, probabilities.length / n);
    }

    private Builder add(String policyName, Object policy, int k) {
      if (policies.containsKey(policyName)) {
        throw new IllegalArgumentException("policy " + policyName + " given twice");
      }
      if (nActions >= 0 && k != nActions) {
        throw new IllegalArgumentException("policy " + policyName + " has " + k + " actions, the first policy "
            + nActions);
      }
      nActions = k;
      policies.put(policyName, policy);
      return this;
    }

    /** Sets the reward model (for DM and the DR family). */
    public Builder model(CrossFittedModel crossFitted) {
      this.model = crossFitted;
      return this;
    }

    /**
     * Marks the {@code pscore} column as estimated, with how (e.g. the propensity model's
     * description); {@link #describe()} then says so.
     */
    public Builder estimatedPropensities(String how) {
      this.propensityNote = how;
      return this;
    }

    /** How error messages name the log, e.g. its file name (default {@code in-memory log}). */
    public Builder name(String logName) {
      this.name = logName;
      return this;
    }

    /** Largest batch the source fills (default 4096). */
    public Builder batchRows(int rows) {
      if (rows <= 0) {
        throw new IllegalArgumentException("batchRows must be positive, got " + rows);
      }
      this.batchRows = rows;
      return this;
    }

    /**
     * Validates the columns and builds the log.
     *
     * @throws IllegalArgumentException without a policy, with columns of different lengths,
     *     policies and model disagreeing on the number of actions, or a model fitted with weights
     *     for one policy used for another
     * @throws InvalidDataException on a bad value, naming the 1-based row and the column
     */
    public ModelledLog build() {
      if (policies.isEmpty()) {
        throw new IllegalArgumentException("a log needs at least one evaluation policy");
      }
      int n = actions.length;
      if (dim < 0 || contexts.length != (long) n * dim) {
        throw new IllegalArgumentException("contexts has " + contexts.length + " values, expected rows * dim = "
            + (long) n * Math.max(dim, 0));
      }
      if (rewards.length != n || pscore.length != n || positions != null && positions.length != n) {
        throw new IllegalArgumentException("every column must have " + n + " rows");
      }
      int k = nActions;
      if (model != null) {
        if (model.nActions() != k) {
          throw new IllegalArgumentException("the reward model has " + model.nActions() + " actions, the policies " + k);
        }
        String weightedFor = model.weightingPolicy();
        if (weightedFor != null && (policies.size() != 1 || !policies.containsKey(weightedFor))) {
          throw new IllegalArgumentException("the reward model was fitted with weights for policy " + weightedFor
              + " and serves that policy only; build one log per policy (policies here: " + policies.keySet() + ")");
        }
      }
      validate(n, k);
      return new ModelledLog(this);
    }

    private void validate(int n, int k) {
      for (int i = 0; i < n; i++) {
        if (actions[i] < 0 || actions[i] >= k) {
          throw new InvalidDataException(name, i + 1, "action", "must be in [0, " + k + "), got " + actions[i]);
        }
        if (!(pscore[i] > 0.0 && pscore[i] <= 1.0)) {
          throw new InvalidDataException(name, i + 1, "pscore", "must be in (0, 1], got " + pscore[i]);
        }
        if (!Double.isFinite(rewards[i])) {
          throw new InvalidDataException(name, i + 1, "reward", "must be finite, got " + rewards[i]);
        }
        if (positions != null && positions[i] < 0) {
          throw new InvalidDataException(name, i + 1, "position", "must be >= 0, got " + positions[i]);
        }
      }
    }
  }
}
