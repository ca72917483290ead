package io.ope4j.cli;

import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions.PolicyColumnSpec;
import io.ope4j.io.LogReadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Column-name options of formats.md, shared by commands that read bandit logs. */
final class LogColumnsOptions {

  @Option(names = "--action-col", defaultValue = "action", description = "Logged action column (default: ${DEFAULT-VALUE}).")
  String action;

  @Option(names = "--reward-col", defaultValue = "reward", description = "Reward column (default: ${DEFAULT-VALUE}).")
  String reward;

  @Option(names = "--pscore-col", defaultValue = "pscore", description = "Behaviour propensity column (default: ${DEFAULT-VALUE}).")
  String pscore;

  @Option(names = "--position-col", defaultValue = "position", description = "Position column, read if present (default: ${DEFAULT-VALUE}).")
  String position;

  @Option(names = "--q-prefix", defaultValue = "q_", description = "Prefix of wide reward-model columns q_0..q_{K-1} (default: ${DEFAULT-VALUE}).")
  String modelPrefix;

  @Option(names = "--q-col", defaultValue = "q", description = "Narrow reward-model column at the logged action (default: ${DEFAULT-VALUE}).")
  String modelColumn;

  @Option(names = "--n-actions", defaultValue = "-1", description = "Number of actions K (default: inferred from wide columns).")
  int nActions;

  @Option(names = "--pi-sum-tolerance", defaultValue = "1e-6", paramLabel = "TOL",
      description = "How far from 1 the wide probabilities pi_0..pi_{K-1} of a row may sum, in [0, 1)"
          + " (default: ${DEFAULT-VALUE}; about 1e-5 for policies stored as 32-bit floats).")
  double piSumTolerance;

  @Option(
      names = "--policy",
      paramLabel = "NAME=PREFIX",
      description = "An evaluation policy: wide columns PREFIX0..PREFIX{K-1}, or a narrow column named PREFIX."
          + " Repeat for several policies. Default: pi_0.. or pi, else every pi_<name>_0.. prefix.")
  List<String> policies = new ArrayList<>();

  @Mixin InputFormatOptions format;

  @Mixin ExtraColumnsOptions extras;

  /** The log named by {@code --data} ({@code -} for standard input) in the chosen format. */
  LogInput input(String data) {
    return format.input(data);
  }

  LogReadOptions toReadOptions() {
    List<PolicyColumnSpec> parsed = new ArrayList<>();
    for (String policy : policies) {
      parsed.add(PolicyColumnSpec.parse(policy));
    }
    return LogReadOptions.defaults()
        .withActionColumn(action)
        .withRewardColumn(reward)
        .withPscoreColumn(pscore)
        .withPositionColumn(position)
        .withModelPrefix(modelPrefix)
        .withModelColumn(modelColumn)
        .withNActions(nActions)
        .withPolicies(parsed)
        .withPiSumTolerance(piSumTolerance)
        .withExtraColumns(extras.names());
  }
}
