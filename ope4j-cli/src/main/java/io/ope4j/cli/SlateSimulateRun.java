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
import java.util.List;
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
  static String run(SlateSimulateOptions options, SyntheticOptions bandit, CommandSpec spec, long seed,
      Path log, Path truth, PrintWriter err) throws IOException {
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
    writeLog(simulator, options.slates, log, err);
    writeTruth(simulator, options.slates, truth);
    return String.format("ope4j: wrote %,d slates of %d positions to %s and the true value to %s",
        options.slates, options.length, log, truth);
  }

  private static void writeLog(SlateSimulator simulator, long slates, Path log, PrintWriter err)
      throws IOException {
    int k = simulator.config().items();
    int length = simulator.config().length();
    List<String> columns = new ArrayList<>(List.of("slate_id", "position", "action", "reward", "pscore",
        "pscore_item_position", "pscore_cascade", "evaluation_policy_pscore",
        "evaluation_policy_pscore_item_position", "evaluation_policy_pscore_cascade"));
    for (int a = 0; a < k; a++) {
      columns.add("pi_e_" + a);
    }
    for (int a = 0; a < k; a++) {
      columns.add("qhat_" + a);
    }
    SlateSimulator.Slate slate = simulator.newSlate();
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns);
        Progress progress = Progress.onTerminal(err, "slates written", slates)) {
      for (long i = 0; i < slates; i++) {
        simulator.draw(i, slate);
        for (int l = 0; l < length; l++) {
          writer.writeLong(i).writeInt(l).writeInt(slate.items[l]).writeDouble(slate.rewards[l])
              .writeDouble(slate.behaviourJoint).writeDouble(slate.behaviourMarginal[l])
              .writeDouble(slate.behaviourPrefix[l]).writeDouble(slate.evaluationJoint)
              .writeDouble(slate.evaluationMarginal[l]).writeDouble(slate.evaluationPrefix[l]);
          for (int a = 0; a < k; a++) {
            writer.writeDouble(slate.evaluationProbability(l, a));
          }
          for (int a = 0; a < k; a++) {
            writer.writeDouble(slate.modelRows[l * k + a]);
          }
          writer.endRow();
        }
        if ((i & 0xffff) == 0) {
          progress.accept(i);
        }
      }
    }
  }

  private static void writeTruth(SlateSimulator simulator, long slates, Path path) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.putObject("policies").put(SlateReport.POLICY, simulator.truth());
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
