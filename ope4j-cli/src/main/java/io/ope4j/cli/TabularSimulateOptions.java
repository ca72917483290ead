package io.ope4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code simulate --env tabular} (docs/sequential.md, "Simulating"). */
final class TabularSimulateOptions {

  @Option(names = "--env", paramLabel = "NAME",
      description = "Simulate episodes of an environment instead of a bandit: tabular (a random MDP"
          + " with exact values). Its log is a trajectory log.")
  String env;

  @Option(names = "--states", defaultValue = "5", description = "tabular: number of states (default: ${DEFAULT-VALUE}).")
  int states;

  @Option(names = "--horizon", defaultValue = "0", paramLabel = "H",
      description = "tabular: the most steps of an episode; 0 for none (episodes end at random; default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--episodes", defaultValue = "10000", description = "tabular: episodes to log (default: ${DEFAULT-VALUE}).")
  long episodes;

  @Option(names = "--gamma", defaultValue = "0.9", paramLabel = "G",
      description = "tabular: discount of the true values (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--behaviour", defaultValue = "softmax:0.5", paramLabel = "POLICY",
      description = "tabular: behaviour policy over mean rewards: uniform, greedy, epsilon-greedy:E or softmax:T"
          + " (default: ${DEFAULT-VALUE}).")
  String behaviour;

  @Option(names = "--target", paramLabel = "NAME=POLICY",
      description = "tabular: an evaluation policy written as columns pi_NAME_0.. (repeatable; default:"
          + " uniform=uniform and greedy=epsilon-greedy:0.1).")
  List<String> targets = new ArrayList<>();
}
