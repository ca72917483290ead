package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.data.UsageException;
import io.ope4j.io.CsvLogWriter;
import io.ope4j.io.report.SlateReport;
import io.ope4j.slate.ClickModel;
import io.ope4j.slate.SlateSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ope4j simulate --slate-length L}: logs slates of a {@link SlateSimulator} as a slate log
 * (docs/formats.md) with every propensity, {@code pi_e_*} and {@code qhat_*}, and writes the
 * evaluation policy's exact value.
 */
final class SlateSimulateRun {

  /** Options of the bandit simulator that slates use too. */
  private static final Set<String> SHARED = Set.of("--actions", "--contexts", "--behaviour-temperature");

  private SlateSimulateRun() {}

  /** Writes the log and the truth; returns a summary line. */
  static String run(SlateSimulateOptions options, List<String> candidates, SyntheticOptions bandit, CommandSpec spec,
      long seed, Path log, Path truth, PrintWriter err) throws IOException {
    refuseOtherOptions(spec);
    if (options.slates < 1) {
      throw new UsageException("--slates must be at least 1, got " + options.slates);
    }
    SlateSimulator simulator;
    try {
      simulator = new SlateSimulator(new SlateSimulator.Config(bandit.actions, options.length,
          bandit.contexts, ClickModel.parse(options.clickModel), bandit.behaviourTemperature,
          options.evaluationTemperature, options.qhatNoise, seed));
    } catch (IllegalArgumentException e) {
      throw new UsageException("simulate --slate-length: " + e.getMessage(), e);
    }
    Map<String, SlateSimulator> policies = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      policies.put(SlateReport.POLICY, simulator);
    } else {
      if (spec.commandLine().getParseResult().hasMatchedOption("--eval-temperature")) {
        throw new UsageException("--eval-temperature sets the one evaluation policy; with --candidate each candidate"
            + " gives its own NAME=TEMPERATURE");
      }
      for (String candidate : candidates) {
        String[] nameAndSpec = CandidateOptions.nameAndSpec(candidate, "NAME=TEMPERATURE");
        if (policies.containsKey(nameAndSpec[0])) {
          throw new UsageException("--candidate " + nameAndSpec[0] + " is given twice");
        }
        double temperature;
        try {
          temperature = Double.parseDouble(nameAndSpec[1]);
        } catch (NumberFormatException e) {
          throw new UsageException("--candidate must be NAME=TEMPERATURE with a number, got '" + candidate + "'", e);
        }
        SlateSimulator.Config base = simulator.config();
        try {
          policies.put(nameAndSpec[0], new SlateSimulator(new SlateSimulator.Config(base.items(), base.length(),
              base.contexts(), base.clickModel(), base.behaviourTemperature(), temperature, base.modelNoise(),
              base.seed())));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--candidate " + candidate + ": " + e.getMessage(), e);
        }
      }
    }
    writeLog(policies, !candidates.isEmpty(), options.slates, log, err);
    writeTruth(simulator, policies, options.slates, truth);
    return String.format("ope4j: wrote %,d slates of %d positions to %s and the true value to %s",
        options.slates, options.length, log, truth);
  }

  /**
   * The log: the logged slates (the same for every policy: each slate's draws depend on the seed
   * and its index only), then per policy its evaluation propensities, {@code pi_e_*} and {@code
   * qhat_*}, named {@code evaluation_policy_NAME_...}, {@code pi_e_NAME_*}, {@code qhat_NAME_*}
   * when {@code named} (docs/formats.md).
   */
  private static void writeLog(Map<String, SlateSimulator> policies, boolean named, long slates, Path log,
      PrintWriter err) throws IOException {
    List<SlateSimulator> simulators = new ArrayList<>(policies.values());
    SlateSimulator first = simulators.get(0);
    int k = first.config().items();
    int length = first.config().length();
    List<String> columns = new ArrayList<>(List.of("slate_id", "position", "action", "reward", "pscore",
        "pscore_item_position", "pscore_cascade"));
    for (String name : policies.keySet()) {
      String evaluation = named ? "evaluation_policy_" + name + "_" : "evaluation_policy_";
      columns.addAll(List.of(evaluation + "pscore", evaluation + "pscore_item_position", evaluation + "pscore_cascade"));
    }
    for (String name : policies.keySet()) {
      for (int a = 0; a < k; a++) {
        columns.add((named ? "pi_e_" + name + "_" : "pi_e_") + a);
      }
      for (int a = 0; a < k; a++) {
        columns.add((named ? "qhat_" + name + "_" : "qhat_") + a);
      }
    }
    SlateSimulator.Slate[] slate = new SlateSimulator.Slate[simulators.size()];
    for (int p = 0; p < slate.length; p++) {
      slate[p] = simulators.get(p).newSlate();
    }
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns);
        Progress progress = Progress.onTerminal(err, "slates written", slates)) {
      for (long i = 0; i < slates; i++) {
        for (int p = 0; p < slate.length; p++) {
          simulators.get(p).draw(i, slate[p]);
        }
        SlateSimulator.Slate logged = slate[0];
        for (int l = 0; l < length; l++) {
          writer.writeLong(i).writeInt(l).writeInt(logged.items[l]).writeDouble(logged.rewards[l])
              .writeDouble(logged.behaviourJoint).writeDouble(logged.behaviourMarginal[l])
              .writeDouble(logged.behaviourPrefix[l]);
          for (SlateSimulator.Slate policy : slate) {
            writer.writeDouble(policy.evaluationJoint).writeDouble(policy.evaluationMarginal[l])
                .writeDouble(policy.evaluationPrefix[l]);
          }
          for (SlateSimulator.Slate policy : slate) {
            for (int a = 0; a < k; a++) {
              writer.writeDouble(policy.evaluationProbability(l, a));
            }
            for (int a = 0; a < k; a++) {
              writer.writeDouble(policy.modelRows[l * k + a]);
            }
          }
          writer.endRow();
        }
        if ((i & 0xffff) == 0) {
          progress.accept(i);
        }
      }
    }
  }

  private static void writeTruth(SlateSimulator simulator, Map<String, SlateSimulator> policies, long slates, Path path)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    for (Map.Entry<String, SlateSimulator> policy : policies.entrySet()) {
      values.put(policy.getKey(), policy.getValue().truth());
    }
    root.put("behavior_value", simulator.behaviourValue());
    root.put("slates", slates);
    SlateSimulator.Config config = simulator.config();
    root.putObject("config")
        .put("items", config.items())
        .put("slate_length", config.length())
        .put("contexts", config.contexts())
        .put("click_model", config.clickModel().id())
        .put("behavior_temperature", config.behaviourTemperature())
        .put("evaluation_temperature", config.evaluationTemperature())
        .put("qhat_noise", config.modelNoise())
        .put("seed", config.seed());
    if (policies.size() > 1 || !policies.containsKey(SlateReport.POLICY)) {
      ObjectNode temperatures = ((ObjectNode) root.get("config")).putObject("candidate_temperatures");
      policies.forEach((name, policy) -> temperatures.put(name, policy.config().evaluationTemperature()));
    }
    mapper.writeValue(path.toFile(), root);
  }

  /** Options of the other simulators are refused rather than ignored. */
  private static void refuseOtherOptions(CommandSpec spec) {
    List<String> others = new ArrayList<>(List.of("--rows"));
    for (String mixin : List.of("bandit", "classification", "environment")) {
      for (picocli.CommandLine.Model.OptionSpec option : spec.mixins().get(mixin).options()) {
        others.add(option.longestName());
      }
    }
    others.removeAll(SHARED);
    for (String name : others) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new UsageException(name + " is not an option of the slate simulator; with --slate-length give"
            + " --slates, --click-model, --eval-temperature, --qhat-noise, --actions, --contexts and"
            + " --behaviour-temperature");
      }
    }
  }
}
