package io.ope4j.cli;

import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.data.UsageException;
import io.ope4j.decision.Gate;
import io.ope4j.decision.GateBound;
import io.ope4j.decision.GateDecision;
import io.ope4j.decision.GateRule;
import io.ope4j.decision.SupportRule;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.TermRange;
import io.ope4j.io.BatchContent;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.PolicySpecs;
import io.ope4j.io.report.GateReport;
import io.ope4j.policy.Policy;
import io.ope4j.policy.PolicySource;
import io.ope4j.report.GateSections;
import io.ope4j.report.InputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@code ope4j gate}: whether candidate policies beat a baseline by at least a minimum on the
 * same log (docs/gate.md). Exit codes: {@value Ope4j#OK} deploy, {@value Ope4j#DO_NOT_DEPLOY} do
 * not deploy, {@value Ope4j#INCONCLUSIVE} inconclusive or refused, {@value Ope4j#BAD_INPUT} bad input.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Decide whether candidate policies beat a baseline policy by at least a minimum on the same log."
        + " Exit code 0: deploy; 3: do not deploy; 4: inconclusive or refused (thin support); 2: bad input.")
final class GateCommand implements Callable<Integer>, Preflight {

  @Spec CommandSpec spec;

  @Mixin DataOption log;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

  @Mixin ThreadsOption threads;

  @Mixin LogColumnsOptions columns;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Option(names = "--baseline", required = true, paramLabel = "NAME",
      description = "The baseline policy (one of the log's policies); every other policy is a candidate.")
  String baseline;

  @Option(names = "--min-improvement", defaultValue = "0", paramLabel = "DELTA",
      description = "Smallest improvement of the value over the baseline worth deploying, in reward units;"
          + " negative for a non-inferiority margin (default: ${DEFAULT-VALUE}).")
  double minImprovement;

  @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
      description = "Probability of deploying no candidate whose true improvement is at most the minimum, over all"
          + " candidates (Holm) (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--estimators", paramLabel = "SPEC",
      description = "The one estimator of the paired difference: ipw, snipw, dr, dm or another plain estimator with"
          + " fixed parameters (default: dr with reward-model columns, else ipw).")
  String estimator;

  @Option(names = "--bound", defaultValue = "t", paramLabel = "BOUND",
      description = "Lower bound that decides: t, bootstrap or bernstein (empirical Bernstein, valid without"
          + " normality; needs --term-range) (default: ${DEFAULT-VALUE}).")
  String bound;

  @Option(names = "--term-range", paramLabel = "LO,HI",
      description = "Known range of every per-row difference of the estimator's terms (candidate minus baseline);"
          + " --bound bernstein needs it, and a row outside it is refused (default: none, no Bernstein bound).")
  String termRange;

  @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B",
      description = "Bootstrap replicates for --bound bootstrap (default: ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--min-ess", defaultValue = "100", paramLabel = "N",
      description = "Refuse a policy whose effective sample size is below N (default: ${DEFAULT-VALUE}).")
  double minEss;

  @Option(names = "--max-zero-share", defaultValue = "0.95", paramLabel = "SHARE",
      description = "Refuse a policy that gives the logged action probability 0 on more than this share of the rows"
          + " (default: ${DEFAULT-VALUE}).")
  double maxZeroShare;

  @Option(names = "--mean-weight-z", defaultValue = "4", paramLabel = "Z",
      description = "Refuse a policy whose mean importance weight is more than Z standard errors from 1"
          + " (default: ${DEFAULT-VALUE}).")
  double meanWeightZ;

  @Option(names = "--policy-spec", paramLabel = "FILE",
      description = "Compute the policies (baseline and candidates) from the log's context columns x_* with the"
          + " JSON specs of docs/policies.md instead of reading pi columns; repeatable.")
  List<Path> policySpecs = new ArrayList<>();

  @Option(names = "--record", paramLabel = "FILE",
      description = "Also write the JSON decision record to FILE, whatever --format says.")
  Path record;

  @Override
  public void check() {
    if (GateBound.parse(bound) == GateBound.BERNSTEIN && termRange == null) {
      throw new UsageException("--bound bernstein needs --term-range LO,HI, a known range of every per-row"
          + " difference: Maurer & Pontil's bound holds for a known range, and the observed one can be narrower"
          + " than the true one, so the bound would claim more than the data support");
    }
    if (termRange != null) {
      TermRange.parse(termRange);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new UsageException("--confidence must be in (0, 1), got " + confidence);
    }
    if (!Double.isFinite(minImprovement)) {
      throw new UsageException("--min-improvement must be a finite number, got " + minImprovement);
    }
    if (replicates < 2) {
      throw new UsageException("--bootstrap needs at least 2 replicates, got " + replicates);
    }
    if (!(minEss >= 0) || !(maxZeroShare >= 0 && maxZeroShare <= 1) || !(meanWeightZ > 0)) {
      throw new UsageException("--min-ess must be >= 0, --max-zero-share in [0, 1] and --mean-weight-z > 0");
    }
    if (!policySpecs.isEmpty() && !columns.policies.isEmpty()) {
      throw new UsageException("--policy reads policies from pi columns and --policy-spec computes them from"
          + " the context columns; give one of the two");
    }
    OutputFile.check("--record", record);
  }

  @Override
  public Integer call() throws Exception {
    GateDecision decision;
    try (LogInput input = columns.input(log.data).reopenable()) {
      LogReadOptions options = policySpecs.isEmpty() ? columns.toReadOptions()
          : columns.toReadOptions().withContent(BatchContent.forFitting(true, false, false));
      LogLayout layout;
      try (BatchSource header = input.open(options)) {
        layout = header.layout();
      }
      Map<String, Policy> policies = null;
      if (!policySpecs.isEmpty()) {
        int k = options.nActions() > 0 ? options.nActions() : layout.nActions();
        policies = PolicySpecs.load(policySpecs, new PolicySpecs.Target(layout.contextDim(), k,
            layout.hasPosition() ? -1 : 1, threads.count()));
        int specK = policies.values().iterator().next().nActions();
        options = layout.nActions() == specK ? options : options.withNActions(specK);
      }
      GateRule rule = rule(layout.hasModel() || layout.wideModel());
      try (BatchSource opened = input.open(options);
          BatchSource source = policies == null ? opened : new PolicySource(opened, policies);
          Progress progress = Progress.ofFile(spec.commandLine().getErr(), input)) {
        decision = new Gate(rule, threads.count(), progress).decide(source);
      }
    }
    int code = exitCodeOf(decision);
    GateReport gateReport = new GateReport(decision, code, inputs());
    output.write(spec.commandLine().getOut(), gateReport);
    if (record != null) {
      try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(record, StandardCharsets.UTF_8))) {
        gateReport.writeJson(file);
      }
    }
    report.write(() -> GateSections.of(decision));
    return code;
  }

  private GateRule rule(boolean hasModel) {
    List<Estimator> parsed = Estimators.parseList(estimator != null ? estimator : hasModel ? "dr" : "ipw");
    if (parsed.size() != 1) {
      throw new UsageException("--estimators: the gate takes one estimator, got '" + estimator + "'");
    }
    Estimator chosen = parsed.get(0);
    try {
      return new GateRule(baseline, minImprovement, confidence, GateBound.parse(bound), chosen,
          new SupportRule(minEss, maxZeroShare, meanWeightZ), replicates, seed.seed,
          termRange == null ? null : TermRange.parse(termRange));
    } catch (IllegalArgumentException e) {
      throw new UsageException((termRange != null && chosen.selfNormalized() ? "--term-range: " : "--estimators: ")
          + e.getMessage(), e);
    }
  }

  /** The exit code of a decision: deploy, do not deploy, or neither. */
  static int exitCodeOf(GateDecision decision) {
    return switch (decision.verdict()) {
      case DEPLOY -> Ope4j.OK;
      case DO_NOT_DEPLOY -> Ope4j.DO_NOT_DEPLOY;
      default -> Ope4j.INCONCLUSIVE;
    };
  }

  /** The log and the policy specs, with their SHA-256, for the decision record. */
  private List<GateReport.Input> inputs() throws IOException {
    List<GateReport.Input> files = new ArrayList<>();
    List<String> paths = new ArrayList<>(List.of(log.data));
    policySpecs.forEach(p -> paths.add(p.toString()));
    for (String path : paths) {
      InputFile file = InputFile.of(path);
      files.add(new GateReport.Input(file.name(), file.bytes(), file.sha256()));
    }
    return files;
  }
}
