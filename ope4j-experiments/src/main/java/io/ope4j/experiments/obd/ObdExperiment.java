package io.ope4j.experiments.obd;

import io.ope4j.data.UsageException;
import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.ObdLoader;
import io.ope4j.io.ObdLog;
import io.ope4j.io.ObdPrior;
import io.ope4j.io.PolicySpecs;
import io.ope4j.io.report.Formats;
import io.ope4j.io.report.ResultReport;
import io.ope4j.policy.BernoulliThompsonSampling;
import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicyColumns;
import io.ope4j.policy.PositionTablePolicy;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The standard Open Bandit Dataset experiment (Saito et al. 2021, sec. 5): estimate the value of
 * the Bernoulli TS policy (the production prior) from the log of the uniform random policy, and
 * compare with its on-policy value, the mean click of its own log. Extra policies from JSON specs
 * are evaluated in the same pass.
 *
 * <p>The reward models are those of {@code ope4j-models} ({@link ObdRewardModels}); {@link
 * Models} lets the experiment run with any other model library.
 */
public final class ObdExperiment {

  /** The name of the Bernoulli TS policy in the results. */
  public static final String POLICY = "bts";

  /** The reward-model name that runs the model-free estimators only. */
  public static final String NO_MODEL = "none";

  /**
   * What to run.
   *
   * @param dataDir the dataset: {@code DIR/{random,bts}/CAMPAIGN/CAMPAIGN.csv[.gz]}, {@code
   *     item_context.csv}, {@code DIR/prior_bts.yaml}
   * @param campaign {@code men} or {@code women}
   * @param estimators comma-separated estimator specs, or null for the defaults
   * @param rewardModel a name of {@link Models#names()}, or {@link #NO_MODEL}
   * @param folds cross-fitting folds of the reward model, at least 2
   * @param foldSeed seed of the fold assignment
   * @param simulations Monte Carlo simulations of the Bernoulli TS action distribution
   * @param simulationSeed seed of those simulations
   * @param threads worker threads
   * @param policySpecs JSON policy specs evaluated beside Bernoulli TS
   */
  public record Settings(
      Path dataDir,
      String campaign,
      String estimators,
      String rewardModel,
      int folds,
      long foldSeed,
      long simulations,
      long simulationSeed,
      int threads,
      List<Path> policySpecs) {}

  /** Where reward models come from (a model library, or a test's). */
  public interface Models {

    /** The model names {@link #fitter} knows. */
    List<String> names();

    /**
     * The fitter called {@code name} for an Open Bandit Dataset log.
     *
     * @throws IllegalArgumentException if the name is unknown
     */
    RewardModelFitter fitter(String name, ObdLog log);

    /**
     * Checks {@code name} before any data is read.
     *
     * @throws UsageException unless {@link #fitter} knows it
     */
    default void check(String name) {
      if (!names().contains(name)) {
        throw new UsageException("--reward-model must be one of " + NO_MODEL + ", " + String.join(", ", names())
            + ", got '" + name + "'");
      }
    }

