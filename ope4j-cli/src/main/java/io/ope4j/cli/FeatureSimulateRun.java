package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.environment.FeatureEnvironment;
import io.ope4j.environment.FeatureEpisodeCollector;
import io.ope4j.environment.Inventory;
import io.ope4j.environment.MonteCarloValue;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.io.CsvLogWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ope4j simulate --env inventory}: logs episodes of a {@link FeatureEnvironment} (state
 * features as {@code s_*} columns) and writes each policy's value by Monte Carlo with its standard
 * error (docs/sequential.md, "Environments without a finite state space").
 */
final class FeatureSimulateRun {

  private static final List<String> DEFAULT_TARGETS =
      List.of("greedy=epsilon-greedy:0.1", "uniform=uniform");

  private FeatureSimulateRun() {}

  /** Writes the log and the truth; returns a summary line. */
  static String run(TabularSimulateOptions options, int givenActions, long seed, Path log,
      Path truth, PrintWriter err) throws IOException {
    if (!options.qColumns.equals("none")) {
      throw new io.ope4j.data.UsageException("--q-columns exact needs an exact Q, which --env "
          + options.env + " has not (no finite state space); fit one with evaluate --q-model");
    }
    if (options.truthEpisodes < 2) {
      throw new io.ope4j.data.UsageException("--truth-episodes must be >= 2, got " + options.truthEpisodes);
    }
    int horizon = options.horizon > 0 ? options.horizon : DEFAULT_HORIZON;
    int orders = givenActions > 0 ? givenActions : 4;
    FeatureEnvironment environment;
    try {
      environment = Inventory.of(orders, horizon);
    } catch (IllegalArgumentException e) {
      throw new io.ope4j.data.UsageException("--env " + options.env + ": " + e.getMessage());
    }
    TabularPolicies.Rule behaviour = rule(options.behaviour);
    Map<String, TabularPolicies.Rule> targets =
        TabularSimulateRun.targets(options.targets, DEFAULT_TARGETS, FeatureSimulateRun::rule);
    writeLog(environment, behaviour, targets, options.episodes, seed, log, err);
    ObjectNode config = new ObjectMapper().createObjectNode();
    config.put("env", options.env).put("orders", orders).put("horizon", horizon);
    writeTruth(environment, behaviour, targets, options, config, seed, truth, err);
    return String.format("ope4j: wrote %,d episodes to %s and the Monte Carlo values (%,d episodes"
        + " each) to %s", options.episodes, log, options.truthEpisodes, truth);
  }

  static final int DEFAULT_HORIZON = 20;

  /** A policy over the environment's scores; {@code @q} and {@code optimal} need an exact model. */
  private static TabularPolicies.Rule rule(String spec) {
    String text = spec.trim().toLowerCase(java.util.Locale.ROOT);
    if (text.endsWith("@q") || text.equals("optimal")) {
      throw new io.ope4j.data.UsageException("policy '" + spec + "': @q and optimal need the optimal Q"
          + " of a finite MDP; this environment's policies rank actions by their expected reward this period");
    }
    return TabularPolicies.rule(spec);
  }

  private static void writeLog(FeatureEnvironment environment, TabularPolicies.Rule behaviour,
      Map<String, TabularPolicies.Rule> targets, long episodes, long seed, Path log, PrintWriter err)
      throws IOException {
    List<String> columns = new ArrayList<>(List.of("episode", "step"));
    for (String feature : environment.featureNames()) {
      columns.add("s_" + feature);
    }
    columns.addAll(List.of("action", "reward", "pscore", "done"));
    for (String name : targets.keySet()) {
      for (int a = 0; a < environment.actions(); a++) {
        columns.add("pi_" + name + "_" + a);
      }
    }
    List<TabularPolicies.Rule> rules = List.copyOf(targets.values());
    double[] probabilities = new double[environment.actions()];
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns);
        Progress progress = Progress.onTerminal(err, "episodes written", episodes)) {
      FeatureEpisodeCollector.collect(environment, behaviour, episodes, seed + 1,
          (episode, step, features, scores, action, reward, pscore, done) -> {
            writer.writeLong(episode).writeInt(step);
            for (double feature : features) {
              writer.writeDouble(feature);
            }
            writer.writeInt(action).writeDouble(reward).writeDouble(pscore).writeInt(done ? 1 : 0);
            for (TabularPolicies.Rule rule : rules) {
              rule.probabilities(scores, probabilities);
              for (double p : probabilities) {
                writer.writeDouble(p);
              }
            }
            writer.endRow();
            if (done && (episode & 1023) == 1023) {
              progress.accept(episode + 1);
            }
          });
    }
  }

  private static void writeTruth(FeatureEnvironment environment, TabularPolicies.Rule behaviour,
      Map<String, TabularPolicies.Rule> targets, TabularSimulateOptions options, ObjectNode settings,
      long seed, Path truth, PrintWriter err) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    ObjectNode errors = root.putObject("policies_stderr");
    long n = options.truthEpisodes;
    long total = n * (targets.size() + 1);
    try (Progress progress = Progress.onTerminal(err, "truth episodes", total)) {
      long done = 0;
      long stream = 0;
      for (Map.Entry<String, TabularPolicies.Rule> target : targets.entrySet()) {
        long before = done;
        // an independent stream per policy, apart from the log's
        MonteCarloValue value = MonteCarloValue.of(environment, target.getValue(), options.gamma, n,
            truthSeed(seed, stream++), count -> progress.accept(before + count));
        values.put(target.getKey(), value.value());
        errors.put(target.getKey(), value.stderr());
        done += n;
      }
      long before = done;
      MonteCarloValue behaviourValue = MonteCarloValue.of(environment, behaviour, options.gamma, n,
          truthSeed(seed, stream), count -> progress.accept(before + count));
      root.put(io.ope4j.io.TruthFile.BEHAVIOR_VALUE, behaviourValue.value());
      root.put("behavior_value_stderr", behaviourValue.stderr());
    }
    root.put("truth", "monte carlo");
    root.put("truth_episodes", n);
    double[] range = environment.rewardRange();
    root.putArray("reward_range").add(range[0]).add(range[1]);
    TabularSimulateRun.finishTruth(root, options, settings, seed, "Monte Carlo expected discounted"
        + " returns: the mean over truth_episodes on-policy episodes, its standard error in"
        + " policies_stderr; evaluate with the same --gamma");
    mapper.writeValue(truth.toFile(), root);
  }

  /** The seed of the Monte Carlo stream {@code stream}, apart from the log's ({@code seed + 1}). */
  private static long truthSeed(long seed, long stream) {
    return io.ope4j.internal.stats.CounterRng.key(seed, 1000 + stream);
  }
}
