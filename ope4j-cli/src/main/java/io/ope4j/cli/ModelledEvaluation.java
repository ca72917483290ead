package io.ope4j.cli;

import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.model.CrossFittedModel;
import io.ope4j.model.FitWeighting;
import io.ope4j.model.ModelledLog;
import io.ope4j.model.RewardData;
import io.ope4j.model.RewardModelFitter;
import io.ope4j.models.PropensityEstimator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate --reward-model ...} / {@code --estimate-propensities}: reads the log into memory,
 * fits the cross-fitted reward model (and propensities) on its x_* columns and evaluates through a
 * {@link ModelledLog}. How the model was fitted is printed on stderr; in-sample fitting and
 * estimated propensities are also added to the result's warnings, so that they travel with the
 * estimates (JSON "warnings").
 */
final class ModelledEvaluation {

  private ModelledEvaluation() {}

  static EvaluationResult run(String data, LogColumnsOptions columns, RewardModelOptions options, String estimatorSpecs,
      EvaluateCommand.IntervalOptions intervals, PrintWriter err, List<EvaluationConfig> usedConfig) throws IOException {
    Map<String, String> prefixes = new LinkedHashMap<>();
    for (String policy : columns.policies) {
      String[] pair = policy.split("=", 2);
      if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
        throw new IllegalArgumentException("--policy must be NAME=PREFIX, got '" + policy + "'");
      }
      prefixes.put(pair[0].trim(), pair[1].trim());
    }
    InMemoryWideLog log;
    try (InputStream in = data.equals("-") ? System.in : Files.newInputStream(Path.of(data))) {
      log = InMemoryWideLog.read(in, data.equals("-") ? "<stdin>" : data, columns, prefixes);
    }
    int threads = intervals.threads != null ? intervals.threads : Runtime.getRuntime().availableProcessors();
    List<String> notes = new ArrayList<>();
    if (log.hasModelColumns && options.spec != null) {
      err.println("ope4j: note: the q columns of " + log.source + " are ignored; the fitted model replaces them");
    }
    double[] pscore = log.pscore;
    String propensityNote = null;
    if (options.estimatePropensities) {
      if (log.pscore != null) {
        err.println("ope4j: note: the pscore column of " + log.source + " is ignored (--estimate-propensities)");
      }
      PropensityEstimator.Estimated estimated = PropensityEstimator.crossFitted(options.propensityModel(threads),
          log.contexts, log.dim, log.actions, log.nActions, options.crossFitting());
      pscore = estimated.pscore();
      propensityNote = estimated.description();
      notes.add("estimated propensities (" + propensityNote + "): every estimate uses them; smallest "
          + estimated.smallest());
    } else if (pscore == null) {
      throw new IllegalArgumentException(log.source + ": no " + columns.pscore + " column; give the behaviour"
          + " propensities or ask --estimate-propensities");
    }
    if (options.inSample && options.spec != null) {
      notes.add("the reward model was fitted on the evaluation rows themselves (--in-sample): no cross-fitting");
    }
    RewardModelFitter fitter = options.fitter(threads);
    List<Estimator> estimators = Estimators.parseListOrDefault(estimatorSpecs, fitter != null);
    EvaluationConfig config = intervals.toConfig(estimators);
    usedConfig.add(config);
    FitWeighting weighting = options.weighting();
    RewardData rewardData = new RewardData(log.contexts, log.dim, log.actions, log.positions, log.rewards, null,
        log.nActions);
    List<EvaluationResult> parts = new ArrayList<>();
    if (fitter == null || !weighting.dependsOnPolicy()) {
      CrossFittedModel model = fitter == null ? null : fit(fitter, rewardData, options, log, null, null, pscore);
      parts.add(evaluate(log, log.policies.keySet().stream().toList(), model, pscore, propensityNote, config, err));
    } else {
      for (String policy : log.policies.keySet()) {
        CrossFittedModel model = fit(fitter, rewardData, options, log, weighting, policy, pscore);
        parts.add(evaluate(log, List.of(policy), model, pscore, propensityNote, config, err));
      }
    }
    return combine(parts, notes);
  }

  private static CrossFittedModel fit(RewardModelFitter fitter, RewardData data, RewardModelOptions options,
      InMemoryWideLog log, FitWeighting weighting, String policy, double[] pscore) {
    try {
      if (weighting == null) {
        return CrossFittedModel.fit(fitter, data, options.crossFitting());
      }
      double[] table = log.policies.get(policy);
      double[] piLogged = new double[log.rows];
      for (int i = 0; i < log.rows; i++) {
        piLogged[i] = table[i * log.nActions + log.actions[i]];
      }
      return CrossFittedModel.fit(fitter, data, options.crossFitting(), weighting, policy, piLogged, pscore);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(log.source + ": " + e.getMessage(), e);
    }
  }

  private static EvaluationResult evaluate(InMemoryWideLog log, List<String> policies, CrossFittedModel model,
      double[] pscore, String propensityNote, EvaluationConfig config, PrintWriter err) throws IOException {
    ModelledLog.Builder builder = ModelledLog.builder(log.contexts, log.dim, log.actions, log.positions, log.rewards,
        pscore).name(log.source).model(model);
    for (String policy : policies) {
      builder.policy(policy, log.policies.get(policy));
    }
    if (propensityNote != null) {
      builder.estimatedPropensities(propensityNote);
    }
    ModelledLog modelled = builder.build();
    for (String line : modelled.describe()) {
      err.println("ope4j: " + (policies.size() == 1 && model != null && model.weightingPolicy() != null
          ? "[" + policies.get(0) + "] " : "") + line);
    }
    return new Evaluator(config).evaluate(modelled.source());
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
    return new EvaluationResult(parts.get(0).rows(), estimates, diagnostics, warnings);
  }
}
