package io.ope4j.cli;

import io.ope4j.assess.TabularVariant;
import io.ope4j.data.UsageException;
import picocli.CommandLine.Option;

/** Options of {@code assess --env}: the study over ope4j's own sequential environments. */
final class EnvironmentAssessOptions implements Preflight {

  @Option(names = "--env", paramLabel = "ENV",
      description = "Assess trajectory estimators on seeded environments instead of synthetic bandits: tabular"
          + " (random tabular MDPs, docs/distribution.md).")
  String env;

  @Option(names = "--variants", defaultValue = "all", paramLabel = "NAMES",
      description = "With --env tabular: all, or some of small, long-horizon, many-actions, near-uniform"
          + " (default: ${DEFAULT-VALUE}).")
  String variants;

  @Option(names = "--episodes", defaultValue = "1000", paramLabel = "N",
      description = "With --env: episodes per logged dataset (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--gamma", defaultValue = "0.95", paramLabel = "G",
      description = "With --env: discount in [0, 1] (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--risk-estimators", defaultValue = "cd-tis,cd-sntis", paramLabel = "IDS",
      description = "With --env: distribution estimators also scored on their selection by CVaR (cd-tis, cd-sntis),"
          + " or none (default: ${DEFAULT-VALUE}).")
  String riskEstimators;

  @Option(names = "--cvar-alpha", defaultValue = "0.1", paramLabel = "A",
      description = "With --env: the CVaR level of the selection by CVaR, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double cvarAlpha;

  /** The risk estimators, checked: only those without a model (the logs carry no Q-hat). */
  java.util.List<io.ope4j.sequential.distribution.DistributionEstimator> risk() {
    if (riskEstimators.trim().equals("none")) {
      return java.util.List.of();
    }
    java.util.List<io.ope4j.sequential.distribution.DistributionEstimator> chosen =
        DistributionOptions.parseEstimators(riskEstimators);
    for (var estimator : chosen) {
      if (estimator.usesModel()) {
        throw new UsageException("--env tabular logs carry no Q-hat, so " + estimator.id() + " cannot run;"
            + " choose among cd-tis, cd-sntis");
      }
    }
    return chosen;
  }

  @Override
  public void check() {
    if (env == null) {
      return;
    }
    if (!env.equals("tabular")) {
      throw new UsageException("--env must be tabular, got '" + env + "'");
    }
    TabularVariant.parse(variants);
    risk();
    if (!(cvarAlpha > 0 && cvarAlpha <= 1)) {
      throw new UsageException("--cvar-alpha must be in (0, 1], got " + cvarAlpha);
    }
    if (episodes < 1) {
      throw new UsageException("--episodes must be >= 1, got " + episodes);
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new UsageException("--gamma must be in [0, 1], got " + gamma);
    }
  }
}
