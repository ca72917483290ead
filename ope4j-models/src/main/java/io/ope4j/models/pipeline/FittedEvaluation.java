package io.ope4j.models.pipeline;

import io.ope4j.data.UsageException;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.engine.RequiredColumns;
import io.ope4j.data.ActionPosterior;
import io.ope4j.estimator.Estimators;
import io.ope4j.models.ActionModel;
import io.ope4j.models.PropensityEstimator;
import io.ope4j.models.RewardModelFit;
import io.ope4j.models.SoftmaxRegression;
import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicySource;
import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.FitWeighting;
import io.ope4j.rewardmodel.FittedModelSource;
import io.ope4j.rewardmodel.ModelCalibration;
import io.ope4j.rewardmodel.ModelledLog;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Fit, then evaluate: cross-fits a reward model (and, if asked, the behaviour propensities) on a
 * log's context columns, then evaluates the log's policies with the model's predictions (DM and
 * the DR family). The policies are the log's wide {@code pi} columns, or {@link Policy} objects
 * computed from the contexts ({@link #withPolicies}).
 *
 * <pre>{@code
 * LogReadOptions options = LogReadOptions.defaults()
 *     .withContent(BatchContent.forFitting(false, true, false));
 * LogInput log = LogInput.of("log.csv");  // CSV, gzip, Parquet or JSON Lines
 * FittedEvaluation.Outcome outcome = FittedEvaluation.of("logistic:C=1")
 *     .evaluate(() -> log.open(options), config);
 * outcome.description();  // "reward model: logistic(C=1), cross-fitted (3 folds, seed 12345), weights plain", ...
 * }</pre>
 *
 * <p><b>Memory.</b> The log is read twice. Pass 1 keeps only what fitting needs, as primitive
 * arrays: the contexts ({@code rows x dim} doubles), actions, rewards, positions, propensities,
 * and with policy-dependent weights each policy's probability of the logged action; the fitted
 * models and, when estimated, one propensity per row are kept for pass 2. Pass 2 streams the log
 * through the wrappers ({@link PolicySource}, {@link FittedModelSource}) into the {@link
 * Evaluator}, one batch at a time; with weights that depend on the policy it runs once per
 * policy, each with that policy's model. Nothing of size rows x actions is held. Policies given
 * as objects are computed in pass 1 only for weights that depend on them. With neither a model
 * nor propensities to fit, the log is read once.
 *
 * <p>The supplier's sources must carry the context block and, with a reward model, every
 * policy's wide probabilities (read options {@code withContexts().withWideColumns()}, as {@code
 * BatchContent.forFitting} of {@code ope4j-io} gives); with
 * {@link #withPolicies} they read no policy columns ({@code withPoliciesSupplied()}) and K must
 * be the policies'; when propensities are estimated the pscore column may be absent ({@code
 * withPscoreOptional(true)}). Messages name the log by the source's {@link BatchSource#name()}.
 * Immutable.
 */
public final class FittedEvaluation {

  /**
   * The estimates and what to tell a reader about how they were made.
   *
   * @param result the estimates; in-sample fitting and estimated propensities are among its
   *     warnings, so that they travel with the estimates
   * @param calibrations per fitted reward model, how its out-of-fold predictions match the logged
   *     rewards (empty without a fitted model)
   * @param description lines for people: the reward model and how it was fitted, the
   *     propensities, and notes (e.g. a pscore column that was ignored)
   */
  public record Outcome(EvaluationResult result, List<String> description, List<ModelCalibration> calibrations) {

    /** An outcome without a fitted reward model. */
    public Outcome(EvaluationResult result, List<String> description) {
      this(result, description, List.of());
    }
  }

  private final RewardModelFitter fitter;
  private final CrossFitting crossFitting;
  private final FitWeighting weighting;
  private final SoftmaxRegression propensityModel;
  private final ActionModel actionModel;
  private final Map<String, Policy> policies;
  private final LongConsumer progress;
  private final LongFunction<LongConsumer> fitProgress;

