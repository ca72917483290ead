package io.ope4j.cli;

import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.BatchContent;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.PolicySpecs;
import io.ope4j.models.pipeline.FittedEvaluation;
import io.ope4j.policy.Policy;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate --policy-spec ...} and {@code --reward-model ...} / {@code
 * --estimate-propensities}: the log, in any format the plain evaluation reads, goes through the
 * library's {@link FittedEvaluation} (policies computed from the x_* columns, models fitted on
 * them, the log read once more to evaluate). How the model was fitted is printed on stderr.
 */
final class ModelledEvaluation {

  private ModelledEvaluation() {}

  static EvaluationResult run(String data, LogColumnsOptions columns, RewardModelOptions models, List<Path> policySpecs,
      String estimatorSpecs, EvaluateCommand.IntervalOptions intervals, PrintWriter err) throws IOException {
    if (!policySpecs.isEmpty() && !columns.policies.isEmpty()) {
      throw new IllegalArgumentException("--policy reads policies from pi columns and --policy-spec computes them from"
          + " the context columns; give one of the two");
    }
    int threads = intervals.threads != null ? intervals.threads : Runtime.getRuntime().availableProcessors();
    RewardModelFitter fitter = models.fitter(threads);
    // A missing pscore is read as absent: estimated, or refused before any row for the estimators that weight.
    LogReadOptions options = columns.toReadOptions().withPscoreOptional(true)
        .withContent(content(models, fitter, !policySpecs.isEmpty()));
    try (LogInput input = columns.input(data).reopenable()) {
      return run(input, options, fitter, models, policySpecs, estimatorSpecs, intervals, threads, err);
    }
  }

  private static EvaluationResult run(LogInput input, LogReadOptions options, RewardModelFitter fitter,
      RewardModelOptions models, List<Path> policySpecs, String estimatorSpecs, EvaluateCommand.IntervalOptions intervals,
      int threads, PrintWriter err) throws IOException {
    LogLayout layout;
    try (BatchSource header = input.open(options)) {
      layout = header.layout();
    }
    FittedEvaluation evaluation = FittedEvaluation.of(fitter, models.crossFitting(), models.weighting());
    if (!policySpecs.isEmpty()) {
      Map<String, Policy> policies = policies(policySpecs, layout, options, threads);
      int k = policies.values().iterator().next().nActions();
      options = layout.nActions() == k ? options : options.withNActions(k);
      evaluation = evaluation.withPolicies(policies);
    }
    if (models.estimatePropensities) {
      evaluation = evaluation.withPropensities(models.propensityModel(threads));
    }
    EvaluationConfig config = intervals.toConfig(Estimators.parseListOrDefault(estimatorSpecs,
        fitter != null || layout.wideModel()));
    LogReadOptions read = options;
    FittedEvaluation.Outcome outcome;
    try (Progress progress = Progress.onTerminal(err, "rows read")) {
      outcome = evaluation.withProgress(progress).evaluate(() -> input.open(read), config);
    }
    for (String line : outcome.description()) {
      err.println("ope4j: " + line);
    }
    return outcome.result();
  }

  /** The blocks the wrappers need, and what they supply instead of the file's columns. */
  private static BatchContent content(RewardModelOptions models, RewardModelFitter fitter, boolean specs) {
    BatchContent content = BatchContent.ESTIMATOR_COLUMNS.withContexts();
    if (specs) {
      content = content.withPoliciesSupplied().withWideColumns();
    }
    if (models.active()) {
      content = content.withModelSupplied(); // the fitted model (or none) replaces q columns
    }
    if (fitter != null) {
      content = content.withWideColumns();
    }
    return content;
  }

  /** The policies of the spec files, by name, built for the log's contexts and K. */
  private static Map<String, Policy> policies(List<Path> files, LogLayout layout, LogReadOptions options,
      int threads) throws IOException {
    int k = options.nActions() > 0 ? options.nActions() : layout.nActions();
    PolicySpecs.Target target = new PolicySpecs.Target(layout.contextDim(), k, layout.hasPosition() ? -1 : 1, threads);
    Map<String, Policy> policies = new LinkedHashMap<>();
    for (Path file : files) {
      for (PolicySpecs.Spec spec : PolicySpecs.read(file)) {
        if (policies.put(spec.name(), PolicySpecs.build(spec, target)) != null) {
          throw new IllegalArgumentException(file + ": policy name '" + spec.name() + "' is used twice");
        }
      }
    }
    return policies;
  }
}
