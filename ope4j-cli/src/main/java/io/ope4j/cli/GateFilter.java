package io.ope4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.UsageException;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.report.InputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code select --gate RECORD}: the decision record of {@code ope4j gate} on the same log limits
 * the candidates to the baseline and the policies the gate let through ({@code deploy}), so that
 * the top k for an online test hold only policies with a guaranteed improvement (docs/gate.md).
 *
 * @param baseline the gate's baseline policy
 * @param verdicts each candidate's verdict in the record, in its order
 */
record GateFilter(String baseline, Map<String, String> verdicts) {

  /** Reads the record, refusing one written for another log (its SHA-256 differs). */
  static GateFilter read(Path record, String logPath) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(record.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidDataException(record.toString(), 0, null, "not a gate decision record: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("record").asText().startsWith("ope4j-gate/") || !root.path("candidates").isArray()
        || !root.path("baseline").path("policy").isTextual()) {
      throw new InvalidDataException(record.toString(), 0, null,
          "not a gate decision record (written by ope4j gate --record or --format json)");
    }
    String logHash = InputFile.of(logPath).sha256();
    String recordedHash = root.path("inputs").path(0).path("sha256").asText(null);
    if (logHash != null && recordedHash != null && !logHash.equals(recordedHash)) {
      throw new UsageException(record + " was decided on another log (SHA-256 " + recordedHash + ", "
          + logPath + " has " + logHash + "); run the gate on this log");
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (JsonNode candidate : root.get("candidates")) {
      verdicts.put(candidate.path("policy").asText(), candidate.path("verdict").asText());
    }
    return new GateFilter(root.get("baseline").get("policy").asText(), verdicts);
  }

  /** Whether the gate lets {@code policy} through: the baseline, or a candidate it would deploy. */
  boolean allows(String policy) {
    return policy.equals(baseline) || "deploy".equals(verdicts.get(policy));
  }

  /** The log's policies the gate holds back, with their verdicts (not in the record: unknown). */
  List<String> heldBack(List<String> policies) {
    List<String> held = new ArrayList<>();
    for (String policy : policies) {
      if (!allows(policy)) {
        held.add(policy + " (" + verdicts.getOrDefault(policy, "not in the record") + ")");
      }
    }
    return held;
  }

  /** {@code result} with only the policies the gate lets through. */
  EvaluationResult keep(EvaluationResult result) {
    List<Estimate> estimates = result.estimates().stream().filter(e -> allows(e.policy())).toList();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    result.diagnostics().forEach((policy, d) -> {
      if (allows(policy)) {
        diagnostics.put(policy, d);
      }
    });
    if (!diagnostics.containsKey(baseline)) {
      throw new UsageException("the gate's baseline '" + baseline + "' is not a policy of this log; "
          + "select with --gate ranks the log the gate was run on");
    }
    return new EvaluationResult(result.rows(), estimates, diagnostics, result.warnings(), result.config());
  }
}
