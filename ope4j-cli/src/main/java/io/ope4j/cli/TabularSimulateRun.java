package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.environment.ActionValueColumns;
import io.ope4j.environment.Bidding;
import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.Gridworld;
import io.ope4j.environment.Recommender;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.io.CsvLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * {@code ope4j simulate --env NAME}: logs episodes of a {@link TabularMdp} (random, or a gridworld,
 * recommender or bidding simulator built as one) as a trajectory log (docs/formats.md) and writes
 * each evaluation policy's exact value.
 */
final class TabularSimulateRun {

  private static final List<String> DEFAULT_TARGETS =
      List.of("uniform=uniform", "greedy=epsilon-greedy:0.1");

  private TabularSimulateRun() {}

  /** Which environments take which of their options (the others are refused). */
  private static final Map<String, List<String>> OPTIONS_OF = Map.of(
      "tabular", List.of("--states", "--actions", "--horizon"),
      "gridworld", List.of("--size", "--slip", "--horizon"),
      "recommender", List.of("--actions"),
      "bidding", List.of("--actions", "--budget", "--periods"),
      "inventory", List.of("--actions", "--horizon", "--truth-episodes"));

  private static final List<String> ENVIRONMENT_OPTIONS = List.of("--states", "--actions",
      "--horizon", "--size", "--slip", "--budget", "--periods", "--truth-episodes");

  /** Writes the log and the truth; returns a summary line. */
  static String run(TabularSimulateOptions options, int actions, long seed, Path log, Path truth,
      ParseResult parsed, java.io.PrintWriter err) throws IOException {
    List<String> own = OPTIONS_OF.get(options.env);
    if (own == null) {
      throw new io.ope4j.data.UsageException("--env must be tabular, gridworld, recommender,"
          + " bidding or inventory, got '" + options.env + "'");
    }
    for (String name : ENVIRONMENT_OPTIONS) {
      if (!own.contains(name) && parsed.hasMatchedOption(name)) {
        throw new io.ope4j.data.UsageException(name + " is not an option of --env " + options.env
            + "; its options: " + String.join(", ", own));
      }
    }
    if (options.episodes < 1 || !(options.gamma >= 0 && options.gamma <= 1)) {
      throw new io.ope4j.data.UsageException("--episodes must be >= 1 and --gamma in [0, 1]");
    }
    if (options.env.equals("inventory")) {
      return FeatureSimulateRun.run(options, parsed.hasMatchedOption("--actions") ? actions : 0,
          seed, log, truth, err);
    }
    ObjectNode config = new ObjectMapper().createObjectNode();
    TabularMdp mdp = environment(options, parsed.hasMatchedOption("--actions") ? actions : 0,
        actions, seed, config);
    double[][] behaviour = TabularPolicies.parse(options.behaviour, mdp, options.gamma);
    Map<String, double[][]> targets =
        targets(options.targets, spec -> TabularPolicies.parse(spec, mdp, options.gamma));
    ActionValueColumns model = modelColumns(options, mdp, targets, seed, config);
    writeLog(mdp, behaviour, targets, model, options.episodes, seed, log, err);
    writeTruth(mdp, behaviour, targets, options, config, seed, truth);
    return String.format("ope4j: wrote %,d episodes to %s and the true values to %s",
        options.episodes, log, truth);
  }