    /**
     * Cross-fitted predictions: fit {@code fitter} once per fold on the other folds' rows and
     * predict every action for that fold's rows at their logged position (Chernozhukov et al.
     * 2018, Definition 3.1).
     *
     * @return {@code q[i * K + a]}, the prediction of action a for row i
     */
    double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed);
  }

  /**
   * The evaluation and what to print about it.
   *
   * @param result the estimates, with their config
   * @param truths the on-policy value of {@link #POLICY}
   * @param preamble lines for people about the data, the policy and the model
   * @param about the {@code dataset} object of the JSON output
   */
  public record Outcome(EvaluationResult result, Map<String, Double> truths, List<String> preamble,
      Map<String, Object> about) {

    /** The result as the {@code obd} command writes it: estimates beside the truth. */
    public ResultReport report() {
      return ResultReport.of(result).withTruths(truths).withPreamble(preamble).withAbout(about);
    }
  }

  private ObdExperiment() {}

  /**
   * Runs the experiment with the reward models of {@code ope4j-models} ({@link
   * ObdRewardModels#LIBRARY}).
   *
   * @param configFor the evaluation config (intervals, threads) for the chosen estimators
   * @throws IllegalArgumentException on bad settings or specs
   * @throws io.ope4j.data.InvalidDataException on a bad data file
   */
  public static Outcome run(Settings settings, Function<List<Estimator>, EvaluationConfig> configFor)
      throws IOException {
    return run(settings, configFor, ObdRewardModels.LIBRARY);
  }

  /**
   * Runs the experiment with the reward models of {@code models}.
   *
   * @param configFor the evaluation config (intervals, threads) for the chosen estimators
   * @throws IllegalArgumentException on bad settings or specs
   * @throws io.ope4j.data.InvalidDataException on a bad data file
   */
  public static Outcome run(Settings settings, Function<List<Estimator>, EvaluationConfig> configFor, Models models)
      throws IOException {
    return run(settings, configFor, models, done -> {}, fitted -> {});
  }

  /**
   * As {@link #run(Settings, Function, Models)}, telling {@code simulated} the Thompson-sampling
   * simulations done so far, chunk by chunk, and {@code fitted} the reward models fitted so far
   * (one per cross-fitting fold).
   */
  public static Outcome run(Settings settings, Function<List<Estimator>, EvaluationConfig> configFor, Models models,
      LongConsumer simulated, LongConsumer fitted) throws IOException {
    boolean withModel = validate(settings, models);
    Path dir = settings.dataDir();
    ObdLog log = ObdLoader.loadCampaign(dir, "random", settings.campaign());
    ObdLog onPolicy = ObdLoader.loadCampaign(dir, "bts", settings.campaign());
    ObdPrior prior = ObdPrior.read(dir.resolve("prior_bts.yaml"), settings.campaign());
    if (prior.nActions() != log.nActions()) {
      throw new UsageException("the prior of " + settings.campaign() + " has " + prior.nActions()
          + " items, the log " + log.nActions());
    }
    List<Estimator> estimators = Estimators.parseListOrDefault(settings.estimators(), withModel);
    EvaluationConfig config = configFor.apply(estimators);

    long start = System.nanoTime();
    PositionTablePolicy bts = BernoulliThompsonSampling.of(prior.alpha(), prior.beta(), log.slots())
        .actionDistribution(settings.simulations(), settings.simulationSeed(), config.threads(), simulated);
    double simulationSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Policy> policies = policies(settings, log, bts, config.threads());

    double[] predictions = null;
    String modelDescription = "none (model-free estimators only)";
    if (withModel) {
      RewardModelFitter fitter = models.fitter(settings.rewardModel(), log);
      long[] made = {0};
      fitted.accept(0);
      RewardData data = new RewardData(log.contexts(), log.contextDim(), log.actions(), log.positions(),
          log.rewards(), null, log.nActions());
      predictions = models.crossFit(fitter.counting(() -> fitted.accept(++made[0])), data, settings.folds(),
          settings.foldSeed());
      modelDescription = fitter.describe() + ", cross-fitted (" + settings.folds() + " folds, seed "
          + settings.foldSeed() + ")";
    }
    EvaluationResult result = new Evaluator(config).evaluate(columnarLog(log, policies, predictions).source());

    double truth = onPolicy.meanReward();
    List<String> preamble = List.of(
        String.format(Locale.ROOT, "Open Bandit Dataset (ZOZO, CC BY 4.0), campaign %s: %,d impressions logged by"
            + " the uniform random policy; %d items, %d slots.", settings.campaign(), log.rows(), log.nActions(),
            log.slots()),
        String.format(Locale.ROOT, "Evaluation policy %s: Bernoulli Thompson sampling with the production prior;"
            + " action distribution by slot from %,d simulations (seed %d, %.1f s).", POLICY, settings.simulations(),
            settings.simulationSeed(), simulationSeconds),
        String.format(Locale.ROOT, "Truth: the on-policy value of %s, mean click of its own log = %s (%,d"
            + " impressions).", POLICY, Formats.num(truth), onPolicy.rows()),
        "Reward model: " + modelDescription + ".");
    Map<String, Object> about = about(settings, log, simulationSeconds, onPolicy, withModel ? modelDescription : null,
        new ArrayList<>(policies.keySet()).subList(1, policies.size()));
    return new Outcome(result, Map.of(POLICY, truth), preamble, about);
  }

  /** Checks the settings that need no data; returns whether a reward model is asked for. */
  private static boolean validate(Settings settings, Models models) {
    if (!settings.campaign().equals("men") && !settings.campaign().equals("women")) {
      throw new UsageException("--campaign must be men or women, got '" + settings.campaign() + "'");
    }
    if (settings.simulations() < 1) {
      throw new UsageException("--n-sim must be at least 1, got " + settings.simulations());
    }
    boolean withModel = !settings.rewardModel().equals(NO_MODEL);
    if (withModel) {
      models.check(settings.rewardModel());
    }
    if (withModel && settings.folds() < 2) {
      throw new UsageException("--folds must be at least 2, got " + settings.folds());
    }
    return withModel;
  }

  /** Bernoulli TS first, then the policies of the spec files, by name. */
  private static Map<String, Policy> policies(Settings settings, ObdLog log, Policy bts, int threads)
      throws IOException {
    Map<String, Policy> policies = new LinkedHashMap<>();
    policies.put(POLICY, bts);
    PolicySpecs.Target target = new PolicySpecs.Target(log.contextDim(), log.nActions(), log.slots(), threads);
    policies.putAll(PolicySpecs.load(settings.policySpecs(), target, policies.keySet()));
    return policies;
  }

  /** The log in the engine's narrow form: every policy's columns, and the model's if any. */
  private static ColumnarLog columnarLog(ObdLog log, Map<String, Policy> policies, double[] predictions) {
    ColumnarLog.Builder builder = ColumnarLog.builder(log.actions(), log.rewards(), log.pscores())
        .nActions(log.nActions());
    for (Map.Entry<String, Policy> entry : policies.entrySet()) {
      PolicyColumns columns;
      try {
        columns = PolicyColumns.compute(entry.getValue(), log.contexts(), log.contextDim(), log.positions(),
            log.actions(), predictions);
      } catch (IllegalArgumentException e) {
        throw UsageException.withContext("policy '" + entry.getKey() + "': ", e);
      }
      if (predictions == null) {
        builder.policy(entry.getKey(), columns.piLogged());
      } else {
        builder.policy(entry.getKey(), columns.piLogged(), columns.modelValue());
      }
    }
    if (predictions != null) {
      double[] atLogged = new double[log.rows()];
      for (int i = 0; i < log.rows(); i++) {
        atLogged[i] = predictions[i * log.nActions() + log.actions()[i]];
      }
      builder.modelAtLoggedAction(atLogged);
    }
    return builder.build();
  }

  /** The {@code dataset} object of the JSON output. */
  private static Map<String, Object> about(Settings settings, ObdLog log, double simulationSeconds, ObdLog onPolicy,
      String rewardModel, List<String> extraPolicies) {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("name", "open-bandit-dataset");
    dataset.put("campaign", settings.campaign());
    dataset.put("behavior_policy", "random");
    dataset.put("n_actions", log.nActions());
    dataset.put("slots", log.slots());
    Map<String, Object> evaluationPolicy = new LinkedHashMap<>();
    evaluationPolicy.put("name", POLICY);
    evaluationPolicy.put("type", "bernoulli-ts");
    evaluationPolicy.put("simulations", settings.simulations());
    evaluationPolicy.put("seed", settings.simulationSeed());
    evaluationPolicy.put("simulation_seconds", Math.round(simulationSeconds * 1000) / 1000.0);
    dataset.put("evaluation_policy", evaluationPolicy);
    Map<String, Object> groundTruth = new LinkedHashMap<>(); // ordered: Map.of's order changes from run to run
    groundTruth.put("policy", POLICY);
    groundTruth.put("value", onPolicy.meanReward());
    groundTruth.put("n_rounds", onPolicy.rows());
    dataset.put("ground_truth", groundTruth);
    dataset.put("reward_model", rewardModel);
    dataset.put("extra_policies", extraPolicies);
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("dataset", dataset);
    return about;
  }

  /**
   * The bundled sample: {@code data/obd} under the directory in system property {@code
   * ope4j.home} (set by the {@code ope4j} script), else under the working directory.
   */
  public static Path defaultDataDir() {
    String home = System.getProperty("ope4j.home");
    if (home != null && Files.isDirectory(Path.of(home, "data", "obd"))) {
      return Path.of(home, "data", "obd");
    }
    return Path.of("data", "obd");
  }
}
