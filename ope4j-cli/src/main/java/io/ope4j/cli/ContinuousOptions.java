package io.ope4j.cli;

import picocli.CommandLine.Option;

/** Options of {@code evaluate} that only continuous-action logs ({@code --schema continuous}) use. */
final class ContinuousOptions {

  @Option(names = "--target-col", defaultValue = "target_action", paramLabel = "COLUMN",
      description = "Continuous actions: the deterministic evaluation policy's action column (default: ${DEFAULT-VALUE}).")
  String targetAction;

  @Option(names = "--target-density-col", defaultValue = "target_density", paramLabel = "COLUMN",
      description = "Continuous actions: or the column of the evaluation policy's density at the logged action"
          + " (default: ${DEFAULT-VALUE}).")
  String targetDensity;

  @Option(names = "--q-pi-col", defaultValue = "q_pi", paramLabel = "COLUMN",
      description = "Continuous actions: q-hat at the evaluation action (kernel-dr; default: ${DEFAULT-VALUE}).")
  String qTarget;

  @Option(names = "--obp-bootstrap", negatable = false,
      description = "Continuous actions, with --ci bootstrap: Open Bandit Pipeline's index bootstrap (keeps every"
          + " row's terms in memory), for comparing numbers with it.")
  boolean obpBootstrap;
}
