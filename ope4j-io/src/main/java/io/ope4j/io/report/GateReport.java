package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.decision.CandidateVerdict;
import io.ope4j.decision.GateDecision;
import io.ope4j.decision.GateRule;
import io.ope4j.diagnostics.WeightDiagnostics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gate's decision (docs/gate.md): as a table with the plain-language paragraph, as the JSON
 * decision record (inputs' SHA-256, the rule, every number behind each verdict) or as CSV (one
 * row per candidate). Non-finite numbers are JSON null and empty CSV fields.
 */
public final class GateReport implements Report {

  /** The version of the decision record's layout, written as {@code "record"}. */
  public static final String RECORD = "ope4j-gate/1";

  /**
   * An input the decision read.
   *
   * @param path as given
   * @param bytes its size, -1 when not a regular file (standard input)
   * @param sha256 hex SHA-256 of its bytes, null when not a regular file
   */
  public record Input(String path, long bytes, String sha256) {}

  private static final List<String> COLUMNS = List.of("policy", "verdict", "candidate_value", "baseline_value",
      "difference", "stderr", "p_value", "holm_rank", "holm_alpha", "lower_at_holm", "lower_t", "lower_bernstein",
      "lower_bootstrap", "upper", "ess", "mean_weight", "max_weight", "zero_probability_share", "reason");

  private final GateDecision decision;
  private final int exitCode;
  private final List<Input> inputs;

  /**
   * @param exitCode the exit code the command returns for this decision, recorded for pipelines
   * @param inputs the files read, with their hashes
   */
  public GateReport(GateDecision decision, int exitCode, List<Input> inputs) {
    this.decision = decision;
    this.exitCode = exitCode;
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public void writeTable(PrintWriter out) {
    GateRule rule = decision.rule();
    out.printf(Locale.ROOT, "Gate: %s (exit %d)%s%n%n", decision.verdict().id().toUpperCase(Locale.ROOT), exitCode,
        decision.recommended() == null ? "" : ", recommended: " + decision.recommended());
    out.println(decision.summary());
    out.println();
    out.printf(Locale.ROOT, "Improvement over '%s' by %s, %s bound, confidence %s, minimum %s, Holm over %d.%n%n",
        rule.baseline(), rule.estimator().spec(), rule.bound().id(), Formats.percent(rule.confidence()),
        Formats.num(rule.minImprovement()), decision.candidates().size());
    TextTable table = new TextTable();
    table.header(List.of("policy", "verdict", "improvement", "stderr", "lower (Holm)", "upper", "p-value",
        "lower t", "lower bernstein", "ESS", "mean w"));
    for (CandidateVerdict v : decision.candidates()) {
      table.row(List.of(v.policy(), v.verdict().id(), Formats.num(v.difference().value()),
          Formats.num(v.difference().stderr()), Formats.num(v.lowerAtHolm()), Formats.num(v.upper()),
          Formats.num(v.pValue()), Formats.num(v.lowerT()),
          Double.isNaN(v.lowerBernstein()) ? "- (no --term-range)" : Formats.num(v.lowerBernstein()),
          Formats.num(v.weights().effectiveSampleSize()), Formats.num(v.weights().meanWeight())));
    }
    table.print(out);
    out.println();
    for (CandidateVerdict v : decision.candidates()) {
      out.println(v.policy() + ": " + v.reason());
    }
  }

  @Override
  public void writeJson(PrintWriter out) throws java.io.IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("record", RECORD);
    root.put("verdict", decision.verdict().id());
    root.put("exit_code", exitCode);
    if (decision.recommended() == null) {
      root.putNull("recommended");
    } else {
      root.put("recommended", decision.recommended());
    }
    root.put("summary", decision.summary());
    ArrayNode files = root.putArray("inputs");
    for (Input input : inputs) {
      ObjectNode file = files.addObject();
      file.put("path", input.path());
      file.put("bytes", input.bytes());
      file.put("sha256", input.sha256());
    }
    ruleJson(root.putObject("rule"));
    root.put("n_rounds", decision.rows());
    ObjectNode baseline = root.putObject("baseline");
    baseline.put("policy", decision.rule().baseline());
    baseline.put("refusal", decision.baselineRefusal());
    weightsJson(baseline.putObject("diagnostics"), decision.baselineWeights());
    ArrayNode candidates = root.putArray("candidates");
    for (CandidateVerdict v : decision.candidates()) {
      ObjectNode c = candidates.addObject();
      c.put("policy", v.policy());
      c.put("verdict", v.verdict().id());
      c.put("reason", v.reason());
      Formats.put(c, "candidate_value", v.difference().candidateValue());
      Formats.put(c, "baseline_value", v.difference().baselineValue());
      Formats.put(c, "difference", v.difference().value());
      Formats.put(c, "stderr", v.difference().stderr());
      Formats.put(c, "p_value", v.pValue());
      c.put("holm_rank", v.holmRank());
      Formats.put(c, "holm_alpha", v.holmAlpha());
      Formats.put(c, "lower_at_holm", v.lowerAtHolm());
      Formats.put(c, "lower_t", v.lowerT());
      Formats.put(c, "lower_bernstein", v.lowerBernstein());
      Formats.put(c, "lower_bootstrap", v.lowerBootstrap());
      Formats.put(c, "upper", v.upper());
      weightsJson(c.putObject("diagnostics"), v.weights());
    }
    mapper.writeValue(out, root);
    out.println();
  }

