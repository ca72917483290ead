package io.ope4j.cli;

import io.ope4j.data.UsageException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.CsvLogWriter;
import io.ope4j.io.LogRowWriter;
import io.ope4j.io.ParquetLogWriter;
import io.ope4j.io.TableReader;
import io.ope4j.synthetic.GroundTruth;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import io.ope4j.synthetic.WideColumns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ope4j simulate}: writes a synthetic log with known true policy values. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write a synthetic bandit log (formats.md wide CSV) and the exact true value of every"
        + " evaluation policy in a sidecar JSON; or, with --from-classification, a log made from a labelled"
        + " classification file.")
final class SimulateCommand implements Callable<Integer>, Preflight {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Option(names = "--rows", defaultValue = "10000", description = "Logged rounds to write (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The simulated log to write (replaced if it exists); gzip if it ends in .gz.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Format of the synthetic bandit log: csv or parquet (row groups of 2^20 rows, decoded in parallel;"
          + " docs/ingest.md). Default: parquet if --output ends with .parquet, else csv.")
  String format;

  @Mixin SeedOption seed = new SeedOption(SeedOption.SIMULATION_DEFAULT);

  @Option(names = "--truth", paramLabel = "FILE", description = "Where to write the true values (default: the log's name with .truth.json).")
  Path truth;

  @Mixin SyntheticOptions bandit;

  @Mixin ClassificationOptions classification;

  @Mixin TabularSimulateOptions environment;

  @Mixin ContinuousSimulateOptions continuous;

  @Mixin ExtraSimulateOptions extra;

  @Mixin SlateSimulateOptions slates;

  @Mixin CandidateOptions candidates;

  @Override
  public void check() {
    OutputFile.check("--output", output);
    OutputFile.check("--truth", truth);
    if (format != null && !format.equals("csv") && !format.equals("parquet")) {
      throw new UsageException("--format must be csv or parquet, got '" + format + "'");
    }
  }

  /** Whether the log is written as Parquet: asked for, or told by the output's name. */
  private boolean parquet() {
    if (format != null) {
      return format.equals("parquet");
    }
    return output.getFileName() != null && output.getFileName().toString().endsWith(".parquet");
  }

  /** Parquet is written only by the synthetic bandit simulator: other modes refuse it. */
  private void refuseParquet(String mode) {
    if (parquet()) {
      throw new UsageException("--format parquet is for synthetic bandit logs, not " + mode
          + "; write CSV and run ope4j convert");
    }
  }

  @Override
  public Integer call() throws IOException {
    // ---- continuous actions (docs/continuous.md): handed over to ContinuousSimulateRun ----
    if (continuous.continuous()) {
      refuseParquet("continuous actions");
      if (rows < 1) {
        throw new UsageException("--rows must be at least 1, got " + rows);
      }
      spec.commandLine().getErr().println(ContinuousSimulateRun.run(continuous, candidates.candidates,
          spec.commandLine().getParseResult(),
          bandit.contextDim, bandit.rewardNoise, rows, seed.seed, output, truth != null ? truth : truthPathFor(output),
          spec.commandLine().getErr()));
      return Ope4j.OK;
    }
    // ---- slates (docs/slates.md): handed over to SlateSimulateRun ----
    if (slates.length != null) {
      refuseParquet("slates");
      Path truthPath = truth != null ? truth : truthPathFor(output);
      spec.commandLine().getErr().println(SlateSimulateRun.run(slates, candidates.candidates, bandit, spec, seed.seed,
          output,
          truthPath, spec.commandLine().getErr()));
      return Ope4j.OK;
    }
    candidates.refuse("bandit and trajectory logs");
    // ---- episodes of an environment (docs/sequential.md): handed over to TabularSimulateRun ----
    if (environment.env != null) {
      refuseParquet("--env episodes");
      refuseBanditOptions();
      Path truthPath = truth != null ? truth : truthPathFor(output);
      spec.commandLine().getErr().println(
          TabularSimulateRun.run(environment, bandit.actions, seed.seed, output, truthPath,
              spec.commandLine().getParseResult(), spec.commandLine().getErr()));
      return Ope4j.OK;
    }
    // ---- bandit rounds ----
    if (classification.file != null) {
      refuseParquet("--from-classification");
      if (extra.active()) {
        throw new UsageException("--logger and --embedding-dims simulate synthetic bandits, not --from-classification");
      }
      Path truthPath = truth != null ? truth : truthPathFor(output);
      String summary = classification.run(seed.seed, output, truthPath, spec.commandLine().getParseResult());
      spec.commandLine().getErr().println(summary);
      return Ope4j.OK;
    }
    if (rows < 1) {
      throw new UsageException("--rows must be at least 1, got " + rows);
    }
    // ---- several loggers or action embeddings (docs/large-actions.md): ExtraSimulateRun ----
    if (extra.active()) {
      refuseParquet("--logger or --embedding-dims");
      Path truthPath = truth != null ? truth : truthPathFor(output);
      spec.commandLine().getErr().println(ExtraSimulateRun.run(extra, bandit.toConfig(), rows, output, truthPath));
      return Ope4j.OK;
    }
    SyntheticBandit generator = SyntheticBandit.of(bandit.toConfig());
    Path truthPath = truth != null ? truth : truthPathFor(output);
    write(generator, rows, output, parquet(), truthPath, spec.commandLine().getErr());
    PrintWriter err = spec.commandLine().getErr();
    err.printf("ope4j: wrote %,d rows to %s and the true values to %s%n", rows, output, truthPath);
    return Ope4j.OK;
  }

