package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.continuous.ContinuousBatch;
import io.ope4j.continuous.ContinuousSimulation;
import io.ope4j.continuous.ContinuousSimulator;
import io.ope4j.data.UsageException;
import io.ope4j.io.CsvLogWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * {@code ope4j simulate --schema continuous}: writes a {@link ContinuousSimulation}'s log (contexts
 * {@code x_*}, {@code action}, {@code reward}, {@code pscore}, {@code target_action} or {@code
 * target_density}, {@code q_pi}, {@code q}) and its exact policy value (docs/continuous.md).
 */
final class ContinuousSimulateRun {

  /** Options of the other simulators that do not apply here; {@code --context-dim} and {@code --reward-noise} do. */
  private static final List<String> NOT_USED = List.of("--actions", "--contexts", "--reward-function", "--reward-type",
      "--behaviour-temperature", "--model-noise", "--eval-policy", "--from-classification", "--behaviour-accuracy-mix",
      "--behaviour-train-fraction", "--epsilon", "--env", "--states", "--horizon", "--episodes", "--gamma",
      "--behaviour", "--target");

  private ContinuousSimulateRun() {}

  /** Writes the log and the truth; returns the summary line. */
  static String run(ContinuousSimulateOptions options, List<String> candidates, ParseResult parsed, int contextDim, double rewardNoise,
      long rows, long seed, Path log, Path truthPath, PrintWriter err) throws IOException {
    for (String name : NOT_USED) {
      if (parsed.hasMatchedOption(name)) {
        throw new UsageException(name + " is an option of the other simulators; a continuous-action log takes"
            + " --rows, --context-dim, --reward-noise, --action-noise, --policy-slope, --policy-shift, --policy-noise"
            + " and --model-shift");
      }
    }
    ContinuousSimulation simulation = new ContinuousSimulation(rows, contextDim, 1.0, options.actionNoise,
        parsed.hasMatchedOption("--reward-noise") ? rewardNoise : 1.0, options.policySlope, options.policyShift,
        options.policyNoise, options.modelShift, seed);
    Map<String, ContinuousSimulation> policies = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      policies.put("pi", simulation);
    } else {
      for (String name : List.of("--policy-slope", "--policy-shift", "--policy-noise")) {
        if (parsed.hasMatchedOption(name)) {
          throw new UsageException(name + " sets the one evaluation policy; with --candidate each candidate gives"
              + " its own SLOPE:SHIFT[:NOISE]");
        }
      }
      for (String candidate : candidates) {
        parseCandidate(candidate, simulation, policies);
      }
    }
    write(policies, !candidates.isEmpty(), log, err);
    writeTruth(simulation, policies, truthPath);
    return String.format(java.util.Locale.ROOT, "ope4j: wrote %,d rows to %s and the true value to %s", rows, log,
        truthPath);
  }

  /** {@code NAME=SLOPE:SHIFT[:NOISE]} into {@code policies}. */
  static void parseCandidate(String text, ContinuousSimulation base, Map<String, ContinuousSimulation> policies) {
    String[] nameAndSpec = CandidateOptions.nameAndSpec(text, "NAME=SLOPE:SHIFT[:NOISE]");
    String[] parts = nameAndSpec[1].split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new UsageException("--candidate must be NAME=SLOPE:SHIFT[:NOISE], got '" + text + "'");
    }
    String name = nameAndSpec[0];
    if (policies.containsKey(name)) {
      throw new UsageException("--candidate " + name + " is given twice");
    }
    try {
      policies.put(name, base.withPolicy(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
          parts.length == 3 ? Double.parseDouble(parts[2]) : 0.0));
    } catch (NumberFormatException e) {
      throw new UsageException("--candidate must be NAME=SLOPE:SHIFT[:NOISE] with numbers, got '" + text + "'", e);
    }
  }

  /**
   * The log: contexts and the logged columns (the same for every policy: each row's draws depend on
   * the seed and the row only), per policy its target and q-hat columns, suffixed by its name when
   * {@code named}, then q-hat at the logged action.
   */
  private static void write(Map<String, ContinuousSimulation> policies, boolean named, Path log, PrintWriter err)
      throws IOException {
    ContinuousSimulation first = policies.values().iterator().next();
    int d = first.contextDim();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("x_" + j);
    }
    names.addAll(List.of("action", "reward", "pscore"));
    List<ContinuousSimulator> simulators = new ArrayList<>();
    for (Map.Entry<String, ContinuousSimulation> policy : policies.entrySet()) {
      String suffix = named ? "_" + policy.getKey() : "";
      names.add((policy.getValue().densityPolicy() ? "target_density" : "target_action") + suffix);
      names.add("q_pi" + suffix);
      simulators.add(new ContinuousSimulator(policy.getValue()));
    }
    names.add("q");
    ContinuousBatch row = new ContinuousBatch(simulators.get(0).layout(), 1);
    double[] context = new double[d];
    try (CsvLogWriter writer = CsvLogWriter.open(log, names);
        Progress progress = Progress.onTerminal(err, "rows written", first.rows())) {
      for (long i = 0; i < first.rows(); i++) {
        simulators.get(0).fillRow(i, 0, row, context);
        for (double x : context) {
          writer.writeDouble(x);
        }
        writer.writeDouble(row.action()[0]).writeDouble(row.reward()[0]).writeDouble(row.density()[0]);
        double qLogged = row.qLogged()[0];
        for (ContinuousSimulator simulator : simulators) {
          simulator.fillRow(i, 0, row, context);
          writer.writeDouble(row.target()[0]).writeDouble(row.qTarget()[0]);
        }
        writer.writeDouble(qLogged);
        writer.endRow();
        if ((i & 0xffff) == 0) {
          progress.accept(i);
        }
      }
    }
  }

  private static void writeTruth(ContinuousSimulation simulation, Map<String, ContinuousSimulation> policies, Path path)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    for (Map.Entry<String, ContinuousSimulation> policy : policies.entrySet()) {
      values.put(policy.getKey(), policy.getValue().trueValue());
    }
    root.put("behavior_value", simulation.behaviorValue());
    root.put("rows", simulation.rows());
    ObjectNode config = root.putObject("config");
    config.put("schema", "continuous");
    config.put("context_dim", simulation.contextDim());
    config.put("action_noise", simulation.behaviorNoise());
    config.put("reward_noise", simulation.rewardNoise());
    config.put("policy_slope", simulation.policySlope());
    config.put("policy_shift", simulation.policyShift());
    config.put("policy_noise", simulation.policyNoise());
    config.put("model_shift", simulation.modelShift());
    config.put("seed", simulation.seed());
    if (policies.size() > 1 || !policies.containsKey("pi")) {
      ObjectNode candidates = config.putObject("candidates");
      for (Map.Entry<String, ContinuousSimulation> policy : policies.entrySet()) {
        candidates.put(policy.getKey(), policy.getValue().policySlope() + ":" + policy.getValue().policyShift() + ":"
            + policy.getValue().policyNoise());
      }
    }
    root.put("note", "policies: the exact value 2 - (policy_slope - 1)^2 / context_dim - policy_shift^2 -"
        + " policy_noise^2; kernel IPW with a kernel of variance s^2 and bandwidth h converges to it minus h^2 s^2");
    mapper.writeValue(path.toFile(), root);
  }
}
