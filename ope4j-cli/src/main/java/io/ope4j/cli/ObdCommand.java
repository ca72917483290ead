package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.experiments.obd.ObdExperiment;
import io.ope4j.io.ObdLog;
import io.ope4j.model.RewardData;
import io.ope4j.model.RewardModelFitter;
import io.ope4j.models.RewardFeatures;
import io.ope4j.models.RewardModelSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j obd}: the Open Bandit Dataset experiment. Estimates the Bernoulli TS policy's value
 * from the random log and prints it beside the on-policy truth.
 */
@Command(
    name = "obd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Open Bandit Dataset: estimate the value of the Bernoulli Thompson sampling policy from the log"
        + " of the uniform random policy and compare it with its on-policy value (men 0.0069, women 0.0046).")
final class ObdCommand implements Callable<Integer> {

  /**
   * The reward models of {@code --reward-model}: a bare name keeps the settings of OBP's example
   * ({@link RewardModels}: logistic with C=100); any other text is a {@link RewardModelSpec}, the
   * grammar of {@code evaluate --reward-model}, on the same features.
   */
  static final ObdExperiment.Models MODELS = new ObdExperiment.Models() {
    @Override
    public List<String> names() {
      return RewardModels.NAMES.stream().filter(name -> !name.equals(ObdExperiment.NO_MODEL)).toList();
    }

    @Override
    public void check(String spec) {
      if (!names().contains(spec)) {
        try {
          RewardModelSpec.parse(spec, RewardFeatures.defaults(), 1);
        } catch (UsageException e) {
          throw new UsageException("--reward-model must be one of none, " + String.join(", ", names())
              + " or a spec such as logistic:C=1, ridge:alpha=1, xgboost:rounds=50: " + e.getMessage(), e);
        }
      }
    }

    @Override
    public RewardModelFitter fitter(String spec, ObdLog log) {
      if (names().contains(spec)) {
        return RewardModels.fitter(spec, log);
      }
      // OBP's RegressionModel features with an action context, as RewardModels' fitters
      RewardFeatures features = RewardFeatures.defaults()
          .withActionContext(log.actionContext(), log.actionContextDim())
          .withoutActionOneHot()
          .withPositions(RewardFeatures.Positions.PER_POSITION);
      return RewardModelSpec.parse(spec, features, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed) {
      return RewardModels.crossFitter().predict(fitter, data, folds, seed);
    }
  };

  @Spec CommandSpec spec;

  @Mixin ObdOptions obd;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

  @Mixin EvaluateCommand.IntervalOptions intervals;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    return run(spec, obd, intervals, output);
  }

  /** Runs the experiment and writes its results; shared with quickstart. */
  static int run(CommandSpec spec, ObdOptions obd, EvaluateCommand.IntervalOptions intervals, OutputOptions output)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ObdExperiment.Outcome outcome = ObdExperiment.run(obd.settings(intervals.threads.count()), intervals::toConfig,
        MODELS);
    for (String warning : outcome.result().warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(spec.commandLine().getOut(), outcome.report());
    return Ope4j.OK;
  }
}
