package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.BatchContent;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.PolicySpecs;
import io.ope4j.models.RewardModelFit;
import io.ope4j.models.pipeline.FittedEvaluation;
import io.ope4j.policy.Policy;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * {@code evaluate --policy-spec ...}, {@code --reward-model ...}, {@code --estimate-propensities} and
 * the action model of {@code mips:pae=fitted}: the options turned into the library's {@link FittedEvaluation} over
 * the log, in any format the plain evaluation reads. How the model was fitted is printed on
 * stderr.
 */
final class ModelledEvaluation {

  private ModelledEvaluation() {}

  static FittedEvaluation.Outcome run(String data, LogColumnsOptions columns, RewardModelOptions models, List<Path> policySpecs,
      String estimatorSpecs, EvaluateCommand.IntervalOptions intervals, PrintWriter err) throws IOException {
    if (!policySpecs.isEmpty() && !columns.policies.isEmpty()) {
      throw new UsageException("--policy reads policies from pi columns and --policy-spec computes them from"
          + " the context columns; give one of the two");
    }
    int threads = intervals.threads.count();
    RewardModelFit fit = models.fit(threads);
    // A missing pscore is read as absent: estimated, or refused before any row for the estimators that weight.
    LogReadOptions options = columns.toReadOptions().withPscoreOptional(true).withContent(
        BatchContent.forFitting(!policySpecs.isEmpty(), fit != null, models.estimatePropensities));
    FittedEvaluation evaluation = FittedEvaluation.of(fit == null ? null : fit.fitter(), models.crossFitting(),
        models.weighting());
    if (models.estimatePropensities) {
      evaluation = evaluation.withPropensities(models.propensityModel(threads));
    }
    try (LogInput input = columns.input(data).withParseThreads(threads).reopenable()) {
      LogLayout layout;
      try (BatchSource header = input.open(options)) {
        layout = header.layout();
      }
      if (!policySpecs.isEmpty()) {
        int k = options.nActions() > 0 ? options.nActions() : layout.nActions();
        Map<String, Policy> policies = PolicySpecs.load(policySpecs,
            new PolicySpecs.Target(layout.contextDim(), k, layout.hasPosition() ? -1 : 1, threads));
        int specK = policies.values().iterator().next().nActions();
        options = layout.nActions() == specK ? options : options.withNActions(specK);
        evaluation = evaluation.withPolicies(policies);
      }
      EvaluationConfig config = intervals.toConfig(columns.extras.bind(Estimators.parseListOrDefault(estimatorSpecs,
          fit != null || layout.wideModel())));
      io.ope4j.models.ActionModel actionModel = models.actionModel(config.estimators(), threads);
      if (actionModel != null) {
        evaluation = evaluation.withActionModel(actionModel);
      }
      LogReadOptions read = options;
      FittedEvaluation.Outcome outcome;
      try (Progress.Stages stages = Progress.stages(err)) {
        outcome = evaluation.withFitProgress(toFit -> {
          LongConsumer fitted = stages.stage("models fitted", toFit);
          fitted.accept(0); // the bar shows while the first model is fitted
          return fitted;
        }).withProgress(stages.stage("rows read", -1)).evaluate(() -> input.open(read), config);
      }
      for (String line : outcome.description()) {
        err.println("ope4j: " + line);
      }
      return outcome;
    }
  }
}