  static Path truthPathFor(Path log) {
    String name = log.getFileName().toString().replaceFirst("(\\.csv|\\.parquet)?(\\.gz)?$", "");
    return log.resolveSibling(name + ".truth.json");
  }

  /** Streams {@code rows} rows of {@code generator} to {@code log} and its truth to {@code truthPath}. */
  static void write(SyntheticBandit generator, long rows, Path log, Path truthPath, PrintWriter err) throws IOException {
    write(generator, rows, log, false, truthPath, err);
  }

  /** As above, the log in Parquet if {@code parquet} (action INT64, every other column DOUBLE). */
  static void write(SyntheticBandit generator, long rows, Path log, boolean parquet, Path truthPath, PrintWriter err)
      throws IOException {
    WideColumns columns = generator.columns();
    double[] row = new double[columns.count()];
    try (LogRowWriter writer = parquet ? ParquetLogWriter.open(log, columns.names(), kinds(row.length))
            : CsvLogWriter.open(log, columns.names());
        Progress progress = Progress.onTerminal(err, "rows written", rows)) {
      for (long i = 0; i < rows; i++) {
        generator.wideRow(i, row);
        writer.writeInt((int) row[WideColumns.ACTION]);
        for (int c = 1; c < row.length; c++) {
          writer.writeDouble(row[c]);
        }
        writer.endRow();
        if ((i & 0xffff) == 0) {
          progress.accept(i);
        }
      }
    }
    writeTruth(generator, rows, truthPath);
  }

  /** The Parquet kinds of the wide columns: the action an integer, the rest numbers. */
  private static TableReader.Kind[] kinds(int count) {
    TableReader.Kind[] kinds = new TableReader.Kind[count];
    java.util.Arrays.fill(kinds, TableReader.Kind.NUMBER);
    kinds[WideColumns.ACTION] = TableReader.Kind.INTEGER;
    return kinds;
  }

  /** One evaluation policy as {@code --eval-policy} spells it: name, kind and its parameter. */
  private static void policySpec(ObjectNode node, PolicySpec policy) {
    node.put("name", policy.name());
    if (policy instanceof PolicySpec.Softmax softmax) {
      node.put("kind", "softmax").put("temperature", softmax.temperature());
    } else if (policy instanceof PolicySpec.EpsilonGreedy greedy) {
      node.put("kind", "epsilon-greedy").put("epsilon", greedy.epsilon());
    } else {
      node.put("kind", policy instanceof PolicySpec.Argmax ? "argmax" : "uniform");
    }
  }

  private static void writeTruth(SyntheticBandit generator, long rows, Path path) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    GroundTruth truth = generator.truth();
    ObjectNode policies = root.putObject("policies");
    ObjectNode modelValues = root.putObject("model_values");
    for (int p = 0; p < truth.policyCount(); p++) {
      policies.put(truth.policies().get(p), truth.value(p));
      modelValues.put(truth.policies().get(p), truth.modelValue(p));
    }
    root.put("behavior_value", truth.behaviourValue());
    root.put("rows", rows);
    SyntheticConfig config = generator.config();
    ObjectNode settings = root.putObject("config");
    settings.put("actions", config.nActions());
    settings.put("context_dim", config.contextDim());
    settings.put("contexts", config.poolSize());
    settings.put("reward_function", config.rewardFunction().name().toLowerCase(java.util.Locale.ROOT));
    settings.put("reward_type", config.rewardType().name().toLowerCase(java.util.Locale.ROOT));
    settings.put("reward_noise", config.rewardNoise());
    settings.put("behavior_temperature", config.behaviourTemperature());
    settings.put("model_noise", config.modelNoise());
    settings.put("seed", config.seed());
    ArrayNode policySpecs = settings.putArray("eval_policies");
    for (PolicySpec policy : config.policies()) {
      policySpec(policySpecs.addObject(), policy);
    }
    root.put("note", "policies: exact values over the finite context pool; model_values: the q_* columns' value"
        + " under each policy, i.e. what the direct method converges to");
    mapper.writeValue(path.toFile(), root);
  }

  /** With {@code --env}, an option of the bandit simulators would be ignored: refuse it instead. */
  private void refuseBanditOptions() {
    List<String> banditOnly = new java.util.ArrayList<>(List.of("--rows"));
    for (String mixin : List.of("bandit", "classification", "extra")) {
      for (picocli.CommandLine.Model.OptionSpec option : spec.mixins().get(mixin).options()) {
        banditOnly.add(option.longestName());
      }
    }
    banditOnly.remove("--actions"); // the environment's number of actions too
    for (String name : banditOnly) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new UsageException(name + " is an option of the bandit simulators; with --env give"
            + " the environment's options (docs/sequential.md)");
      }
    }
  }
}
