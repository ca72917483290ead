package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.data.UsageException;
import io.ope4j.environment.TabularMdp;
import io.ope4j.io.report.SimulationReport;
import io.ope4j.report.SimulationSections;
import io.ope4j.simulation.Sampling;
import io.ope4j.simulation.SimLogAgreement;
import io.ope4j.simulation.SimulatedPolicies;
import io.ope4j.simulation.SimulationPlan;
import io.ope4j.simulation.SimulationResult;
import io.ope4j.synthetic.SyntheticBandit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j sim-eval}: evaluates policies by running them in a simulator (the random tabular
 * MDP or the synthetic bandit), on-policy or with PROPS sampling, until the interval is narrower
 * than {@code --target-width} or the budget is spent; with {@code --logs}, also how far the
 * simulator agrees with a log's estimates of the same policies (docs/simulation.md).
 */
@Command(
    name = "sim-eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Evaluate policies in a simulator (tabular MDP or synthetic bandit), seeded and in parallel, until"
        + " the interval is narrow enough; optionally compare with a log's estimates.")
final class SimEvalCommand implements Callable<Integer>, Preflight {

  @Spec CommandSpec spec;

  @Mixin SeedOption seed = new SeedOption(SeedOption.SIMULATION_DEFAULT);

  @Mixin ThreadsOption threads;

  @Mixin SyntheticOptions synthetic;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Option(names = "--env", defaultValue = "bandit", paramLabel = "NAME",
      description = "bandit (the synthetic bandit of simulate, its --eval-policy policies) or tabular (the random MDP"
          + " of simulate --env tabular, its --target policies); both seeded by --seed (default: ${DEFAULT-VALUE}).")
  String env;

  @Option(names = "--states", defaultValue = "5", description = "tabular: number of states (default: ${DEFAULT-VALUE}).")
  int states;

  @Option(names = "--horizon", defaultValue = "0", paramLabel = "H",
      description = "tabular: the most steps of an episode; 0 for none (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--gamma", defaultValue = "0.9", paramLabel = "G",
      description = "tabular: discount of the returns (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--target", paramLabel = "NAME=POLICY",
      description = "tabular: a policy to evaluate over the mean rewards: uniform, greedy, epsilon-greedy:E or"
          + " softmax:T (repeatable; default: uniform=uniform and greedy=epsilon-greedy:0.1).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--sampling", defaultValue = "on-policy", paramLabel = "MODE",
      description = "on-policy, or props: robust on-policy sampling, which steers the actions so that their counts"
          + " track the policy's probabilities (default: ${DEFAULT-VALUE}).")
  String sampling;

  @Option(names = "--props-step", defaultValue = "1.0", paramLabel = "STEP",
      description = "props: how much each surplus visit of an action lowers its logit (default: ${DEFAULT-VALUE}).")
  double propsStep;

  @Option(names = "--target-width", defaultValue = "0", paramLabel = "W",
      description = "Stop a policy once its interval is narrower than W, checked after every round; 0 runs the"
          + " whole budget (default: ${DEFAULT-VALUE}).")
  double targetWidth;

  @Option(names = "--budget", defaultValue = "100000", paramLabel = "EPISODES",
      description = "The most episodes per policy (default: ${DEFAULT-VALUE}).")
  long budget;

  @Option(names = "--round", defaultValue = "1024", paramLabel = "EPISODES",
      description = "Episodes per round, a multiple of 64: the unit of the stopping check and of PROPS's update"
          + " (default: ${DEFAULT-VALUE}).")
  int round;

  @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--logs", paramLabel = "FILE",
      description = "A log of the same policies (as written by simulate with the same settings and seed): also"
          + " estimate them from it and report the agreement of simulator and log.")
  String logs;

  @Option(names = "--log-estimator", paramLabel = "ID",
      description = "Estimator of the log's values: a bandit estimator (default snipw) or, for a trajectory log, a"
          + " sequential one (default pdis).")
  String logEstimator;

  @Option(names = "--values-out", paramLabel = "FILE",
      description = "Also write the simulated values as a truth file (the JSON of simulate), for evaluate --truth"
          + " and select --truth.")
  Path valuesOut;

  @Override
  public void check() {
    OutputFile.check("--values-out", valuesOut);
    Sampling.parse(sampling);
    if (!env.equals("bandit") && !env.equals("tabular")) {
      throw new UsageException("--env must be bandit or tabular, got '" + env + "'");
    }
    try {
      plan();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--gamma, --level, --target-width, --budget, --round, --props-step: " + e.getMessage(), e);
    }
  }

  private SimulationPlan plan() {
    return new SimulationPlan(gamma, level, targetWidth, budget, round, Sampling.parse(sampling), propsStep, seed.seed,
        threads.count());
  }

  @Override
  public Integer call() throws Exception {
    SimulatedPolicies simulator = simulator();
    Map<String, SimulationResult> results;
    try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), "episodes",
        budget * simulator.targets().size())) {
      results = simulator.evaluate(plan(), progress);
    }
    SimLogAgreement agreement = null;
    String label = null;
    if (logs != null) {
      LogEstimates estimates = LogEstimates.of(logs, logEstimator, List.copyOf(results.keySet()), simulator.gamma(),
          level, threads.count());
      agreement = SimLogAgreement.of(List.copyOf(results.keySet()), values(results, 0), values(results, 1),
          values(results, 2), estimates.values(), estimates.lower(), estimates.upper());
      label = estimates.label();
    }
    output.write(spec.commandLine().getOut(), new SimulationReport(results, simulator.exactValues(), agreement, label));
    if (valuesOut != null) {
      writeValues(results, simulator.gamma());
    }
    SimLogAgreement agreed = agreement;
    report.write(() -> SimulationSections.of(results, simulator.exactValues(), agreed));
    return Ope4j.OK;
  }

  private SimulatedPolicies simulator() {
    if (env.equals("bandit")) {
      return SimulatedPolicies.bandit(SyntheticBandit.of(synthetic.toConfig()));
    }
    if (states < 1 || horizon < 0) {
      throw new UsageException("--states must be >= 1 and --horizon >= 0");
    }
    double[][] scores = TabularMdp.random(states, synthetic.actions, horizon, seed.seed).meanRewards();
    return SimulatedPolicies.tabular(states, synthetic.actions, horizon, seed.seed, gamma,
        TabularSimulateRun.targets(targets, scores));
  }

  /** Per policy: 0 the value, 1 the interval's lower end, 2 its upper end. */
  private static double[] values(Map<String, SimulationResult> results, int which) {
    double[] out = new double[results.size()];
    int j = 0;
    for (SimulationResult r : results.values()) {
      out[j++] = which == 0 ? r.value() : which == 1 ? r.lower() : r.upper();
    }
    return out;
  }

  /** The simulated values in the truth file's layout: {@code {"policies": {...}, "config": {...}, "note": ...}}. */
  private void writeValues(Map<String, SimulationResult> results, double discount) throws IOException {
    ObjectMapper mapper = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode values = root.putObject("policies");
    results.forEach((name, r) -> values.put(name, r.value()));
    ObjectNode config = root.putObject("config");
    config.put("env", env);
    config.put("gamma", discount);
    config.put("sampling", sampling);
    config.put("seed", seed.seed);
    root.put("note", "values measured in a simulator by sim-eval (mean returns, with the intervals it printed),"
        + " not exact values");
    mapper.writeValue(valuesOut.toFile(), root);
  }
}
