package io.ope4j.cli;

import io.ope4j.experiments.obd.ObdExperiment;
import io.ope4j.io.ObdLog;
import io.ope4j.model.RewardData;
import io.ope4j.model.RewardModelFitter;
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

  /** The reward models of {@code --reward-model}, from {@link RewardModels}. */
  static final ObdExperiment.Models MODELS = new ObdExperiment.Models() {
    @Override
    public List<String> names() {
      return RewardModels.NAMES.stream().filter(name -> !name.equals(ObdExperiment.NO_MODEL)).toList();
    }

    @Override
    public RewardModelFitter fitter(String name, ObdLog log) {
      return RewardModels.fitter(name, log);
    }

    @Override
    public double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed) {
      return RewardModels.crossFitter().predict(fitter, data, folds, seed);
    }
  };

  @Spec CommandSpec spec;

  @Mixin ObdOptions obd;

  @Mixin EvaluateCommand.IntervalOptions intervals;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Override
  public Integer call() throws Exception {
    return run(spec, obd, intervals, output, report);
  }

  /** Runs the experiment and writes its results; shared with quickstart. */
  static int run(CommandSpec spec, ObdOptions obd, EvaluateCommand.IntervalOptions intervals, OutputOptions output,
      ReportOptions report)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    int threads = intervals.threads != null ? intervals.threads : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    ObdExperiment.Outcome outcome = ObdExperiment.run(obd.settings(threads), intervals::toConfig, MODELS);
    for (String warning : outcome.result().warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(spec.commandLine().getOut(), outcome.report());
    report.write(io.ope4j.report.EvaluationSections.of(outcome.result(), outcome.truths()));
    return Ope4j.OK;
  }
}