  private FittedEvaluation(RewardModelFitter fitter, CrossFitting crossFitting, FitWeighting weighting,
      SoftmaxRegression propensityModel, ActionModel actionModel, Map<String, Policy> policies, LongConsumer progress,
      LongFunction<LongConsumer> fitProgress) {
    this.fitter = fitter;
    this.crossFitting = crossFitting;
    this.weighting = weighting;
    this.propensityModel = propensityModel;
    this.actionModel = actionModel;
    this.policies = policies;
    this.progress = progress;
    this.fitProgress = fitProgress;
  }

  /**
   * An evaluation with a reward model fitted by {@code fitter} (null for none: model-free
   * estimators only), kept out of sample by {@code crossFitting}, rows weighted by {@code
   * weighting}.
   */
  public static FittedEvaluation of(RewardModelFitter fitter, CrossFitting crossFitting, FitWeighting weighting) {
    return new FittedEvaluation(fitter, crossFitting, weighting, null, null, Map.of(), rows -> {},
        models -> fitted -> {});
  }

  /**
   * An evaluation with the reward model of {@code fit} (its features, cross-fitting and threads),
   * rows weighted by {@code weighting}.
   */
  public static FittedEvaluation of(RewardModelFit fit, FitWeighting weighting) {
    return of(fit.fitter(), fit.crossFitting(), weighting);
  }

  /**
   * An evaluation with the reward model of {@code spec} ({@link io.ope4j.models.RewardModelSpec}'s
   * grammar, e.g. {@code logistic:C=100}) on the default features, cross-fitted as {@link
   * RewardModelFit#DEFAULT_CROSS_FITTING}, rows unweighted.
   *
   * @throws IllegalArgumentException if the spec is not of the grammar
   */
  public static FittedEvaluation of(String spec) {
    return of(RewardModelFit.of(spec), FitWeighting.PLAIN);
  }

  /** Also estimates the propensities with {@code model} ({@link PropensityEstimator}), replacing any pscore column. */
  public FittedEvaluation withPropensities(SoftmaxRegression model) {
    return new FittedEvaluation(fitter, crossFitting, weighting, model, actionModel, policies, progress, fitProgress);
  }

  /**
   * Also fits {@code model} of the action given context and embedding ({@link ActionModel},
   * cross-fitted like the reward model) and binds it to the estimators that read one ({@code
   * mips:pae=fitted}); the log must have embedding columns.
   */
  public FittedEvaluation withActionModel(ActionModel model) {
    return new FittedEvaluation(fitter, crossFitting, weighting, propensityModel, model, policies, progress, fitProgress);
  }

  /** Evaluates these policies, computed from the contexts, instead of the log's policy columns. */
  public FittedEvaluation withPolicies(Map<String, ? extends Policy> byName) {
    return new FittedEvaluation(fitter, crossFitting, weighting, propensityModel, actionModel, new LinkedHashMap<>(byName),
        progress, fitProgress);
  }

  /** Called with the rows read so far during the evaluating pass. */
  public FittedEvaluation withProgress(LongConsumer rowsRead) {
    return new FittedEvaluation(fitter, crossFitting, weighting, propensityModel, actionModel, policies, rowsRead, fitProgress);
  }

  /**
   * Told, once the first pass is read, how many models the fit will make (each fold's reward
   * model, per policy when the weights depend on it, and the propensity models); what it returns
   * is then called with the models made so far.
   */
  public FittedEvaluation withFitProgress(LongFunction<LongConsumer> modelsToFit) {
    return new FittedEvaluation(fitter, crossFitting, weighting, propensityModel, actionModel, policies, progress, modelsToFit);
  }