  private void ruleJson(ObjectNode node) {
    GateRule rule = decision.rule();
    node.put("baseline", rule.baseline());
    node.put("min_improvement", rule.minImprovement());
    node.put("confidence", rule.confidence());
    node.put("estimator", rule.estimator().spec());
    node.put("bound", rule.bound().id());
    node.put("multiplicity", "holm");
    node.put("family_size", decision.candidates().size());
    if (rule.termRange() == null) {
      node.putNull("term_range");
    } else {
      node.putArray("term_range").add(rule.termRange().lower()).add(rule.termRange().upper());
    }
    node.put("bootstrap_replicates", rule.replicates());
    node.put("seed", rule.seed());
    ObjectNode support = node.putObject("support");
    support.put("min_ess", rule.support().minEss());
    support.put("max_zero_share", rule.support().maxZeroShare());
    support.put("mean_weight_z", rule.support().meanWeightZ());
    node.put("deploy_when", "p_value <= holm_alpha in Holm's step-down order, i.e. lower_at_holm > min_improvement");
    node.put("do_not_deploy_when", "upper < min_improvement");
  }

  private static void weightsJson(ObjectNode node, WeightDiagnostics w) {
    Formats.put(node, "ess", w.effectiveSampleSize());
    Formats.put(node, "mean_weight", w.meanWeight());
    Formats.put(node, "mean_weight_stderr", w.meanWeightStderr());
    Formats.put(node, "max_weight", w.maxWeight());
    Formats.put(node, "zero_probability_share", w.zeroProbabilityShare());
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println(String.join(",", COLUMNS));
    for (CandidateVerdict v : decision.candidates()) {
      out.println(String.join(",", cells(v)));
    }
  }

  /** The {@link #COLUMNS} of one candidate, numbers in CSV form (round-trip, empty when not finite). */
  private static List<String> cells(CandidateVerdict v) {
    WeightDiagnostics w = v.weights();
    List<String> row = new ArrayList<>(List.of(v.policy(), v.verdict().id()));
    for (double x : new double[] {v.difference().candidateValue(), v.difference().baselineValue(),
        v.difference().value(), v.difference().stderr(), v.pValue()}) {
      row.add(Formats.csv(x));
    }
    row.add(Integer.toString(v.holmRank()));
    for (double x : new double[] {v.holmAlpha(), v.lowerAtHolm(), v.lowerT(), v.lowerBernstein(), v.lowerBootstrap(),
        v.upper(), w.effectiveSampleSize(), w.meanWeight(), w.maxWeight(), w.zeroProbabilityShare()}) {
      row.add(Formats.csv(x));
    }
    row.add('"' + v.reason().replace("\"", "\"\"") + '"');
    return row;
  }
}
