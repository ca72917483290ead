package io.ope4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code simulate --env NAME} (docs/sequential.md, "Command line" and "Environments"). */
final class TabularSimulateOptions {

  @Option(names = "--env", paramLabel = "NAME",
      description = "Simulate episodes of an environment instead of a bandit, with exact values:"
          + " tabular (a random MDP), gridworld, recommender or bidding; or inventory, with continuous state features"
          + " and Monte Carlo values (with their standard errors). Its log is a trajectory log.")
  String env;

  @Option(names = "--states", defaultValue = "5", description = "tabular: number of states (default: ${DEFAULT-VALUE}).")
  int states;

  @Option(names = "--horizon", defaultValue = "0", paramLabel = "H",
      description = "tabular, gridworld: the most steps of an episode; 0 for none (episodes end at random; default: ${DEFAULT-VALUE});"
          + " inventory: the periods of every episode (0: 20).")
  int horizon;

  @Option(names = "--episodes", defaultValue = "10000", description = "episodes to log (default: ${DEFAULT-VALUE}).")
  long episodes;

  @Option(names = "--gamma", defaultValue = "0.9", paramLabel = "G",
      description = "discount of the true values (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--behaviour", defaultValue = "softmax:0.5", paramLabel = "POLICY",
      description = "behaviour policy over mean rewards: uniform, greedy, epsilon-greedy:E or softmax:T;"
          + " POLICY@q over the optimal Q, optimal = greedy@q (default: ${DEFAULT-VALUE}).")
  String behaviour;

  @Option(names = "--target", paramLabel = "NAME=POLICY",
      description = "an evaluation policy written as columns pi_NAME_0.. (repeatable; default:"
          + " uniform=uniform and greedy=epsilon-greedy:0.1).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--size", defaultValue = "4", description = "gridworld: cells per side (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--slip", defaultValue = "0.2", paramLabel = "P",
      description = "gridworld: chance a move goes in a uniformly drawn direction (default: ${DEFAULT-VALUE}).")
  double slip;

  @Option(names = "--budget", defaultValue = "3", description = "bidding: budget units at the start (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--periods", defaultValue = "5", description = "bidding: auctions per episode (default: ${DEFAULT-VALUE}).")
  int periods;

  @Option(names = "--q-columns", defaultValue = "none", paramLabel = "KIND",
      description = "none, or exact: write q_0..q_{K-1}, the exact Q of one evaluation policy (--q-policy) per"
          + " action, and v, its V, so that evaluate runs dm, dr, sndr without --q-model (default: ${DEFAULT-VALUE}).")
  String qColumns;

  @Option(names = "--q-noise", defaultValue = "0", paramLabel = "SD",
      description = "with --q-columns exact: add a Gaussian error of this standard deviation to each Q, drawn"
          + " once per (step, state, action) from --seed: a wrong model (default: ${DEFAULT-VALUE}).")
  double qNoise;

  @Option(names = "--q-policy", paramLabel = "NAME",
      description = "with --q-columns exact: the evaluation policy whose Q is written (default: the first --target).")
  String qPolicy;

  @Option(names = "--truth-episodes", defaultValue = "100000", paramLabel = "N",
      description = "inventory: on-policy episodes per policy of the Monte Carlo truth (default: ${DEFAULT-VALUE}).")
  long truthEpisodes;
}