  /**
   * Runs both passes.
   *
   * @param log opens the log, once per pass
   * @param config estimators (DM and the DR family need a reward model), intervals, threads
   * @throws IllegalArgumentException when the log does not suit the model, lacks a column an
   *     estimator or the fitting weights need, or does not say K (naming the log and the problem)
   * @throws io.ope4j.data.InvalidDataException on a bad row
   * @throws IOException from the log
   */
  public Outcome evaluate(LogSupplier log, EvaluationConfig config) throws IOException {
    if (fitter == null && propensityModel == null && actionModel == null) {
      try (BatchSource source = open(log)) {
        return new Outcome(new Evaluator(config, progress).evaluate(source), List.of());
      }
    }
    boolean weighted = fitter != null && weighting.dependsOnPolicy();
    FittingData data;
    String name;
    LogLayout layout;
    try (BatchSource raw = log.open()) {
      // The policies are computed in pass 1 only when the fit is weighted by them.
      BatchSource source = policies.isEmpty() ? raw : new PolicySource(raw, policies);
      name = source.name();
      layout = source.layout();
      check(layout, name, config);
      data = FittingData.collect(weighted ? source : raw, weighted);
    }
    List<String> names = layout.policies();
    int folds = crossFitting.folds();
    LongConsumer fitted = fitProgress.apply((fitter == null ? 0 : (long) folds * (weighted ? names.size() : 1))
        + (propensityModel == null ? 0 : folds) + (actionModel == null ? 0 : folds));
    long[] made = {0};
    RewardModelFitter counted = fitter == null ? null : fitter.counting(() -> fitted.accept(++made[0]));
    List<String> description = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    double[] pscore = null;
    String propensityNote = null;
    if (propensityModel != null) {
      if (data.pscore != null) {
        description.add("note: the pscore column of " + name + " is ignored (estimated propensities)");
      }
      PropensityEstimator.Estimated estimated = PropensityEstimator.crossFitted(propensityModel, data.contexts,
          data.dim, data.actions, layout.nActions(), crossFitting);
      pscore = estimated.pscore();
      made[0] += folds;
      fitted.accept(made[0]);
      propensityNote = estimated.description();
      notes.add("estimated propensities (" + propensityNote + "): every estimate uses them; smallest "
          + estimated.smallest());
    }
    if (actionModel != null) {
      ActionPosterior posterior = actionModel.crossFitted(data.contexts, data.dim, data.embedding, data.embeddingDims,
          data.actions, layout.nActions(), crossFitting);
      made[0] += folds;
      fitted.accept(made[0]);
      description.add("action model: " + posterior.describe());
      config = config.withEstimators(Estimators.withActionPosterior(config.estimators(), posterior));
    }
    if (crossFitting.isInSample() && (fitter != null || actionModel != null)) {
      notes.add("the reward model was fitted on the evaluation rows themselves (--in-sample): no cross-fitting");
    }
    Pass pass = new Pass(log, pscore, config, data.rewardData().rewards());
    List<EvaluationResult> parts = new ArrayList<>();
    if (!weighted) {
      CrossFittedModel model = fitter == null ? null : fit(counted, name, data, null, null, null);
      description.addAll(ModelledLog.describe(model, propensityNote));
      parts.add(pass.run(model, names));
    } else {
      for (int p = 0; p < names.size(); p++) {
        CrossFittedModel model = fit(counted, name, data, names.get(p), data.piLogged[p],
            pscore == null ? data.pscore : pscore);
        for (String line : ModelledLog.describe(model, propensityNote)) {
          description.add("[" + names.get(p) + "] " + line);
        }
        parts.add(pass.run(model, List.of(names.get(p))));
      }
    }
    return new Outcome(combine(parts, notes), description, pass.calibrations);
  }

