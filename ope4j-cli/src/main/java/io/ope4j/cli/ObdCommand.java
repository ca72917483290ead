package io.ope4j.cli;

import io.ope4j.experiments.obd.ObdExperiment;
import io.ope4j.experiments.obd.ObdRewardModels;
import java.io.PrintWriter;
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

  @Spec CommandSpec spec;

  @Mixin ObdOptions obd;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

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
    ObdExperiment.Settings settings = obd.settings(intervals.threads.count());
    ObdExperiment.Outcome outcome;
    try (Progress.Stages stages = Progress.stages(err)) {
      outcome = ObdExperiment.run(settings, intervals::toConfig, ObdRewardModels.LIBRARY,
          stages.stage("Thompson-sampling simulations", settings.simulations()),
          stages.stage("models fitted", settings.folds()));
    }
    for (String warning : outcome.result().warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(spec.commandLine().getOut(), outcome.report());
    report.write(() -> io.ope4j.report.EvaluationSections.of(outcome.result(), outcome.truths()));
    return Ope4j.OK;
  }
}
