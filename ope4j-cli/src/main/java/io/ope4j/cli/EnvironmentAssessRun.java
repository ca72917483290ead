package io.ope4j.cli;

import io.ope4j.assess.EnvironmentStudy;
import io.ope4j.assess.TabularVariant;
import io.ope4j.data.UsageException;
import io.ope4j.io.report.EnvironmentAssessmentReport;
import io.ope4j.sequential.SequentialEstimator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code ope4j assess --env tabular}: the SharpeRatio@k study on seeded tabular MDPs. */
final class EnvironmentAssessRun {

  /** Trajectory estimators when {@code --estimators} keeps the bandit default. */
  static final String DEFAULT_ESTIMATORS = "tis,pdis,sntis,snpdis";

  private EnvironmentAssessRun() {}

  static int run(EnvironmentAssessOptions options, String estimators, int replications, long seed,
      boolean report, OutputOptions output, PrintWriter out, PrintWriter err) throws Exception {
    output.checkedFormat();
    if (report) {
      throw new UsageException("--report draws assessments of synthetic bandits only; with --env use"
          + " --format json or csv");
    }
    if (replications < 1) {
      throw new UsageException("--replications must be >= 1, got " + replications);
    }
    String ids = estimators.equals(AssessCommand.DEFAULT_ESTIMATORS) ? DEFAULT_ESTIMATORS : estimators;
    List<SequentialEstimator> chosen = new ArrayList<>();
    for (String id : ids.split(",")) {
      SequentialEstimator estimator = SequentialEstimator.parse(id);
      if (estimator.usesModel()) {
        throw new UsageException("--env tabular logs carry no Q-hat, so " + id + " cannot run; choose among"
            + " tis, pdis, sntis, snpdis");
      }
      chosen.add(estimator);
    }
    List<TabularVariant> variants = TabularVariant.parse(options.variants);
    List<EnvironmentStudy.EnvironmentResult> results;
    try (Progress progress = Progress.onTerminal(err, "replications", variants.size() * (long) replications)) {
      long[] done = {0};
      results = EnvironmentStudy.run(variants, chosen, options.risk(), options.cvarAlpha, options.episodes,
          replications, options.gamma, seed, () -> progress.accept(++done[0]));
    }
    output.write(out, new EnvironmentAssessmentReport(results, options.episodes, replications, options.gamma));
    return Ope4j.OK;
  }
}
