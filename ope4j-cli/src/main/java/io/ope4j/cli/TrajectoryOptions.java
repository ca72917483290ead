package io.ope4j.cli;

import io.ope4j.data.UsageException;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code evaluate} that only trajectory logs use, and the schema choice. */
final class TrajectoryOptions implements Preflight {

  @Option(names = "--schema", defaultValue = "auto", paramLabel = "SCHEMA",
      description = "auto (a trajectory log if it has an episode column, a slate log if it has a"
          + " slate_id column), bandit, trajectory, slate or continuous (continuous actions,"
          + " docs/continuous.md) (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--gamma", defaultValue = "1", paramLabel = "G",
      description = "Trajectory logs: discount in [0, 1] (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--horizon-cap", defaultValue = "0", paramLabel = "H",
      description = "Trajectory logs: use only the first H steps of each episode (default: all).")
  int horizonCap;

  @Option(names = "--weight-clip", paramLabel = "C",
      description = "Trajectory logs: use min(w_t, C) for every cumulative step weight; what it"
          + " lowers is counted in the output (default: no clip).")
  Double weightClip;

  @Option(names = "--scope-rl-compat", defaultValue = "none", paramLabel = "MODE",
      description = "Trajectory logs: none (documented intervals) or scope-rl (SCOPE-RL's coded"
          + " intervals, for comparing numbers with it) (default: ${DEFAULT-VALUE}).")
  String compatibility;

  @Option(names = "--q-model", paramLabel = "SPEC",
      description = "Trajectory logs: fit Q (and marginal ratios) on the state columns (state or s_*)"
          + " instead of reading q columns: fqe-tabular, fqe-linear[:alpha=1e-6][:solve=iterate|lstdq],"
          + " fqe-trees[:iterations=20][:rounds=50][:depth=4][:eta=0.3][:threads=1][:seed=0]."
          + " Cross-fitted by episode (--folds, --fold-seed) unless --in-sample; see docs/fitted-q.md.")
  String qModel;

  /** Every value, checked before the log is read. */
  @Override
  public void check() {
    if (!List.of("auto", "bandit", "trajectory", "slate", "continuous").contains(schema)) {
      throw new UsageException("--schema must be auto, bandit, trajectory, slate or continuous, got '" + schema
          + "'");
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new UsageException("--gamma must be in [0, 1], got " + gamma);
    }
    if (horizonCap < 0) {
      throw new UsageException("--horizon-cap must be >= 0, got " + horizonCap);
    }
    if (weightClip != null && !(weightClip > 0)) {
      throw new UsageException("--weight-clip must be > 0, got " + weightClip);
    }
    if (qModel != null && horizonCap > 0) {
      throw new UsageException("--q-model fits Q on whole episodes; it cannot be combined with"
          + " --horizon-cap");
    }
    if (!compatibility.equals("none") && !compatibility.equals("scope-rl")) {
      throw new UsageException("--scope-rl-compat must be none or scope-rl, got '" + compatibility + "'");
    }
  }

  /** Whether the log is to be read as trajectories: told, or asked of {@code header}. */
  boolean isTrajectory(java.util.concurrent.Callable<Boolean> detect) throws Exception {
    return switch (schema) {
      case "trajectory" -> true;
      case "bandit", "slate", "continuous" -> false;
      case "auto" -> detect.call();
      default -> throw new UsageException("--schema must be auto, bandit, trajectory, slate or continuous, got '"
          + schema + "'");
    };
  }

  /** Whether the log is to be read as slates: told, or asked of {@code header}. */
  boolean isSlate(java.util.concurrent.Callable<Boolean> detect) throws Exception {
    return schema.equals("slate") || (schema.equals("auto") && detect.call());
  }
}
