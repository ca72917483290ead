package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.io.CsvLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ope4j simulate --env tabular}: logs episodes of a random {@link TabularMdp} as a
 * trajectory log (docs/formats.md) and writes each evaluation policy's exact value.
 */
final class TabularSimulateRun {

  private static final List<String> DEFAULT_TARGETS =
      List.of("uniform=uniform", "greedy=epsilon-greedy:0.1");

  private TabularSimulateRun() {}

  /** Writes the log and the truth; returns a summary line. */
  static String run(TabularSimulateOptions options, int actions, long seed, Path log, Path truth)
      throws IOException {
    if (!options.env.equals("tabular")) {
      throw new io.ope4j.data.UsageException("--env must be tabular, got '" + options.env + "'");
    }
    if (options.episodes < 1 || !(options.gamma >= 0 && options.gamma <= 1)) {
      throw new io.ope4j.data.UsageException("--episodes must be >= 1 and --gamma in [0, 1]");
    }
    TabularMdp mdp = TabularMdp.random(options.states, actions, options.horizon, seed);
    double[][] scores = mdp.meanRewards();
    double[][] behaviour = TabularPolicies.parse(options.behaviour, scores);
    Map<String, double[][]> targets = targets(options.targets, scores);
    writeLog(mdp, behaviour, targets, options.episodes, seed, log);
    writeTruth(mdp, behaviour, targets, options, actions, seed, truth);
    return String.format("ope4j: wrote %,d episodes to %s and the true values to %s",
        options.episodes, log, truth);
  }

  /** The {@code --target NAME=POLICY} specs (the defaults when none) as policies over {@code scores}. */
  static Map<String, double[][]> targets(List<String> specs, double[][] scores) {
    Map<String, double[][]> targets = new LinkedHashMap<>();
    for (String target : specs.isEmpty() ? DEFAULT_TARGETS : specs) {
      int eq = target.indexOf('=');
      if (eq < 1 || !target.substring(0, eq).matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new io.ope4j.data.UsageException("--target must be NAME=POLICY with a name of letters and"
            + " digits, got '" + target + "'");
      }
      targets.put(target.substring(0, eq), TabularPolicies.parse(target.substring(eq + 1), scores));
    }
    return targets;
  }

  private static void writeLog(TabularMdp mdp, double[][] behaviour,
      Map<String, double[][]> targets, long episodes, long seed, Path log) throws IOException {
    List<String> columns = new ArrayList<>(
        List.of("episode", "step", "state", "action", "reward", "pscore", "done"));
    for (String name : targets.keySet()) {
      for (int a = 0; a < mdp.actions(); a++) {
        columns.add("pi_" + name + "_" + a);
      }
    }
    List<double[][]> policies = List.copyOf(targets.values());
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns)) {
      EpisodeCollector.collect(mdp, behaviour, episodes, seed + 1,
          (episode, step, state, action, reward, pscore, done) -> {
            writer.writeLong(episode).writeInt(step).writeInt(state).writeInt(action)
                .writeDouble(reward).writeDouble(pscore).writeInt(done ? 1 : 0);
            for (double[][] policy : policies) {
              for (double p : policy[state]) {
                writer.writeDouble(p);
              }
            }
            writer.endRow();
          });
    }
  }

  private static void writeTruth(TabularMdp mdp, double[][] behaviour,
      Map<String, double[][]> targets, TabularSimulateOptions options, int actions, long seed,
      Path truth) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    for (Map.Entry<String, double[][]> target : targets.entrySet()) {
      values.put(target.getKey(), mdp.value(target.getValue(), options.gamma));
    }
    root.put(io.ope4j.io.TruthFile.BEHAVIOR_VALUE, mdp.value(behaviour, options.gamma));
    root.put("episodes", options.episodes);
    ObjectNode config = root.putObject("config");
    config.put("env", "tabular");
    config.put("states", options.states);
    config.put("actions", actions);
    config.put("horizon", options.horizon);
    config.put("gamma", options.gamma);
    config.put("behavior", options.behaviour);
    config.put("seed", seed);
    root.put("note", "exact expected discounted returns from the initial distribution (linear"
        + " solve, or backward induction with a horizon); evaluate with the same --gamma");
    mapper.writeValue(truth.toFile(), root);
  }
}
