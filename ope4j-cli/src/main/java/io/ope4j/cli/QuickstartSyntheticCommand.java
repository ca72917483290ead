package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.ResultReport;
import io.ope4j.io.BanditLogReader;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.synthetic.SyntheticBandit;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j quickstart synthetic}: simulates a log with known truth, evaluates it with every
 * estimator and prints the estimates beside the truth.
 */
@Command(
    name = "synthetic",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Simulate a logged bandit with known true policy values, evaluate it with every"
        + " estimator, and print the estimates beside the truth.")
final class QuickstartSyntheticCommand implements Callable<Integer> {

  static final String ESTIMATORS =
      "dm,ipw,snipw,dr,sndr,switch-dr:lambda=10,dr-os:lambda=10,ipw-sg:lambda=0.1,dr-sg:lambda=0.1";

  @Spec CommandSpec spec;

  @Option(names = "--dir", defaultValue = "ope4j-quickstart", paramLabel = "DIR",
      description = "Where to write the simulated log and its truth (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--rows", defaultValue = "100000", description = "Logged rounds to simulate (default: ${DEFAULT-VALUE}).")
  long rows;

  @Mixin SeedOption seed = new SeedOption(SeedOption.SIMULATION_DEFAULT);

  @Mixin SyntheticOptions bandit;

  @Mixin EvaluateCommand.IntervalOptions intervals;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Override
  public Integer call() throws Exception {
    if (rows < 2) {
      throw new UsageException("--rows must be at least 2, got " + rows);
    }
    PrintWriter err = spec.commandLine().getErr();
    Files.createDirectories(dir);
    Path log = dir.resolve("log.csv.gz");
    Path truth = dir.resolve("log.truth.json");
    SyntheticBandit generator = SyntheticBandit.of(bandit.toConfig());
    err.printf("ope4j: simulating %,d rounds of a %d-action contextual bandit (softmax logging policy) into %s%n",
        rows, generator.config().nActions(), log);
    SimulateCommand.write(generator, rows, log, truth, err);
    EvaluationConfig config = intervals.toConfig(Estimators.parseList(ESTIMATORS));
    EvaluationResult result;
    try (BanditLogReader reader = LogInput.of(log, InputFormat.AUTO).open(LogReadOptions.defaults());
        Progress progress = Progress.onTerminal(err, "rows read")) {
      result = new Evaluator(config, progress).evaluate(reader);
    }
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    Map<String, Double> truths = TruthFile.read(truth).policies();
    output.write(spec.commandLine().getOut(), ResultReport.of(result).withTruths(truths));
    report.write(() -> io.ope4j.report.EvaluationSections.of(result, truths));
    err.printf("ope4j: to evaluate this log yourself: ./ope4j evaluate --data %s --truth %s --estimators %s%n",
        log, truth, ESTIMATORS);
    return Ope4j.OK;
  }
}
