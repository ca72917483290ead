package io.ope4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j quickstart}: the Open Bandit Dataset experiment on the bundled sample (campaign
 * men by default), the same as {@code ope4j obd}. {@code ope4j quickstart synthetic} is the
 * simulated demo with exact ground truth.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {QuickstartSyntheticCommand.class},
    description = "Evaluate the Bernoulli Thompson sampling policy of the Open Bandit Dataset (real data, bundled)"
        + " from the log of the uniform random policy and print the estimates beside its on-policy value."
        + " 'quickstart synthetic' runs the simulated demo instead.")
final class QuickstartCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ObdOptions obd;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

  @Mixin EvaluateCommand.IntervalOptions intervals;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Override
  public Integer call() throws Exception {
    int code = ObdCommand.run(spec, obd, intervals, output, report);
    spec.commandLine().getErr().println("ope4j: the same with options: ./ope4j obd --help;"
        + " the simulated demo with exact truth: ./ope4j quickstart synthetic");
    return code;
  }
}
