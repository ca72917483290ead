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
import java.util.List;
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
  static String run(ContinuousSimulateOptions options, ParseResult parsed, int contextDim, double rewardNoise,
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
    write(simulation, log, err);
    writeTruth(simulation, truthPath);
    return String.format(java.util.Locale.ROOT, "ope4j: wrote %,d rows to %s and the true value to %s", rows, log,
        truthPath);
  }

  private static void write(ContinuousSimulation simulation, Path log, PrintWriter err) throws IOException {
    int d = simulation.contextDim();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("x_" + j);
    }
    names.addAll(List.of("action", "reward", "pscore", simulation.densityPolicy() ? "target_density" : "target_action",
        "q_pi", "q"));
    ContinuousSimulator simulator = new ContinuousSimulator(simulation);
    ContinuousBatch row = new ContinuousBatch(simulator.layout(), 1);
    double[] context = new double[d];
    try (CsvLogWriter writer = CsvLogWriter.open(log, names);
        Progress progress = Progress.onTerminal(err, "rows written", simulation.rows())) {
      for (long i = 0; i < simulation.rows(); i++) {
        simulator.fillRow(i, 0, row, context);
        for (double x : context) {
          writer.writeDouble(x);
        }
        writer.writeDouble(row.action()[0]).writeDouble(row.reward()[0]).writeDouble(row.density()[0])
            .writeDouble(row.target()[0]).writeDouble(row.qTarget()[0]).writeDouble(row.qLogged()[0]);
        writer.endRow();
        if ((i & 0xffff) == 0) {
          progress.accept(i);
        }
      }
    }
  }

  private static void writeTruth(ContinuousSimulation simulation, Path path) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.putObject("policies").put("pi", simulation.trueValue());
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
    root.put("note", "policies.pi: the exact value 2 - (policy_slope - 1)^2 / context_dim - policy_shift^2 -"
        + " policy_noise^2; kernel IPW with a kernel of variance s^2 and bandwidth h converges to it minus h^2 s^2");
    mapper.writeValue(path.toFile(), root);
  }
}