  /** The log, with the policies computed from its contexts when given as objects. */
  private BatchSource open(LogSupplier log) throws IOException {
    BatchSource source = log.open();
    if (policies.isEmpty()) {
      return source;
    }
    try {
      return new PolicySource(source, policies);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** Checks, before any row is read, what the fit and the estimators will need. */
  private void check(LogLayout layout, String name, EvaluationConfig config) {
    boolean pscore = layout.hasPscore() || propensityModel != null;
    List<io.ope4j.estimator.Estimator> checked = config.estimators();
    if (actionModel != null) {
      if (layout.extras().embeddingDims() == 0) {
        throw new UsageException(name + ": the action model is fitted on the embedding columns (e_0..e_{D-1});"
            + " the log has none");
      }
      // checked once the model is bound, by the evaluator, before the second pass reads a row
      checked = checked.stream().filter(e -> !e.needsActionPosterior()).toList();
    }
    RequiredColumns.check(layout.withPolicies(layout.policies(), fitter != null || layout.hasModel(),
        layout.nActions(), layout.widePolicies(), layout.wideModel()).withPscore(pscore), checked, name);
    if (!pscore && fitter != null && weighting.dependsOnPolicy()) {
      throw new UsageException(name + ": the fitting weights " + weighting.id() + " need the pscore"
          + " column (behaviour policy's probability of the logged action); the log has none");
    }
    if (layout.nActions() < 1) {
      throw new IllegalArgumentException(name + ": the number of actions is unknown; give it (--n-actions) or"
          + " the policies' wide columns");
    }
    if (fitter != null && !layout.widePolicies()) {
      throw new IllegalArgumentException(name + ": a fitted reward model needs every policy's probability of"
          + " every action (wide policy columns); read the log with them");
    }
  }

  /** Fits on all rows; weighted for {@code policy} (its probability of each logged action given) unless null. */
  private CrossFittedModel fit(RewardModelFitter counted, String name, FittingData data, String policy,
      double[] piLogged, double[] pscore) {
    try {
      if (policy == null) {
        return CrossFittedModel.fit(counted, data.rewardData(), crossFitting);
      }
      return CrossFittedModel.fit(counted, data.rewardData(), crossFitting, weighting, policy, piLogged, pscore);
    } catch (IllegalArgumentException e) {
      throw UsageException.withContext(name + ": ", e);
    }
  }

  /** Pass 2: the log streamed through the wrappers into the evaluator. */
  private final class Pass {
    private final LogSupplier log;
    private final double[] pscore;
    private final EvaluationConfig config;
    private final double rewardLo;
    private final double rewardHi;
    final List<ModelCalibration> calibrations = new ArrayList<>();

    Pass(LogSupplier log, double[] pscore, EvaluationConfig config, double[] rewards) {
      this.log = log;
      this.pscore = pscore;
      this.config = config;
      this.rewardLo = java.util.Arrays.stream(rewards).min().orElse(0.0);
      this.rewardHi = java.util.Arrays.stream(rewards).max().orElse(1.0);
    }

    EvaluationResult run(CrossFittedModel model, List<String> served) throws IOException {
      BatchSource source = open(log);
      try {
        if (pscore != null) {
          source = new EstimatedPscoreSource(source, pscore);
        }
        if (model != null) {
          ModelCalibration calibration = new ModelCalibration(model.weightingPolicy(), rewardLo, rewardHi,
              crossFitting);
          calibrations.add(calibration);
          source = new FittedModelSource(source, model, served).calibrating(calibration);
        }
        return new Evaluator(config, progress).evaluate(source);
      } finally {
        source.close();
      }
    }
  }

  private static EvaluationResult combine(List<EvaluationResult> parts, List<String> notes) {
    List<Estimate> estimates = new ArrayList<>();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(notes);
    for (EvaluationResult part : parts) {
      estimates.addAll(part.estimates());
      diagnostics.putAll(part.diagnostics());
      for (String warning : part.warnings()) {
        if (!warnings.contains(warning)) {
          warnings.add(warning);
        }
      }
    }
    return new EvaluationResult(parts.get(0).rows(), estimates, diagnostics, warnings, parts.get(0).config());
  }
}