  /** The environment {@code --env} names, its settings recorded in {@code config}. */
  private static TabularMdp environment(TabularSimulateOptions options, int givenActions,
      int actions, long seed, ObjectNode config) {
    config.put("env", options.env);
    try {
      switch (options.env) {
        case "gridworld" -> {
          config.put("size", options.size).put("slip", options.slip)
              .put("step_cost", GRID_STEP_COST).put("horizon", options.horizon);
          return Gridworld.of(options.size, options.slip, GRID_STEP_COST, options.horizon);
        }
        case "recommender" -> {
          int topics = givenActions > 0 ? givenActions : 3;
          config.put("topics", topics).put("boredom_levels", BOREDOM_LEVELS);
          return Recommender.of(topics, BOREDOM_LEVELS);
        }
        case "bidding" -> {
          int bids = givenActions > 0 ? givenActions : 4;
          config.put("budget", options.budget).put("periods", options.periods).put("bids", bids);
          return Bidding.of(options.budget, options.periods, bids);
        }
        default -> {
          config.put("states", options.states).put("actions", actions)
              .put("horizon", options.horizon);
          return TabularMdp.random(options.states, actions, options.horizon, seed);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new io.ope4j.data.UsageException("--env " + options.env + ": " + e.getMessage());
    }
  }

  private static final double GRID_STEP_COST = 0.04;
  private static final int BOREDOM_LEVELS = 3;

  /** The {@code --target NAME=POLICY} specs (the defaults when none) as policies over {@code scores}. */
  static Map<String, double[][]> targets(List<String> specs, double[][] scores) {
    return targets(specs, spec -> TabularPolicies.parse(spec, scores));
  }

  private static Map<String, double[][]> targets(List<String> specs,
      java.util.function.Function<String, double[][]> policyOf) {
    return targets(specs, DEFAULT_TARGETS, policyOf);
  }

  /** The {@code --target NAME=POLICY} specs, or {@code defaults} when none, each made by {@code policyOf}. */
  static <T> Map<String, T> targets(List<String> specs, List<String> defaults,
      java.util.function.Function<String, T> policyOf) {
    Map<String, T> targets = new LinkedHashMap<>();
    for (String target : specs.isEmpty() ? defaults : specs) {
      int eq = target.indexOf('=');
      if (eq < 1 || !target.substring(0, eq).matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new io.ope4j.data.UsageException("--target must be NAME=POLICY with a name of letters and"
            + " digits, got '" + target + "'");
      }
      targets.put(target.substring(0, eq), policyOf.apply(target.substring(eq + 1)));
    }
    return targets;
  }

  /**
   * The {@code q_*} and {@code v} columns {@code --q-columns} asks for, or null; their settings
   * recorded in {@code config}.
   */
  private static ActionValueColumns modelColumns(TabularSimulateOptions options, TabularMdp mdp,
      Map<String, double[][]> targets, long seed, ObjectNode config) {
    if (!options.qColumns.equals("exact") && !options.qColumns.equals("none")) {
      throw new io.ope4j.data.UsageException("--q-columns must be exact or none, got '"
          + options.qColumns + "'");
    }
    if (options.qColumns.equals("none")) {
      if (options.qNoise != 0 || options.qPolicy != null) {
        throw new io.ope4j.data.UsageException("--q-noise and --q-policy go with --q-columns exact");
      }
      return null;
    }
    String name = options.qPolicy != null ? options.qPolicy : targets.keySet().iterator().next();
    double[][] policy = targets.get(name);
    if (policy == null) {
      throw new io.ope4j.data.UsageException("--q-policy " + name + " is not a --target; the targets: "
          + String.join(", ", targets.keySet()));
    }
    if (!(options.qNoise >= 0) || Double.isInfinite(options.qNoise)) {
      throw new io.ope4j.data.UsageException("--q-noise must be a finite standard deviation >= 0, got "
          + options.qNoise);
    }
    config.put("q_columns", "exact").put("q_policy", name).put("q_noise", options.qNoise);
    return ActionValueColumns.of(mdp, policy, options.gamma, options.qNoise, seed + 2);
  }

  private static void writeLog(TabularMdp mdp, double[][] behaviour,
      Map<String, double[][]> targets, ActionValueColumns model, long episodes, long seed,
      Path log, java.io.PrintWriter err) throws IOException {
    List<String> columns = new ArrayList<>(
        List.of("episode", "step", "state", "action", "reward", "pscore", "done"));
    for (String name : targets.keySet()) {
      for (int a = 0; a < mdp.actions(); a++) {
        columns.add("pi_" + name + "_" + a);
      }
    }
    if (model != null) {
      for (int a = 0; a < mdp.actions(); a++) {
        columns.add("q_" + a);
      }
      columns.add("v");
    }
    List<double[][]> policies = List.copyOf(targets.values());
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns);
        Progress progress = Progress.onTerminal(err, "episodes written", episodes)) {
      EpisodeCollector.collect(mdp, behaviour, episodes, seed + 1,
          (episode, step, state, action, reward, pscore, done) -> {
            writer.writeLong(episode).writeInt(step).writeInt(state).writeInt(action)
                .writeDouble(reward).writeDouble(pscore).writeInt(done ? 1 : 0);
            for (double[][] policy : policies) {
              for (double p : policy[state]) {
                writer.writeDouble(p);
              }
            }
            if (model != null) {
              for (double q : model.q(step, state)) {
                writer.writeDouble(q);
              }
              writer.writeDouble(model.v(step, state));
            }
            writer.endRow();
            if (done && (episode & 1023) == 1023) {
              progress.accept(episode + 1);
            }
          });
    }
  }

  private static void writeTruth(TabularMdp mdp, double[][] behaviour,
      Map<String, double[][]> targets, TabularSimulateOptions options, ObjectNode settings,
      long seed, Path truth) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    for (Map.Entry<String, double[][]> target : targets.entrySet()) {
      values.put(target.getKey(), mdp.value(target.getValue(), options.gamma));
    }
    root.put(io.ope4j.io.TruthFile.BEHAVIOR_VALUE, mdp.value(behaviour, options.gamma));
    finishTruth(root, options, settings, seed, "exact expected discounted returns from the initial"
        + " distribution (linear solve, or backward induction with a horizon); evaluate with the same --gamma");
    mapper.writeValue(truth.toFile(), root);
  }

  /** The keys every environment's truth file ends with: {@code episodes}, {@code config}, {@code note}. */
  static void finishTruth(ObjectNode root, TabularSimulateOptions options, ObjectNode settings,
      long seed, String note) {
    root.put("episodes", options.episodes);
    ObjectNode config = root.putObject("config");
    config.setAll(settings);
    config.put("gamma", options.gamma);
    config.put("behavior", options.behaviour);
    config.put("seed", seed);
    root.put("note", note);
  }
}
