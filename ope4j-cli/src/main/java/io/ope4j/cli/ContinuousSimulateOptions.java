package io.ope4j.cli;

import io.ope4j.data.UsageException;
import picocli.CommandLine.Option;

/** Options of {@code simulate} for continuous-action logs ({@code --schema continuous}, docs/continuous.md). */
final class ContinuousSimulateOptions {

  @Option(names = "--schema", defaultValue = "bandit", paramLabel = "SCHEMA",
      description = "bandit (default) or continuous: a continuous-action log (docs/continuous.md).")
  String schema;

  @Option(names = "--action-noise", defaultValue = "1.0", paramLabel = "SD",
      description = "Continuous actions: the behaviour policy's standard deviation around its mean (default: ${DEFAULT-VALUE}).")
  double actionNoise;

  @Option(names = "--policy-slope", defaultValue = "1.0",
      description = "Continuous actions: the evaluation action's slope in the context mean (default: ${DEFAULT-VALUE}).")
  double policySlope;

  @Option(names = "--policy-shift", defaultValue = "0.5",
      description = "Continuous actions: the evaluation action's shift (default: ${DEFAULT-VALUE}).")
  double policyShift;

  @Option(names = "--policy-noise", defaultValue = "0",
      description = "Continuous actions: 0 for a deterministic evaluation policy (a target_action column), else the"
          + " standard deviation of a normal one (a target_density column) (default: ${DEFAULT-VALUE}).")
  double policyNoise;

  @Option(names = "--model-shift", defaultValue = "0.5",
      description = "Continuous actions: the error of the q and q_pi columns' reward model, a constant (default: ${DEFAULT-VALUE}).")
  double modelShift;

  /** Whether a continuous-action log is asked for. */
  boolean continuous() {
    return switch (schema) {
      case "bandit" -> false;
      case "continuous" -> true;
      default -> throw new UsageException("--schema must be bandit or continuous, got '" + schema + "'");
    };
  }
}
